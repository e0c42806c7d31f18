import Foundation
import Testing

/// The round trip the shared README invites: the person writes a self-assessment in their
/// clone, with the built `journal`, pushes it, and the mentor's next share takes it in.
@Suite struct SelfAssessmentShareTests {
  @Test func thePersonPushesOneAndTheMentorsCheckStaysClean() throws {
    let (repository, remote) = try TwoWayShareTests.sharedJournal()
    let before = try repository.journal("check", "--today", "2026-10-21")
    #expect(before.status == 0, "\(before.stdout)\(before.stderr)")
    let alice = try PersonClone(remote.path)
    // The README says what to write, and how.
    let readme = try String(contentsOfFile: alice.path + "/README.md", encoding: .utf8)
    #expect(readme.contains("`journal new self-assessment` with your id, alice, writes one from a template"), "\(readme)")
    #expect(readme.contains("```yaml\n---\ndate: YYYY-MM-DD\ntype: self-assessment\n---\n```\n"), "\(readme)")

    let new = try runJournal(["new", "self-assessment", "alice", "--date", "2026-10-20"], in: alice.path)
    #expect(new.status == 0, "\(new.stderr)")
    let file = "mentees/alice/sessions/2026-10-20-self-assessment.md"
    #expect(new.stdout == file + "\n")
    try alice.edit(file) {
      $0.replacingOccurrences(
        of: "## Achievements\n\n", with: "## Achievements\n\n- Led the incident review and wrote the timeline.\n\n")
    }
    let clone = try runJournal(["check", "--today", "2026-10-21"], in: alice.path)
    #expect(clone.status == 0, "\(clone.stdout)\(clone.stderr)")
    let pushed = try alice.commitAndPush("Self-assessment before our next session", at: "2026-10-20T20:00:00+02:00")

    let share = try repository.journal("share", "alice", "--to", remote.path)
    #expect(share.status == 0, "\(share.stderr)")
    #expect(share.stdout.contains("\(pushed.prefix(7)) Self-assessment before our next session (Alice Kim)"), "\(share.stdout)")
    #expect(share.stdout.contains("A \(file) (+"), "\(share.stdout)")
    let taken = try String(contentsOfFile: repository.path + "/" + file, encoding: .utf8)
    #expect(taken.contains("- Led the incident review and wrote the timeline.\n"))

    // In the mentor's journal: the same findings as before, none about it, and it is listed.
    let after = try repository.journal("check", "--today", "2026-10-21")
    #expect(after.status == 0 && checkFindings(after) == checkFindings(before), "\(after.stdout)\(after.stderr)")
    let show = try repository.journal("show", "alice", "--today", "2026-10-21")
    #expect(show.stdout.contains("2026-10-20 self-assessment · their own words\n  \(file)\n"), "\(show.stdout)")
    // The person's page now lists it.
    try alice.git("pull", "-q", "--ff-only")
    let page = try String(contentsOfFile: alice.path + "/README.md", encoding: .utf8)
    #expect(page.contains("Your self-assessments: 2026-10-20.\n"), "\(page)")
  }
}
