import Foundation
import JournalKit
import JournalModel
import JournalParsing
import Testing

/// A self-assessment (`type: self-assessment` in `sessions/`): read with the same care as any
/// note, never counted as a session held, never judged as a mentor's feedback, and listed as
/// the person's own words.
@Suite struct SelfAssessmentTests {
  static let path = "mentees/alex/sessions/2026-11-24-self-assessment.md"
  static let text = """
    ---
    date: 2026-11-24
    type: self-assessment
    ---
    ## Achievements

    - Shipped the billing export two days early.

    ## Challenges

    - Needs to improve
    - Be more proactive

    ## For the next session

    I would like to talk about leading the next migration.

    """

  /// A person met every week, last on 2026-11-10, who wrote a self-assessment since.
  static let journal: [String: String] = [
    "journal.yml": "title: Team\n",
    "mentees/alex/profile.md": "---\nname: Alex Kim\ncadence: 1w\n---\n",
    "mentees/alex/sessions/2026-11-10.md": """
      ---
      date: 2026-11-10
      type: performance-improvement
      follow-up: 2026-11-17
      ---
      ## Strengths

      - Wrote the migration plan with a rollback for each step.

      ## Actions

      - [ ] Draft the runbook due:2026-12-04 owner:alex

      """,
    path: text,
  ]

  @Test func isReadAsASelfAssessmentNotASession() throws {
    let parsed = DocumentParser.parse(Array(Self.text.utf8), path: Self.path, sections: .standard)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    guard case .selfAssessment(let note)? = parsed.document else {
      Issue.record("read as \(String(describing: parsed.document))")
      return
    }
    #expect(note.date == Day(iso: "2026-11-24"))
    #expect(note.personID == "alex")
    #expect(note.hasWriting)
    let loaded = try JournalLoader.load(MemoryJournal(texts: Self.journal))
    let alex = try #require(loaded.journal.person("alex"))
    #expect(alex.sessions.map(\.file) == ["mentees/alex/sessions/2026-11-10.md"])
    #expect(alex.selfAssessments.map(\.file) == [Self.path])
    #expect(alex.lastSession?.file == "mentees/alex/sessions/2026-11-10.md")
  }

  /// The cadence and the follow-up still count from the last session held, and the vague,
  /// unbalanced, action-less items of the person's own view are not judged as feedback.
  @Test func doesNotResetCadenceNorSettleAFollowUpNorGetJudged() throws {
    let report = try check(Self.journal)
    let found = report.diagnostics.map { "\($0.file):\($0.location.line):\($0.location.column) \($0.rule)" }
    #expect(
      found == [
        "mentees/alex/profile.md:3:10 overdue-check-in",
        "mentees/alex/sessions/2026-11-10.md:4:12 missed-follow-up",
      ], "\(found)")
    // The same journal without the self-assessment gives the same findings.
    var without = Self.journal
    without[Self.path] = nil
    #expect(try check(without).diagnostics == report.diagnostics)
  }

  /// What the person wrote is read as meant or reported: a session's field, a mistyped type,
  /// and an action item nobody would follow up, each where it is written.
  @Test func reportsWhatItCannotTake() throws {
    var files = Self.journal
    files[Self.path] = """
      ---
      date: 2026-11-24
      type: self-assessment
      mentor: Hannah
      follow-up: 2026-12-01
      folow: x
      ---
      ## Actions

      - [ ] Ask for a stretch project

      """
    files["mentees/alex/sessions/2026-11-25.md"] = "---\ndate: 2026-11-25\ntype: self-assesment\n---\nNotes.\n"
    let found = try check(files).diagnostics.filter { $0.file != "mentees/alex/profile.md" }
      .map { "\($0.file):\($0.location.line):\($0.location.column) \($0.rule): \($0.message)" + ($0.hint.map { " (\($0))" } ?? "") }
    #expect(
      found == [
        "mentees/alex/sessions/2026-11-24-self-assessment.md:4:1 unknown-field: `mentor` is a field of a session, not of a self-assessment (a self-assessment takes only `date` and `type`: write the rest in its body, in your own words)",
        "mentees/alex/sessions/2026-11-24-self-assessment.md:5:1 unknown-field: `follow-up` is a field of a session, not of a self-assessment (a self-assessment takes only `date` and `type`: write the rest in its body, in your own words)",
        "mentees/alex/sessions/2026-11-24-self-assessment.md:6:1 unknown-field: unknown field `folow` in a self-assessment (known fields: `date`, `type`)",
        "mentees/alex/sessions/2026-11-24-self-assessment.md:10:1 unread-text: `- [ ]` in a self-assessment is not read as an action: a self-assessment's items are not followed up (write it as a `- ` item, and agree the action in the session, where it goes under `## Actions`)",
        "mentees/alex/sessions/2026-11-25.md:3:7 invalid-value: `self-assesment` is not a session type (did you mean `self-assessment`?)",
      ], "\(found)")
  }

  /// Its date agrees with its file name, as a session's must, and a missing date is reported.
  @Test func dateAndFileName() throws {
    var files = Self.journal
    files[Self.path] = "---\ndate: 2026-11-23\ntype: self-assessment\n---\n"
    files["mentees/alex/sessions/2026-11-25-self-assessment.md"] = "---\ntype: self-assessment\n---\n"
    let found = try check(files).diagnostics.filter { $0.file.contains("self-assessment") }
      .map { "\($0.file):\($0.location.line):\($0.location.column) \($0.rule)" }
    #expect(
      found == [
        "mentees/alex/sessions/2026-11-24-self-assessment.md:2:7 file-name",
        "mentees/alex/sessions/2026-11-25-self-assessment.md:1:1 missing-field",
      ], "\(found)")
  }

  /// `journal fmt` orders its two keys and leaves its body as written, list markers and all.
  @Test func formatsOnlyItsFrontMatter() {
    let text = "---\ntype: self-assessment\ndate: 2026-11-24\n---\n## Notes\n\n* one\n+ two\n"
    let outcome = Formatter.format(Array(text.utf8), path: Self.path, sections: .standard)
    #expect(outcome == .formatted("---\ndate: 2026-11-24\ntype: self-assessment\n---\n## Notes\n\n* one\n+ two\n"))
  }
}

extension SelfAssessmentTests {
  /// An empty file named as one is told the command that writes it.
  @Test func anEmptyOneIsToldTheCommand() throws {
    var files = Self.journal
    files[Self.path] = "\n"
    let found = try check(files).diagnostics.filter { $0.file == Self.path }
    #expect(found.map(\.rule) == ["front-matter"])
    #expect(found.first?.hint?.contains("journal new self-assessment alex --date 2026-11-24") == true, "\(found)")
  }
}
