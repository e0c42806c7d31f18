import Foundation
import Testing

/// `journal share` against real repositories: bare ones over a path and `file://`, and one
/// served by a real `sshd` on loopback (see `SSHShareTests`). Every result is read back with
/// the real `git` program.
@Suite struct ShareTests {
  /// A journal with two people and a history of several commits by two authors.
  static func journalWithHistory() throws -> GitFixture {
    let repository = try GitFixture()
    try repository.write([
      "mentees/bob/profile.md": "---\nname: Bob Stone\nrelationship: report\n---\n"
    ])
    try repository.commit("Start the journal", author: "Hannah Reyes", at: "2026-09-01T10:00:00+02:00")
    try repository.write(["mentees/alice/sessions/2026-09-15.md": session(on: "2026-09-15")])
    try repository.commit("Alice, first session", author: "Hannah Reyes", at: "2026-09-15T17:00:00+02:00")
    try repository.write(["mentees/bob/sessions/2026-09-16.md": session(on: "2026-09-16")])
    try repository.commit("Bob, first session", author: "Hannah Reyes", at: "2026-09-16T17:00:00+02:00")
    try repository.write([
      "mentees/alice/sessions/2026-10-01.md": session(on: "2026-10-01"),
      "mentees/bob/sessions/2026-10-01.md": session(on: "2026-10-01"),
    ])
    try repository.commit("Both on the first", author: "Omar Said", at: "2026-10-01T09:30:00-05:00")
    return repository
  }

  /// A reader of `git log` on either side reads the same words: each commit `journal commit`
  /// made of one person's changes has the same message in their shared repository, but for
  /// the shared `journal.yml` the first one creates there.
  @Test func sharedCommitsHaveTheMessagesJournalCommitWrote() throws {
    let repository = try GitFixture()
    try repository.write([
      "journal.yml": "title: Team\n",
      "mentees/alice/profile.md": "---\nname: Alice Kim\nrelationship: report\n---\n",
    ])
    #expect(try repository.journal("commit", "--today", "2026-09-01").status == 0)
    try repository.write(["mentees/alice/sessions/2026-09-15.md": Self.session(on: "2026-09-15")])
    #expect(try repository.journal("commit", "--today", "2026-09-15").status == 0)
    try repository.write([
      "mentees/alice/sessions/2026-09-15.md": Self.session(on: "2026-09-15") + "- And the follow-up notes\n",
      "mentees/alice/sessions/2026-10-01.md": Self.session(on: "2026-10-01"),
    ])
    #expect(try repository.journal("commit", "--today", "2026-10-01").status == 0)
    try FileManager.default.removeItem(atPath: repository.path + "/mentees/alice/sessions/2026-09-15.md")
    #expect(try repository.journal("commit", "--today", "2026-10-02").status == 0)
    let remote = try BareRepository()
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")

    let journal = try repository.git("log", "--format=%B%x00", "main").components(separatedBy: "\0")
    let shared = try remote.git("log", "--format=%B%x00", "main").components(separatedBy: "\0")
    #expect(shared.count == 5 && shared == journal, "\(shared) against \(journal)")
  }

  static func session(on date: String) -> String {
    "---\ndate: \(date)\ntype: career-development\n---\n## Strengths\n\n- Led the incident review on \(date) and wrote the timeline the same day\n"
  }

  /// A path where no repository is, and an id that names nobody, are each one line that
  /// says what to do, not libgit2's "unsupported URL protocol"; nothing is recorded.
  @Test func aMissingRemoteOrAMistypedIdSaysWhatToDo() throws {
    let repository = try Self.journalWithHistory()
    let folder = try TemporaryFolder()
    let missing = folder.path + "/no such.git"
    let run = try repository.journal("share", "alice", "--to", missing)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "journal: no repository at \(missing): make one with git init --bare '\(missing)', or give another --to\n")
    let mistyped = try repository.journal("share", "alise", "--to", missing)
    #expect(mistyped.status == 2)
    #expect(mistyped.stderr == "journal: no person `alise` in the journal; did you mean `alice`?\n")
    #expect(try repository.git("for-each-ref", "refs/journal").isEmpty)
  }

  @Test func sharesOnePersonsHistoryWithAuthorsDatesAndOwnMessages() throws {
    let repository = try Self.journalWithHistory()
    let remote = try BareRepository()
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(": 3 commits pushed, at "), "\(run.stdout)")

    // One commit per source commit that changed alice's files; bob's own commit is gone.
    let log = try remote.git("log", "--format=%an|%ae|%aI|%cn|%cI|%s", "main")
    #expect(log.split(separator: "\n") == [
      "Omar Said|omar@example.com|2026-10-01T09:30:00-05:00|Omar Said|2026-10-01T09:30:00-05:00|journal: session with alice on 2026-10-01 (career-development)",
      "Hannah Reyes|hannah@example.com|2026-09-15T17:00:00+02:00|Hannah Reyes|2026-09-15T17:00:00+02:00|journal: session with alice on 2026-09-15 (career-development)",
      "Hannah Reyes|hannah@example.com|2026-09-01T10:00:00+02:00|Hannah Reyes|2026-09-01T10:00:00+02:00|journal: create the journal; new person alice (Alice Kim)",
    ])
    let files = try remote.git("ls-tree", "-r", "--name-only", "main")
    #expect(files.split(separator: "\n") == [
      "README.md", "journal.yml", "mentees/alice/profile.md", "mentees/alice/sessions/2026-09-15.md",
      "mentees/alice/sessions/2026-10-01.md",
    ])
    // The messages never name bob, even for the commit that touched both.
    #expect(!(try remote.git("log", "--format=%B", "main")).contains("bob"))
    #expect(try remote.git("fsck", "--strict").isEmpty)
    // The translation was kept in the source repository, as one pack, and is whole.
    #expect(try repository.git("rev-parse", try repository.shareRecord("alice") + "^1") == (try remote.git("rev-parse", "main")))
    #expect(try repository.git("fsck", "--strict", "--no-dangling").isEmpty)

    // A clone of it is a journal of its own that passes `journal check`.
    let clone = try TemporaryFolder()
    try remote.git("clone", "-q", "-b", "main", remote.path, clone.path + "/alice")
    let check = try runJournal(["check", "--today", "2026-10-02"], in: clone.path + "/alice")
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  }

  @Test func sameHistoryGivesSameIdsAndReSharesOnlyAppend() throws {
    let repository = try Self.journalWithHistory()
    let remote = try BareRepository()
    #expect(try repository.journal("share", "alice", "--to", "file://" + remote.path).status == 0)
    let first = try remote.git("rev-list", "main")

    // Translated from scratch in a copy of the source, the ids are the same.
    let copy = try TemporaryFolder()
    try repository.git("clone", "-q", repository.path, copy.path + "/copy")
    let dryRun = try runJournal(["share", "alice", "--to", remote.path, "--dry-run"], in: copy.path + "/copy")
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    #expect(dryRun.stdout.contains("at \(first.prefix(7))"), "\(dryRun.stdout)")

    // A new session: one more commit on top, a fast-forward, the old ids untouched.
    try repository.write(["mentees/alice/sessions/2026-10-15.md": Self.session(on: "2026-10-15")])
    try repository.commit("Alice again", author: "Hannah Reyes", at: "2026-10-15T12:00:00+00:00")
    let again = try repository.journal("share", "alice", "--to", remote.path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains(": 1 commit pushed, at "), "\(again.stdout)")
    let second = try remote.git("rev-list", "main")
    #expect(second.hasSuffix(first))
    #expect(second.split(separator: "\n").count == first.split(separator: "\n").count + 1)
    #expect(try remote.git("reflog", "show", "main").isEmpty || true)

    // Nothing new: nothing added, the push is a no-op.
    let third = try repository.journal("share", "alice", "--to", remote.path)
    #expect(third.status == 0)
    #expect(third.stdout.contains(": nothing to push, already at "), "\(third.stdout)")
    #expect(try remote.git("rev-list", "main") == second)

    // From scratch, the longer history still has the same ids.
    try repository.git("update-ref", "-d", try repository.shareRecord("alice"))
    let scratch = try repository.journal("share", "alice", "--to", remote.path, "--dry-run")
    #expect(scratch.stdout.contains("at \(second.prefix(7))"), "\(scratch.stdout)")
  }

  @Test func deletedSessionAndPrivateNotes() throws {
    let repository = try Self.journalWithHistory()
    try repository.write(["mentees/alice/private/worries.md": "a private note\n"])
    try repository.commit("Private note", author: "Hannah Reyes", at: "2026-10-02T12:00:00+00:00")
    try repository.git("rm", "-q", "mentees/alice/sessions/2026-09-15.md")
    try repository.commit("Drop a session", author: "Hannah Reyes", at: "2026-10-03T12:00:00+00:00")
    let remote = try BareRepository()
    #expect(try repository.journal("share", "alice", "--to", remote.path).status == 0)
    // The private note's commit changed nothing shareable, so it is not there.
    let log = try remote.git("log", "--format=%s", "main")
    #expect(log.split(separator: "\n").first == "journal: remove session with alice on 2026-09-15")
    #expect(log.split(separator: "\n").count == 4)
    let files = try remote.git("ls-tree", "-r", "--name-only", "main")
    #expect(!files.contains("private") && !files.contains("2026-09-15"))
  }

  @Test func followsARenamedPersonFolder() throws {
    let repository = try Self.journalWithHistory()
    try repository.git("mv", "mentees/alice", "mentees/alice-kim")
    try repository.commit("Rename alice", author: "Hannah Reyes", at: "2026-10-05T12:00:00+00:00")
    let remote = try BareRepository()
    let run = try repository.journal("share", "alice-kim", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "4\n")
    let files = try remote.git("ls-tree", "-r", "--name-only", "main")
    #expect(files.split(separator: "\n").allSatisfy { $0 == "README.md" || $0 == "journal.yml" || $0.hasPrefix("mentees/alice-kim/") })
    // Before the rename the files were under the old name: alice's history, and only hers.
    let before = try remote.git("ls-tree", "-r", "--name-only", "main~1")
    #expect(before.contains("mentees/alice/sessions/2026-10-01.md") && !before.contains("bob"))

    // A folder that appears from nothing starts its own history: bob's is not taken for it.
    try repository.git("rm", "-q", "-r", "mentees/bob")
    try repository.write(["mentees/carol/profile.md": "---\nname: Carol Diaz\nrelationship: report\n---\n"])
    try repository.commit("Bob left, Carol joined", author: "Hannah Reyes", at: "2026-10-06T12:00:00+00:00")
    let carol = try BareRepository()
    #expect(try repository.journal("share", "carol", "--to", carol.path).status == 0)
    #expect(try carol.git("rev-list", "--count", "main") == "1\n")
  }

  /// The headings journal.yml adds read the shared notes as `journal check` reads them: the
  /// page lists the actions under them, and the shared journal.yml carries them, so that the
  /// person's own `journal check`, and the check of what they send back, read them the same way.
  @Test func headingsTheJournalAddsGoWithTheSharedNotes() throws {
    let repository = try GitFixture()
    let file = "mentees/alice/sessions/2026-10-01.md"
    try repository.write([
      "journal.yml": "title: Test journal\nsections:\n  actions: [Homework, Agreed steps]\n  strengths: Kudos\n",
      file: "---\ndate: 2026-10-01\ntype: career-development\n---\n## Kudos\n\n"
        + "- Led the incident review and wrote the timeline the same day\n\n"
        + "## Homework\n\n- [ ] Book the design review due:2026-10-20\n",
    ])
    try repository.commit("Alice, first session", author: "Hannah Reyes", at: "2026-10-01T17:00:00+02:00")
    let remote = try BareRepository()
    let run = try repository.journal("share", "alice", "--to", remote.path, "--today", "2026-10-02")
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

    let page = try remote.git("show", "main:README.md")
    #expect(page.contains("## Open actions\n\n- [ ] Book the design review — due 2026-10-20\n\n## Replying"), "\(page)")
    #expect(
      try remote.git("show", "main:journal.yml")
        == "# One person's notes, shared from a mentor's journal with `journal share`.\n"
        + "sections:\n  strengths: [\"kudos\"]\n  actions: [\"homework\", \"agreed steps\"]\n")

    // The person's clone reads the action where the journal does.
    let alice = try PersonClone(remote.path)
    let show = try runJournal(["show", "alice", "--today", "2026-10-02"], in: alice.path)
    #expect(show.status == 0 && show.stdout.contains("Book the design review"), "\(show.stdout)\(show.stderr)")
    let check = try runJournal(["check", "--today", "2026-10-02"], in: alice.path)
    #expect(check.status == 0 && check.stdout.hasSuffix("checked 3 files: 0 errors, 0 warnings\n"), "\(check.stdout)\(check.stderr)")

    // Ticked under that heading and sent back, it passes the check and counts as done.
    try alice.edit(file) { $0.replacingOccurrences(of: "- [ ] Book", with: "- [x] Book") }
    try alice.commitAndPush("Booked it", at: "2026-10-03T09:00:00+02:00")
    let again = try repository.journal("share", "alice", "--to", remote.path, "--today", "2026-10-04")
    #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    let after = try remote.git("show", "main:README.md")
    #expect(after.contains("## Open actions\n\nNone open.\n\n1 done (100% of those done or open).\n"), "\(after)")
  }

  @Test func refusesToShareAJournalWithErrors() throws {
    let repository = try Self.journalWithHistory()
    try repository.write(["mentees/alice/sessions/2026-10-20.md": "---\ndate: 2026-10-20\ntype: chat\n---\n"])
    try repository.commit("A broken note", author: "Hannah Reyes", at: "2026-10-20T12:00:00+00:00")
    let remote = try BareRepository()
    let before = try repository.git("for-each-ref")
    let run = try repository.journal("share", "alice", "--to", remote.path, "--today", "2026-10-21")
    #expect(run.status == 1)
    #expect(run.stdout.contains("(shared) mentees/alice/sessions/2026-10-20.md:3:7: error"), "\(run.stdout)")
    #expect(run.stderr == "journal: not shared: alice's shared journal has errors (use --no-verify to share anyway)\n")
    #expect(try remote.git("for-each-ref").isEmpty)
    #expect(try repository.git("for-each-ref") == before)
    let forced = try repository.journal("share", "alice", "--to", remote.path, "--no-verify")
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "4\n")
  }

  /// The check before the push reads notes, one at a time, and never an attachment: a large
  /// attachment is shared as it is, and a note too large to check is reported unread.
  @Test func largeFilesAreCheckedWithoutBeingRead() throws {
    let repository = try Self.journalWithHistory()
    var attachment = Data(count: 3 << 20)
    for index in stride(from: 0, to: attachment.count, by: 4096) { attachment[index] = UInt8(truncatingIfNeeded: index >> 12) }
    try repository.folder.write("mentees/alice/attachments/scan.pdf", attachment)
    try repository.commit("A scan", author: "Hannah Reyes", at: "2026-10-02T12:00:00+00:00")
    let remote = try BareRepository()
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("rev-parse", "main:mentees/alice/attachments/scan.pdf") == (try repository.git("rev-parse", "HEAD:mentees/alice/attachments/scan.pdf")))

    try repository.write(["mentees/alice/sessions/2026-10-03.md": Self.session(on: "2026-10-03") + String(repeating: "- a long line of notes\n", count: 60_000)])
    try repository.commit("A very long session", author: "Hannah Reyes", at: "2026-10-03T12:00:00+00:00")
    let large = try repository.journal("share", "alice", "--to", remote.path)
    #expect(large.status == 1)
    #expect(large.stdout.contains("(shared) mentees/alice/sessions/2026-10-03.md:1:1: error"), "\(large.stdout)")
    #expect(large.stdout.contains("journal reads notes of at most"), "\(large.stdout)")
  }

  @Test func aJournalInASubfolderSharesAtTheRoot() throws {
    let repository = try GitFixture(journalAt: "team/notes")
    try repository.write(["team/notes/mentees/alice/sessions/2026-09-15.md": Self.session(on: "2026-09-15"), "README.md": "not the journal's\n"])
    try repository.commit("Start", author: "Hannah Reyes", at: "2026-09-15T17:00:00+02:00")
    let remote = try BareRepository()
    let run = try runJournal(
      ["share", "alice", "--to", remote.path], in: repository.path + "/team/notes", environment: ["HOME": repository.home.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("ls-tree", "-r", "--name-only", "main").split(separator: "\n") == [
      "README.md", "journal.yml", "mentees/alice/profile.md", "mentees/alice/sessions/2026-09-15.md",
    ])
  }

  @Test func aFolderOfOnlyPrivateNotesHasNothingToShare() throws {
    let repository = try Self.journalWithHistory()
    try repository.write(["mentees/dana/private/first-impressions.md": "private\n"])
    try repository.commit("Dana, privately", author: "Hannah Reyes", at: "2026-10-02T12:00:00+00:00")
    let remote = try BareRepository()
    let run = try repository.journal("share", "dana", "--to", remote.path)
    #expect(run.status == 2)
    #expect(run.stderr == "journal: dana has nothing to share: their folder holds only private notes\n")
    #expect(try remote.git("for-each-ref").isEmpty)
  }

  @Test func personWithNoHistoryIsAClearError() throws {
    let repository = try Self.journalWithHistory()
    let remote = try BareRepository()
    let run = try repository.journal("share", "zoe", "--to", remote.path)
    #expect(run.status == 2)
    #expect(run.stderr == "journal: zoe has no history to share: there is no mentees/zoe/ in the last commit\n")
    #expect(try remote.git("for-each-ref").isEmpty)
    let bad = try repository.journal("share", "Not_An_Id", "--to", remote.path)
    #expect(bad.status == 2 && bad.stderr.contains("not a person id"))
  }

  @Test func refusesANonFastForwardAndChangesNothingLocally() throws {
    let repository = try Self.journalWithHistory()
    let remote = try BareRepository()
    // The receiving repository already holds something else on main.
    let other = try GitFixture(initialCommit: true)
    try other.git("push", "-q", remote.path, "main")
    let before = try repository.git("for-each-ref")
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 2)
    #expect(run.stderr.contains("journal share never force-pushes"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(try repository.git("for-each-ref") == before)
    #expect(try repository.git("fsck", "--strict", "--no-dangling").isEmpty)
    // A dry run reads the remote too, says the same, and writes not even an unreachable
    // object, though it fetched the remote's commits to look at them.
    let objects = try repository.git("count-objects", "-v")
    let dryRun = try repository.journal("share", "alice", "--to", remote.path, "--dry-run")
    #expect(dryRun.status == 2 && dryRun.stderr.contains("journal share never force-pushes"), "\(dryRun.stderr)")
    #expect(try repository.git("count-objects", "-v") == objects)
    #expect(try repository.git("for-each-ref") == before)
    #expect(try remote.git("rev-parse", "main") == (try other.git("rev-parse", "main")))
  }

  @Test func unreachableRemoteIsAOneLineError() throws {
    let repository = try Self.journalWithHistory()
    let before = try repository.git("for-each-ref")
    let port = try closedPort()
    let run = try repository.journal("share", "alice", "--to", "ssh://127.0.0.1:\(port)/x.git")
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("journal: cannot fetch from ssh://127.0.0.1:\(port)/x.git: "), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(try repository.git("for-each-ref") == before)
    let missing = try repository.journal("share", "alice", "--to", "/nonexistent/alice.git")
    #expect(missing.status == 2)
    #expect(
      missing.stderr
        == "journal: no repository at /nonexistent/alice.git: make one with git init --bare '/nonexistent/alice.git', or give another --to\n")
  }

  /// Markers planted in another person's files and file names, in private notes, in commit
  /// messages, in the journal's title and comments, in a link and in tags: none of them may
  /// be in any object or reference the receiving repository holds.
  @Test func nothingElseLeaks() throws {
    let repository = try Self.journalWithHistory()
    try repository.write([
      "journal.yml": "# zqx-comment\ntitle: zqx-title\nrules:\n  late-feedback:\n    max-days: 9\n",
      "mentees/zqx-person/profile.md": "---\nname: Zqx Other\nrelationship: report\n---\nzqx-content\n",
      "mentees/zqx-person/sessions/2026-10-04-zqx-topic.md": Self.session(on: "2026-10-04") + "zqx-session\n",
      "mentees/alice/private/zqx-private-name.md": "zqx-private-content\n",
      "mentees/alice/.zqx-hidden": "zqx-hidden\n",
      "mentees/alice/sessions/2026-10-04.md": Self.session(on: "2026-10-04"),
    ])
    try FileManager.default.createSymbolicLink(
      atPath: repository.path + "/mentees/alice/zqx-link.md", withDestinationPath: "../zqx-person/profile.md")
    try repository.commit("zqx-message about alice and zqx-person", author: "Hannah Reyes", at: "2026-10-04T12:00:00+00:00")
    try repository.git("tag", "-a", "-m", "zqx-tag-message", "zqx-tag")
    try repository.git("branch", "zqx-branch")

    let remote = try BareRepository()
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")

    // The scan works: it finds the markers in the source repository.
    #expect(try allObjectsAndReferences(repository.path).contains("zqx"))
    let received = try allObjectsAndReferences(remote.path)
    #expect(!received.lowercased().contains("zqx"), "a marker reached the shared repository")
    // What was meant to arrive did.
    #expect(received.contains("Led the incident review on 2026-10-04"))
    #expect(received.contains("max-days: 9"))
  }

  /// Blobs over `core.bigFileThreshold` are packed whole, as `git pack-objects` packs them,
  /// and the same objects are shared either way: an attachment changed in one line is
  /// stored as a delta of its earlier version, unless the threshold is below its size.
  @Test(arguments: [nil, "4k"])
  func largeBlobsArePackedWholeOverTheBigFileThreshold(_ threshold: String?) throws {
    let repository = try Self.journalWithHistory()
    if let threshold { try repository.git("config", "core.bigFileThreshold", threshold) }
    let lines = (0..<400).map { "line \($0): measured the queue at \($0 * 37 % 101) items\n" }
    let file = "mentees/alice/attachments/queue.txt"
    try repository.write([file: lines.joined()])
    try repository.commit("Queue figures", author: "Hannah Reyes", at: "2026-10-05T12:00:00+00:00")
    try repository.write([file: (lines.dropLast() + ["line 399: the queue is empty\n"]).joined()])
    try repository.commit("Queue figures, later", author: "Hannah Reyes", at: "2026-10-06T12:00:00+00:00")
    let remote = try BareRepository()
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("fsck", "--strict").isEmpty)
    // Every history gives the same shared commits: the same objects went out.
    #expect(try remote.git("rev-parse", "main") == (try repository.git("rev-parse", try repository.shareRecord("alice") + "^1")))
    let blobs = Set(try remote.git("rev-list", "--objects", "main").split(separator: "\n")
      .compactMap { $0.hasSuffix(" " + file) ? String($0.prefix(40)) : nil })
    #expect(blobs.count == 2)
    let packs = try FileManager.default.contentsOfDirectory(atPath: remote.path + "/objects/pack").filter { $0.hasSuffix(".idx") }
    var deltas = 0
    for pack in packs {
      // `git verify-pack -v`: a delta's line ends with its depth and base.
      for line in try remote.git("verify-pack", "-v", "objects/pack/" + pack).split(separator: "\n") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        if let id = fields.first, blobs.contains(String(id)), fields.count == 7 { deltas += 1 }
      }
    }
    #expect(deltas == (threshold == nil ? 1 : 0), "\(deltas) of the attachment's blobs are deltas")
  }

}

/// Every object (`git cat-file --batch-all-objects --batch`), every reference and every file
/// name inside the repository's git folder: all a receiving repository holds.
func allObjectsAndReferences(_ path: String) throws -> String {
  let objects = try runProgram(
    "/usr/bin/git", ["cat-file", "--batch-all-objects", "--batch"], in: URL(fileURLWithPath: path))
  let references = try runProgram("/usr/bin/git", ["for-each-ref"], in: URL(fileURLWithPath: path))
  let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
  return objects.stdout + references.stdout + names.joined(separator: "\n")
}

/// A bare repository to share into, its default branch `main` unless said otherwise.
final class BareRepository {
  let folder: TemporaryFolder
  var path: String { folder.path + "/shared.git" }

  init(defaultBranch: String = "main") throws {
    folder = try TemporaryFolder()
    let run = try runProgram("/usr/bin/git", ["init", "-q", "--bare", "-b", defaultBranch, folder.path + "/shared.git"])
    guard run.status == 0 else { throw GitFixture.GitFailure(arguments: ["init"], status: run.status) }
  }

  @discardableResult
  func git(_ arguments: String...) throws -> String {
    let run = try runProgram(
      "/usr/bin/git", arguments, in: URL(fileURLWithPath: path),
      environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C"])
    guard run.status == 0 else { throw GitFixture.GitFailure(arguments: arguments, status: run.status) }
    return run.stdout
  }

  /// `git clone` of it into a new folder: what git says, and the names the clone's folder
  /// holds (`[".git"]` when it checked out no files).
  func cloneWithGit() throws -> (stderr: String, names: [String]) {
    let clone = try TemporaryFolder()
    let run = try runProgram(
      "/usr/bin/git", ["clone", "-q", path, clone.path + "/clone"],
      environment: ["PATH": "/usr/bin:/bin", "HOME": clone.path, "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C"])
    guard run.status == 0 else { throw GitFixture.GitFailure(arguments: ["clone"], status: run.status) }
    return (run.stderr, try FileManager.default.contentsOfDirectory(atPath: clone.path + "/clone").sorted())
  }
}

extension GitFixture {
  /// The one reference that records `person`'s share, whichever journal and remote it was.
  func shareRecord(_ person: String) throws -> String {
    // refs/journal/share/<journal>/<person>/<remote>/record
    let names = try git("for-each-ref", "--format=%(refname)", "refs/journal/share/").split(separator: "\n").filter {
      let parts = $0.split(separator: "/")
      return parts.count == 7 && parts[4] == person && parts[6] == "record"
    }
    guard names.count == 1, let name = names.first else { throw GitFailure(arguments: ["for-each-ref"], status: -1) }
    return String(name)
  }

  /// Commits everything, by `author` at `date`, as author and committer.
  func commit(_ message: String, author: String, at date: String) throws {
    let email = author.split(separator: " ").first!.lowercased() + "@example.com"
    try git(["add", "-A"])
    try git(
      ["commit", "-q", "-m", message],
      environment: [
        "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
      ])
  }
}

/// A loopback port nothing listens on.
func closedPort() throws -> Int {
  let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(socket) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  _ = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
  }
  _ = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
  }
  return Int(UInt16(bigEndian: address.sin_port))
}
