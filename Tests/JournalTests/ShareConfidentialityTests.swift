import Foundation
import Testing

/// The ordinary histories that once carried another person's notes into a shared repository:
/// a folder taken for another's rename, a file moved between people, two journals or two
/// remotes sharing one record. Each test plants markers in what must not arrive and scans
/// every object, reference and file name of the receiving repository for them.
@Suite struct ShareConfidentialityTests {
  static let ladder =
    "---\ntitle: Career ladder\ncreated: 2026-09-01\nstatus: active\n---\n## Why this plan\n\nThe team's shared ladder, the same file for everyone.\n"

  /// A journal in which bob has a history of his own: a profile, two versions of a session,
  /// and the team's career-ladder plan, every line of his marked `zqb`.
  static func journalWithBob() throws -> GitFixture {
    let repository = try ShareTests.journalWithHistory()
    try repository.write([
      "mentees/bob/profile.md": "---\nname: Bob Stone zqb-name\nrelationship: report\n---\n",
      "mentees/bob/sessions/2026-09-16.md": ShareTests.session(on: "2026-09-16") + "\nzqb-session-one\n",
      "mentees/bob/plans/career-ladder.md": ladder,
    ])
    try repository.commit("Bob's notes, zqb-message", author: "Hannah Reyes", at: "2026-10-02T12:00:00+00:00")
    try repository.write(["mentees/bob/sessions/2026-09-16.md": ShareTests.session(on: "2026-09-16") + "\nzqb-session-two\n"])
    try repository.commit("Bob again, zqb-message-two", author: "Hannah Reyes", at: "2026-10-03T12:00:00+00:00")
    return repository
  }

  /// Asserts that nothing of bob's reached the repository: no marker, no name.
  static func expectNothingOfBob(in remote: BareRepository, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let received = try allObjectsAndReferences(remote.path).lowercased()
    #expect(!received.contains("zqb"), "a marker of bob's reached the shared repository", sourceLocation: sourceLocation)
    #expect(!received.contains("bob"), "bob's name reached the shared repository", sourceLocation: sourceLocation)
  }

  // MARK: Renames only on proof

  /// The case: one commit removes bob's folder and adds carol's, one of whose files is
  /// byte for byte one of bob's. Carol's history starts with her folder.
  @Test func oneSharedFileIsNoProofOfARename() throws {
    let repository = try Self.journalWithBob()
    try repository.git("rm", "-q", "-r", "mentees/bob")
    try repository.write([
      "mentees/carol/profile.md": "---\nname: Carol Diaz\nrelationship: report\n---\n",
      "mentees/carol/plans/career-ladder.md": Self.ladder,
    ])
    try repository.commit("Bob left, Carol joined", author: "Hannah Reyes", at: "2026-10-06T12:00:00+00:00")
    #expect(try repository.git("show", "--stat", "-M", "--format=", "HEAD").contains("=>"), "git itself sees a rename")

    let remote = try BareRepository()
    let run = try repository.journal("share", "carol", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "1\n")
    #expect(try remote.git("ls-tree", "-r", "--name-only", "main").split(separator: "\n") == [
      "README.md", "journal.yml", "mentees/carol/plans/career-ladder.md", "mentees/carol/profile.md",
    ])
    try Self.expectNothingOfBob(in: remote)
  }

  /// Half of a folder, or all of it but one changed file, is not a rename either; a pure rename
  /// is followed, and so is the folder the user names with --follow-from.
  @Test func onlyAPureRenameOrTheUsersWordIsFollowed() throws {
    let repository = try ShareTests.journalWithHistory()
    // alice's folder renamed, and her profile changed in the same commit.
    try repository.git("mv", "mentees/alice", "mentees/alice-kim")
    try repository.write(["mentees/alice-kim/profile.md": "---\nname: Alice Kim-Lee\nrelationship: report\n---\n"])
    try repository.commit("Alice's new name", author: "Hannah Reyes", at: "2026-10-05T12:00:00+00:00")

    let remote = try BareRepository()
    let run = try repository.journal("share", "alice-kim", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "1\n")
    #expect(!(try allObjectsAndReferences(remote.path)).contains("mentees/alice/"))
    // The note says where the history starts and how to go further back.
    #expect(run.stderr.contains("alice-kim's history starts at"), "\(run.stderr)")
    #expect(run.stderr.contains("--follow-from alice"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")

    // Named by the user: alice's history comes with it, under her old folder name.
    let followed = try BareRepository()
    let named = try repository.journal("share", "alice-kim", "--to", followed.path, "--follow-from", "alice")
    #expect(named.status == 0, "\(named.stderr)")
    #expect(named.stderr.isEmpty, "\(named.stderr)")
    #expect(try followed.git("rev-list", "--count", "main") == "4\n")
    #expect(try followed.git("ls-tree", "-r", "--name-only", "main~1").contains("mentees/alice/sessions/2026-10-01.md"))
    #expect(!(try allObjectsAndReferences(followed.path)).contains("bob"))

    // A name that was not there before the folder appeared is refused, with nothing pushed.
    let wrong = try BareRepository()
    let missing = try repository.journal("share", "alice-kim", "--to", wrong.path, "--follow-from", "zoe")
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("--follow-from zoe: there is no mentees/zoe/ in"), "\(missing.stderr)")
    #expect(try wrong.git("for-each-ref").isEmpty)
  }

  /// A pure rename that also copies the old folder's files to a third person: not proof.
  @Test func aRenameWhoseFilesAlsoGoElsewhereIsNotFollowed() throws {
    let repository = try Self.journalWithBob()
    try repository.git("mv", "mentees/bob", "mentees/bob-stone")
    try repository.write(["mentees/alice/sessions/2026-09-16.md": ShareTests.session(on: "2026-09-16") + "\nzqb-session-two\n"])
    try repository.commit("Bob renamed, his session copied to alice", author: "Hannah Reyes", at: "2026-10-06T12:00:00+00:00")
    let remote = try BareRepository()
    let run = try repository.journal("share", "bob-stone", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "1\n")
  }

  /// A file moved from bob's folder into alice's is alice's from that commit on: its content
  /// then is shared, its earlier versions and bob's other notes never are.
  @Test func aFileMovedFromAnotherPersonIsSharedOnlyFromItsMove() throws {
    let repository = try Self.journalWithBob()
    try repository.git("mv", "mentees/bob/sessions/2026-09-16.md", "mentees/alice/sessions/2026-09-16.md")
    try repository.commit("Filed under alice by mistake, zqb-move", author: "Hannah Reyes", at: "2026-10-06T12:00:00+00:00")
    let remote = try BareRepository()
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    let received = try allObjectsAndReferences(remote.path)
    #expect(received.contains("zqb-session-two"), "the moved file, as it was moved, is alice's now")
    #expect(!received.contains("zqb-session-one"), "an earlier version, from bob's folder, was shared")
    #expect(!received.contains("zqb-name") && !received.contains("zqb-message") && !received.contains("zqb-move"))
    #expect(!received.lowercased().contains("bob"))
    #expect(try remote.git("log", "--format=%s", "-1", "main") == "journal: session with alice on 2026-09-16 (career-development)\n")
  }

  // MARK: A record per journal, person and remote

  /// Two journals in one repository, teamA/ and teamB/, each with an alice of their own.
  static func twoJournals() throws -> GitFixture {
    let repository = try GitFixture(journalAt: "teamA")
    try repository.write([
      "teamA/mentees/alice/profile.md": "---\nname: Alice Kim zqa-name\nrelationship: report\n---\n",
      "teamB/journal.yml": "title: Team B\n",
      "teamB/mentees/alice/profile.md": "---\nname: Alice Berg\nrelationship: report\n---\n",
    ])
    try repository.commit("Two teams", author: "Hannah Reyes", at: "2026-09-01T10:00:00+00:00")
    try repository.write(["teamA/mentees/alice/sessions/2026-09-15.md": ShareTests.session(on: "2026-09-15") + "\nzqa-session\n"])
    try repository.commit("Team A's alice", author: "Hannah Reyes", at: "2026-09-15T10:00:00+00:00")
    try repository.write(["teamB/mentees/alice/sessions/2026-09-16.md": ShareTests.session(on: "2026-09-16")])
    try repository.commit("Team B's alice", author: "Hannah Reyes", at: "2026-09-16T10:00:00+00:00")
    return repository
  }

  @Test func twoJournalsInOneRepositoryNeverShareARecord() throws {
    let repository = try Self.twoJournals()
    let teamA = try BareRepository()
    let teamB = try BareRepository()
    let first = try repository.journal("share", "alice", "--to", teamA.path, in: "teamA")
    #expect(first.status == 0, "\(first.stderr)")
    let second = try repository.journal("share", "alice", "--to", teamB.path, in: "teamB")
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("2 commits pushed"), "\(second.stdout)")
    #expect(!(try allObjectsAndReferences(teamB.path)).contains("zqa"), "team A's alice reached team B's alice")
    #expect(try teamB.git("ls-tree", "-r", "--name-only", "main").split(separator: "\n") == [
      "README.md", "journal.yml", "mentees/alice/profile.md", "mentees/alice/sessions/2026-09-16.md",
    ])
    // Each journal has a record of its own, named by the journal's path and the remote.
    let records = try repository.git("for-each-ref", "--format=%(refname)", "refs/journal/").split(separator: "\n")
    #expect(records.count == 2, "\(records)")
    #expect(records.contains { $0.hasPrefix("refs/journal/share/%2FteamA/alice/") && $0.hasSuffix("/record") }, "\(records)")
    #expect(records.contains { $0.hasPrefix("refs/journal/share/%2FteamB/alice/") && $0.hasSuffix("/record") }, "\(records)")
    // Again, each from its own record: nothing to push.
    let again = try repository.journal("share", "alice", "--to", teamA.path, in: "teamA")
    #expect(again.status == 0 && again.stdout.contains("nothing to push"), "\(again.stdout)\(again.stderr)")
  }

  /// A second remote gets the whole history, and the message says so; each remote's message
  /// counts what that remote received.
  @Test func eachRemoteIsToldWhatItReceived() throws {
    let repository = try ShareTests.journalWithHistory()
    let first = try BareRepository()
    let second = try BareRepository()
    let one = try repository.journal("share", "alice", "--to", first.path)
    #expect(one.status == 0 && one.stdout.contains(": 3 commits pushed, at "), "\(one.stdout)\(one.stderr)")
    try repository.write(["mentees/alice/sessions/2026-10-15.md": ShareTests.session(on: "2026-10-15")])
    try repository.commit("Alice again", author: "Hannah Reyes", at: "2026-10-15T12:00:00+00:00")
    let two = try repository.journal("share", "alice", "--to", second.path)
    #expect(two.status == 0 && two.stdout.contains(": 4 commits pushed, at "), "\(two.stdout)\(two.stderr)")
    #expect(two.stdout.split(separator: "\n").count == 5, "one line per commit pushed, then the summary")
    #expect(try second.git("rev-list", "--count", "main") == "4\n")
    let three = try repository.journal("share", "alice", "--to", first.path)
    #expect(three.status == 0 && three.stdout.contains(": 1 commit pushed, at "), "\(three.stdout)\(three.stderr)")
    #expect(try first.git("rev-parse", "main") == (try second.git("rev-parse", "main")))
    let four = try repository.journal("share", "alice", "--to", second.path)
    #expect(four.status == 0 && four.stdout.contains(": nothing to push, already at "), "\(four.stdout)")
    for remote in [first, second] {
      #expect(!(try allObjectsAndReferences(remote.path)).lowercased().contains("bob"), "bob reached alice's repository")
    }

    // A record this version cannot read is not continued from, and is replaced.
    let records = try repository.git("for-each-ref", "--format=%(refname)", "refs/journal/share/").split(separator: "\n")
    let toFirst = try records.filter {
      try repository.git("log", "-1", "--format=%B", String($0)).contains(first.folder.url.lastPathComponent)
    }
    #expect(toFirst.count == 1, "\(records)")
    let record = String(toFirst.first ?? "")
    try repository.git("update-ref", record, "HEAD")
    let unreadable = try repository.journal("share", "alice", "--to", first.path)
    #expect(unreadable.status == 0 && unreadable.stdout.contains(": nothing to push, already at "), "\(unreadable.stdout)")
    #expect(unreadable.stderr.contains("is not a record this version of journal can read"), "\(unreadable.stderr)")
    #expect(try repository.git("rev-parse", record + "^1") == (try first.git("rev-parse", "main")))
  }

  /// Makes the record an earlier journal share left, `refs/journal/share/<id>`, naming neither
  /// journal nor remote: a record commit whose parent is the shared tip and whose message
  /// names the source commit. Every record made since is removed.
  static func leaveOldRecord(_ repository: GitFixture, person: String, shared: String, source: String) throws {
    for name in try repository.git("for-each-ref", "--format=%(refname)", "refs/journal/").split(separator: "\n") {
      try repository.git("update-ref", "-d", String(name))
    }
    let empty = try repository.git("hash-object", "-t", "tree", "/dev/null").trimmingCharacters(in: .whitespacesAndNewlines)
    let record = try repository.git(
      "commit-tree", empty, "-p", shared, "-m", "journal share record for \(person)\n\nsource \(source)\n"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    try repository.git("update-ref", "refs/journal/share/\(person)", record)
  }

  /// A record of the old form names no journal and no remote. It is taken over only when a
  /// translation from the start proves it this journal's, and the remote holds its history;
  /// otherwise it is left alone, with a note, and never continued from.
  @Test func anOldRecordIsTakenOverOnlyOnProof() throws {
    let repository = try Self.twoJournals()
    let teamA = try BareRepository()
    #expect(try repository.journal("share", "alice", "--to", teamA.path, in: "teamA").status == 0)
    let tip = try teamA.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines)
    try Self.leaveOldRecord(repository, person: "alice", shared: tip, source: repository.head)

    // Team B's alice: not this record's journal. It is not continued from, and stays.
    let teamB = try BareRepository()
    let other = try repository.journal("share", "alice", "--to", teamB.path, in: "teamB")
    #expect(other.status == 0, "\(other.stderr)")
    #expect(!(try allObjectsAndReferences(teamB.path)).contains("zqa"), "team A's alice reached team B's alice")
    #expect(other.stderr.contains("refs/journal/share/alice"), "\(other.stderr)")
    #expect(other.stderr.contains("not used"), "\(other.stderr)")
    #expect(other.stderr.split(separator: "\n").count == 1, "\(other.stderr)")
    #expect(try repository.git("rev-parse", "refs/journal/share/alice^1") == tip + "\n")

    // Team A's alice to the remote that holds the record's history: taken over.
    let same = try repository.journal("share", "alice", "--to", teamA.path, in: "teamA")
    #expect(same.status == 0, "\(same.stderr)")
    #expect(same.stdout.contains("nothing to push"), "\(same.stdout)")
    #expect(same.stderr.contains("refs/journal/share/alice") && same.stderr.contains("replaced"), "\(same.stderr)")
    let references = try repository.git("for-each-ref", "--format=%(refname)", "refs/journal/")
    #expect(!references.contains("refs/journal/share/alice\n"), "\(references)")
    #expect(references.split(separator: "\n").count == 2, "\(references)")
  }

  // MARK: The remote's default branch

  /// `git init --bare` names `master` in HEAD unless told otherwise: an empty remote gets the
  /// branch its HEAD names, so that a clone of it checks the history out.
  @Test func anEmptyRemoteGetsTheBranchItsHeadNames() throws {
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository(defaultBranch: "master")
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    #expect(run.stdout.contains("shared alice to \(remote.path) master: 3 commits pushed"), "\(run.stdout)")
    #expect(try remote.git("for-each-ref", "--format=%(refname)") == "refs/heads/master\n")
    let clone = try TemporaryFolder()
    try remote.git("clone", "-q", remote.path, clone.path + "/alice")
    #expect(FileManager.default.fileExists(atPath: clone.path + "/alice/mentees/alice/sessions/2026-10-01.md"))
    #expect(!(try allObjectsAndReferences(remote.path)).lowercased().contains("bob"), "bob reached alice's repository")

    // The next share goes to the same branch.
    try repository.write(["mentees/alice/sessions/2026-10-15.md": ShareTests.session(on: "2026-10-15")])
    try repository.commit("Alice again", author: "Hannah Reyes", at: "2026-10-15T12:00:00+00:00")
    let again = try repository.journal("share", "alice", "--to", remote.path)
    #expect(again.status == 0 && again.stdout.contains("master: 1 commit pushed"), "\(again.stdout)\(again.stderr)")
    #expect(try remote.git("rev-list", "--count", "master") == "4\n")
  }

  /// Pushed to another branch than the one HEAD names: shared, with a one-line warning that
  /// says what was shared, what a clone will check out (as `git clone` does) and what to do.
  @Test func warnsWhenTheRemoteHeadNamesAnotherBranch() throws {
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository(defaultBranch: "master")
    let run = try repository.journal("share", "alice", "--to", remote.path, "--branch", "main")
    #expect(run.status == 0, "\(run.stderr)")
    // An empty repository's HEAD names master, which it does not have.
    #expect(
      run.stderr
        == "journal: warning: shared to main, but the HEAD of \(remote.path) names master, a branch it does not have, so a clone of it checks out no files; make main its default branch: git symbolic-ref HEAD refs/heads/main in that repository, or the hosting service's settings\n",
      "\(run.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "3\n")
    #expect(!(try allObjectsAndReferences(remote.path)).lowercased().contains("bob"), "bob reached alice's repository")
    let cloned = try remote.cloneWithGit()
    #expect(cloned.stderr.contains("remote HEAD refers to nonexistent ref, unable to checkout"), "\(cloned.stderr)")
    #expect(cloned.names == [".git"])

    // With master there, a clone checks master out.
    try remote.git("branch", "master", "main~1")
    try repository.write(["mentees/alice/sessions/2026-10-15.md": ShareTests.session(on: "2026-10-15")])
    try repository.commit("Alice again", author: "Hannah Reyes", at: "2026-10-15T12:00:00+00:00")
    let again = try repository.journal("share", "alice", "--to", remote.path, "--branch", "main")
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      again.stderr
        == "journal: warning: shared to main, but a clone of \(remote.path) checks out master, the branch its HEAD names; to have clones check out main, make main its default branch: git symbolic-ref HEAD refs/heads/main in that repository, or the hosting service's settings\n",
      "\(again.stderr)")
    let master = try remote.cloneWithGit()
    #expect(master.stderr.isEmpty && master.names == [".git", "README.md", "journal.yml", "mentees"], "\(master)")
    #expect(try remote.git("ls-tree", "--name-only", "master") == "README.md\njournal.yml\nmentees\n")
  }

  /// `--branch` takes the names git takes (`git check-ref-format`), whatever the names are
  /// made of, and refuses the others in one line before anything is read or pushed.
  @Test func branchNamesAsGitReadsThem() throws {
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository(defaultBranch: "main")
    for name in ["a b", " \u{301}", "a..b", "topic.lock", "x/.hidden", "a@{1}", "end/", "tab\there", "a\r\nb"] {
      let run = try repository.journal("share", "alice", "--to", remote.path, "--branch", name)
      #expect(run.status != 0, "\(name.debugDescription) was taken")
      #expect(run.stderr.hasPrefix("journal: `") && run.stderr.hasSuffix("` is not a branch name\n"), "\(run.stderr)")
      #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }
    #expect(try remote.git("for-each-ref") == "")
    let run = try repository.journal("share", "alice", "--to", remote.path, "--branch", "notes/caf\u{E9}")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("rev-list", "--count", "notes/caf\u{E9}") == "3\n")
  }

  // MARK: Local pushes and receiving hooks

  /// libgit2 writes a push to a repository on this machine itself, without running its
  /// hooks: a repository whose hooks git would run on a push is refused, in one line, with
  /// nothing pushed and nothing recorded.
  @Test func aLocalRepositoryWithReceivingHooksIsRefused() throws {
    let repository = try ShareTests.journalWithHistory()
    func executable(_ path: String, _ script: String) throws {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      // Through a descriptor no other test's child inherits, or git may find the hook busy.
      try writeFile(path, Data(script.utf8))
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
    /// git pushing to a repository made the same way: the oracle for what a push there means.
    func gitPush(to remote: BareRepository) throws -> Run {
      try runProgram(
        "/usr/bin/git", ["-C", repository.path, "push", "-q", remote.path, "HEAD:refs/heads/main"],
        environment: ["PATH": "/usr/bin:/bin", "HOME": repository.home.path, "GIT_CONFIG_NOSYSTEM": "1"])
    }
    let refusing = "#!/bin/sh\ntouch \"$GIT_DIR/hook-ran\"\nexit 1\n"

    let oracle = try BareRepository()
    try executable(oracle.path + "/hooks/pre-receive", refusing)
    #expect(try gitPush(to: oracle).status != 0 && FileManager.default.fileExists(atPath: oracle.path + "/hook-ran"))

    let remote = try BareRepository()
    try executable(remote.path + "/hooks/pre-receive", refusing)
    let before = try repository.git("for-each-ref")
    for url in [remote.path, "file://" + remote.path] {
      let run = try repository.journal("share", "alice", "--to", url)
      #expect(run.status == 2)
      #expect(
        run.stderr.hasPrefix("journal: \(url) has a pre-receive hook, which libgit2 does not run"), "\(run.stderr)")
      #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
      let dryRun = try repository.journal("share", "alice", "--to", url, "--dry-run")
      #expect(dryRun.status == 2 && dryRun.stderr == run.stderr, "\(dryRun.stderr)")
    }
    #expect(try remote.git("for-each-ref").isEmpty)
    #expect(try remote.git("count-objects").hasPrefix("0 objects"), "nothing was written there")
    #expect(!FileManager.default.fileExists(atPath: remote.path + "/hook-ran"))
    #expect(try repository.git("for-each-ref") == before)

    // Where git looks: core.hooksPath, relative to the repository's git folder.
    let customOracle = try BareRepository()
    try executable(customOracle.path + "/custom-hooks/update", "#!/bin/sh\nexit 1\n")
    try customOracle.git("config", "core.hooksPath", "custom-hooks")
    let declined = try gitPush(to: customOracle)
    #expect(declined.status != 0 && declined.stderr.contains("hook declined"), "git ran the update hook: \(declined.stderr)")
    try FileManager.default.removeItem(atPath: remote.path + "/hooks/pre-receive")
    let update = remote.path + "/custom-hooks/update"
    try executable(update, "#!/bin/sh\nexit 1\n")
    try remote.git("config", "core.hooksPath", "custom-hooks")
    let custom = try repository.journal("share", "alice", "--to", remote.path)
    #expect(custom.status == 2 && custom.stderr.contains("has an update hook"), "\(custom.stderr)")

    // A hook git would not run, not being executable, does not stop the share.
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: update)
    let plain = try repository.journal("share", "alice", "--to", remote.path)
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "3\n")
    #expect(!(try allObjectsAndReferences(remote.path)).lowercased().contains("bob"), "bob reached alice's repository")
  }
}
