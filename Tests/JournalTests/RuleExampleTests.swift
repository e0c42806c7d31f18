import Foundation
import JournalKit
import JournalModel
import JournalParsing
import JournalRules
import Testing

@testable import JournalChecks

/// Every rule's examples are its tests: triggering ones report the rule at each `↓`, the
/// others do not report it at all.
@Suite struct RuleExampleTests {
  static let rules = allRules.map(\.id)

  @Test(arguments: rules)
  func triggeringExamplesReportAtTheirMarkers(_ id: String) throws {
    let rule = try #require(RuleRegistry.rule(id))
    #expect(!rule.description.triggering.isEmpty, "every rule shows when it triggers")
    for example in rule.description.triggering {
      let (files, marks) = markers(in: example.files)
      let report = try check(files, today: example.today)
      let found = report.diagnostics.filter { $0.rule == id }
      #expect(!found.isEmpty, "\(id) should trigger on \(files)")
      for (file, location) in marks {
        #expect(
          found.contains { $0.file == file && $0.location == location },
          "\(id) expected at \(file):\(location), found \(found.map { "\($0.file):\($0.location) \($0.message)" })")
      }
      for diagnostic in found {
        #expect(diagnostic.severity == rule.description.severity, "\(id) reports at its documented severity")
      }
    }
  }

  @Test func parsingRulesAreFileScoped() {
    for rule in allRules where rule is any ParsingRule {
      #expect(rule.description.scope == .file, "\(rule.id) is applied while one file is read")
    }
  }

  /// The checker holds each rule to its scope; the examples run through it in a debug build,
  /// where a finding outside its scope stops the run.
  @Test func findingsOutsideTheirScopeAreCaught() throws {
    let parsed = DocumentParser.parse(
      Array("---\ndate: 2026-11-20\ntype: career-development\n---\n".utf8), path: RuleExample.sessionPath)
    guard case .session(let session)? = parsed.document else {
      Issue.record("the session should parse: \(parsed.diagnostics)")
      return
    }
    let alex = PersonRecord(
      id: "alex", folder: "mentees/alex", profile: nil, sessions: [session], plans: [])
    let context = CheckContext(
      journal: Journal(config: JournalConfig(), people: [alex]), today: RuleExample.defaultToday,
      paths: [RuleExample.sessionPath])
    func finding(_ rule: any Rule, in file: String) -> Diagnostic {
      context.finding(rule.description, "a finding", file: file, at: .start)
    }
    let fileRule = try #require(RuleRegistry.rule("no-action"))
    let personRule = try #require(RuleRegistry.rule("overdue-action"))
    #expect(RuleRegistry.outOfScope([finding(fileRule, in: session.file)], of: fileRule.description, in: context).isEmpty)
    #expect(RuleRegistry.outOfScope([finding(fileRule, in: "mentees/alex/profile.md")], of: fileRule.description, in: context).count == 1)
    #expect(RuleRegistry.outOfScope([finding(personRule, in: "mentees/alex/profile.md")], of: personRule.description, in: context).isEmpty)
    #expect(RuleRegistry.outOfScope([finding(personRule, in: "mentees/bo/profile.md")], of: personRule.description, in: context).count == 1)
    #expect(RuleRegistry.outOfScope([finding(personRule, in: "journal.yml")], of: personRule.description, in: context).count == 1)
  }

  @Test(arguments: rules)
  func nonTriggeringExamplesAreClean(_ id: String) throws {
    let rule = try #require(RuleRegistry.rule(id))
    #expect(!rule.description.nonTriggering.isEmpty, "every rule shows when it does not trigger")
    for example in rule.description.nonTriggering {
      let report = try check(example.files, today: example.today)
      let found = report.diagnostics.filter { $0.rule == id }
      #expect(found.isEmpty, "\(id) should not trigger: \(found.map { "\($0.file):\($0.location) \($0.message)" })")
    }
  }

  @Test func ruleIDsAreUniqueAndStable() {
    let ids = allRules.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(
      Set(ids) == [
        "front-matter", "yaml-syntax", "missing-field", "invalid-value", "file-name",
        "missing-profile", "broken-link", "duplicate-id", "action-syntax", "encoding",
        "markdown-limits", "unknown-field", "unknown-section", "unread-text", "unbalanced-feedback", "no-action", "vague-feedback", "late-feedback",
        "overdue-action", "missed-follow-up", "overdue-check-in", "retention",
        "missing-retention", "unknown-rubric", "unknown-category", "rating-scale", "unrated-category",
        "rating-without-evidence",
      ])
  }

  /// docs/rules.md is generated from these descriptions; it must not drift.
  @Test func rulesReferenceIsUpToDate() throws {
    let path = packageRoot.appendingPathComponent("docs/rules.md")
    let expected = RuleCatalog.markdown()
    if ProcessInfo.processInfo.environment["JOURNAL_UPDATE_GOLDEN"] != nil {
      try expected.write(to: path, atomically: true, encoding: .utf8)
    }
    let actual = try String(contentsOf: path, encoding: .utf8)
    #expect(actual == expected, "run `journal rules --format markdown > docs/rules.md`")
  }
}
