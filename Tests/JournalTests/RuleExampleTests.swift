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

  /// The ways each example is read again: as written, with CRLF line endings, and with a
  /// UTF-8 byte-order mark before each file. Positions and messages must not change: a line
  /// ending is one line break whatever its bytes, and a byte-order mark is not a column.
  enum Replay: String, CaseIterable, Sendable {
    case asWritten = "as written"
    case crlf = "with CRLF line endings"
    case byteOrderMark = "with a byte-order mark"

    func apply(_ files: [String: String]) -> [String: String] {
      switch self {
      case .asWritten: files
      case .crlf: files.mapValues { Self.crlf($0) }
      case .byteOrderMark: files.mapValues { $0.unicodeScalars.first == "\u{FEFF}" ? $0 : "\u{FEFF}" + $0 }
      }
    }

    /// Every `\n` not already after a `\r` becomes `\r\n`, scalar by scalar.
    static func crlf(_ text: String) -> String {
      var out = String.UnicodeScalarView()
      var previous: Unicode.Scalar? = nil
      for scalar in text.unicodeScalars {
        if scalar == "\n", previous != "\r" { out.append("\r") }
        out.append(scalar)
        previous = scalar
      }
      return String(out)
    }
  }

  /// A triggering example reports its rule exactly at its markers, each with the message the
  /// example names, and nowhere else; read again with other line endings and a byte-order
  /// mark, it reports the same.
  @Test(arguments: rules, Replay.allCases)
  func triggeringExamplesReportExactlyAtTheirMarkers(_ id: String, _ replay: Replay) throws {
    let rule = try #require(RuleRegistry.rule(id))
    #expect(!rule.description.triggering.isEmpty, "every rule shows when it triggers")
    for example in rule.description.triggering {
      let place = Testing.SourceLocation(
        fileID: example.fileID, filePath: example.filePath, line: example.line, column: 1)
      let (files, marks) = markers(in: example.files)
      let sortedMarks = example.missingFiles.map { ($0, Location.start) } + marks.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
      #expect(
        example.messages.count == sortedMarks.count,
        "\(id): an example names one message for each of its \(sortedMarks.count) markers", sourceLocation: place)
      let expected = zip(sortedMarks, example.messages)
        .sorted { ($0.0.0, $0.0.1, $0.1) < ($1.0.0, $1.0.1, $1.1) }
        .map { "\($0.0.0):\($0.0.1) \($0.1)" }
      let report = try check(replay.apply(files), today: example.today)
      let found = report.diagnostics.filter { $0.rule == id }
      let actual = found.sorted(by: Diagnostic.reportOrder).map { "\($0.file):\($0.location) \($0.message)" }
      #expect(actual == expected, "\(id) \(replay.rawValue)", sourceLocation: place)
      for diagnostic in found {
        #expect(
          diagnostic.severity == rule.description.severity, "\(id) reports at its documented severity",
          sourceLocation: place)
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
      Array("---\ndate: 2026-11-20\ntype: career-development\n---\n".utf8), path: RuleExample.sessionPath,
      sections: .standard)
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
      Diagnostic(
        rule: rule.id, severity: rule.description.severity, message: "a finding", file: file, location: .start, hint: nil)
    }
    let fileRule = try #require(RuleRegistry.rule("no-action"))
    let personRule = try #require(RuleRegistry.rule("overdue-action"))
    #expect(RuleRegistry.outOfScope([finding(fileRule, in: session.file)], of: fileRule.description, in: context).isEmpty)
    #expect(RuleRegistry.outOfScope([finding(fileRule, in: "mentees/alex/profile.md")], of: fileRule.description, in: context).count == 1)
    #expect(RuleRegistry.outOfScope([finding(personRule, in: "mentees/alex/profile.md")], of: personRule.description, in: context).isEmpty)
    #expect(RuleRegistry.outOfScope([finding(personRule, in: "mentees/bo/profile.md")], of: personRule.description, in: context).count == 1)
    #expect(RuleRegistry.outOfScope([finding(personRule, in: "journal.yml")], of: personRule.description, in: context).count == 1)
  }

  @Test(arguments: rules, Replay.allCases)
  func nonTriggeringExamplesAreClean(_ id: String, _ replay: Replay) throws {
    let rule = try #require(RuleRegistry.rule(id))
    #expect(!rule.description.nonTriggering.isEmpty, "every rule shows when it does not trigger")
    for example in rule.description.nonTriggering {
      let place = Testing.SourceLocation(
        fileID: example.fileID, filePath: example.filePath, line: example.line, column: 1)
      #expect(example.messages.isEmpty, "\(id): an example that does not trigger names no message", sourceLocation: place)
      let report = try check(replay.apply(example.files), today: example.today)
      let found = report.diagnostics.filter { $0.rule == id }
      #expect(
        found.isEmpty, "\(id) \(replay.rawValue) should not trigger: \(found.map { "\($0.file):\($0.location) \($0.message)" })",
        sourceLocation: place)
    }
  }

  /// Every rule has a golden case, as hledger keeps one per error: under `Fixtures/rules/<id>`,
  /// a journal that makes the rule report, the arguments and the exact output of
  /// `journal check`. A new rule's case is started from its first triggering example by
  /// `JOURNAL_UPDATE_GOLDEN=1 swift test --filter RuleExampleTests`; read it before committing.
  @Test(arguments: rules)
  func everyRuleHasAGoldenCase(_ id: String) throws {
    let folder = fixtures.appendingPathComponent("rules/\(id)")
    if ProcessInfo.processInfo.environment["JOURNAL_UPDATE_GOLDEN"] != nil,
      !FileManager.default.fileExists(atPath: folder.path)
    {
      let rule = try #require(RuleRegistry.rule(id))
      let example = try #require(rule.description.triggering.first)
      for (path, text) in markers(in: example.files).files {
        let url = folder.appendingPathComponent("journal/\(path)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      }
      try Data("check\n--today\n\(example.today)\n".utf8).write(to: folder.appendingPathComponent("args"))
      try Data().write(to: folder.appendingPathComponent("expected"))
    }
    #expect(FileManager.default.fileExists(atPath: folder.path), "\(id) has no golden case in Fixtures/rules/\(id)")
    guard FileManager.default.fileExists(atPath: folder.path) else { return }
    let output = try checkGolden(folder)
    #expect(output.contains("[\(id)]\n"), "the golden case of \(id) shows one of its findings")
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
        "missing-retention", "empty-session", "future-date", "unknown-rubric", "unknown-category",
        "rating-scale", "unrated-category", "rating-without-evidence",
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
