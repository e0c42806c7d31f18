import JournalModel
import Testing

@testable import JournalParsing

/// How item text, code spans, action tokens and headings are read from a body, at the edges
/// where reading bytes and reading `Character`s could part: code spans at an item's ends and
/// around tokens, white space outside ASCII, `[-]`, headings in other scripts.
@Suite struct BodyTextTests {
  func session(_ body: String) throws -> (session: Session, diagnostics: [Diagnostic]) {
    let text = "---\ndate: 2026-11-20\ntype: career-development\n---\n" + body
    let parsed = DocumentParser.parse(Array(text.utf8), path: "mentees/alex/sessions/2026-11-20.md", sections: .standard)
    guard case .session(let session)? = parsed.document else {
      Issue.record("no session: \(parsed.diagnostics)")
      throw Failure()
    }
    return (session, parsed.diagnostics)
  }

  struct Failure: Error {}

  @Test func tokensInsideOrTouchingCodeAreText() throws {
    let (s, found) = try session(
      """
      ## Actions

      - [ ] Run `select due:2026-01-01` now due:2026-12-01
      - [ ] x`y` due:2026-12-02
      - [ ] ` due:2026-01-01` owner:sam
      - [ ] a`b`due:2026-01-03 c
      - [ ] `a` due:2026-12-04`b`

      """)
    #expect(found.isEmpty, "\(found)")
    #expect(s.actions.map(\.text) == [
      "Run select due:2026-01-01 now", "xy", " due:2026-01-01", "abdue:2026-01-03 c", "a due:2026-12-04b",
    ])
    #expect(s.actions.map(\.due) == [Day(iso: "2026-12-01"), Day(iso: "2026-12-02"), nil, nil, nil])
    #expect(s.actions[2].owner == "sam")
  }

  @Test func droppedActions() throws {
    let (s, found) = try session("## Actions\n\n- [-] Book the lab\n- [-]`x` y\n- [-]\n- [-]x\n")
    #expect(s.actions.map(\.text) == ["Book the lab"])
    #expect(s.actions.map(\.status) == [.dropped])
    #expect(found.map(\.message) == [
      "an item under Actions must be a task-list item", "action has no text, only tokens",
      "an item under Actions must be a task-list item",
    ])
    #expect(found.map(\.location.line) == [8, 9, 10])
  }

  @Test func itemsAreTrimmedOutsideCodeSpansOnly() throws {
    let (s, _) = try session(
      "## Strengths\n\n- \u{A0}`x`\u{A0}\n- `\u{A0}x` and more\n- plain\u{3000}\n- two\n  lines\n\n  and a paragraph\n")
    #expect(s.strengths.map(\.text) == ["x", "\u{A0}x and more", "plain", "two lines and a paragraph"])
  }

  @Test func tokensAreFoundWhereTheyAreWritten() throws {
    let (s, found) = try session("## Actions\n\n- [ ] Café review\n  with Zoë due:2026-13-01 due:2026-12-01 priority:urgent\n")
    #expect(s.actions.first?.text == "Café review with Zoë")
    #expect(found.map(\.message) == [
      "`due:2026-13-01` is not a real calendar date", "`due:` is given more than once",
      "`urgent` is not a priority",
    ])
    #expect(found.map(\.location) == [
      SourceLocation(line: 8, column: 12), SourceLocation(line: 8, column: 27), SourceLocation(line: 8, column: 42),
    ])
  }

  @Test func aNoBreakSpaceDoesNotSplitWords() throws {
    let (s, _) = try session("## Actions\n\n- [ ] Write it\u{A0}due:2026-12-01\n")
    #expect(s.actions.first?.text == "Write it\u{A0}due:2026-12-01")
    #expect(s.actions.first?.due == nil)
  }

  @Test func headings() throws {
    let (s, _) = try session(
      """
      ## STRENGTHS :

      - one

      ## Areas for Improvement:

      - two

      ## `Actions`

      - [ ] three

      ## Äctions

      - [ ] not an action

      ## Dialogue

        First words.\u{A0}

      ## Dialogue

      More.

      """)
    #expect(s.strengths.map(\.text) == ["one"])
    #expect(s.improvements.map(\.text) == ["two"])
    #expect(s.actions.map(\.text) == ["three"])
    #expect(s.dialogue == "First words.\n\nMore.")
    #expect(s.strengthsSection?.title == "STRENGTHS :")
    #expect(s.actionsSection?.title == "Actions")
  }

  @Test func headingsOutsideASCIIFollowUnicodeCase() throws {
    // U+0130 lowercases to `i` and a combining dot above, which is no `i`.
    let (s, _) = try session("## ACT\u{130}ONS\n\n- [ ] one\n\n## Strengths\u{3000}\n\n- two\n")
    #expect(s.actions.isEmpty)
    #expect(s.strengths.map(\.text) == ["two"])
  }
}
