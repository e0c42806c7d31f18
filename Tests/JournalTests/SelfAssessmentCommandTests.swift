import Foundation
import Testing

/// The built `journal`, run as a mentor or a mentee would: `new self-assessment`, then what
/// `check`, `show`, `summary` and `new session` make of it.
@Suite struct SelfAssessmentCommandTests {
  static let files: [String: String] = [
    "journal.yml": "title: Team\n",
    "mentees/alex/profile.md": "---\nname: Alex Kim\nrelationship: mentee\ncadence: 2w\n---\n",
    "mentees/alex/sessions/2026-11-10.md": """
      ---
      date: 2026-11-10
      type: project-specific
      follow-up: 2026-11-24
      ---
      ## Strengths

      - Wrote the migration plan with a rollback for each step.

      ## Actions

      - [ ] Draft the runbook due:2026-12-04 owner:alex

      """,
  ]

  @Test func newSelfAssessmentWritesTheTemplateAndNeverOverAnother() throws {
    let repo = try GitFixture()
    try repo.write(Self.files)
    let before = try repo.journal("check", "--today", "2026-11-26")
    let run = try repo.journal("new", "self-assessment", "alex", "--date", "2026-11-24")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "mentees/alex/sessions/2026-11-24-self-assessment.md\n")
    let written = try String(contentsOfFile: repo.path + "/mentees/alex/sessions/2026-11-24-self-assessment.md", encoding: .utf8)
    #expect(
      written == """
        ---
        date: 2026-11-24
        type: self-assessment
        ---
        <!-- Your own view before the next session, in your words. Last session: 2026-11-10. -->

        ## Achievements

        <!-- What went well since the last session, and what you are proud of. -->

        ## Challenges

        <!-- What was hard, what got in the way, where you are stuck. -->

        ## For the next session

        <!-- What you would like to talk about, or get help with. -->

        """)
    // As written, it changes nothing `journal check` says.
    let after = try repo.journal("check", "--today", "2026-11-26")
    #expect(after.status == before.status && checkFindings(after) == checkFindings(before), "\(after.stdout)")
    #expect(after.stdout.hasSuffix("checked 5 files: 0 errors, 2 warnings\n"), "\(after.stdout)")
    #expect(try repo.journal("fmt", "--check").status == 0)
    // A second one the same day gets a number, as a second session does.
    let again = try repo.journal("new", "self-assessment", "alex", "--date", "2026-11-24")
    #expect(again.stdout == "mentees/alex/sessions/2026-11-24-self-assessment-2.md\n", "\(again.stderr)")
    let nobody = try repo.journal("new", "self-assessment", "alx")
    #expect(nobody.status == 2 && nobody.stderr.contains("did you mean `alex`?"), "\(nobody.stderr)")
  }

  /// Written, it is listed as the person's own words, and nothing counts it as a session.
  @Test func showSummaryAndNewSessionTreatItAsWhatItIs() throws {
    let repo = try GitFixture()
    try repo.write(Self.files)
    try repo.write([
      "mentees/alex/sessions/2026-11-24-self-assessment.md":
        "---\ndate: 2026-11-24\ntype: self-assessment\n---\n## Achievements\n\n- Shipped the export.\n"
    ])
    let show = try repo.journal("show", "alex", "--today", "2026-11-26")
    #expect(
      show.stdout.hasSuffix(
        """

        2026-11-24 self-assessment · their own words
          mentees/alex/sessions/2026-11-24-self-assessment.md

        2026-11-10 project-specific · follow-up 2026-11-24
          + Wrote the migration plan with a rollback for each step.
          - [ ] Draft the runbook due:2026-12-04 owner:alex

        """), "\(show.stdout)")
    // `--limit` counts sessions: the self-assessments since the oldest one shown come along.
    let limited = try repo.journal("show", "alex", "--limit", "1", "--today", "2026-11-26")
    #expect(limited.stdout == show.stdout)

    let summary = try repo.journal("summary", "--today", "2026-11-26")
    #expect(summary.stdout.contains("  sessions      1 (1 project-specific)\n"), "\(summary.stdout)")
    #expect(summary.stdout.contains("  self-assessed 2026-11-24\n"), "\(summary.stdout)")
    #expect(summary.stdout.contains("  last session  2026-11-10"), "\(summary.stdout)")
    #expect(summary.stdout.contains("(missed)"), "\(summary.stdout)")
    let json = try repo.journal("summary", "--format", "json", "--today", "2026-11-26")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let person = try #require((object?["people"] as? [[String: Any]])?.first)
    #expect((person["sessions"] as? [String: Any])?["total"] as? Int == 1)
    #expect(person["lastSession"] as? String == "2026-11-10")
    #expect(
      person["selfAssessments"] as? [[String: String]] == [
        ["date": "2026-11-24", "file": "mentees/alex/sessions/2026-11-24-self-assessment.md"]
      ])
    let markdown = try repo.journal("summary", "--format", "markdown", "--today", "2026-11-26")
    #expect(markdown.stdout.contains("| self-assessed | 2026-11-24 |"), "\(markdown.stdout)")

    // The next session carries over from the last session held, not from the self-assessment.
    let new = try repo.journal("new", "session", "alex", "--date", "2026-11-26")
    #expect(new.status == 0, "\(new.stderr)")
    let session = try String(contentsOfFile: repo.path + "/mentees/alex/sessions/2026-11-26.md", encoding: .utf8)
    #expect(session.contains("type: project-specific\n"), "\(session)")
    #expect(session.contains("<!-- Last session: 2026-11-10 (project-specific). Follow-up agreed for 2026-11-24. -->"))
    #expect(session.contains("- [ ] Draft the runbook due:2026-12-04 owner:alex\n"))

    // Its actions export nothing of it; the session's action is there, from the session.
    let export = try repo.journal("export", "actions", "--format", "csv", "--today", "2026-11-26")
    #expect(!export.stdout.contains("self-assessment"), "\(export.stdout)")
  }

  /// `journal commit` names it for what it is.
  @Test func commitNamesIt() throws {
    let repo = try GitFixture()
    try repo.write(Self.files)
    try repo.commit("Start", author: "Hannah Reyes", at: "2026-11-10T17:00:00+01:00")
    try repo.write([
      "mentees/alex/sessions/2026-11-24-self-assessment.md":
        "---\ndate: 2026-11-24\ntype: self-assessment\n---\n## Achievements\n\n- Shipped the export.\n"
    ])
    let run = try repo.journal("commit", "--today", "2026-11-26")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("log", "-1", "--format=%s") == "journal: self-assessment of alex on 2026-11-24\n")
  }
}

/// What `journal check` found, without the closing count of the files it checked.
func checkFindings(_ run: Run) -> [Substring] {
  run.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("checked ") }
}
