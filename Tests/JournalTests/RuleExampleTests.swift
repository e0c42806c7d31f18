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

  /// A rule's scope is the kind of rule it is: the parser's rules and `FileRule`s are given
  /// one file, `PersonRule`s one person. Every rule is exactly one of the three.
  @Test func everyRuleIsOfOneKind() {
    for rule in allRules {
      let kinds = [rule is any ParsingRule, rule is any FileRule, rule is any PersonRule]
      #expect(kinds.count { $0 } == 1, "\(rule.id) is a parsing, file or person rule")
      #expect(rule.scope == (rule is any PersonRule ? .person : .file), "\(rule.id)")
    }
  }

  /// A file rule is given one note at a time, and its context reaches no other: a probe
  /// rule reports, for each call, every note it can find by walking what it was given.
  @Test func aFileRuleSeesOneFile() throws {
    let alex = try ScopeProbe.person("alex", sessions: ["2026-11-06", "2026-11-20"], plan: "staff")
    let rules = RuleSchedule([ScopeProbe.File()], settings: ScopeProbe.settings)
    let findings = rules.check(alex, paths: [])
    let notes = [alex.profile!.file] + alex.sessions.map(\.file) + alex.plans.map(\.file)
    #expect(findings.map(\.file).sorted() == notes.sorted(), "the rule is given each note once")
    for finding in findings {
      #expect(finding.message == "sees \(finding.file)", "a file rule's context holds its note alone")
    }
  }

  /// A person rule is given one person, and reaches no other person's notes.
  @Test func aPersonRuleSeesOnePerson() throws {
    let alex = try ScopeProbe.person("alex", sessions: ["2026-11-06"], plan: nil)
    let rules = RuleSchedule([ScopeProbe.Person()], settings: ScopeProbe.settings)
    let findings = rules.check(alex, paths: [])
    #expect(findings.map(\.message) == ["sees \(alex.profile!.file), \(alex.sessions[0].file)"])
  }

  /// The contexts reach nothing else, so only a rule that makes up a path can report outside
  /// its scope; the checker catches that in a debug build, and the examples run through it.
  @Test func findingsOutsideTheirScopeAreCaught() throws {
    let alex = try ScopeProbe.person("alex", sessions: ["2026-11-20"], plan: nil)
    let session = Note.session(alex.sessions[0])
    func finding(in file: String) -> Diagnostic {
      Diagnostic(rule: "probe", severity: .warning, message: "a finding", file: file, location: .start, hint: nil)
    }
    #expect(RuleSchedule.outOfScope([finding(in: session.file)], of: session).isEmpty)
    #expect(RuleSchedule.outOfScope([finding(in: "mentees/alex/profile.md")], of: session).count == 1)
    #expect(RuleSchedule.outOfScope([finding(in: "mentees/alex/profile.md")], of: alex).isEmpty)
    #expect(RuleSchedule.outOfScope([finding(in: "mentees/bo/profile.md")], of: alex).count == 1)
    #expect(RuleSchedule.outOfScope([finding(in: "journal.yml")], of: alex).count == 1)
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
        "rating-scale", "unrated-category", "rating-without-evidence", "leftover-file",
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
