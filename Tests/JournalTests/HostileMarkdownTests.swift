import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// Bodies written to make cmark-gfm 0.29.0.gfm.6 take time that grows faster than their size.
/// Each is either refused before cmark-gfm sees it, with a located `markdown-limits` finding,
/// or shown to be read in bounded time at the largest size journal reads.
extension HostileInputTests {
  static let header = "---\ndate: 2026-11-21\ntype: career-development\n---\n"
  /// The file line of the body's first line.
  static let bodyLine = 5

  /// `unit` repeated to fill `bytes`.
  static func repeated(_ unit: String, _ bytes: Int) -> String {
    String(String(repeating: unit, count: bytes / unit.utf8.count + 1).utf8.prefix(bytes))!
  }

  func limitFindings(_ body: String) throws -> [Diagnostic] {
    try findings(Self.header + body).filter { $0.rule == "markdown-limits" }
  }

  @Test func bodyOverTheLimitIsRefusedWhereItPassesIt() throws {
    let line = "- Walked the team through the checkout flow and its error states.\n"
    let body = Self.repeated(line, 40 * 1024)
    let found = try limitFindings(body)
    #expect(found.map(\.message) == ["the body is 40 KiB (40960 bytes); journal reads a body of at most 32 KiB"])
    // The first byte past the limit is on this line of the body.
    let overLine = body.utf8.prefix(32 * 1024).count { $0 == 0x0A }
    #expect(found.first?.location.line == Self.bodyLine + overLine)
  }

  @Test func aBodyAtTheLimitIsRead() throws {
    let body = "## Strengths\n\n" + Self.repeated("- Asked engineering about the constraints before the review\n", 32 * 1024 - 14)
    #expect(body.utf8.count == 32 * 1024)
    #expect(try limitFindings(body).isEmpty)
  }

  /// Nesting that makes every later line walk every open container: refused at the marker
  /// that opens the 65th level.
  @Test(arguments: [
    ("list items on one line, then blank lines", repeated("- ", 2 * 70) + "x" + String(repeating: "\n", count: 20_000), 1, 129),
    ("the same in a block quote", "> " + repeated("- ", 2 * 70) + "x\n" + String(repeating: ">\n", count: 10_000), 1, 129),
    ("block quotes, then emphasis", String(repeating: ">", count: 100) + repeated("a*", 20_000), 1, 65),
    ("block quotes with spaces", repeated("> ", 20_000) + "a", 1, 129),
    ("lists nested by indentation", (0..<80).map { String(repeating: "  ", count: $0) + "* a\n" }.joined(), 65, 129),
    ("ordered lists", repeated("1. ", 3 * 70) + "x\n", 1, 193),
  ])
  func deepNestingIsRefused(_ name: String, _ body: String, _ line: Int, _ column: Int) throws {
    let found = try limitFindings(body)
    #expect(found.map(\.message) == ["lists and block quotes nested more than 64 deep"], "\(name)")
    #expect(found.first?.location == Location(line: Self.bodyLine + line - 1, column: column), "\(name)")
    // Bounded work: the refusal is made by one pass over the bytes, before cmark-gfm is given
    // the body, and a refused body is not read at all: a section after the nesting, which a
    // harmless body before it leaves readable, does not reach the session.
    func strengths(_ body: String) -> Int? {
      let text = Self.header.replacingOccurrences(of: "2026-11-21", with: "2026-11-20") + body
        + "\n\n## Strengths\n\n- Led the incident review and wrote the timeline the same day\n"
      let parsed = DocumentParser.parse(Array(text.utf8), path: RuleExample.sessionPath, sections: .standard)
      guard case .session(let session)? = parsed.document else { return nil }
      return session.strengths.count
    }
    #expect(strengths("Talked through the roadmap.") == 1)
    #expect(strengths(body) == 0, "\(name)")
  }

  @Test func deepIndentationWithoutAMarkerIsText() throws {
    let body = "```\n" + String(repeating: " ", count: 300) + "deeply indented code\n```\n"
    #expect(try limitFindings(body).isEmpty)
  }

  /// The inline constructs cmark-gfm 0.29.0.gfm.6 handles in time that grows with the square
  /// (or more) of a paragraph's length, each filling the largest body journal reads: bounded
  /// by the body's size, they are read, and say nothing about the limits.
  @Test(arguments: [
    ("![[]() repeated", "![[]()"),
    ("emphasis and links", "*a*[b](c)"),
    ("emphasis, links and an image opener", "*a*[b](c)!["),
    ("image opener then a link", "![a[b]()"),
    ("processing instructions", "a<?"),
    ("CDATA sections", "x <![CDATA[ y\n"),
    ("declarations", "a <!A b\n"),
    ("unclosed links", "[a](<b"),
    ("nested strong emphasis", "*a **a "),
    ("emphasis closers", "a_ "),
    ("link openers", "[a"),
    ("link closers", "a]"),
    ("backticks", "e`e``e```"),
    ("table rows", "| a | b |\n| --- | --- |\n"),
    ("task items", "- [ ] Pair on the billing migration due:2026-12-01 owner:sam\n"),
  ])
  func quadraticInlinesAreBoundedByTheBodySize(_ name: String, _ unit: String) throws {
    // Bounded by size, not by a clock: the largest body journal reads is read, and one byte
    // more is refused before cmark-gfm sees it, whatever it holds. How long each takes at the
    // limit is `journal-bench markdown`'s to say.
    let body = "## Actions\n\n" + Self.repeated(unit, 32 * 1024 - 12)
    let found = try limitFindings(body)
    #expect(found.isEmpty, "\(name)")
    #expect(try limitFindings(body + "x").count == 1, "\(name)")
  }
}
