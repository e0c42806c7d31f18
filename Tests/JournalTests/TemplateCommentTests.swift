import Foundation
import JournalModel
import Testing

@testable import JournalParsing

/// What a template writes as guidance, an HTML comment, is not writing: a section that holds
/// only its comment was left as `journal new session` wrote it, wherever journal decides
/// whether a section, or a session, was written.
@Suite struct TemplateCommentTests {
  /// A fresh journal with one person, and the session `journal new session` prepared for
  /// 2026-11-20, as a person starts one; its path in the journal.
  func prepared() throws -> (folder: TemporaryFolder, session: String) {
    let folder = try TemporaryFolder()
    for arguments in [
      ["init"], ["new", "person", "sam-okafor", "--name", "Sam Okafor"],
      ["new", "session", "sam-okafor", "--date", "2026-11-20", "--today", "2026-11-20"],
    ] {
      let run = try runJournal(arguments, in: folder.path)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
    return (folder, "mentees/sam-okafor/sessions/2026-11-20.md")
  }

  func text(_ folder: TemporaryFolder, _ path: String) throws -> String {
    try String(contentsOfFile: folder.path + "/" + path, encoding: .utf8)
  }

  func session(_ text: String) throws -> Session {
    let parsed = DocumentParser.parse(
      Array(text.utf8), path: "mentees/sam-okafor/sessions/2026-11-20.md", sections: .standard)
    guard case .session(let session)? = parsed.document else { throw ParseFailure(diagnostics: parsed.diagnostics) }
    return session
  }

  struct ParseFailure: Error { let diagnostics: [Diagnostic] }

  /// Strengths written, the dialogue left with its template comment: the session was held,
  /// but nobody wrote a dialogue, and `show` has none to quote.
  @Test func aDialogueHoldingOnlyItsCommentIsNoDialogue() throws {
    let (folder, path) = try prepared()
    let template = try text(folder, path)
    #expect(template.contains("## Dialogue\n\n<!-- Their own view, in their words. -->\n"))
    let written = template.replacingOccurrences(
      of: "<!-- What went well: one item each, with an example. -->",
      with: "- Ran the incident review and wrote the timeline the same day.")
    try folder.write([path: written])
    #expect(try session(written).dialogue == nil)
    let show = try runJournal(["show", "sam-okafor", "--today", "2026-11-26"], in: folder.path)
    #expect(show.status == 0, "\(show.stderr)")
    #expect(!show.stdout.contains("Last dialogue"), "\(show.stdout)")
    #expect(!show.stdout.contains("Their own view"), "\(show.stdout)")
    #expect(show.stdout.contains("2026-11-20 career-development\n  + Ran the incident review"), "\(show.stdout)")
  }

  /// Words written under the template's comment are the dialogue, without the comment.
  @Test func theDialogueIsWhatWasWrittenBesideTheComment() throws {
    let (folder, path) = try prepared()
    let written = try text(folder, path).replacingOccurrences(
      of: "<!-- Their own view, in their words. -->",
      with: "<!-- Their own view, in their words. -->\n\n\"I want to own the next migration.\"\n\n<!-- ask about on-call -->\n\nShe asked for a reviewer.")
    try folder.write([path: written])
    #expect(try session(written).dialogue == "\"I want to own the next migration.\"\n\nShe asked for a reviewer.")
    let show = try runJournal(["show", "sam-okafor", "--today", "2026-11-26"], in: folder.path)
    #expect(
      show.stdout.contains(
        "Last dialogue, 2026-11-20\n  \"I want to own the next migration.\"\n\n  She asked for a reviewer.\n"),
      "\(show.stdout)")
  }

  /// The untouched template is not written anywhere journal asks: `empty-session` says so,
  /// `show` names it prepared, `summary` counts no session held.
  @Test func anUntouchedTemplateIsNotWritingForRulesAndSummaries() throws {
    let (folder, path) = try prepared()
    let prepared = try session(try text(folder, path))
    #expect(!prepared.hasWriting)
    #expect(prepared.dialogue == nil)
    let check = try runJournal(["check", "--today", "2026-11-26"], in: folder.path)
    #expect(check.stdout.contains("[empty-session]"), "\(check.stdout)")
    let show = try runJournal(["show", "sam-okafor", "--today", "2026-11-26"], in: folder.path)
    #expect(show.stdout.contains("2026-11-20 career-development · prepared, not written yet"), "\(show.stdout)")
    let summary = try runJournal(["summary", "--format", "json", "--today", "2026-11-26"], in: folder.path)
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(summary.stdout.contains("\"sessions\":0") || summary.stdout.contains("\"sessions\": 0"), "\(summary.stdout)")
  }

  /// HTML that is not only a comment is something a person wrote: a `<details>` block of
  /// dialogue makes the session written, as its text does.
  @Test func htmlBesideOrInsteadOfACommentIsWriting() throws {
    let (folder, path) = try prepared()
    let written = try text(folder, path).replacingOccurrences(
      of: "<!-- Their own view, in their words. -->",
      with: "<details>\nShe wants to own the next migration.\n</details>")
    try folder.write([path: written])
    let read = try session(written)
    #expect(read.hasWriting)
    #expect(read.dialogue == "<details>\nShe wants to own the next migration.\n</details>")
    let check = try runJournal(["check", "--today", "2026-11-26"], in: folder.path)
    #expect(!check.stdout.contains("[empty-session]"), "\(check.stdout)")
    // A comment with text after its end on the same line is one HTML block, and written.
    let after = try session(
      try text(folder, path).replacingOccurrences(
        of: "<!-- Their own view, in their words. -->", with: "<!-- Their own view --> wants the migration"))
    #expect(after.hasWriting)
  }

  @Test func onlyCommentsAndWhiteSpaceAreOnlyComments() {
    func only(_ text: String) -> Bool { text.withCString { HTMLComment.isOnlyComments($0) } }
    #expect(only("<!-- a -->\n"))
    #expect(only("  <!-- a -->  <!--\nb\n-->\n"))
    #expect(!only("<!-- a --> b\n"))
    #expect(!only("<!-- unclosed\n"))
    #expect(!only("<div>\n"))
    #expect(!only(""))
  }
}
