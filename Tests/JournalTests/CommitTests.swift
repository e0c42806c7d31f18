import Foundation
import Testing

/// `journal commit` against real repositories, inspected with the real `git` program.
@Suite struct CommitTests {
  @Test func firstCommitOnAnUnbornBranch() throws {
    let repo = try GitFixture()
    let run = try repo.journal("commit", "--today", "2026-11-26")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("log", "--format=%an <%ae>|%cn <%ce>|%s") == "Hannah Reyes <hannah@example.com>|Hannah Reyes <hannah@example.com>|journal: create the journal; new person alice (Alice Kim)\n")
    #expect(try repo.git("log", "-1", "--format=%b") == "- create the journal\n- new person alice (Alice Kim)\n\n")
    #expect(try repo.git("reflog", "--format=%gs") == "commit (initial): journal: create the journal; new person alice (Alice Kim)\n")
    #expect(try repo.git("status", "--porcelain") == "")
    #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
  }

  @Test func messageForOneSession() throws {
    let repo = try GitFixture()
    try repo.journal("commit")
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    let run = try repo.journal("commit", "--today", "2026-11-26")
    #expect(run.status == 0)
    #expect(try repo.git("log", "-1", "--format=%B") == "journal: session with alice on 2026-11-20 (career-development)\n\n")
    #expect(run.stdout.hasPrefix("["))
    #expect(run.stdout.contains("] journal: session with alice on 2026-11-20 (career-development)\n  added    mentees/alice/sessions/2026-11-20.md\n"))
    // Git and journal agree: the commit holds exactly that file.
    #expect(try repo.git("show", "--name-status", "--format=", "HEAD") == "A\tmentees/alice/sessions/2026-11-20.md\n")
    #expect(try repo.git("reflog", "-1", "--format=%gs") == "commit: journal: session with alice on 2026-11-20 (career-development)\n")
    let given = try repo.journal("commit", "-m", "Offsite notes")
    #expect(given.stdout == "nothing to commit: the journal is as in the last commit\n")
  }

  /// A named hidden file (an editor's swap file, a stopped write's temporary copy) is refused
  /// with its reason, since journal commits no hidden file; and a named file with nothing to
  /// commit is said to be as in the last commit, not the whole journal, which may have changed.
  @Test func aNamedHiddenFileIsRefusedAndNothingToCommitSaysWhatWasNamed() throws {
    let repo = try GitFixture(initialCommit: true)
    let swap = "mentees/alice/sessions/.2026-11-20.md.swp"
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session, swap: "swap\n"])
    let hidden = try repo.journal("commit", swap)
    #expect(hidden.status == 2)
    #expect(hidden.stderr == "journal: \(swap) is hidden: journal commits no hidden file\n", "\(hidden.stderr)")
    #expect(hidden.stdout == "")
    let inFolder = try repo.journal("commit", "mentees/.alice/sessions/2026-11-20.md")
    #expect(inFolder.status == 2)
    #expect(inFolder.stderr == "journal: mentees/.alice/sessions/2026-11-20.md is hidden: journal commits no hidden file\n")
    #expect(try repo.git("log", "--format=%s").split(separator: "\n").count == 1)

    try repo.journal("commit")
    try repo.write(["mentees/alice/sessions/2026-11-21.md": session.replacingOccurrences(of: "2026-11-20", with: "2026-11-21")])
    let unchanged = try repo.journal("commit", "mentees/alice/sessions/2026-11-20.md")
    #expect(unchanged.status == 0)
    #expect(unchanged.stdout == "nothing to commit: the named files are as in the last commit\n")
    let all = try repo.journal("commit", "--dry-run")
    #expect(all.stdout.hasPrefix("would commit 1 file:\n  added    mentees/alice/sessions/2026-11-21.md\n"), "\(all.stdout)")
  }

  @Test func unrelatedStagedAndUnstagedFilesSurvive() throws {
    let repo = try GitFixture(journalAt: "notes", initialCommit: true)
    try repo.write(["README.md": "readme\nstaged line\n", "src/new.swift": "let a = 1\n"])
    try repo.git("add", "README.md", "src/new.swift")
    try repo.write(["README.md": "readme\nstaged line\nunstaged line\n", "scratch.txt": "untracked\n"])
    let statusBefore = try repo.git("status", "--porcelain")
    let stagedBefore = try repo.git("diff", "--cached", "--", "README.md", "src")
    let unstagedBefore = try repo.git("diff", "--", "README.md")

    let run = try repo.journal("commit", "--today", "2026-11-26", in: "notes")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "notes/journal.yml\nnotes/mentees/alice/profile.md\n")
    #expect(try repo.git("status", "--porcelain") == statusBefore.replacingOccurrences(of: "?? notes/\n", with: ""))
    #expect(try repo.git("diff", "--cached", "--", "README.md", "src") == stagedBefore)
    #expect(try repo.git("diff", "--", "README.md") == unstagedBefore)
    #expect(try String(contentsOfFile: repo.path + "/README.md", encoding: .utf8) == "readme\nstaged line\nunstaged line\n")
    #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
  }

  /// A subject names what the commit holds: a change to the journal's settings is named as
  /// such, not counted as one of a person's.
  @Test func aSubjectNamesTheSettingsBesideAPersonsChanges() throws {
    let repo = try GitFixture()
    try repo.journal("commit")
    try repo.write([
      "journal.yml": "title: Team journal\n",
      "mentees/alice/sessions/2026-11-20.md": session,
      "mentees/alice/profile.md": "---\nname: Alice Kim\nrelationship: mentee\n---\n",
    ])
    #expect(try repo.journal("commit", "--today", "2026-11-26").status == 0)
    #expect(try repo.git("log", "-1", "--format=%s") == "journal: update journal settings; 2 changes for alice\n")
    #expect(try repo.git("log", "-1", "--format=%b") == """
      - update journal settings
      - update profile of alice
      - session with alice on 2026-11-20 (career-development)


      """)
    // One change of a person's is named by itself.
    try repo.write(["journal.yml": "title: Test journal\n", "mentees/alice/sessions/2026-11-20.md": session + "\n- More\n"])
    #expect(try repo.journal("commit", "--today", "2026-11-26").status == 0)
    #expect(
      try repo.git("log", "-1", "--format=%s") == "journal: update journal settings; update session with alice on 2026-11-20\n")
  }

  @Test func deletedAndModifiedNotes() throws {
    let repo = try GitFixture()
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    try repo.journal("commit")
    try FileManager.default.removeItem(atPath: repo.path + "/mentees/alice/sessions/2026-11-20.md")
    try repo.write(["mentees/alice/profile.md": "---\nname: Alice Kim\nrelationship: mentee\n---\n"])
    let run = try repo.journal("commit")
    #expect(run.status == 0)
    #expect(try repo.git("log", "-1", "--format=%B") == """
      journal: 2 changes for alice

      - update profile of alice
      - remove session with alice on 2026-11-20


      """)
    #expect(try repo.git("show", "--name-status", "--format=", "HEAD") == "M\tmentees/alice/profile.md\nD\tmentees/alice/sessions/2026-11-20.md\n")
    #expect(try repo.git("status", "--porcelain") == "")
  }

  @Test func commitOnlyTheNamedFiles() throws {
    let repo = try GitFixture()
    try repo.journal("commit")
    try repo.write([
      "mentees/alice/sessions/2026-11-20.md": session,
      "mentees/alice/profile.md": "---\nname: Alice Kim\nrelationship: mentee\n---\n",
    ])
    let run = try repo.journal("commit", "mentees/alice/sessions/2026-11-20.md")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "mentees/alice/sessions/2026-11-20.md\n")
    let status = try repo.git("status", "--porcelain")
    #expect(status == " M mentees/alice/profile.md\n", "\(status)")
    let outside = try repo.journal("commit", "--journal", ".", "README.md")
    #expect(outside.status == 2)
    #expect(outside.stderr == "journal: README.md is not one of the journal's own files (journal.yml, mentees/)\n")
  }

  /// Without paths, journal finds what changed from the index's file data and a walk of the
  /// folders, as git does: on a working tree in every state git tells apart, it must find
  /// exactly what git finds.
  @Test func findsWhatGitFinds() throws {
    let repo = try GitFixture()
    let fm = FileManager.default
    var notes: [String: String] = [:]
    for day in 1...9 {
      notes["mentees/alice/sessions/2026-11-0\(day).md"] = session.replacingOccurrences(of: "2026-11-20", with: "2026-11-0\(day)")
    }
    notes["mentees/bob/profile.md"] = "---\nname: Bob Lee\nrelationship: report\n---\n"
    try repo.write(notes)
    try repo.journal("commit")
    func note(_ day: Int) -> String { "mentees/alice/sessions/2026-11-0\(day).md" }

    // Rewritten at once with the same size: the index's times alone cannot tell ("racy git").
    try repo.write([note(1): notes[note(1)]!.replacingOccurrences(of: "Led", with: "Ran")])
    try repo.write([note(2): notes[note(2)]! + "- One more line\n"])  // modified
    try fm.removeItem(atPath: repo.path + "/" + note(3))  // deleted
    try repo.git("rm", "-q", "--cached", note(4))  // only the index lost it
    try repo.write([note(5): notes[note(5)]! + "- Staged\n"])
    try repo.git("add", note(5))  // staged
    try repo.write([note(5): notes[note(5)]!])  // and changed back: HEAD and the file agree
    try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: repo.path + "/" + note(6))  // touched only
    try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/" + note(7))  // executable
    try fm.removeItem(atPath: repo.path + "/" + note(8))
    try fm.createSymbolicLink(atPath: repo.path + "/" + note(8), withDestinationPath: "2026-11-09.md")  // now a link
    try repo.write([
      ".gitignore": "*.bak\n",
      "mentees/alice/sessions/2026-11-10.md": session,  // untracked
      "mentees/alice/sessions/old.bak": "ignored\n",
      "mentees/alice/.draft.md": "hidden\n",
      "mentees/carol/plans/growth.md": "---\ntitle: Growth\n---\n",  // a new folder
      "README.md": "outside the journal\n",
    ])
    try repo.git("init", "-q", "mentees/alice/repo")  // a repository of its own
    try repo.write(["mentees/alice/repo/notes.md": "not the journal's\n"])

    // What git finds: HEAD against the working tree, and untracked files it does not ignore.
    let tracked = try repo.git("diff", "HEAD", "--name-only", "--", "mentees", "journal.yml")
    let untracked = try repo.git("ls-files", "--others", "--exclude-standard", "--", "mentees", "journal.yml")
    // `git diff HEAD` takes a file the index lost for deleted; journal compares the file
    // itself with HEAD's, finds them equal, and only puts the index right.
    let expected = Set((tracked + untracked).split(separator: "\n").map(String.init))
      .filter { !$0.hasSuffix("/") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
      .subtracting([note(4)])
    let run = try repo.journal("commit", "--dry-run", "--no-verify")
    #expect(run.status == 0, "\(run.stderr)")
    // The listing's lines: "  added    PATH"; the message below it is indented further.
    let listing = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") }
    let found = Set(listing.compactMap { $0.split(separator: " ").last.map(String.init) })
    #expect(found == expected)
    #expect(found.contains(note(1)) && !found.contains(note(5)) && !found.contains(note(6)))
    // Committed, git and journal agree: nothing of the journal differs from HEAD any more.
    #expect(try repo.journal("commit", "--no-verify").status == 0)
    #expect(try repo.git("diff", "HEAD", "--name-only", "--", "mentees", "journal.yml") == "")
    #expect(try repo.git("ls-files", "--others", "--exclude-standard", "--", "mentees") == "mentees/alice/.draft.md\nmentees/alice/repo/\n")
  }

  /// Named files are compared one by one instead of walked; the answers must be status's.
  @Test func namedFilesAgreeWithStatus() throws {
    let repo = try GitFixture()
    let second = session.replacingOccurrences(of: "2026-11-20", with: "2026-11-21")
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session, "mentees/alice/sessions/2026-11-21.md": second])
    try repo.journal("commit")
    let drafts = "mentees/alice/sessions/2026-11-22.md"

    // A new file git ignores is not committed, even named: it is refused, as git add refuses it.
    try repo.write([".gitignore": "/\(drafts)\n", drafts: session.replacingOccurrences(of: "2026-11-20", with: "2026-11-22")])
    let ignored = try repo.journal("commit", drafts)
    #expect(ignored.status == 2)
    #expect(ignored.stderr == "journal: \(drafts) is ignored by git (.gitignore); git add -f would track it\n", "\(ignored.stderr)")
    // Unless it was added by force: then it is tracked, and committed.
    try repo.git("add", "-f", drafts)
    let forced = try repo.journal("commit", drafts)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try repo.git("show", "--name-status", "--format=", "HEAD") == "A\t\(drafts)\n")

    // A named file that was deleted is committed as deleted.
    try FileManager.default.removeItem(atPath: repo.path + "/mentees/alice/sessions/2026-11-20.md")
    let deleted = try repo.journal("commit", "mentees/alice/sessions/2026-11-20.md")
    #expect(deleted.status == 0, "\(deleted.stderr)")
    #expect(try repo.git("show", "--name-status", "--format=", "HEAD") == "D\tmentees/alice/sessions/2026-11-20.md\n")

    // A named file whose index entry lags is brought back in line, with nothing to commit.
    try repo.git("rm", "-q", "--cached", "mentees/alice/sessions/2026-11-21.md")
    let lagging = try repo.journal("commit", "mentees/alice/sessions/2026-11-21.md")
    #expect(lagging.stdout == "nothing to commit: the named files are as in the last commit\n")
    #expect(try repo.git("status", "--porcelain") == "?? .gitignore\n")

    // A named folder is walked.
    try repo.write(["mentees/alice/sessions/2026-11-23.md": session.replacingOccurrences(of: "2026-11-20", with: "2026-11-23")])
    let folder = try repo.journal("commit", "mentees/alice")
    #expect(folder.status == 0, "\(folder.stderr)")
    #expect(try repo.git("show", "--name-status", "--format=", "HEAD") == "A\tmentees/alice/sessions/2026-11-23.md\n")
    #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
  }

  /// A named file is first compared with the index unread; the answer is confirmed against
  /// the index before the branch moves. A .gitattributes only the index holds still applies.
  @Test func attributesOnlyTheIndexHoldsStillApply() throws {
    let repo = try GitFixture()
    try repo.journal("commit")
    try repo.write([".gitattributes": "*.md ident\n"])
    try repo.git("add", ".gitattributes")
    try FileManager.default.removeItem(atPath: repo.path + "/.gitattributes")
    let note = "mentees/alice/sessions/2026-11-20.md"
    try repo.write([note: session + "\n- Keyword: $Id: not-a-hash $\n"])
    let run = try repo.journal("commit", "--no-verify", note)
    #expect(run.status == 0, "\(run.stderr)")
    // Stored as git stores it, through the ident filter: the keyword collapsed.
    #expect(try repo.git("cat-file", "-p", "HEAD:\(note)").hasSuffix("- Keyword: $Id$\n"))
    #expect(try repo.git("status", "--porcelain", "--", "mentees") == "")
    // git add stores the same blob.
    try repo.git("add", note)
    #expect(try repo.git("diff", "--cached", "--name-only", "--", "mentees") == "")
  }

  /// The check runs beside the writing of the commit; a refusal must still leave the branch,
  /// its reflog and the index exactly as they were.
  @Test func aRefusedNamedFileLeavesBranchAndIndexAlone() throws {
    let repo = try GitFixture()
    try repo.journal("commit")
    let head = repo.head
    let reflog = try repo.git("reflog")
    try repo.write(["mentees/alice/sessions/2026-11-20.md": "---\ndate: 2026-11-20\ntype: chat\n---\n"])
    let run = try repo.journal("commit", "mentees/alice/sessions/2026-11-20.md")
    #expect(run.status == 1)
    #expect(run.stdout.contains("mentees/alice/sessions/2026-11-20.md:3:7: error: `chat` is not a session type [invalid-value]"))
    #expect(repo.head == head)
    #expect(try repo.git("reflog") == reflog)
    let status = try repo.git("status", "--porcelain")
    #expect(status == "?? mentees/alice/sessions/\n", "\(status)")
  }

  /// A file too large to check is refused before anything is written: its content never
  /// reaches the repository's objects.
  @Test func aFileTooLargeIsNeverCopiedIntoTheRepository() throws {
    let repo = try GitFixture(initialCommit: true)
    let objects = try repo.git("count-objects", "-v")
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session + String(repeating: "- more\n", count: 200_000)])
    for arguments in [["commit"], ["commit", "mentees/alice/sessions/2026-11-20.md"]] {
      let run = try repo.journal(arguments, environment: [:])
      #expect(run.status == 1, "\(run.stderr)")
      #expect(run.stdout.contains("journal reads notes of at most 1 MiB [encoding]"), "\(run.stdout)")
    }
    #expect(try repo.git("count-objects", "-v") == objects)
  }

  @Test func anIndexLeftBehindIsBroughtBackInLine() throws {
    let repo = try GitFixture()
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    try repo.journal("commit")
    // As an interrupted run could leave it: HEAD and the working tree agree, the index does not.
    try repo.git("rm", "-q", "--cached", "mentees/alice/sessions/2026-11-20.md")
    #expect(try repo.git("status", "--porcelain") != "")
    let run = try repo.journal("commit")
    #expect(run.stdout == "nothing to commit: the journal is as in the last commit\n")
    #expect(try repo.git("status", "--porcelain") == "")
  }

  @Test func dryRunWritesNothing() throws {
    let repo = try GitFixture(initialCommit: true)
    let objects = try repo.git("count-objects")
    let run = try repo.journal("commit", "--dry-run")
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("would commit 2 files:\n  added    journal.yml\n"))
    #expect(try repo.git("count-objects") == objects)
    #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
  }

  @Test func errorsInChangedFilesRefuseTheCommit() throws {
    let repo = try GitFixture()
    try repo.write(["mentees/alice/sessions/2026-11-20.md": "---\ndate: 2026-11-20\ntype: chat\n---\n"])
    let run = try repo.journal("commit")
    #expect(run.status == 1)
    #expect(run.stdout.contains("mentees/alice/sessions/2026-11-20.md:3:7: error: `chat` is not a session type [invalid-value]"))
    #expect(run.stderr == "journal: not committed: the changed files have errors (use --no-verify to commit anyway)\n")
    #expect(try repo.git(["rev-parse", "--verify", "HEAD"], allowFailure: true).isEmpty)
    let forced = try repo.journal("commit", "--no-verify")
    #expect(forced.status == 0)
    #expect(try repo.git("ls-files") == "journal.yml\nmentees/alice/profile.md\nmentees/alice/sessions/2026-11-20.md\n")
  }

  /// An attachment where journal reads notes is refused before it is committed and shared
  /// unread; beside the notes it is committed like any file.
  @Test func anAttachmentAmongTheSessionsIsRefusedAndBesideThemCommitted() throws {
    let repo = try GitFixture()
    try repo.write(["mentees/alice/sessions/whiteboard.png": "PNG", "mentees/alice/sessions/2026-11-20.md~": "old\n"])
    let run = try repo.journal("commit")
    #expect(run.status == 1)
    #expect(
      run.stdout.hasPrefix(
        "mentees/alice/sessions/2026-11-20.md~:1:1: error: `2026-11-20.md~` is a backup copy of `2026-11-20.md`, and `sessions/` holds only notes [file-name]\n"
          + "  = hint: delete it once `2026-11-20.md` holds what you mean to keep\n"
          + "mentees/alice/sessions/whiteboard.png:1:1: error: `whiteboard.png` is not a note, and `sessions/` holds only notes [file-name]\n"
          + "  = hint: move it to `mentees/alice/`: attachments belong beside `sessions/` and `plans/`, not in them\n"),
      "\(run.stdout)")
    #expect(try repo.git(["rev-parse", "--verify", "HEAD"], allowFailure: true).isEmpty)
    try FileManager.default.removeItem(atPath: repo.path + "/mentees/alice/sessions/2026-11-20.md~")
    try FileManager.default.moveItem(
      atPath: repo.path + "/mentees/alice/sessions/whiteboard.png", toPath: repo.path + "/mentees/alice/whiteboard.png")
    let moved = try repo.journal("commit")
    #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
    #expect(try repo.git("ls-files") == "journal.yml\nmentees/alice/profile.md\nmentees/alice/whiteboard.png\n")
  }

  @Test func refusesABareRepository() throws {
    let folder = try TemporaryFolder()
    let home = try TemporaryFolder()
    #expect(try runProgram("/usr/bin/git", ["init", "-q", "--bare", folder.path + "/store.git"]).status == 0)
    try folder.write(["store.git/notes/journal.yml": "title: T\n"])
    let run = try runJournal(["commit"], in: folder.path + "/store.git/notes", environment: ["HOME": home.path])
    #expect(run.status == 2)
    #expect(run.stderr.contains("is bare; journal needs a working tree"))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test(arguments: ["MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge"])
  func refusesARepositoryMidOperation(_ marker: String) throws {
    let repo = try GitFixture(initialCommit: true)
    let head = repo.head
    if marker == "rebase-merge" {
      try FileManager.default.createDirectory(atPath: repo.path + "/.git/rebase-merge", withIntermediateDirectories: true)
    } else {
      try (head + "\n").write(toFile: repo.path + "/.git/" + marker, atomically: true, encoding: .utf8)
    }
    let run = try repo.journal("commit")
    #expect(run.status == 2)
    #expect(run.stderr.contains("is in progress"), "\(run.stderr)")
    #expect(repo.head == head)
  }

  @Test func refusesAJournalOutsideAnyRepository() throws {
    let folder = try TemporaryFolder()
    try folder.write(["journal.yml": "title: T\n"])
    for command in [["commit"], ["log"]] {
      let run = try runJournal(command, in: folder.path)
      #expect(run.status == 2)
      #expect(run.stderr.hasSuffix("is not inside a git repository; run `git init` there\n"), "\(run.stderr)")
    }
  }

  @Test func refusesAMissingIdentity() throws {
    let repo = try GitFixture(initialCommit: true)
    try repo.git("config", "--unset", "user.name")
    try repo.git("config", "--unset", "user.email")
    let run = try repo.journal("commit")
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("journal: git does not know who you are: "), "\(run.stderr)")
    #expect(run.stderr.contains("set user.name and user.email"))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test func refusesADetachedHead() throws {
    let repo = try GitFixture(initialCommit: true)
    try repo.git("checkout", "-q", "--detach")
    let run = try repo.journal("commit")
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("journal: HEAD is detached at "))
  }

  @Test(arguments: ["refs/heads/main.lock", "index.lock", "HEAD.lock"])
  func aHeldLockFailsCleanlyAndCanBeRetried(_ lock: String) throws {
    let repo = try GitFixture(initialCommit: true)
    let head = repo.head
    let index = try Data(contentsOf: URL(fileURLWithPath: repo.path + "/.git/index"))
    let reflog = try repo.git("reflog")
    try "".write(toFile: repo.path + "/.git/" + lock, atomically: false, encoding: .utf8)
    let locked = try repo.journal("commit")
    #expect(locked.status == 2)
    #expect(locked.stderr.hasPrefix("journal: the repository is locked by another git process"), "\(locked.stderr)")
    #expect(repo.head == head)
    #expect(try repo.git("reflog") == reflog)
    #expect(try Data(contentsOf: URL(fileURLWithPath: repo.path + "/.git/index")) == index)
    #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/" + lock), "another's lock is never removed")
    try FileManager.default.removeItem(atPath: repo.path + "/.git/" + lock)
    #expect(try repo.journal("commit").status == 0)
    #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
  }

  @Test func concurrentCommitsNeverCorruptTheRepository() async throws {
    let repo = try GitFixture(initialCommit: true)
    for round in 0..<8 {
      try repo.write(["mentees/alice/sessions/2026-11-\(10 + round).md": session.replacingOccurrences(of: "2026-11-20", with: "2026-11-\(10 + round)")])
      let (path, home) = (repo.path, repo.home.path)
      async let first = runJournal(["commit"], in: path, environment: ["HOME": home])
      async let second = runJournal(["commit"], in: path, environment: ["HOME": home])
      let runs = try await [first, second]
      for run in runs {
        #expect(
          run.status == 0
            || run.stderr.hasPrefix("journal: the repository is locked")
            || run.stderr.hasPrefix("journal: another commit landed"),
          "\(run.status) \(run.stderr)")
      }
      #expect(runs.contains { $0.status == 0 })
    }
    #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
    #expect(try repo.git("status", "--porcelain") == "")
    // Every note is committed exactly once.
    let added = try repo.git("log", "--diff-filter=A", "--name-only", "--format=").split(separator: "\n")
    #expect(added.count == Set(added).count)
    #expect(added.count == 1 + 2 + 8)
  }

  /// Two first commits at once on an unborn branch: one creates it, the other fails cleanly.
  @Test func concurrentFirstCommits() async throws {
    let repo = try GitFixture()
    let (path, home) = (repo.path, repo.home.path)
    async let first = runJournal(["commit"], in: path, environment: ["HOME": home])
    async let second = runJournal(["commit", "mentees/alice/profile.md"], in: path, environment: ["HOME": home])
    let runs = try await [first, second]
    for run in runs {
      #expect(
        run.status == 0 || run.stderr.hasPrefix("journal: the repository is locked")
          || run.stderr.hasPrefix("journal: another commit landed"),
        "\(run.status) \(run.stderr)")
    }
    #expect(runs.contains { $0.status == 0 })
    #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
    #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
  }

  @Test func historyOfAPerson() throws {
    let repo = try GitFixture(journalAt: "notes", initialCommit: true)
    try repo.journal("commit", in: "notes")
    try repo.write([
      "notes/mentees/alice/sessions/2026-11-20.md": session,
      "notes/mentees/bob/profile.md": "---\nname: Bob\n---\n",
    ])
    try repo.journal("commit", in: "notes")
    let text = try repo.journal("log", "alice", in: "notes")
    #expect(text.status == 0)
    let lines = text.stdout.split(separator: "\n")
    #expect(lines.count == 4, "bob's profile is not alice's history")
    #expect(lines[0].hasSuffix(" Hannah Reyes  journal: 2 changes for alice, bob"))
    #expect(lines[1] == "    added    mentees/alice/sessions/2026-11-20.md")
    #expect(lines[3] == "    added    mentees/alice/profile.md")
    let json = try repo.journal("log", "--format", "json", in: "notes")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == 2)
    #expect(entries[0]["author"] as? String == "Hannah Reyes")
    #expect((entries[0]["changes"] as? [[String: Any]])?.count == 2)
    #expect(try repo.journal("log", "--since", "2999-01-01", in: "notes").stdout == "no commits touch these notes yet\n")
  }
}
