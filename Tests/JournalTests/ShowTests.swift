import Foundation
import Testing

/// `journal show`: overdue actions marked in words, the last dialogue, and a person id
/// mistyped.
@Suite struct ShowTests {
  static let files = [
    "mentees/alice/sessions/2026-11-10.md": """
      ---
      date: 2026-11-10
      type: career-development
      ---
      ## Dialogue

      "I want to own the next migration." She asked for a reviewer outside the team.

      Second paragraph, \u{1B}[2Jwith an escape.

      ## Actions

      - [ ] Pick the migration due:2026-11-20 owner:alice
      - [ ] Find an outside reviewer due:2026-11-27 owner:mentor
      """,
    "mentees/alice/sessions/2026-11-17.md": """
      ---
      date: 2026-11-17
      type: career-development
      ---
      ## Strengths

      - Wrote the migration plan with a rollback for each step.
      """,
  ]

  @Test func marksOverdueActionsAndShowsTheLastDialogue() throws {
    let repo = try GitFixture()
    try repo.write(Self.files)
    let run = try repo.journal("show", "alice", "--today", "2026-11-26")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix(
        """
        Alice Kim

        Open actions
          - [ ] Pick the migration · alice · overdue, due 2026-11-20 (6 days ago)
          - [ ] Find an outside reviewer · mentor · due 2026-11-27

        Last dialogue, 2026-11-10
          "I want to own the next migration." She asked for a reviewer outside the team.

          Second paragraph, \\u{1B}[2Jwith an escape.

        2026-11-17 career-development

        """))
  }

  /// An id that names nobody: the person meant, by the only id it starts or by a typo.
  @Test func anUnknownIdNamesThePersonMeant() throws {
    let repo = try GitFixture()
    try repo.write([
      "mentees/carla-diaz/profile.md": "---\nname: Carla Díaz\n---\n",
      "mentees/carlos-ruiz/profile.md": "---\nname: Carlos Ruiz\n---\n",
    ])
    let cases: [([String], String)] = [
      (["show", "carla"], "journal: no person `carla` in the journal; did you mean `carla-diaz`?\n"),
      (["show", "alise"], "journal: no person `alise` in the journal; did you mean `alice`?\n"),
      // Two ids start with it, and neither is a typo away: no guess.
      (["show", "carl"], "journal: no person `carl` in the journal\n"),
      (["show", "zed"], "journal: no person `zed` in the journal\n"),
      (["summary", "carla"], "journal: no person `carla` in the journal; did you mean `carla-diaz`?\n"),
      (["new", "session", "carla"], "journal: no person `carla` in the journal; did you mean `carla-diaz`?\n"),
      (["new", "session", "zed"], "journal: no person `zed` in the journal; add one with `journal new person zed --name \"…\"`\n"),
    ]
    for (arguments, message) in cases {
      let run = try repo.journal(arguments, environment: [:])
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr == message, "\(arguments)")
      #expect(run.stdout == "", "\(arguments)")
    }
  }
}
