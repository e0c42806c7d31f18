import Foundation
import Testing

/// `journal share` used the wrong way, or after a run that was stopped: each is one line that
/// names what is wrong and what to do, and leaves both repositories as they were.
@Suite struct ShareMistakeTests {
  /// A share killed while it held the lock of its short-lived `pending` reference leaves
  /// `pending.lock` behind, as a killed `git` leaves `index.lock`. The next share says so,
  /// as git does, with the file and what to do, instead of libgit2's "failed to lock file"
  /// blamed on the remote; once the file is gone, the share goes through.
  @Test func aLockAStoppedShareLeftIsNamedWithWhatToDo() throws {
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository()
    #expect(try repository.journal("share", "alice", "--to", remote.path).status == 0)
    let record = try repository.shareRecord("alice")
    let lock = repository.path + "/.git/" + record.dropLast("record".count) + "pending.lock"
    FileManager.default.createFile(atPath: lock, contents: Data())
    try repository.write(["mentees/alice/sessions/2026-10-08.md": ShareTests.session(on: "2026-10-08")])
    try repository.commit("Alice, third session", author: "Hannah Reyes", at: "2026-10-08T12:00:00+00:00")
    let references = try repository.git("for-each-ref")
    let shared = try remote.git("rev-parse", "main")

    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "journal: \(lock) exists: another journal share of alice to \(remote.path) seems to be running, or one was stopped and left it; if none is running, remove it and share again\n",
      "\(run.stderr)")
    #expect(try repository.git("for-each-ref") == references)
    #expect(try remote.git("rev-parse", "main") == shared)

    try FileManager.default.removeItem(atPath: lock)
    let again = try repository.journal("share", "alice", "--to", remote.path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("1 commit pushed"), "\(again.stdout)")
  }

  /// A push stopped while it held the lock of the remote's branch leaves `main.lock` in the
  /// remote. The next share names that file and what to do, in one line with exit status 2,
  /// instead of ending in libgit2's empty error text; both repositories stay as they were,
  /// and once the file is gone, the share goes through. Over the network the server says what
  /// it refused, in git's words; only a repository on this machine is written by libgit2.
  @Test func aLockLeftOnTheRemotesBranchIsNamedWithWhatToDo() throws {
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository()
    for url in [remote.path, "file://" + remote.path] {
      #expect(try repository.journal("share", "alice", "--to", url).status == 0)
      let lock = remote.path + "/refs/heads/main.lock"
      FileManager.default.createFile(atPath: lock, contents: Data())
      let date = url == remote.path ? "2026-10-08" : "2026-10-09"
      try repository.write(["mentees/alice/sessions/\(date).md": ShareTests.session(on: date)])
      try repository.commit("Alice, \(date)", author: "Hannah Reyes", at: "\(date)T12:00:00+00:00")
      let references = try repository.git("for-each-ref")
      let shared = try remote.git("rev-parse", "main")

      let run = try repository.journal("share", "alice", "--to", url)
      #expect(run.status == 2)
      #expect(
        run.stderr
          == "journal: \(lock) exists: another push to main of \(url) seems to be running, or one was stopped and left it; if none is running, remove it and share again\n",
        "\(run.stderr)")
      #expect(try repository.git("for-each-ref") == references)
      #expect(try remote.git("rev-parse", "main") == shared)

      try FileManager.default.removeItem(atPath: lock)
      let again = try repository.journal("share", "alice", "--to", url)
      #expect(again.status == 0, "\(again.stderr)")
      #expect(again.stdout.contains("1 commit pushed"), "\(again.stdout)")
    }
  }

  /// A share that took alice's reply in but could not push leaves her repository at her own
  /// commit, which the journal's merge names. A share of bob to her repository, by mistake,
  /// must not take that merge for one of bob's: his history is no descendant of her commit,
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

  /// A repository with a working tree on this machine is refused before anything is read or
  /// written, in journal's words, not libgit2's "local push doesn't (yet) support pushing to
  /// non-bare repos" after the history was translated.
  @Test func aRepositoryWithAWorkingTreeIsRefusedInOneLine() throws {
    let repository = try ShareTests.journalWithHistory()
    let other = try GitFixture(initialCommit: true)
    let references = try repository.git("for-each-ref")
    let objects = try repository.git("count-objects", "-v")
    let run = try repository.journal("share", "alice", "--to", other.path)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "journal: \(other.path) has a working tree, and journal share pushes only to a bare repository on this machine: make one with git init --bare, or push over ssh:// to this machine\n",
      "\(run.stderr)")
    #expect(try repository.git("for-each-ref") == references)
    #expect(try repository.git("count-objects", "-v") == objects)
  }

  /// An id the last commit has no folder for is said first: not "no repository at …" about
  /// a remote the user would then make for nobody.
  @Test func aPersonWithNoFolderIsSaidBeforeTheRemote() throws {
    let repository = try ShareTests.journalWithHistory()
    let folder = try TemporaryFolder()
    let run = try repository.journal("share", "zoe", "--to", folder.path + "/zoe.git")
    #expect(run.status == 2)
    #expect(run.stderr == "journal: zoe has no history to share: there is no mentees/zoe/ in the last commit\n", "\(run.stderr)")
  }

  /// What the person's commits change is theirs to change inside their folder, the mentor's
  /// notes there included; but it is never taken in unseen: each commit taken in is listed
  /// with the files it adds, changes and removes, as the dry run lists them, so that a
  /// session of the mentor's they removed or rewrote is seen when it comes in.
  @Test func eachCommitTakenInIsListedWithTheFilesItChanges() throws {
    let (repository, remote) = try TwoWayShareTests.sharedJournal()
    let alice = try PersonClone(remote.path)
    try alice.git("rm", "-q", "mentees/alice/sessions/2026-10-08.md")
    try alice.write(["mentees/alice/agenda.txt": "Thank you.\n"])
    let pushed = try alice.commitAndPush("Tidy up", at: "2026-10-09T10:00:00+00:00")
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let at = try #require(lines.firstIndex(of: "  \(pushed.prefix(7)) Tidy up (Alice Kim)"), "\(run.stdout)")
    #expect(lines[at + 1] == "      A mentees/alice/agenda.txt (+1 -0)", "\(run.stdout)")
    #expect(lines[at + 2].hasPrefix("      D mentees/alice/sessions/2026-10-08.md (+0 -"), "\(run.stdout)")
  }
}
