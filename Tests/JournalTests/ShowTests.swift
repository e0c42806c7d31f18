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

  /// A session `journal new session` prepared and nobody wrote in was not held: `summary`
  /// counts it nowhere, and `show` names it as prepared, without repeating the actions it
  /// carried over (they are under Open actions once).
  @Test func aPreparedSessionIsNamedAsSuchAndNotCounted() throws {
    let repo = try GitFixture()
    try repo.write(Self.files)
    let new = try repo.journal("new", "session", "alice", "--date", "2026-11-27", "--today", "2026-11-26")
    #expect(new.status == 0, "\(new.stderr)")
    #expect(try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-27.md", encoding: .utf8)
      .contains("Pick the migration"), "the template carries the open actions over")
    let run = try repo.journal("show", "alice", "--today", "2026-11-26")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("\n2026-11-27 career-development · prepared, not written yet\n\n2026-11-17"), "\(run.stdout)")
    #expect(run.stdout.components(separatedBy: "Pick the migration").count - 1 == 2, "open actions, and the session of 11-10")
    // The template's dialogue is a placeholder: the last dialogue is still the one written.
    #expect(run.stdout.contains("Last dialogue, 2026-11-10\n"), "\(run.stdout)")
    let summary = try repo.journal("summary", "alice", "--today", "2026-11-26", "--format", "json")
    #expect(summary.stdout.contains("\"totals\":{\"people\":1,\"sessions\":2,"), "\(summary.stdout)")
    #expect(summary.stdout.contains("\"lastSession\":\"2026-11-17\""), "\(summary.stdout)")
  }

  /// A session whose front matter is broken is read by neither `show` nor `summary`: each
  /// names it, in every format, rather than count and list the others as if it were not there.
  @Test func aSessionThatCannotBeReadIsNamedNotDropped() throws {
    let repo = try GitFixture()
    var files = Self.files
    files["mentees/alice/sessions/2026-11-24.md"] =
      "---\ndate: 2026-11-24\ntype: career-development\nfollow-up 2026-12-01\n---\n## Strengths\n\n- Led the retro.\n"
    try repo.write(files)
    let unread = "mentees/alice/sessions/2026-11-24.md"
    let show = try repo.journal("show", "alice", "--today", "2026-11-26")
    #expect(show.status == 0, "\(show.stderr)")
    #expect(show.stdout.hasPrefix("Alice Kim\n\nNot read (`journal check` says why)\n  \(unread)\n\nOpen actions\n"), "\(show.stdout)")
    let text = try repo.journal("summary", "--today", "2026-11-26")
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("1 person, 2 sessions, 2 open actions (1 overdue), 1 session not read\n"), "\(text.stdout)")
    #expect(text.stdout.contains("\n  not read      \(unread) (`journal check` says why)\n"), "\(text.stdout)")
    let markdown = try repo.journal("summary", "--today", "2026-11-26", "--format", "markdown")
    #expect(markdown.stdout.contains("| not read | \(unread) (`journal check` says why) |\n"), "\(markdown.stdout)")
    let json = try repo.journal("summary", "--today", "2026-11-26", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["totals"] as? [String: Any])?["unreadSessions"] as? Int == 1)
    let person = try #require((object["people"] as? [[String: Any]])?.first)
    #expect(person["unreadSessions"] as? [String] == [unread])
    let html = try repo.journal("summary", "--today", "2026-11-26", "--format", "html")
    #expect(html.stdout.contains("<dt>not read</dt><dd>\(unread) (<code>journal check</code> says why)</dd>"))
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
      (["log", "carla"], "journal: no person `carla` in the journal; did you mean `carla-diaz`?\n"),
      (["log", "zed", "--since", "2026-01-01"], "journal: no person `zed` in the journal\n"),
      // A folder's name as a shell completes it, or in capitals: read by every command alike,
      // never as a person whose notes no commit touched ("no commits touch these notes yet").
      (["log", "carla-diaz/"], "journal: no person `carla-diaz/` in the journal; did you mean `carla-diaz`?\n"),
      (["share", "Carla-Diaz", "--to", "/nonexistent/carla.git"], "journal: no person `Carla-Diaz` in the journal; did you mean `carla-diaz`?\n"),
      (["forget", "carla-diaz/"], "journal: no person `carla-diaz/` in the journal or its history; did you mean `carla-diaz`?\n"),
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
