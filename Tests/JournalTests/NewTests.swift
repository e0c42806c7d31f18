import Foundation
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

  @Test func initInsideARepositoryMakesNoNewOne() throws {
    let repo = try GitFixture(initialCommit: true)
    let run = try repo.journal("init", "notes")
    #expect(run.stdout == "created a journal in notes\n")
    #expect(!FileManager.default.fileExists(atPath: repo.path + "/notes/.git"))
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
    #expect(text.hasPrefix("---\ndate: 2026-11-17\ntype: performance-improvement\nplan: code-quality\n"))
    #expect(text.contains("<!-- Last session: 2026-11-10 (performance-improvement). Follow-up agreed for 2026-11-17. -->"))
    #expect(text.contains("\n- [ ] Write the runbook due:2026-11-30 owner:sam priority:high\n"))
    #expect(!text.contains("Share the notes"))
    let second = try repo.journal("new", "session", "sam", "--today", "2026-11-17")
    #expect(second.stdout == "mentees/sam/sessions/2026-11-17-2.md\n")
    let named = try repo.journal("new", "session", "sam", "--date", "2026-11-17", "--slug", "retro", "--type", "project-specific")
    #expect(named.stdout == "mentees/sam/sessions/2026-11-17-retro.md\n")
    let check = try repo.journal("check", "--today", "2026-11-17")
    #expect(check.status == 0, "\(check.stdout)")
    #expect(check.stdout == "checked 8 files: 0 errors, 0 warnings\n")
    // No temporary files are left behind.
    let leftovers = try FileManager.default.subpathsOfDirectory(atPath: repo.path + "/mentees").filter { $0.contains(".journal-") }
    #expect(leftovers.isEmpty)
  }

  @Test func newSessionLinksTheNamedPlan() throws {
    let repo = try GitFixture()
    try repo.journal("new", "plan", "alice", "growth", "--title", "Growth", "--today", "2026-11-01")
    let run = try repo.journal("new", "session", "alice", "--plan", "growth", "--today", "2026-11-20")
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-20.md", encoding: .utf8)
    #expect(text.hasPrefix("---\ndate: 2026-11-20\ntype: career-development\nplan: growth\n"))
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
    #expect(unknown.stderr == "journal: no person `alise`; did you mean `alice`?\n")
    let bad = try repo.journal("new", "person", "Alice Kim", "--name", "Alice")
    #expect(bad.status == 2)
    #expect(bad.stderr == "journal: `Alice Kim` is not a valid person id: use lowercase letters, digits and `-`\n")
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
}
