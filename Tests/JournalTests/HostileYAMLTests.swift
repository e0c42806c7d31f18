import JournalChecks
import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// Front matter written to make YAML cost more than its size, or to make the YAML reader and
/// an editor disagree about what a line holds.
extension HostileInputTests {
  /// Anchors written after a tag, and aliases inside tagged flow collections: a lexical scan
  /// that looks only at the first token of a value misses both, and a composer that hashes
  /// mapping keys to find repeats then walks 9^9 nodes.
  static let taggedAliasBomb: String = {
    var lines = ["---", "a: !t &a [x,x,x,x,x,x,x,x,x]"]
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      lines.append("\(name): !t &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
      previous = name
    }
    lines.append("j: !t {*i: 1, *i: 2}")
    return lines.joined(separator: "\n") + "\n---\n"
  }()

  @Test func taggedAliasBombIsRefusedAtItsFirstAnchor() throws {
    let found = try findings(Self.taggedAliasBomb)
    #expect(found.map(\.rule) == ["yaml-syntax"])
    #expect(found.first?.message == "YAML anchors and tags are not allowed in front matter")
    #expect(found.first?.location == Location(line: 2, column: 4))
    // Bounded work: the reader stops there, with no nodes, before any alias is read.
    let front = Array(Self.taggedAliasBomb.utf8.dropFirst(4).dropLast(4))
    let (nodes, problems) = front.withUnsafeBufferPointer { YAMLReader.read($0, firstLine: 2, file: "f.md") }
    #expect(nodes == nil && problems.count == 1)
  }

  @Test func anAliasIsRefusedWhereverItIs() throws {
    // No anchor is defined: the alias itself is refused where it is read, deep in a flow
    // collection.
    let found = try findings("---\ndate: 2026-11-21\ntype: career-development\ntags: [x, {k: *a}]\n---\n")
    #expect(found.map(\.rule) == ["yaml-syntax"])
    #expect(found.first?.message == "YAML aliases are not allowed in front matter")
    #expect(found.first?.location == Location(line: 4, column: 15))
  }

  @Test func tagsAnchorsAndAliasesAreRefusedWhereTheyAre() throws {
    let cases: [(String, String, Location)] = [
      ("date: !!str 2026-11-21\ntype: career-development\n", "YAML tags are not allowed in front matter", Location(line: 2, column: 7)),
      ("date: 2026-11-21\ntype: career-development\nobjectives: ! [a]\n", "YAML tags are not allowed in front matter", Location(line: 4, column: 13)),
      ("date: 2026-11-21\ntype: career-development\nmetrics: {&m k: 1}\n", "YAML anchors are not allowed in front matter", Location(line: 4, column: 11)),
      ("date: 2026-11-21\ntype: career-development\ntags:\n  - x\n  - *x\n", "YAML aliases are not allowed in front matter", Location(line: 6, column: 5)),
    ]
    for (yaml, message, location) in cases {
      let found = try findings("---\n" + yaml + "---\n")
      #expect(found.map(\.message) == [message], "\(yaml)")
      #expect(found.first?.location == location, "\(yaml)")
      #expect(found.first?.rule == "yaml-syntax")
    }
  }

  @Test func anAmpersandInContinuedTextIsText() throws {
    // A plain value continued on the next line may start that line with `&` or `*`: YAML
    // reads it as text, and so does journal.
    let found = try findings("---\ndate: 2026-11-21\ntype: career-development\nproject: Billing\n  &Payments *rewrite\n---\n")
    #expect(found.isEmpty)
  }

  /// U+2028, U+2029 and U+0085 end a line for YAML but not for journal, git or most editors.
  @Test func lineSeparatorInACommentDoesNotShiftLines() throws {
    let found = try findings(
      "---\ndate: 2026-11-21 # moved from Monday\u{2028}type: nonsense\ntype: career-development\nmentr: x\n---\n")
    #expect(found.map { "\($0.rule)@\($0.location.line):\($0.location.column)" } == ["invalid-value@2:37", "unknown-field@4:1"])
    #expect(found.first?.message == "line separator U+2028 in front matter: YAML reads it as a line break, editors do not")
  }

  @Test func nextLineInACommentDoesNotShiftLines() throws {
    let found = try findings("---\ndate: 2026-11-21 # moved\u{85}from Monday\ntype: career-development\nmentr: x\n---\n")
    #expect(found.map { "\($0.rule)@\($0.location.line):\($0.location.column)" } == ["invalid-value@2:25", "unknown-field@4:1"])
    #expect(found.first?.message == "control character U+0085 in front matter")
  }

  @Test func lineSeparatorCannotHideAnAnchorFromTheReader() throws {
    // Whatever YAML would make of the rest of the comment, journal reads it as a comment and
    // says so: nothing after the separator becomes a field.
    let found = try findings("---\n# a comment\u{2028}a: &a [x]\ndate: 2026-11-21\ntype: career-development\n---\n")
    #expect(found.map { "\($0.rule)@\($0.location.line):\($0.location.column)" } == ["invalid-value@2:12"])
    let separator = try findings("---\ndate: 2026-11-21\ntype: career-development\nmentor: Ana\u{2029}Lima\n---\n")
    #expect(separator.map { "\($0.rule)@\($0.location.line):\($0.location.column)" } == ["invalid-value@4:12"])
  }

  @Test func repeatsAreFoundInSmallAndLargeMappings() throws {
    // Up to 16 keys a mapping's earlier keys are searched in turn, past that they are hashed:
    // repeats on both sides of the switch, and of a key seen before it, are found.
    var yaml = "---\ndate: 2026-11-21\ntype: career-development\nmetrics:\n"
    for index in 0..<40 { yaml += "  m\(index): 1\n" }
    yaml += "  m3: 2\n  m20: 2\n  m39: 2\n---\n"
    let found = try findings(yaml).filter { $0.rule == "duplicate-id" }
    #expect(found.map { "\($0.location.line): \($0.message)" } == [
      "45: key `m3` is given more than once; the first is on line 8",
      "46: key `m20` is given more than once; the first is on line 25",
      "47: key `m39` is given more than once; the first is on line 44",
    ])
    let small = try findings("---\ndate: 2026-11-21\ntype: career-development\nmetrics: {a: 1, b: 2, a: 3}\n---\n")
    #expect(small.filter { $0.rule == "duplicate-id" }.map(\.location) == [Location(line: 4, column: 23)])
  }

  @Test func journalYMLIsOneDocument() throws {
    var files = RuleExample.session("---\ndate: 2026-11-20\ntype: career-development\n---\nNotes.\n").files
    files["journal.yml"] = "---\ntitle: T\n"
    #expect(try check(files).diagnostics.isEmpty, "a document start line is allowed")
    files["journal.yml"] = "title: T\n---\ntitle: U\n"
    let found = try check(files).diagnostics
    #expect(found.map { "\($0.rule)@\($0.location.line):\($0.location.column): \($0.message)" } == [
      "yaml-syntax@2:1: invalid YAML: a second document; journal reads one"
    ])
  }

  @Test func frontMatterSizeIsBounded() throws {
    var yaml = "---\ndate: 2026-11-21\ntype: career-development\nobjectives:\n"
    while yaml.utf8.count < 70 * 1024 { yaml += "  - Agree the plan for the quarter\n" }
    let found = try findings(yaml + "---\n")
    #expect(found.map(\.rule) == ["yaml-syntax"])
    #expect(found.first?.message.hasPrefix("front matter is 70 KiB") == true)
    // The finding points at the line that holds the first byte past the limit.
    let firstLineOver = yaml.utf8.prefix("---\n".utf8.count + 64 * 1024).count { $0 == 0x0A } + 1
    #expect(found.first?.location.line == firstLineOver)
  }
}
