import Foundation
import Testing

/// `journal share` used the wrong way, or after a run that was stopped: each is one line that
/// names what is wrong and what to do, and leaves both repositories as they were.
@Suite struct ShareMistakeTests {
  /// so nothing of his can reach her repository as a fast-forward.
  @Test func anotherPersonsShareNeverTakesTheirRepliesForItsOwn() throws {
    let (repository, remote) = try TwoWayShareTests.sharedJournal()
    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") {
      $0.replacingOccurrences(of: "how did the review go?\n", with: "how did the review go?\n\(TwoWayShareTests.reply)\n")
    }
    let pushed = try alice.commitAndPush("Answer the review question", at: "2026-10-09T10:00:00+00:00")
    let lock = remote.path + "/refs/heads/main.lock"
    FileManager.default.createFile(atPath: lock, contents: Data())
    let failed = try repository.journal("share", "alice", "--to", remote.path)
    #expect(failed.status == 2 && failed.stderr.hasPrefix("journal: took in 1 commit of alice's, but"), "\(failed.stderr)")
    try FileManager.default.removeItem(atPath: lock)
    #expect(try remote.git("rev-parse", "main") == pushed + "\n")

    let references = try remote.git("for-each-ref")
    let run = try repository.journal("share", "bob", "--to", remote.path)
    #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(try remote.git("for-each-ref") == references)
    let held = try allObjectsAndReferences(remote.path)
    #expect(!held.contains("Bob Stone") && !held.contains("mentees/bob") && !held.contains("bob's"))
    let dryRun = try repository.journal("share", "bob", "--to", remote.path, "--dry-run")
    #expect(dryRun.status == 2 && !dryRun.stdout.contains("bob's own changes"), "\(dryRun.stdout)")
  }
}
