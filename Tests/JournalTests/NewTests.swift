import Foundation
import JournalModel
import Testing

/// `journal init` and `journal new`: files that pass `journal check` as written, never
/// written over an existing one.
@Suite struct NewTests {
  @Test func initMakesAJournalAndARepository() throws {
    let folder = try TemporaryFolder()
    let run = try runJournal(["init", "team", "--title", "Platform: one-on-ones"], in: folder.path)
    #expect(run.status == 0)
    #expect(run.stdout == "created a journal in team, in a new git repository\n")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/team/.git/HEAD"))
    #expect(try String(contentsOfFile: folder.path + "/team/journal.yml", encoding: .utf8).hasPrefix("title: \"Platform: one-on-ones\"\n"))
    #expect(try runJournal(["check"], in: folder.path + "/team").status == 0)
    let again = try runJournal(["init", "team"], in: folder.path)
    #expect(again.status == 2)
    #expect(again.stderr == "journal: team already holds a journal (journal.yml); journal init changes nothing\n")
  }

  /// `journal init` ends with what to type next, on standard error as git's hints are (its
  /// standard output stays the one line a script reads); typed into a shell as printed, the
  /// commands work, from a folder whose name needs quoting too.
  @Test(arguments: ["team", "two teams", "it's"])
  func initSaysWhatToTypeNext(_ name: String) throws {
    let folder = try TemporaryFolder()
    let run = try runJournal(["init", name], in: folder.path)
    #expect(run.status == 0)
    #expect(run.stdout == "created a journal in \(name), in a new git repository\n")
    #expect(run.stderr.hasPrefix("next, add someone and their first session:\n"), "\(run.stderr)")
    #expect(run.stderr.contains("\n  journal new person sam-okafor --name \"Sam Okafor\"\n"))
    let commands = run.stderr.split(separator: "\n").dropFirst().map { $0.drop { $0 == " " } }
    #expect(commands.first == "cd " + (name == "team" ? name : ShellQuote.quote(name))[...])
    let bin = try HookInstallTests.pathWithJournal()
    let typed = try runProgram(
      "/bin/sh", ["-e", "-c", commands.joined(separator: "\n")], in: folder.url,
      environment: ["PATH": bin.path + ":/usr/bin:/bin", "EDITOR": "true", "HOME": folder.path])
    #expect(typed.status == 0, "\(typed.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/\(name)/mentees/sam-okafor/profile.md"))
    let sessions = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/\(name)/mentees/sam-okafor/sessions")
    #expect(sessions.count == 1)
    // In the journal's own folder, no `cd`.
    let here = try TemporaryFolder()
    let inPlace = try runJournal(["init"], in: here.path)
    #expect(!inPlace.stderr.contains("cd "))
    #expect(inPlace.stderr.contains("\n  journal new session sam-okafor --edit\n"))
  }

  /// Without `--title`, the title is the folder's words, with "journal" said once.
  @Test(arguments: [
    ("team-journal", "team journal"), ("platform_one-on-ones", "platform one on ones journal"),
    ("notes", "notes journal"), ("Journal", "Journal"),
  ])
  func initTitleFromTheFolder(_ folderName: String, _ title: String) throws {
    let folder = try TemporaryFolder()
    let run = try runJournal(["init", folderName], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    let config = try String(contentsOfFile: folder.path + "/" + folderName + "/journal.yml", encoding: .utf8)
    #expect(config.hasPrefix("title: \(title)\n"), "\(config)")
  }

  @Test func initInsideARepositoryMakesNoNewOne() throws {
    // The repository's own journal is in a subfolder: the new one is beside it, not in it.
    let repo = try GitFixture(journalAt: "team", initialCommit: true)
    let run = try repo.journal("init", "notes")
    #expect(run.stdout == "created a journal in notes\n")
    #expect(!FileManager.default.fileExists(atPath: repo.path + "/notes/.git"))
  }

  /// A journal inside another would be read as the other's notes (under mentees/, as a
  /// person without a profile): refused, with nothing written.
  @Test func initInsideAJournalIsRefused() throws {
    let repo = try GitFixture()
    for (folder, directory, outer) in [("inner", "", "."), ("deep", "mentees", ".."), ("a/b", "mentees/alice", "../..")] {
      let run = try repo.journal("init", folder, in: directory)
      #expect(run.status == 2, "\(folder)")
      #expect(
        run.stderr
          == "journal: \(folder) would be inside the journal at \(outer): add people to that one with journal new person, or make this one elsewhere\n")
      #expect(!FileManager.default.fileExists(atPath: repo.path + "/" + (directory.isEmpty ? "" : directory + "/") + folder))
    }
  }

  @Test func newNotesPassCheckAndCarryActionsOver() throws {
    let repo = try GitFixture()
    let person = try repo.journal("new", "person", "sam", "--name", "Sam Okafor", "--cadence", "1w", "--relationship", "report", "--today", "2026-11-01")
    #expect(person.status == 0, "\(person.stderr)")
    #expect(person.stdout == "mentees/sam/profile.md\n")
    let plan = try repo.journal("new", "plan", "sam", "code-quality", "--title", "Code quality", "--today", "2026-11-01")
    #expect(plan.stdout == "mentees/sam/plans/code-quality.md\n")
    try repo.write([
      "mentees/sam/sessions/2026-11-10.md": """
        ---
        date: 2026-11-10
        type: performance-improvement
        plan: code-quality
        follow-up: 2026-11-17
        ---
        ## Actions

        - [ ] Write the runbook due:2026-11-30 owner:sam priority:high
        - [x] Share the notes
        """
    ])
    let first = try repo.journal("new", "session", "sam", "--today", "2026-11-17")
    #expect(first.stdout == "mentees/sam/sessions/2026-11-17.md\n")
    let text = try String(contentsOfFile: repo.path + "/mentees/sam/sessions/2026-11-17.md", encoding: .utf8)
    #expect(text.hasPrefix("---\ndate: 2026-11-17\ntype: performance-improvement\n"))
    #expect(text.contains("\nplan: code-quality\n# follow-up: 2026-11-24\n---\n"))
    #expect(text.contains("<!-- Last session: 2026-11-10 (performance-improvement). Follow-up agreed for 2026-11-17. -->"))
    #expect(text.contains("\n- [ ] Write the runbook due:2026-11-30 owner:sam priority:high\n"))
    #expect(!text.contains("Share the notes"))
    let second = try repo.journal("new", "session", "sam", "--today", "2026-11-17")
    #expect(second.stdout == "mentees/sam/sessions/2026-11-17-2.md\n")
    let named = try repo.journal("new", "session", "sam", "--date", "2026-11-17", "--slug", "retro", "--type", "project-specific")
    #expect(named.stdout == "mentees/sam/sessions/2026-11-17-retro.md\n")
    let check = try repo.journal("check", "--today", "2026-11-17")
    #expect(check.status == 0, "\(check.stdout)")
    // The three sessions are untouched templates: each is reported, and nothing else.
    #expect(check.stdout.hasSuffix("checked 8 files: 0 errors, 3 warnings\n"), "\(check.stdout)")
    #expect(check.stdout.components(separatedBy: "[empty-session]\n").count == 4, "\(check.stdout)")
    // No temporary files are left behind.
    let leftovers = try FileManager.default.subpathsOfDirectory(atPath: repo.path + "/mentees").filter { $0.contains(".journal-") }
    #expect(leftovers.isEmpty)
  }

  /// A second session prepared before the first is written is reminded of the last session
  /// held, with its follow-up, not of the prepared one.
  @Test func theReminderIsOfTheLastSessionWritten() throws {
    let repo = try GitFixture()
    try repo.write([
      "mentees/alice/sessions/2026-11-10.md":
        "---\ndate: 2026-11-10\ntype: career-development\nfollow-up: 2026-11-17\n---\n## Strengths\n\n- Ran the retro and kept it to time.\n"
    ])
    let reminder = "<!-- Last session: 2026-11-10 (career-development). Follow-up agreed for 2026-11-17. -->"
    for (day, file) in [("2026-11-17", "2026-11-17.md"), ("2026-11-18", "2026-11-18.md")] {
      let run = try repo.journal("new", "session", "alice", "--date", day, "--today", day)
      #expect(run.status == 0, "\(run.stderr)")
      let text = try String(contentsOfFile: repo.path + "/mentees/alice/sessions/" + file, encoding: .utf8)
      #expect(text.contains(reminder), "\(file): \(text)")
    }
  }

  /// An open action under a heading journal.yml adds is carried over like one under `## Actions`.
  @Test func actionsUnderAnAddedHeadingAreCarriedOver() throws {
    let repo = try GitFixture()
    try repo.write([
      "journal.yml": "title: Test journal\nsections:\n  actions: [Homework]\n",
      "mentees/alice/sessions/2026-11-10.md":
        "---\ndate: 2026-11-10\ntype: career-development\n---\n## Homework\n\n- [ ] Book the design review due:2026-11-30\n- [x] Share the notes\n",
    ])
    let run = try repo.journal("new", "session", "alice", "--today", "2026-11-17")
    #expect(run.stdout == "mentees/alice/sessions/2026-11-17.md\n", "\(run.stderr)")
    let text = try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-17.md", encoding: .utf8)
    #expect(text.contains("\n- [ ] Book the design review due:2026-11-30\n") && !text.contains("Share the notes"), "\(text)")
  }

  /// Without `--date` or `--today`, a session is dated today where the user is: the civil
  /// date in the time zone TZ names, as the `date` program tells it. UTC+14 and UTC−12 are
  /// never on the same date, so a clock read in the wrong zone shows in one of them.
  @Test func todayIsTheLocalDate() throws {
    let repo = try GitFixture()
    try repo.journal("new", "person", "sam", "--name", "Sam Okafor", "--today", "2026-11-01")
    for zone in ["EAST-14", "WEST+12"] {
      let before = try runProgram("/bin/date", ["+%F"], environment: ["TZ": zone]).stdout
      let run = try repo.journal(["new", "session", "sam", "--type", "project-specific"], environment: ["TZ": zone])
      let after = try runProgram("/bin/date", ["+%F"], environment: ["TZ": zone]).stdout
      #expect(run.status == 0, "\(run.stderr)")
      // Read before and after, in case the run straddles midnight there.
      let dates = Set([before, after].map { $0.trimmingCharacters(in: .newlines) })
      #expect(dates.contains { run.stdout == "mentees/sam/sessions/\($0).md\n" }, "\(zone): \(run.stdout), date gave \(dates)")
    }
  }

  @Test func newSessionLinksTheNamedPlan() throws {
    let repo = try GitFixture()
    try repo.journal("new", "plan", "alice", "growth", "--title", "Growth", "--today", "2026-11-01")
    let run = try repo.journal("new", "session", "alice", "--plan", "growth", "--today", "2026-11-20")
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-20.md", encoding: .utf8)
    #expect(text.hasPrefix("---\ndate: 2026-11-20\ntype: career-development\n"))
    #expect(text.contains("\nplan: growth\n# follow-up: 2026-12-04\n---\n"))
    let unknown = try repo.journal("new", "session", "alice", "--plan", "grwoth", "--today", "2026-11-21")
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "journal: alice has no plan `grwoth`; plans: growth\n")
  }

  @Test func newNeverOverwrites() throws {
    let repo = try GitFixture()
    let before = try String(contentsOfFile: repo.path + "/mentees/alice/profile.md", encoding: .utf8)
    let run = try repo.journal("new", "person", "alice", "--name", "Someone Else")
    #expect(run.status == 2)
    #expect(run.stderr == "journal: alice already has a profile\n")
    #expect(try String(contentsOfFile: repo.path + "/mentees/alice/profile.md", encoding: .utf8) == before)
    try repo.write(["mentees/alice/plans/growth.md": "mine\n"])
    let plan = try repo.journal("new", "plan", "alice", "growth", "--title", "Growth")
    #expect(plan.status == 2)
    #expect(plan.stderr.hasSuffix("growth.md already exists; journal never overwrites a note\n"))
    #expect(try String(contentsOfFile: repo.path + "/mentees/alice/plans/growth.md", encoding: .utf8) == "mine\n")
  }

  @Test func newRefusesUnknownPeopleAndBadIDs() throws {
    let repo = try GitFixture()
    let unknown = try repo.journal("new", "session", "alise")
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "journal: no person `alise` in the journal; did you mean `alice`?\n")
    let bad = try repo.journal("new", "person", "Alice Kim", "--name", "Alice")
    #expect(bad.status == 2)
    #expect(bad.stderr == "journal: `Alice Kim` is not a valid person id: use lowercase letters, digits and `-`, as in `alice-kim`\n")
  }

  /// What `journal new` would write must pass `journal check`: an empty name or title is
  /// refused before anything is written, and a name that is no id is answered with the id meant.
  @Test func newRefusesAnEmptyNameOrTitleAndSuggestsTheIDMeant() throws {
    let repo = try GitFixture()
    let cases: [([String], String)] = [
      (["new", "person", "bo", "--name", ""], "--name is empty: give the person's name, as in --name \"Sam Okafor\""),
      (["new", "person", "bo", "--name", " \t"], "--name is empty: give the person's name, as in --name \"Sam Okafor\""),
      (["new", "plan", "alice", "growth", "--title", "  "], "--title is empty: give the plan's title, as in --title \"Code quality\""),
      (
        ["new", "person", "zoë-brandt", "--name", "Zoë Brandt"],
        "`zoë-brandt` is not a valid person id: use lowercase letters, digits and `-`, as in `zoe-brandt`"
      ),
      (
        ["new", "plan", "alice", "Code Quality", "--title", "Code quality"],
        "`Code Quality` is not a valid plan slug: use lowercase letters, digits and `-`, as in `code-quality`"
      ),
      (
        ["new", "session", "alice", "--slug", "Second Round"],
        "`Second Round` is not a valid slug: use lowercase letters, digits and `-`, as in `second-round`"
      ),
      (["new", "person", "!!!", "--name", "X"], "`!!!` is not a valid person id: use lowercase letters, digits and `-`"),
    ]
    for (arguments, message) in cases {
      let run = try repo.journal(arguments, environment: [:])
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr == "journal: \(message)\n", "\(arguments)")
    }
    #expect(!FileManager.default.fileExists(atPath: repo.path + "/mentees/bo"))
    #expect(!FileManager.default.fileExists(atPath: repo.path + "/mentees/alice/plans/growth.md"))
  }

  @Test func editOpensTheEditor() throws {
    let repo = try GitFixture()
    let run = try runJournal(
      ["new", "session", "alice", "--today", "2026-11-20", "--edit"], in: repo.path,
      environment: ["HOME": repo.home.path, "EDITOR": "sed -i s/career-development/project-specific/"])
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-20.md", encoding: .utf8)
    #expect(text.contains("type: project-specific"))
  }

  /// Each template with its commented keys and example action taken out of their comments,
  /// as a person fills it in, is already in `journal fmt`'s layout.
  @Test func templatesUncommentedAreFormatted() throws {
    let folder = try TemporaryFolder()
    #expect(try runJournal(["init", "team"], in: folder.path).status == 0)
    let root = folder.path + "/team"
    for arguments in [
      ["new", "person", "sam", "--name", "Sam Okafor", "--today", "2026-11-01"],
      ["new", "person", "lee", "--name", "Lee Chen", "--role", "Designer", "--relationship", "report", "--cadence", "1w", "--today", "2026-11-01"],
      ["new", "person", "priya", "--name", "Priya Raman", "--relationship", "candidate", "--today", "2026-11-01"],
      ["new", "plan", "sam", "growth", "--title", "Growth", "--today", "2026-11-01"],
      ["new", "session", "sam", "--plan", "growth", "--today", "2026-11-10"],
      ["new", "session", "lee", "--today", "2026-11-10"],
      ["new", "session", "priya", "--today", "2026-11-10"],
    ] {
      let run = try runJournal(arguments, in: root)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
    let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".md") || $0 == "journal.yml" }
    #expect(files.count == 8)
    #expect(try runJournal(["fmt", "--check"], in: root).stdout == "", "the templates as written")
    for file in files {
      let path = root + "/" + file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try uncommented(text, yamlOnly: file == "journal.yml").write(toFile: path, atomically: true, encoding: .utf8)
    }
    let run = try runJournal(["fmt", "--check"], in: root)
    #expect(run.status == 0 && run.stdout == "", "\(run.stdout)\(run.stderr)")
    let check = try runJournal(["check", "--today", "2026-11-10"], in: root)
    #expect(check.status == 0, "\(check.stdout)")
  }

  /// The text with every commented YAML key (and the lines that continue it) and every
  /// commented action item taken out of its comment.
  func uncommented(_ text: String, yamlOnly: Bool) -> String {
    var inFrontMatter = yamlOnly
    var continuing = false
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      if line == "---" { inFrontMatter.toggle() }
      if inFrontMatter, line.hasPrefix("# ") {
        let rest = line.dropFirst(2)
        let isKey = rest.first?.isLetter == true && rest.prefix { $0 != " " }.hasSuffix(":")
        if isKey || (continuing && rest.hasPrefix("  ")) {
          continuing = true
          return String(rest)
        }
      }
      continuing = false
      if line.hasPrefix("<!-- - [ ] "), line.hasSuffix(" -->") { return String(line.dropFirst(5).dropLast(4)) }
      return String(line)
    }.joined(separator: "\n")
  }

  @Test func templatesFollowTheCadenceAndAskCandidatesForARetentionDate() throws {
    let repo = try GitFixture()
    try repo.journal("new", "person", "lee", "--name", "Lee Chen", "--cadence", "1w", "--today", "2026-11-01")
    try repo.journal("new", "person", "priya", "--name", "Priya Raman", "--relationship", "candidate", "--today", "2026-11-01")
    try repo.journal("new", "session", "lee", "--today", "2026-11-10")
    try repo.journal("new", "session", "alice", "--today", "2026-11-10")
    let lee = try String(contentsOfFile: repo.path + "/mentees/lee/sessions/2026-11-10.md", encoding: .utf8)
    #expect(lee.contains("\n# follow-up: 2026-11-17\n"))
    #expect(lee.contains("<!-- - [ ] What will happen next due:2026-11-17 owner:lee -->"))
    let alice = try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-10.md", encoding: .utf8)
    #expect(alice.contains("\n# follow-up: 2026-11-24\n"), "two weeks without a cadence")
    let priya = try String(contentsOfFile: repo.path + "/mentees/priya/profile.md", encoding: .utf8)
    #expect(priya.contains("\nretain-until: 2027-05-01   # delete the record by then, as agreed with them\n"))
    let check = try repo.journal("check", "--today", "2026-11-10")
    // Untouched templates are reported, and do not count as held: Lee's cadence comes due. The
    // candidate interviewed on 2026-11-01 is still waiting for feedback nine days later.
    #expect(check.stdout.components(separatedBy: "[empty-session]\n").count == 3, "\(check.stdout)")
    #expect(
      check.stdout.contains(
        "mentees/lee/profile.md:9:10: warning: 9 days since 2026-11-01 with no session; Lee Chen's cadence is 1w, so a check-in was due 2026-11-08 [overdue-check-in]\n"),
      "\(check.stdout)")
    #expect(
      check.stdout.contains(
        "mentees/priya/profile.md:5:8: warning: Priya Raman was interviewed on 2026-11-01 (9 days ago) and has no feedback yet (limit 2 days) [late-feedback]\n"),
      "\(check.stdout)")
    #expect(check.stdout.hasSuffix("checked 6 files: 0 errors, 4 warnings\n"), "\(check.stdout)")
    let sameDay = try repo.journal("check", "--today", "2026-11-01", "mentees/priya")
    #expect(sameDay.stdout == "checked 1 file: 0 errors, 0 warnings\n")
  }
}
