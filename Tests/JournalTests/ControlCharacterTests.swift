import JournalChecks
import JournalKit
import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// Names, ids and values that hold control characters (C0, C1, bidirectional overrides) are
/// reported by `journal check` as `invalid-value`, where they are, with a hint.
@Suite struct ControlCharacterTests {
  static let session = "---\ndate: 2026-11-20\ntype: career-development\n"

  func summary(_ found: [Diagnostic]) -> [String] {
    found.map { "\($0.rule)@\($0.location.line):\($0.location.column): \($0.message)" }
  }

  @Test func escapedControlInAName() throws {
    let found = try check(
      RuleExample.session(Self.session + "---\nNotes.\n").files.merging(
        ["mentees/alex/profile.md": "---\nname: \"Alex\\e]0;pwned\\a\"\n---\n"]) { $1 }
    ).diagnostics
    #expect(summary(found) == ["invalid-value@2:7: `name` holds the control character U+001B"])
    #expect(found.first?.hint == "delete it: a control character can rewrite a terminal or hide text from a reader")
  }

  @Test func bidirectionalOverrideWrittenAsIs() throws {
    let found = try checkSession(Self.session + "mentor: Ana \u{202E}ylirtS\n---\n")
    #expect(summary(found) == ["invalid-value@4:9: `mentor` holds the bidirectional control U+202E"])
    #expect(found.first?.hint == "delete it: it can make text read differently on screen than it is written")
    for isolate in ["\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}"] {
      #expect(try checkSession(Self.session + "project: x\(isolate)y\n---\n").map(\.rule) == ["invalid-value"])
    }
  }

  @Test func controlsInListsAndIds() throws {
    #expect(
      summary(try checkSession(Self.session + "tags: [ok, \"csi\\x9B2J\"]\n---\n"))
        == ["invalid-value@4:12: `tags` holds the control character U+009B"])
    #expect(
      summary(try checkSession(Self.session + "objectives:\n  - \"bell\\a\"\n---\n"))
        == ["invalid-value@5:5: `objectives` holds the control character U+0007"])
    let plan = "---\ntitle: Growth\ncreated: 2026-10-01\ngoals:\n  - id: \"re\\u0008views\"\n    description: Review\n---\n"
    let found = try check(RuleExample.session(Self.session + "---\nNotes.\n").files.merging(["mentees/alex/plans/growth.md": plan]) { $1 })
      .diagnostics.filter { $0.file.hasSuffix("growth.md") }
    #expect(summary(found).contains("invalid-value@5:9: `id` holds the control character U+0008"))
  }

  @Test func controlsInKeys() throws {
    let found = try checkSession(Self.session + "metrics:\n  \"rate\\x1B\": 3\n---\n")
    #expect(summary(found).contains("invalid-value@5:3: a key holds the control character U+001B"))
  }

  @Test func controlsWrittenRawAreReportedWhereTheyAreAndTheRestIsRead() throws {
    let found = try checkSession(Self.session + "mentor: Sam\u{1B}[2J\nmentr: x\n---\n")
    #expect(summary(found) == [
      "invalid-value@4:12: control character U+001B in front matter",
      "unknown-field@5:1: unknown field `mentr` in a session",
    ])
  }

  @Test func tabsAndLineBreaksInTextAreText() throws {
    let plan = "---\ntitle: Growth\ncreated: 2026-10-01\ngoals:\n  - id: reviews\n    description: |\n      Review two pull requests a week,\n      \tand one design document.\n---\n"
    let found = try check(RuleExample.session(Self.session + "---\nNotes.\n").files.merging(["mentees/alex/plans/growth.md": plan]) { $1 })
      .diagnostics
    #expect(found.isEmpty, "\(summary(found))")
    #expect(try checkSession(Self.session + "project: \"a\\tb\"\n---\n").isEmpty)
  }

  @Test func settingsInJournalYML() throws {
    var files = RuleExample.session(Self.session + "---\nNotes.\n").files
    files["journal.yml"] = "title: \"T\\x7F\"\nrules:\n  vague-feedback:\n    phrases: [\"rock\\u2028star\"]\n"
    let found = try check(files).diagnostics
    #expect(summary(found) == [
      "invalid-value@1:8: `title` holds the control character U+007F",
      "invalid-value@4:15: `phrases` holds the line separator U+2028",
    ])
  }
}
