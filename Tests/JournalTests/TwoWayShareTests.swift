import Foundation
import Testing

/// `journal share` as a round trip: the person clones their shared repository with the real
/// `git`, writes, commits under their own name and pushes; the next share takes their commits
/// into the journal and pushes the journal's on top. Both sides are read back with `git`.
@Suite struct TwoWayShareTests {
  /// A session of alice's with a dialogue and an open action.
  static func session(on date: String, dialogue: [String] = ["- Hannah: how did the review go?"]) -> String {
    """
    ---
    date: \(date)
    type: career-development
    ---
    ## Strengths

    - Led the incident review on \(date) and wrote the timeline the same day

    ## Dialogue

    \(dialogue.joined(separator: "\n"))

    ## Actions

    - [ ] Write the dedupe design note due:2026-12-20 owner:alice

    """
  }

  /// The journal of `ShareTests`, with a session of alice's that has a dialogue and an action,
  /// shared once to a new bare repository.
  static func sharedJournal() throws -> (GitFixture, BareRepository) {
    let repository = try ShareTests.journalWithHistory()
    try repository.write(["mentees/alice/sessions/2026-10-08.md": session(on: "2026-10-08")])
    try repository.commit("Alice, with an action", author: "Hannah Reyes", at: "2026-10-08T17:00:00+02:00")
    let remote = try BareRepository()
    let first = try repository.journal("share", "alice", "--to", remote.path)
    guard first.status == 0 else { throw GitFixture.GitFailure(arguments: ["share", first.stderr], status: first.status) }
    return (repository, remote)
  }

  static let reply = "- Alice: it went well; the timeline made the review short"

  @Test func aReplyAndATickComeBackAsThePersonsOwnCommits() throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    let file = "mentees/alice/sessions/2026-10-08.md"
    try alice.edit(file) {
      $0.replacingOccurrences(of: "how did the review go?\n", with: "how did the review go?\n\(Self.reply)\n")
        .replacingOccurrences(of: "- [ ] Write the dedupe", with: "- [x] Write the dedupe")
    }
    let pushed = try alice.commitAndPush("Answer and tick the design note", at: "2026-10-09T21:15:00+09:00")

    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("took in 1 commit of alice's from \(remote.path)"), "\(run.stdout)")
    #expect(run.stdout.contains("\(pushed.prefix(7)) Answer and tick the design note"), "\(run.stdout)")

    // In the journal: the person's commit, as they made it, under the merge that took it in.
    let imported = try repository.git("log", "-1", "--format=%an|%ae|%aI|%cn|%cI|%s", "HEAD^2")
    #expect(imported == "Alice Kim|alice@example.net|2026-10-09T21:15:00+09:00|Alice Kim|2026-10-09T21:15:00+09:00|Answer and tick the design note\n")
    let body = try repository.git("log", "-1", "--format=%B", "HEAD^2")
    let realRemote = URL(fileURLWithPath: remote.path).resolvingSymlinksInPath().path
    #expect(body == "Answer and tick the design note\n\nShared-from: file://\(realRemote) \(pushed)\n\n", "\(body)")
    #expect(try repository.git("rev-list", "--parents", "-1", "HEAD^2").split(separator: " ").count == 2)
    let journalFile = try String(contentsOfFile: repository.path + "/" + file, encoding: .utf8)
    #expect(journalFile.contains(Self.reply) && journalFile.contains("- [x] Write the dedupe"), "\(journalFile)")
    #expect(try repository.git("status", "--porcelain") == "")
    #expect(try repository.git("show", "HEAD:" + file) == journalFile)

    // On the remote: a fast-forward of what alice pushed, which is kept as it was.
    #expect(try remote.git("merge-base", "--is-ancestor", pushed, "main").isEmpty)
    #expect(try remote.git("show", "main:" + file) == journalFile)
    let pull = try alice.git("pull", "-q", "--ff-only")
    #expect(pull.isEmpty)
    #expect(try remote.git("fsck", "--strict").isEmpty)
    #expect(try repository.git("fsck", "--strict", "--no-dangling").isEmpty)

    // Again: nothing new on either side.
    let again = try repository.journal("share", "alice", "--to", remote.path)
    #expect(again.status == 0 && again.stdout.contains(": nothing to push, already at "), "\(again.stdout)\(again.stderr)")
  }

  /// The person's own merge of two branches comes in as a merge too, on the journal commits
  /// of both its parents.
  @Test func thePersonsOwnMergeComesInAsAMerge() throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    try alice.git("switch", "-q", "-c", "side")
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    try alice.commit("Reply on a branch", at: "2026-10-09T10:00:00+00:00")
    try alice.git("switch", "-q", "main")
    try alice.write(["mentees/alice/sessions/2026-10-09-self-assessment.md": Self.session(on: "2026-10-09")])
    try alice.commit("Assess on main", at: "2026-10-09T11:00:00+00:00")
    let environment = [
      "GIT_AUTHOR_NAME": "Alice Kim", "GIT_AUTHOR_EMAIL": "alice@example.net", "GIT_AUTHOR_DATE": "2026-10-09T12:00:00+00:00",
      "GIT_COMMITTER_NAME": "Alice Kim", "GIT_COMMITTER_EMAIL": "alice@example.net",
      "GIT_COMMITTER_DATE": "2026-10-09T12:00:00+00:00",
    ]
    try alice.git("merge", "-q", "--no-ff", "-m", "Merge my reply", "side", environment: environment)
    try alice.git("push", "-q", "origin", "main")
    let merge = try alice.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)

    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("took in 3 commits of alice's"), "\(run.stdout)")
    #expect(try repository.git("rev-list", "--parents", "-1", "HEAD^2").split(separator: " ").count == 3)
    #expect(try repository.git("log", "-1", "--format=%s", "HEAD^2") == "Merge my reply\n")
    #expect(try repository.git("ls-files", "mentees/alice/sessions").contains("2026-10-09-self-assessment.md"))
    #expect(try repository.git("show", "HEAD:mentees/alice/sessions/2026-10-08.md").contains(Self.reply))
    #expect(try remote.git("merge-base", "--is-ancestor", merge, "main").isEmpty)
    #expect(try repository.git("status", "--porcelain") == "")
  }

  /// What a share writes into the journal's repository is what is new: the person's commits
  /// and the merge, not again the journal's other files as they were when alice's notes last
  /// changed (libgit2 packs those unless told the journal has them).
  @Test func takingCommitsInWritesOnlyWhatIsNew() throws {
    // Bob's scan is there when alice's notes last change, and replaced after.
    let repository = try ShareTests.journalWithHistory()
    var generator = SystemRandomNumberGenerator()
    var scan = Data((0..<(2 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) })
    try repository.folder.write("mentees/bob/attachments/scan.pdf", scan)
    try repository.write(["mentees/alice/sessions/2026-10-08.md": Self.session(on: "2026-10-08")])
    try repository.commit("Alice, and bob's scan", author: "Hannah Reyes", at: "2026-10-08T17:00:00+02:00")
    let remote = try BareRepository()
    #expect(try repository.journal("share", "alice", "--to", remote.path).status == 0)
    scan[0] ^= 0xFF
    try repository.folder.write("mentees/bob/attachments/scan.pdf", scan)
    try repository.commit("Bob's scan again", author: "Hannah Reyes", at: "2026-10-08T19:00:00+02:00")
    try repository.git("gc", "-q")
    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    try alice.commitAndPush("Reply", at: "2026-10-09T10:00:00+00:00")
    func packed() throws -> Int {
      let line = try repository.git("count-objects", "-v").split(separator: "\n").first { $0.hasPrefix("size-pack: ") }
      return Int(line?.dropFirst("size-pack: ".count) ?? "") ?? -1
    }
    let before = try packed()
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    let written = try packed() - before
    #expect(written < 200, "KiB written: \(written)")
    #expect(try repository.git("fsck", "--strict", "--no-dangling").isEmpty)
  }

  // MARK: What may come back

  /// Everything of both repositories a refused share must leave as it was.
  static func state(_ repository: GitFixture, _ remote: BareRepository) throws -> [String] {
    [
      try repository.git("for-each-ref"), try repository.git("status", "--porcelain", "--untracked-files=all"),
      try repository.git("ls-files", "-s"), try repository.git("reflog", "-n", "3"), try remote.git("for-each-ref"),
      try repository.git("count-objects"),
    ]
  }

  /// A commit that changes anything outside the person's own folder, or anything in it that
  /// journal never shares, stops the share in one line naming the commit and the path, and
  /// changes nothing on either side; the allowed changes beside it do not come in either.
  @Test(arguments: [
    ("journal.yml", "the journal's settings"), ("mentees/bob/notes.md", "outside mentees/alice/"),
    ("notes.txt", "outside mentees/alice/"), ("mentees/alice/private/diary.md", "private/"),
    ("mentees/alice/sessions/.draft.md", "hidden"), ("mentees/alice/sessions/link.md", "symbolic link"),
  ])
  func aChangeOutsideTheirOwnNotesStopsTheShare(path: String, reason: String) throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    if path.hasSuffix("link.md") {
      try FileManager.default.createSymbolicLink(atPath: alice.path + "/" + path, withDestinationPath: "../profile.md")
    } else if path == "journal.yml" {
      try alice.edit(path) { $0 + "title: Alice's own\n" }
    } else {
      try alice.write([path: "written by alice\n"])
    }
    let pushed = try alice.commitAndPush("A reply, and \(path)", at: "2026-10-09T10:00:00+00:00")
    let before = try Self.state(repository, remote)
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
    #expect(run.stderr.hasPrefix("journal: alice's commit \(pushed.prefix(7)) on \(remote.path) changes \(path), "), "\(run.stderr)")
    #expect(run.stderr.contains(reason) && run.stderr.contains("nothing was taken in or pushed"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    #expect(try Self.state(repository, remote) == before)
    #expect(try remote.git("rev-parse", "main") == pushed + "\n")
  }

  /// With --allowed-only, the changes inside the person's folder come in, the rest is left
  /// out, and the messages say so; the next push puts the journal's version back.
  @Test func allowedOnlyTakesInTheirNotesAndSaysWhatWasLeftOut() throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    let file = "mentees/alice/sessions/2026-10-08.md"
    try alice.edit(file) { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    try alice.edit("journal.yml") { $0 + "title: Alice's own\n" }
    try alice.write(["mentees/alice/private/diary.md": "alice's\n"])
    let pushed = try alice.commitAndPush("A reply, a title, a diary", at: "2026-10-09T10:00:00+00:00")
    let sharedConfig = try remote.git("show", "\(pushed)^:journal.yml")

    let run = try repository.journal("share", "alice", "--to", remote.path, "--allowed-only")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("left out: journal.yml (\(pushed.prefix(7)), the journal's settings)"), "\(run.stdout)")
    #expect(run.stdout.contains("left out: mentees/alice/private/diary.md (\(pushed.prefix(7))"), "\(run.stdout)")
    #expect(try String(contentsOfFile: repository.path + "/" + file, encoding: .utf8).contains(Self.reply))
    #expect(try repository.git("show", "HEAD:journal.yml") == "title: Test journal\n")
    #expect(!FileManager.default.fileExists(atPath: repository.path + "/mentees/alice/private/diary.md"))
    #expect(try repository.git("log", "-1", "--format=%B", "HEAD").contains("Left out:\n- journal.yml"))
    #expect(try repository.git("status", "--porcelain") == "")
    // The remote: a fast-forward of alice's commit that puts the shared settings back.
    #expect(try remote.git("merge-base", "--is-ancestor", pushed, "main").isEmpty)
    #expect(try remote.git("show", "main:journal.yml") == sharedConfig)
    #expect(try remote.git("ls-tree", "-r", "--name-only", "main").contains("diary") == false)
  }

  // MARK: Checked before it lands

  /// A note the person broke is refused as `journal commit` refuses one: the finding at its
  /// line, exit 1, nothing changed; --no-verify takes it in.
  @Test func aNoteThePersonBrokeIsRefusedUnlessNoVerify() throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "type: career-development", with: "type: chat") }
    let pushed = try alice.commitAndPush("Call it a chat", at: "2026-10-09T10:00:00+00:00")
    let before = try Self.state(repository, remote)
    let run = try repository.journal("share", "alice", "--to", remote.path, "--today", "2026-10-10")
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("(from alice) mentees/alice/sessions/2026-10-08.md:3:7: error"), "\(run.stdout)")
    #expect(
      run.stderr
        == "journal: not shared: alice's changes have errors; nothing changed on either side: ask alice to mend them in their repository and push, then share again (--no-verify takes them in as they are)\n",
      "\(run.stderr)")
    #expect(try Self.state(repository, remote) == before)

    // The journal's own errors elsewhere are not the person's: they stop the push, as before,
    // but are not reported as theirs.
    let forced = try repository.journal("share", "alice", "--to", remote.path, "--no-verify")
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try repository.git("show", "HEAD:mentees/alice/sessions/2026-10-08.md").contains("type: chat"))
    #expect(try remote.git("merge-base", "--is-ancestor", pushed, "main").isEmpty)
  }

  // MARK: Both sides changed the same note

  /// The journal's mentor and the person each changed the same session since the last share:
  /// in different places, the two merge; in the same lines, the share stops with the file and
  /// lines named and nothing changed, and each documented way out works.
  @Test func concurrentEditsMergeOrStopWithTheLinesNamed() throws {
    let (repository, remote) = try Self.sharedJournal()
    let file = "mentees/alice/sessions/2026-10-08.md"
    let alice = try PersonClone(remote.path)
    // In different places: the mentor adds a strength, alice replies in the dialogue.
    try alice.edit(file) { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    let first = try alice.commitAndPush("Reply", at: "2026-10-09T10:00:00+00:00")
    try repository.write([file: Self.session(on: "2026-10-08").replacingOccurrences(
      of: "same day\n", with: "same day\n- Kept the review to its hour\n")])
    try repository.commit("Another strength", author: "Hannah Reyes", at: "2026-10-09T12:00:00+00:00")
    let merged = try repository.journal("share", "alice", "--to", remote.path)
    #expect(merged.status == 0, "\(merged.stderr)")
    let both = try repository.git("show", "HEAD:" + file)
    #expect(both.contains(Self.reply) && both.contains("- Kept the review to its hour"), "\(both)")
    #expect(try remote.git("show", "main:" + file) == both)
    #expect(try remote.git("merge-base", "--is-ancestor", first, "main").isEmpty)
    #expect(try alice.git("pull", "-q", "--ff-only").isEmpty)

    // In the same lines: both answer the question, differently.
    try alice.edit(file) { $0.replacingOccurrences(of: Self.reply, with: "- Alice: and I would change the rota") }
    let second = try alice.commitAndPush("Rota", at: "2026-10-10T10:00:00+00:00")
    try repository.write([file: both.replacingOccurrences(of: Self.reply, with: "- Hannah: noted, thank you")])
    try repository.commit("Answer alice", author: "Hannah Reyes", at: "2026-10-10T12:00:00+00:00")
    let line = both.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == Self.reply }! + 1
    let before = try Self.state(repository, remote)
    let stopped = try repository.journal("share", "alice", "--to", remote.path)
    #expect(stopped.status == 1, "\(stopped.stdout)\(stopped.stderr)")
    let lines = stopped.stderr.split(separator: "\n")
    #expect(lines.first == "journal: conflict: \(file): line \(line) in the journal and line \(line) in alice's", "\(stopped.stderr)")
    #expect(lines.count == 2 && lines[1].contains("nothing changed on either side"), "\(stopped.stderr)")
    #expect(lines.last?.contains("--resolve") == true, "\(stopped.stderr)")
    #expect(try Self.state(repository, remote) == before)
    #expect(try remote.git("rev-parse", "main") == second + "\n")

    // A dry run says the same.
    let dryRun = try repository.journal("share", "alice", "--to", remote.path, "--dry-run")
    #expect(dryRun.status == 1 && dryRun.stderr == stopped.stderr, "\(dryRun.stderr)")

    // Settled by keeping both, the journal's lines first.
    let settled = try repository.journal("share", "alice", "--to", remote.path, "--resolve", "both")
    #expect(settled.status == 0, "\(settled.stderr)")
    let union = try repository.git("show", "HEAD:" + file)
    #expect(union.contains("- Hannah: noted, thank you\n- Alice: and I would change the rota\n"), "\(union)")
    #expect(try repository.git("log", "-1", "--format=%B").contains("--resolve both"))
    #expect(try remote.git("merge-base", "--is-ancestor", second, "main").isEmpty)
    #expect(try alice.git("pull", "-q", "--ff-only").isEmpty)
  }

  /// The other documented way out: make the journal's lines read as the person's, commit,
  /// and share again (the two sides then agree on those lines, and the rest merges); then
  /// write on.
  @Test func aConflictResolvedInTheJournalSharesAgain() throws {
    let (repository, remote) = try Self.sharedJournal()
    let file = "mentees/alice/sessions/2026-10-08.md"
    let alice = try PersonClone(remote.path)
    try alice.edit(file) { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    let pushed = try alice.commitAndPush("Reply", at: "2026-10-09T10:00:00+00:00")
    let question = "- Hannah: and the rota?"
    try repository.write([file: Self.session(on: "2026-10-08", dialogue: ["- Hannah: how did the review go?", question])])
    try repository.commit("A second question", author: "Hannah Reyes", at: "2026-10-09T12:00:00+00:00")
    let stopped = try repository.journal("share", "alice", "--to", remote.path)
    #expect(stopped.status == 1)
    // Where both wrote, the journal's line does not read as alice's.
    #expect(stopped.stderr.hasPrefix("journal: conflict: \(file): line 12 in the journal and line 12 in alice's\n"), "\(stopped.stderr)")
    try repository.write([file: Self.session(on: "2026-10-08", dialogue: ["- Hannah: how did the review go?", Self.reply])])
    try repository.commit("Alice's answer, as she wrote it", author: "Hannah Reyes", at: "2026-10-09T13:00:00+00:00")
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("merge-base", "--is-ancestor", pushed, "main").isEmpty)
    try repository.write([
      file: Self.session(on: "2026-10-08", dialogue: ["- Hannah: how did the review go?", Self.reply, question])
    ])
    try repository.commit("The second question again", author: "Hannah Reyes", at: "2026-10-09T14:00:00+00:00")
    #expect(try repository.journal("share", "alice", "--to", remote.path).status == 0)
    #expect(try remote.git("show", "main:" + file).contains("\(Self.reply)\n\(question)\n"))
    #expect(try alice.git("pull", "-q", "--ff-only").isEmpty)
  }

  // MARK: Dry run

  /// A dry run lists what would come in and what would go out, each commit with the files it
  /// changes and their lines, and changes nothing on either side.
  @Test func aDryRunShowsBothDirectionsWithADiffSummaryPerCommit() throws {
    let (repository, remote) = try Self.sharedJournal()
    let file = "mentees/alice/sessions/2026-10-08.md"
    let alice = try PersonClone(remote.path)
    try alice.edit(file) { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    let reply = try alice.commitAndPush("Reply", at: "2026-10-09T10:00:00+00:00")
    try alice.write(["mentees/alice/sessions/2026-10-12-self-assessment.md": Self.session(on: "2026-10-12")])
    let assessment = try alice.commitAndPush("My self-assessment", at: "2026-10-09T11:00:00+00:00")
    try repository.write(["mentees/alice/plans/growth.md": "---\ntitle: Growth\ncreated: 2026-10-09\nstatus: active\n---\n## Why this plan\n\nTo grow.\n"])
    try repository.commit("A plan", author: "Hannah Reyes", at: "2026-10-09T12:00:00+00:00")
    let before = try Self.state(repository, remote)
    let run = try repository.journal("share", "alice", "--to", remote.path, "--dry-run")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.state(repository, remote) == before)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "would take in 2 commits of alice's from \(remote.path) main:", "\(run.stdout)")
    #expect(lines.contains("  \(reply.prefix(7)) Reply (Alice Kim)"), "\(run.stdout)")
    #expect(lines.contains("      M \(file) (+1 -0)"), "\(run.stdout)")
    #expect(lines.contains("  \(assessment.prefix(7)) My self-assessment (Alice Kim)"), "\(run.stdout)")
    #expect(lines.contains("      A mentees/alice/sessions/2026-10-12-self-assessment.md (+15 -0)"), "\(run.stdout)")
    #expect(lines.contains("would push:"), "\(run.stdout)")
    #expect(lines.contains { $0.hasSuffix(" journal: plan growth for alice") }, "\(run.stdout)")
    #expect(lines.contains("      A mentees/alice/plans/growth.md (+8 -0)"), "\(run.stdout)")
    #expect(lines.contains { $0.hasSuffix(" journal: alice's own changes taken into the journal") }, "\(run.stdout)")
    #expect(lines.last?.hasPrefix("would share alice to \(remote.path) main: 2 commits not yet shared there, at ") == true, "\(run.stdout)")
    // What it showed is what the share then does.
    let shared = try repository.journal("share", "alice", "--to", remote.path)
    #expect(shared.status == 0 && shared.stdout.contains(": 2 commits of alice's taken in, 2 commits pushed, at "), "\(shared.stdout)")
  }

  /// A blob over the big-file threshold counts as binary in the dry run's summary, as git's
  /// diff counts it, and is not read: a folder with large attachments costs the dry run no
  /// more memory than one without.
  @Test func aDryRunLeavesFilesOverTheBigFileThresholdUnread() throws {
    let (repository, remote) = try Self.sharedJournal()
    try repository.write(["mentees/alice/plans/growth.md": "---\ntitle: Growth\ncreated: 2026-10-09\nstatus: active\n---\n## Why this plan\n\nTo grow.\n"])
    try repository.commit("A plan", author: "Hannah Reyes", at: "2026-10-09T12:00:00+00:00")
    let counted = try repository.journal("share", "alice", "--to", remote.path, "--dry-run")
    #expect(counted.stdout.contains("      A mentees/alice/plans/growth.md (+8 -0)\n"), "\(counted.stdout)")
    _ = try repository.git("config", "core.bigFileThreshold", "40")
    let run = try repository.journal("share", "alice", "--to", remote.path, "--dry-run")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("      A mentees/alice/plans/growth.md (binary)\n"), "\(run.stdout)")
  }

  // MARK: A README for the person

  /// The shared repository opens on a page of the person's own: sessions, open actions,
  /// goals with progress, and how to reply. It is the journal's to write: the person's
  /// changes to it are left out, and said to be, and the next share writes it anew.
  @Test func theSharedRepositoryHasAReadmeThatDoesNotComeBack() throws {
    let repository = try ShareTests.journalWithHistory()
    try repository.write([
      "mentees/alice/plans/reviews.md": """
        ---
        title: Faster reviews
        created: 2026-10-01
        status: active
        goals:
          - id: review-hours
            description: Hours from a pull request's opening to its first review
            metric: review-hours
            baseline: 30
            target: 10
        ---
        ## Why this plan

        Reviews wait too long.

        """,
      "mentees/alice/sessions/2026-10-08.md": Self.session(on: "2026-10-08").replacingOccurrences(
        of: "type: career-development\n", with: "type: career-development\nmetrics:\n  review-hours: 20\nplan: reviews\n"),
    ])
    try repository.commit("A plan and a measured session", author: "Hannah Reyes", at: "2026-10-08T17:00:00+02:00")
    let remote = try BareRepository()
    #expect(try repository.journal("share", "alice", "--to", remote.path).status == 0)
    let readme = try remote.git("show", "main:README.md")
    #expect(readme.hasPrefix("# Alice Kim\n"), "\(readme)")
    #expect(readme.contains("| 2026-10-08 | career-development |"), "\(readme)")
    #expect(readme.contains("- [ ] Write the dedupe design note — alice, due 2026-12-20"), "\(readme)")
    #expect(readme.contains("| Hours from a pull request's opening to its first review | reviews | 30 | 20 | 10 | 50% |"), "\(readme)")
    #expect(readme.contains("git push"), "\(readme)")
    // Every commit's page is made from that commit's notes: the first had no plan.
    let first = try remote.git("rev-list", "--max-parents=0", "main").trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(!(try remote.git("show", first + ":README.md")).contains("## Goals"))

    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "- [ ]", with: "- [x]") }
    try alice.edit("README.md") { $0 + "\nzqr-alice-wrote-this\n" }
    let pushed = try alice.commitAndPush("Done, and a line of my own", at: "2026-10-09T10:00:00+00:00")
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("left out: README.md (\(pushed.prefix(7))): journal share writes it for alice on each share"), "\(run.stdout)")
    #expect(!FileManager.default.fileExists(atPath: repository.path + "/README.md"))
    #expect(!(try repository.git("log", "-p", "HEAD")).contains("zqr"))
    let after = try remote.git("show", "main:README.md")
    #expect(!after.contains("zqr") && !after.contains("- [ ]") && after.contains("1 done"), "\(after)")
  }

  // MARK: The same histories, the same ids

  /// Round after round, each side writing: every share is a fast-forward of what the person
  /// pushed, none of their commits is ever rewritten, a share with nothing new changes
  /// nothing, and a fresh clone of the journal, which has no share record, translates the
  /// same history into the very same ids and shares on from there.
  @Test func repeatedRoundTripsKeepTheirIds() throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    var theirs: [String] = []
    for round in 1...3 {
      let day = String(format: "2026-10-%02d", 10 + round)
      try alice.git("pull", "-q", "--ff-only")
      try alice.write(["mentees/alice/sessions/\(day)-self-assessment.md": Self.session(on: day)])
      theirs.append(try alice.commitAndPush("Self-assessment \(round)", at: "\(day)T08:00:00+00:00"))
      try alice.edit("mentees/alice/sessions/\(day)-self-assessment.md") { $0 + "\nOne more thought.\n" }
      theirs.append(try alice.commitAndPush("A thought", at: "\(day)T09:00:00+00:00"))
      try repository.write(["mentees/alice/sessions/\(day).md": Self.session(on: day)])
      try repository.commit("Session \(round)", author: "Hannah Reyes", at: "\(day)T17:00:00+00:00")
      let before = try remote.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines)
      let run = try repository.journal("share", "alice", "--to", remote.path)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.contains("2 commits of alice's taken in"), "\(run.stdout)")
      #expect(try remote.git("merge-base", "--is-ancestor", before, "main").isEmpty)
      for id in theirs { #expect(try remote.git("merge-base", "--is-ancestor", id, "main").isEmpty) }
      let again = try repository.journal("share", "alice", "--to", remote.path)
      #expect(again.stdout.contains(": nothing to push, already at "), "\(again.stdout)\(again.stderr)")
    }
    let tip = try remote.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines)
    let journalTip = repository.head

    // A fresh clone: no record, the history translated from the start.
    let copy = try TemporaryFolder()
    try repository.git("clone", "-q", repository.path, copy.path + "/journal")
    #expect(try runProgram("/usr/bin/git", ["-C", copy.path + "/journal", "for-each-ref", "refs/journal"]).stdout.isEmpty)
    let env = ["HOME": repository.home.path]
    let dryRun = try runJournal(["share", "alice", "--to", remote.path, "--dry-run"], in: copy.path + "/journal", environment: env)
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    #expect(dryRun.stdout == "would share alice to \(remote.path) main: nothing new to push there, at \(tip.prefix(7)) (dry run: nothing pushed)\n", "\(dryRun.stdout)")
    let fromClone = try runJournal(["share", "alice", "--to", remote.path], in: copy.path + "/journal", environment: env)
    #expect(fromClone.stdout.contains(": nothing to push, already at \(tip.prefix(7))"), "\(fromClone.stdout)\(fromClone.stderr)")

    // Alice writes again; the clone takes it in, as the first journal would have, to the id.
    try alice.git("pull", "-q", "--ff-only")
    try alice.edit("mentees/alice/sessions/2026-10-13.md") { $0.replacingOccurrences(of: "- [ ]", with: "- [x]") }
    let last = try alice.commitAndPush("Done", at: "2026-10-14T08:00:00+00:00")
    // The merge that takes it in is the mentor's, made now, as a merge is: with the same
    // identity and time, both journals make the same one.
    let who = [
      "GIT_AUTHOR_NAME": "Hannah Reyes", "GIT_AUTHOR_EMAIL": "hannah@example.com", "GIT_AUTHOR_DATE": "2026-10-14T09:00:00+00:00",
      "GIT_COMMITTER_NAME": "Hannah Reyes", "GIT_COMMITTER_EMAIL": "hannah@example.com",
      "GIT_COMMITTER_DATE": "2026-10-14T09:00:00+00:00",
    ]
    let original = try repository.journal(["share", "alice", "--to", remote.path, "--dry-run"], environment: who)
    let fromCopy = try runJournal(
      ["share", "alice", "--to", remote.path, "--dry-run"], in: copy.path + "/journal", environment: env.merging(who) { $1 })
    #expect(original.status == 0 && original.stdout.contains("\(last.prefix(7)) Done (Alice Kim)"), "\(original.stdout)\(original.stderr)")
    #expect(original.stdout == fromCopy.stdout, "\(original.stdout)\n\(fromCopy.stdout)")
    #expect(repository.head == journalTip, "a dry run moved nothing")
  }

  // MARK: Nobody else's notes, either way

  /// The confidentiality issue's canary scan, after a round trip: markers planted in other
  /// people's notes and names, private notes, hidden files, links, the journal's title and
  /// comments, commit messages and tags never reach the person's repository, whatever came
  /// back from it and however it was merged; what the person wrote comes into the journal.
  @Test(arguments: ["path", "file"])
  func nothingElseLeaksInARoundTrip(_ scheme: String) throws {
    let repository = try ShareTests.journalWithHistory()
    try repository.write([
      "journal.yml": "# zqx-comment\ntitle: zqx-title\n",
      "mentees/zqx-person/profile.md": "---\nname: Zqx Other\nrelationship: report\n---\nzqx-content\n",
      "mentees/alice/private/zqx-private.md": "zqx-private-content\n",
      "mentees/alice/.zqx-hidden": "zqx-hidden\n",
      "mentees/alice/sessions/2026-10-08.md": Self.session(on: "2026-10-08"),
    ])
    try FileManager.default.createSymbolicLink(
      atPath: repository.path + "/mentees/alice/zqx-link.md", withDestinationPath: "../zqx-person/profile.md")
    try repository.commit("zqx-message about alice and zqx-person", author: "Hannah Reyes", at: "2026-10-08T12:00:00+00:00")
    try repository.git("tag", "-a", "-m", "zqx-tag-message", "zqx-tag")
    let remote = try BareRepository()
    let url = scheme == "file" ? "file://" + remote.path : remote.path
    #expect(try repository.journal("share", "alice", "--to", url).status == 0)

    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "go?\n", with: "go?\n- Alice: zqp-her-reply\n") }
    let pushed = try alice.commitAndPush("zqp-her-message", at: "2026-10-09T10:00:00+00:00")
    // The mentor meanwhile writes about both people, in one commit, and privately.
    try repository.write([
      "mentees/zqx-person/sessions/2026-10-09.md": ShareTests.session(on: "2026-10-09") + "zqx-new-session\n",
      "mentees/alice/private/zqx-private.md": "zqx-private-content, more\n",
      "mentees/alice/sessions/2026-10-09.md": Self.session(on: "2026-10-09"),
    ])
    try repository.commit("zqx-message two", author: "Hannah Reyes", at: "2026-10-09T12:00:00+00:00")
    let run = try repository.journal("share", "alice", "--to", url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("merge-base", "--is-ancestor", pushed, "main").isEmpty)

    let received = try allObjectsAndReferences(remote.path)
    #expect(try allObjectsAndReferences(repository.path).contains("zqx"), "the scan works")
    #expect(!received.lowercased().contains("zqx"), "a marker reached the shared repository")
    #expect(received.contains("zqp-her-reply") && received.contains("Led the incident review on 2026-10-09"))
    // Her words are in the journal, and the mentor's private notes, hidden file and link are
    // still there, untouched by the merge.
    #expect(try repository.git("show", "HEAD:mentees/alice/sessions/2026-10-08.md").contains("zqp-her-reply"))
    #expect(try repository.git("show", "HEAD:mentees/alice/private/zqx-private.md") == "zqx-private-content, more\n")
    #expect(try repository.git("ls-tree", "HEAD^2", "mentees/alice/").contains("zqx-link.md"))
    #expect(try repository.git("show", "HEAD^2:mentees/alice/.zqx-hidden") == "zqx-hidden\n")
    #expect(try repository.git("status", "--porcelain") == "")
  }

  /// A journal in a folder of a larger repository: the person's paths map onto the journal's
  /// folder, and nothing outside it moves.
  @Test func aJournalInASubfolderTakesTheirCommitsIntoItsFolder() throws {
    let repository = try GitFixture(journalAt: "team/notes")
    try repository.write([
      "team/notes/mentees/alice/sessions/2026-10-08.md": Self.session(on: "2026-10-08"), "README.md": "the team's\n",
      "team/notes/mentees/bob/profile.md": "---\nname: Bob Stone\nrelationship: report\n---\n",
    ])
    try repository.commit("Start", author: "Hannah Reyes", at: "2026-10-08T17:00:00+02:00")
    let remote = try BareRepository()
    #expect(try repository.journal("share", "alice", "--to", remote.path, in: "team/notes").status == 0)
    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    try alice.write(["mentees/alice/sessions/2026-10-09-self-assessment.md": Self.session(on: "2026-10-09")])
    let pushed = try alice.commitAndPush("Reply and assess", at: "2026-10-09T10:00:00+00:00")
    let run = try repository.journal("share", "alice", "--to", remote.path, in: "team/notes")
    #expect(run.status == 0, "\(run.stderr)")
    let changed = try repository.git("diff", "--name-only", "HEAD^1", "HEAD")
    #expect(changed == "team/notes/mentees/alice/sessions/2026-10-08.md\nteam/notes/mentees/alice/sessions/2026-10-09-self-assessment.md\n", "\(changed)")
    #expect(try repository.git("show", "HEAD:README.md") == "the team's\n")
    #expect(try repository.git("status", "--porcelain") == "")
    #expect(try remote.git("merge-base", "--is-ancestor", pushed, "main").isEmpty)
  }

  // MARK: The working tree

  /// Uncommitted work on a file the person's commits change, staged or not, or an untracked
  /// file where they add one, stops the share in one line before anything moves.
  @Test(arguments: ["unstaged", "staged", "untracked"])
  func uncommittedWorkOnTheirFilesStopsTheShare(_ kind: String) throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    let changed = "mentees/alice/sessions/2026-10-08.md"
    let added = "mentees/alice/sessions/2026-10-09-self-assessment.md"
    try alice.edit(changed) { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    try alice.write([added: Self.session(on: "2026-10-09")])
    try alice.commitAndPush("Reply and assess", at: "2026-10-09T10:00:00+00:00")
    let file = kind == "untracked" ? added : changed
    try repository.write([file: Self.session(on: "2026-10-08") + "\nThe mentor's unfinished thought.\n"])
    if kind == "staged" { try repository.git("add", file) }
    let before = try Self.state(repository, remote)
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
    #expect(
      run.stderr == "journal: \(file) has uncommitted changes that alice's commits from \(remote.path) would overwrite: nothing was taken in or pushed; commit them (journal commit) or set them aside (git stash), and share again\n",
      "\(run.stderr)")
    #expect(try Self.state(repository, remote) == before)
    #expect(try String(contentsOfFile: repository.path + "/" + file, encoding: .utf8).contains("unfinished thought"))
  }

  /// A file already staged as the person's commit has it is no obstacle, as it is none to
  /// `git merge`: a share killed after it updated the index, and run again, finishes.
  @Test func aFileAlreadyStagedAsTheyHaveItIsNoObstacle() throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    let added = "mentees/alice/sessions/2026-10-09-self-assessment.md"
    try alice.write([added: Self.session(on: "2026-10-09")])
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    try alice.commitAndPush("Assess and reply", at: "2026-10-09T10:00:00+00:00")
    for file in [added, "mentees/alice/sessions/2026-10-08.md"] {
      try repository.write([file: try alice.git("show", "HEAD:" + file)])
      try repository.git("add", file)
    }
    let copy = try TemporaryFolder()
    #expect(try runProgram("/bin/cp", ["-a", repository.path, copy.path + "/journal"]).status == 0)
    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repository.git("status", "--porcelain") == "")
    // git, moving the copy to the same commit, agrees.
    let environment = ["HOME": repository.home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"]
    for arguments in [["fetch", "-q", repository.path, repository.head], ["merge", "-q", "--ff-only", repository.head]] {
      let git = try runProgram("/usr/bin/git", ["-C", copy.path + "/journal"] + arguments, environment: environment)
      #expect(git.status == 0, "\(git.stderr)")
    }
  }

  /// The index and working tree end as `git merge` leaves them when it moves the branch to
  /// the same commit: the same change made by journal in one copy of the journal and by
  /// `git merge --ff-only` in another, with unrelated staged, unstaged and untracked work in
  /// both, an executable file and a file git ignores; then index entries, status, unstaged
  /// and staged diffs, files, modes and the reflog are compared.
  @Test func theWorkingTreeEndsAsGitMergeLeavesIt() throws {
    let (repository, remote) = try Self.sharedJournal()
    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") { $0.replacingOccurrences(of: "go?\n", with: "go?\n\(Self.reply)\n") }
    try alice.write(["mentees/alice/sessions/2026-10-09-self-assessment.md": Self.session(on: "2026-10-09")])
    try alice.git("rm", "-q", "mentees/alice/sessions/2026-09-15.md")
    try alice.write(["mentees/alice/attachments/run.sh": "#!/bin/sh\necho hello\n"])
    try alice.git("add", "mentees/alice/attachments/run.sh")
    try alice.git("update-index", "--chmod=+x", "mentees/alice/attachments/run.sh")
    try alice.commitAndPush("Reply, assess, tidy, attach", at: "2026-10-09T10:00:00+00:00")
    // Unrelated work of the mentor's, in every state git tells apart.
    try repository.write([
      ".gitignore": "*.tmp\n", "mentees/bob/sessions/2026-09-16.md": ShareTests.session(on: "2026-09-16") + "unstaged\n",
      "mentees/bob/sessions/2026-10-01.md": ShareTests.session(on: "2026-10-01") + "staged\n",
      "mentees/alice/sessions/2026-10-20.md": Self.session(on: "2026-10-20"), "mentees/bob/scratch.md": "untracked\n",
      "mentees/alice/notes.tmp": "ignored\n",
    ])
    try repository.git("add", "mentees/bob/sessions/2026-10-01.md", "mentees/alice/sessions/2026-10-20.md")
    let copy = try TemporaryFolder()
    let cp = try runProgram("/bin/cp", ["-a", repository.path, copy.path + "/journal"])
    #expect(cp.status == 0)

    let run = try repository.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    let merged = repository.head
    // git, in the copy, moving to the very same commit.
    func git(_ arguments: [String]) throws -> String {
      let result = try runProgram(
        "/usr/bin/git", ["-C", copy.path + "/journal"] + arguments,
        environment: ["HOME": repository.home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C"])
      #expect(result.status == 0, "git \(arguments): \(result.stderr)")
      return result.stdout
    }
    _ = try git(["fetch", "-q", repository.path, merged])
    _ = try git(["merge", "-q", "--ff-only", merged])
    for view in [
      ["ls-files", "-s"], ["status", "--porcelain=v2", "--untracked-files=all", "--ignored"], ["diff"], ["diff", "--cached"],
      ["rev-parse", "HEAD"], ["log", "-g", "--format=%H %gs", "-1", "HEAD"],
    ] {
      let theirs = try git(view)
      let ours = try repository.git(view)
      if view[0] == "log" {
        // The same move, in its own words: `journal share: …` where git says `merge …: Fast-forward`.
        #expect(ours.prefix(41) == theirs.prefix(41), "\(ours) \(theirs)")
      } else {
        #expect(ours == theirs, "git \(view.joined(separator: " ")): journal\n\(ours)\ngit\n\(theirs)")
      }
    }
    for file in ["mentees/alice/sessions/2026-10-08.md", "mentees/alice/attachments/run.sh", "mentees/bob/sessions/2026-09-16.md"] {
      let ours = try FileManager.default.attributesOfItem(atPath: repository.path + "/" + file)
      let theirs = try FileManager.default.attributesOfItem(atPath: copy.path + "/journal/" + file)
      #expect(ours[.posixPermissions] as? Int == theirs[.posixPermissions] as? Int, "\(file)")
      #expect(
        FileManager.default.contents(atPath: repository.path + "/" + file) == FileManager.default.contents(atPath: copy.path + "/journal/" + file))
    }
    #expect(!FileManager.default.fileExists(atPath: repository.path + "/mentees/alice/sessions/2026-09-15.md"))
    let index = try FileManager.default.attributesOfItem(atPath: repository.path + "/.git/index")
    let gitIndex = try FileManager.default.attributesOfItem(atPath: copy.path + "/journal/.git/index")
    #expect(index[.posixPermissions] as? Int == gitIndex[.posixPermissions] as? Int)
  }
}

/// The person's side: a clone of their shared repository, worked on with the real `git` as
/// they would, under their own name.
final class PersonClone {
  let folder: TemporaryFolder
  let home: TemporaryFolder
  let name: String
  let email: String
  var path: String { folder.path + "/clone" }

  init(_ url: String, name: String = "Alice Kim", email: String = "alice@example.net", environment: [String: String] = [:])
    throws
  {
    folder = try TemporaryFolder()
    home = try TemporaryFolder()
    self.name = name
    self.email = email
    let run = try runProgram(
      "/usr/bin/git", ["clone", "-q", url, folder.path + "/clone"],
      environment: baseEnvironment.merging(environment) { _, new in new })
    guard run.status == 0 else { throw GitFixture.GitFailure(arguments: ["clone", url, run.stderr], status: run.status) }
  }

  private var baseEnvironment: [String: String] {
    ["HOME": home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C"]
  }

  @discardableResult
  func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
    let run = try runProgram(
      "/usr/bin/git", arguments, in: URL(fileURLWithPath: path),
      environment: baseEnvironment.merging(environment) { _, new in new })
    guard run.status == 0 else { throw GitFixture.GitFailure(arguments: arguments + [run.stderr], status: run.status) }
    return run.stdout
  }

  func write(_ files: [String: String]) throws {
    for (name, text) in files {
      let file = URL(fileURLWithPath: path + "/" + name)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try writeFile(file.path, Data(text.utf8))
    }
  }

  func edit(_ file: String, _ change: (String) -> String) throws {
    let text = try String(contentsOfFile: path + "/" + file, encoding: .utf8)
    let changed = change(text)
    precondition(changed != text, "the edit changed nothing")
    try write([file: changed])
  }

  /// Commits everything as the person, at `date`, and returns the commit's id.
  @discardableResult
  func commit(_ message: String, at date: String) throws -> String {
    try git("add", "-A")
    try git(
      "commit", "-q", "-m", message,
      environment: [
        "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
      ])
    return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Commits as the person and pushes the branch; returns the commit's id.
  @discardableResult
  func commitAndPush(_ message: String, at date: String) throws -> String {
    let id = try commit(message, at: date)
    try git("push", "-q", "origin", "HEAD")
    return id
  }
}
