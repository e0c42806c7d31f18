import Foundation
import Testing

/// Interruptions and load: whatever happens, the repository stays sound and no note is lost.
@Suite struct FaultTests {
  @Test func eightConcurrentCommitsAndNewNotes() async throws {
    let repo = try GitFixture(initialCommit: true)
    try repo.journal("commit")
    let (path, home) = (repo.path, repo.home.path)
    var created: Set<String> = []
    for round in 0..<3 {
      let runs = try await withThrowingTaskGroup(of: (Int, Run).self) { group in
        for index in 0..<8 {
          group.addTask {
            let arguments =
              index % 2 == 0
              ? ["new", "session", "alice", "--date", "2026-11-2\(round)", "--slug", "load-\(index)"]
              : ["commit"]
            return (index, try runJournal(arguments, in: path, environment: ["HOME": home]))
          }
        }
        var all: [(Int, Run)] = []
        for try await result in group { all.append(result) }
        return all
      }
      for (index, run) in runs {
        if index % 2 == 0 {
          #expect(run.status == 0, "\(run.stderr)")
          created.insert("mentees/alice/sessions/2026-11-2\(round)-load-\(index).md")
        } else {
          #expect(
            run.status == 0 || run.stderr.hasPrefix("journal: the repository is locked")
              || run.stderr.hasPrefix("journal: another commit landed"),
            "\(run.stderr)")
        }
      }
    }
    #expect(try repo.journal("commit").status == 0)
    #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
    #expect(try repo.git("status", "--porcelain") == "")
    let added = try repo.git("log", "--diff-filter=A", "--name-only", "--format=").split(separator: "\n").map(String.init)
    #expect(added.count == Set(added).count, "every note is committed exactly once")
    #expect(created.isSubset(of: Set(added)))
    #expect(!added.contains { $0.contains("/.") }, "no temporary file is ever committed")
  }

  @Test func killedCommitsLeaveTheRepositorySound() throws {
    let repo = try GitFixture(initialCommit: true)
    try repo.journal("commit")
    var written: [String: String] = [:]
    var generator = SystemRandomNumberGenerator()
    for attempt in 0..<20 {
      let name = "mentees/alice/sessions/2026-11-\(String(format: "%02d", attempt + 1)).md"
      let text = session.replacingOccurrences(of: "2026-11-20", with: String(name.dropFirst(23).prefix(10)))
      try repo.write([name: text])
      written[name] = text
      // With the file named, the commit is written before the index is read: killed
      // anywhere in that, too, the repository must stay sound.
      try killAtRandom(attempt % 2 == 0 ? ["commit"] : ["commit", name], in: repo, within: 40_000, using: &generator)
      // A lock left by a killed process is what git leaves too; a person removes it.
      for lock in ["/.git/index.lock", "/.git/refs/heads/main.lock", "/.git/HEAD.lock"] {
        try? FileManager.default.removeItem(atPath: repo.path + lock)
      }
      #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
      _ = try repo.git("status", "--porcelain")
    }
    for (name, text) in written {
      #expect(try String(contentsOfFile: repo.path + "/" + name, encoding: .utf8) == text, "the note is intact")
    }
    #expect(try repo.journal("commit").status == 0)
    #expect(try repo.git("status", "--porcelain") == "")
    #expect(try repo.git("ls-files", "mentees/alice/sessions").split(separator: "\n").count == 20)
  }

  @Test func killedNewNotesAreWholeOrAbsent() throws {
    let repo = try GitFixture()
    var generator = SystemRandomNumberGenerator()
    for attempt in 0..<20 {
      try killAtRandom(["new", "session", "alice", "--date", "2026-11-20", "--slug", "kill-\(attempt)"], in: repo, within: 30_000, using: &generator)
    }
    // Every note that exists is whole: the journal checks clean, whichever runs finished.
    let check = try repo.journal("check", "--today", "2026-11-26", "--format", "json")
    #expect(check.status == 0, "\(check.stdout)")
    #expect(check.stdout.contains("\"errors\":0,"))
  }

  @Test func killedFormattingLeavesEachNoteBeforeOrAfter() throws {
    let repo = try GitFixture()
    let messy = "---\ntags: [a, b]\ntype: career-development\ndate: 2026-11-20\n---\n"
    let formatted = "---\ndate: 2026-11-20\ntype: career-development\ntags:\n  - a\n  - b\n---\n"
    var generator = SystemRandomNumberGenerator()
    for attempt in 0..<15 {
      let names = (1...8).map { "mentees/alice/sessions/2026-11-\(String(format: "%02d", $0))-f\(attempt).md" }
      try repo.write(Dictionary(uniqueKeysWithValues: names.map { name in
        (name, messy.replacingOccurrences(of: "2026-11-20", with: String(name.dropFirst(23).prefix(10))))
      }))
      try killAtRandom(["fmt"], in: repo, within: 30_000, using: &generator)
      for name in names {
        let day = String(name.dropFirst(23).prefix(10))
        let text = try String(contentsOfFile: repo.path + "/" + name, encoding: .utf8)
        #expect(
          text == messy.replacingOccurrences(of: "2026-11-20", with: day)
            || text == formatted.replacingOccurrences(of: "2026-11-20", with: day),
          "each note is as before or as after: \(text)")
      }
    }
  }

  @Test func killedSharesLeaveBothRepositoriesSound() throws {
    let repo = try ShareTests.journalWithHistory()
    let remote = try BareRepository()
    var generator = SystemRandomNumberGenerator()
    for attempt in 0..<15 {
      let day = String(format: "2026-11-%02d", attempt + 1)
      try repo.write(["mentees/alice/sessions/\(day).md": ShareTests.session(on: day)])
      try repo.commit("Alice on \(day)", author: "Hannah Reyes", at: "\(day)T12:00:00+00:00")
      try killAtRandom(["share", "alice", "--to", remote.path], in: repo, within: 60_000, using: &generator)
      // A kill leaves a reference's lock behind, as it would of git itself.
      let locks = (FileManager.default.enumerator(atPath: repo.path + "/.git/refs/journal")?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix(".lock") }.map { "/.git/refs/journal/" + $0 }
      for lock in locks + ["/.git/packed-refs.lock"] {
        try? FileManager.default.removeItem(atPath: repo.path + lock)
      }
      try? FileManager.default.removeItem(atPath: remote.path + "/refs/heads/main.lock")
      #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
      let remoteCheck = try remote.git("fsck", "--strict", "--no-dangling")
      #expect(remoteCheck.isEmpty, "\(remoteCheck)")
      // Whatever was recorded locally was pushed first.
      if let record = try? repo.shareRecord("alice"), let recorded = try? repo.git("rev-parse", "--verify", "-q", record + "^1") {
        #expect(try remote.git("merge-base", "--is-ancestor", recorded.trimmingCharacters(in: .whitespacesAndNewlines), "main").isEmpty)
      }
    }
    // The next run finishes the job, as a fast-forward of whatever got through.
    let run = try repo.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "18\n")
    #expect(!(try repo.git("for-each-ref", "refs/journal/")).contains("/pending"))
    #expect(try repo.git("rev-parse", try repo.shareRecord("alice") + "^1") == (try remote.git("rev-parse", "main")))
  }

  /// A round trip killed at random moments: the person has pushed a commit, the mentor has
  /// written one, and the share that takes hers in and pushes the merge is killed. The
  /// journal's branch is then where it was or at the whole merge, every object there; the
  /// remote is what she pushed or a fast-forward of it. The working tree may be caught
  /// half-updated, as a killed `git merge` leaves it; put back, the next run finishes the job.
  @Test func killedRoundTripsLeaveTheJournalBeforeOrAfter() throws {
    let (repo, remote) = try TwoWayShareTests.sharedJournal()
    let alice = try PersonClone(remote.path)
    var generator = SystemRandomNumberGenerator()
    var theirs: [String] = []
    for attempt in 0..<12 {
      let day = String(format: "2026-11-%02d", attempt + 1)
      try alice.git("pull", "-q", "--ff-only")
      try alice.write(["mentees/alice/sessions/\(day)-self-assessment.md": TwoWayShareTests.session(on: day)])
      theirs.append(try alice.commitAndPush("Self-assessment \(day)", at: "\(day)T08:00:00+00:00"))
      try repo.write(["mentees/alice/sessions/\(day).md": TwoWayShareTests.session(on: day)])
      try repo.commit("Alice on \(day)", author: "Hannah Reyes", at: "\(day)T12:00:00+00:00")
      let before = repo.head
      try killAtRandom(["share", "alice", "--to", remote.path], in: repo, within: 600_000, using: &generator)
      // The locks a kill leaves, as it would leave git's own.
      let journalLocks = (FileManager.default.enumerator(atPath: repo.path + "/.git/refs")?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix(".lock") }.map { "/.git/refs/" + $0 }
      for lock in journalLocks + ["/.git/packed-refs.lock", "/.git/index.lock", "/.git/HEAD.lock"] {
        try? FileManager.default.removeItem(atPath: repo.path + lock)
      }
      try? FileManager.default.removeItem(atPath: remote.path + "/refs/heads/main.lock")
      #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
      #expect(try remote.git("fsck", "--strict", "--no-dangling").isEmpty)
      let after = repo.head
      if after == before {
        // Not landed: whatever reached the working tree is put back as a person would.
        try repo.git("checkout", "-q", "HEAD", "--", "mentees/alice")
        try repo.git("clean", "-fdq", "mentees/alice")
        #expect(try repo.git("status", "--porcelain", "mentees/alice").split(separator: "\n").allSatisfy { $0.hasPrefix("A ") })
      } else {
        // Landed whole: the merge on top of what was there, her commit in it, index and files with it.
        #expect(try repo.git("rev-parse", "HEAD^1") == before + "\n")
        #expect(try repo.git("log", "-1", "--format=%B", "HEAD^2").contains("Shared-from: file://"))
        #expect(try repo.git("status", "--porcelain") == "")
      }
      #expect(try remote.git("merge-base", "--is-ancestor", theirs.last!, "main").isEmpty, "her commit was never rewritten")
      if let record = try? repo.shareRecord("alice"), let recorded = try? repo.git("rev-parse", "--verify", "-q", record + "^1") {
        #expect(try remote.git("merge-base", "--is-ancestor", recorded.trimmingCharacters(in: .whitespacesAndNewlines), "main").isEmpty)
      }
    }
    let run = try repo.journal("share", "alice", "--to", remote.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("status", "--porcelain") == "")
    for id in theirs { #expect(try remote.git("merge-base", "--is-ancestor", id, "main").isEmpty) }
    #expect(try repo.git("ls-files", "mentees/alice/sessions").split(separator: "\n").count == 3 + 24)
    #expect(try repo.git("rev-parse", try repo.shareRecord("alice") + "^1") == (try remote.git("rev-parse", "main")))
    #expect(try alice.git("pull", "-q", "--ff-only").isEmpty)
  }

  @Test func killedForgetLeavesEachReferenceBeforeOrAfterAndFinishesWhenRunAgain() throws {
    func references(_ repo: GitFixture) throws -> [String: String] {
      var values: [String: String] = [:]
      for line in try repo.git("for-each-ref", "--format=%(refname) %(objectname)").split(separator: "\n") {
        let parts = line.split(separator: " ")
        values[String(parts[0])] = String(parts[1])
      }
      return values
    }
    // The same history each time (fixed identities and dates): its result, uninterrupted.
    let finished = try ForgetTests.journal()
    #expect(try finished.journal("forget", ForgetTests.person, "--yes").status == 0)
    let after = try references(finished)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<12 {
      let repo = try ForgetTests.journal()
      let before = try references(repo)
      try killAtRandom(["forget", ForgetTests.person, "--yes"], in: repo, within: 600_000, using: &generator)
      Self.removeGitLocks(in: repo)
      #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
      for (name, value) in try references(repo) {
        #expect(value == before[name] || value == after[name], "\(name) is neither as before nor as after")
      }
      let again = try repo.journal("forget", ForgetTests.person, "--yes")
      #expect(again.status == 0, "\(again.stderr)")
      #expect(try references(repo) == after)
      #expect(try repo.git("fsck", "--strict", "--unreachable", "--no-reflogs").isEmpty)
      #expect(try repo.git("status", "--porcelain") == "")
      let everything = try ForgetTests.everything(repo)
      for canary in ForgetTests.canaries { #expect(!everything.contains(canary), "\(canary) is still there") }
    }
  }

  /// `journal forget` stopped just before each rename and unlink it makes among the
  /// references (strace stops it with SIGKILL as it enters that system call), with HEAD on a
  /// branch and detached: every time, the references as a whole, HEAD included, are exactly
  /// as before or exactly as after; every other command says the run was stopped, and the
  /// next run finishes it.
  @Test(.enabled(if: Strace.available, "needs strace")) func forgetStoppedAtEachStepOfTheReferencesLeavesAllBeforeOrAllAfter() throws {
    for detached in [false, true] {
      let pristine = try ForgetTests.journal()
      try pristine.git("update-ref", "refs/remotes/origin/main", "main")
      if detached { try pristine.git("checkout", "-q", "--detach", "feature") }
      let before = try Self.referenceValues(pristine)
      let finished = try GitFixture(copying: pristine)
      #expect(try finished.journal("forget", ForgetTests.person, "--yes").status == 0)
      let after = try Self.referenceValues(finished)
      #expect(before != after)

      let traced = try GitFixture(copying: pristine)
      let steps = try Strace.referenceSteps(["forget", ForgetTests.person, "--yes"], in: traced)
      #expect(steps.count >= 4, "\(steps)")
      var outcomes: Set<String> = []
      for step in steps {
        let repo = try GitFixture(copying: pristine)
        let run = try Strace.killed(at: step, ["forget", ForgetTests.person, "--yes"], in: repo)
        #expect(run.status == 128 + SIGKILL, "stopped at \(step): \(run.stderr)")
        Self.removeGitLocks(in: repo)
        var values = try Self.referenceValues(repo)
        // While a detached HEAD moves, HEAD may name a stand-in holding its commit.
        if let standIn = values.removeValue(forKey: "refs/heads/journal-detached-head") {
          #expect(detached && standIn == values["HEAD"], "stopped at \(step)")
          outcomes.insert("stand-in")
        }
        #expect(values == before || values == after, "stopped at \(step), the references are mixed: \(values)")
        outcomes.insert(values == before ? "before" : values == after ? "after" : "mixed")
        #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
        if FileManager.default.fileExists(atPath: repo.path + "/.git/JOURNAL_FORGET") {
          let line = "journal forget \(ForgetTests.person) was stopped before it finished: run journal forget \(ForgetTests.person) --yes to finish it"
          let check = try repo.journal("check", "--today", "2026-11-26")
          #expect(check.stderr.contains("journal: warning: " + line), "\(check.stderr)")
          let commit = try repo.journal("commit")
          #expect(commit.status == 2 && commit.stderr == "journal: " + line + "\n", "\(commit.stderr)")
        }
        let again = try repo.journal("forget", ForgetTests.person, "--yes")
        #expect(again.status == 0, "stopped at \(step): \(again.stderr)")
        #expect(try Self.referenceValues(repo) == after, "stopped at \(step)")
        #expect(try repo.git("fsck", "--strict", "--unreachable", "--no-reflogs").isEmpty)
        #expect(try repo.git("status", "--porcelain") == "")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/JOURNAL_FORGET"))
        let everything = try ForgetTests.everything(repo)
        for canary in ForgetTests.canaries { #expect(!everything.contains(canary), "stopped at \(step): \(canary) is still there") }
      }
      #expect(outcomes == (detached ? ["before", "after", "stand-in"] : ["before", "after"]), "\(outcomes)")
    }
  }

  /// `journal commit` stopped as it writes the index: libgit2 writes the locked index
  /// through `index.lock.lock`, renamed over `index.lock`, and strace stops journal with
  /// SIGKILL as it enters that rename. What is left must be what a stopped `git commit`
  /// leaves: the next run refuses, naming `index.lock` as git does, and once a person has
  /// removed that one file, the next run commits.
  @Test(.enabled(if: Strace.available, "needs strace")) func commitStoppedWhileWritingTheIndexNeedsOnlyGitsLockRemoved() throws {
    let pristine = try GitFixture(initialCommit: true)
    try pristine.write(["mentees/alice/sessions/2026-11-20.md": session])
    let traced = try GitFixture(copying: pristine)
    let steps = try Strace.steps(["commit"], in: traced, touching: ["/.git/index.lock.lock"]).filter { $0.call.hasPrefix("rename") }
    #expect(!steps.isEmpty, "libgit2 writes the index through index.lock.lock")
    for step in steps {
      let repo = try GitFixture(copying: pristine)
      let run = try Strace.killed(at: step, ["commit"], in: repo)
      #expect(run.status == 128 + SIGKILL, "stopped at \(step): \(run.stderr)")
      let lock = repo.path + "/.git/index.lock"
      #expect(FileManager.default.fileExists(atPath: lock))
      let refused = try repo.journal("commit")
      #expect(refused.status == 2 && refused.stderr.contains("'\(lock)' exists"), "\(refused.stderr)")
      // What git says to do, and all a person should have to do.
      try FileManager.default.removeItem(atPath: lock)
      let again = try repo.journal("commit")
      #expect(again.status == 0, "stopped at \(step): \(again.stderr)")
      #expect(try repo.git("status", "--porcelain") == "")
      #expect(try repo.git("ls-files", "mentees/alice/sessions") == "mentees/alice/sessions/2026-11-20.md\n")
      #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
      let left = try FileManager.default.contentsOfDirectory(atPath: repo.path + "/.git").filter { $0.hasPrefix("index.") }
      #expect(left.isEmpty, "\(left)")
    }
  }

  /// `journal forget` stopped as it enters each rename it makes in the git folder (files put
  /// in place: `JOURNAL_FORGET`, the pack, the references, the index, the logs): after the
  /// next run, nothing anywhere in the repository names the person, not even a file the
  /// stopped run was writing.
  @Test(.enabled(if: Strace.available, "needs strace")) func forgetStoppedAtEachRenameLeavesNothingOfThePersonOnceRunAgain() throws {
    let pristine = try ForgetTests.journal()
    let finished = try GitFixture(copying: pristine)
    #expect(try finished.journal("forget", ForgetTests.person, "--yes").status == 0)
    let after = try Self.referenceValues(finished)
    let traced = try GitFixture(copying: pristine)
    let steps = try Strace.steps(["forget", ForgetTests.person, "--yes"], in: traced, touching: ["/.git/"])
      .filter { $0.call.hasPrefix("rename") }
    #expect(steps.contains { $0.arguments.contains("JOURNAL_FORGET") }, "\(steps)")
    for step in steps {
      let repo = try GitFixture(copying: pristine)
      let run = try Strace.killed(at: step, ["forget", ForgetTests.person, "--yes"], in: repo)
      #expect(run.status == 128 + SIGKILL, "stopped at \(step): \(run.stderr)")
      Self.removeGitLocks(in: repo)
      let again = try repo.journal("forget", ForgetTests.person, "--yes")
      #expect(again.status == 0, "stopped at \(step): \(again.stderr)")
      #expect(try Self.referenceValues(repo) == after, "stopped at \(step)")
      #expect(try repo.git("status", "--porcelain") == "")
      let everything = try ForgetTests.everything(repo)
      let files = try FileManager.default.contentsOfDirectory(atPath: repo.path + "/.git").sorted()
      #expect(!files.contains { $0.contains(".journal-") }, "stopped at \(step): a stopped write's file is left: \(files)")
      for canary in ForgetTests.canaries {
        let found = everything.contains(canary)
        #expect(!found, "stopped at \(step): \(canary) is still there, in the git folder's \(files)")
      }
    }
  }

  /// `journal fmt` stopped as it renames its temporary file over the note, and `journal new`
  /// stopped as it removes its temporary file once the note is linked into place: each leaves
  /// a hidden `.<name>.journal-XXXXXX` in the person's folder. `journal check` names both,
  /// with what to do; `journal commit` and `journal share` never take them, which the real
  /// `git` confirms: they stay untracked, in no commit of the journal or the shared repository.
  @Test(.enabled(if: Strace.available, "needs strace")) func aStoppedWritesLeftoverIsNamedAndNeverCommittedOrShared() throws {
    let repo = try GitFixture(initialCommit: true)
    let sessions = "mentees/alice/sessions/"
    let messy = "---\ntype: career-development\ndate: 2026-11-20\n---\n## Strengths\n\n- Led the design review and kept it to the hour\n"
    try repo.write([sessions + "2026-11-20.md": messy])
    #expect(try repo.journal("commit", "--today", "2026-11-26").status == 0)

    let formatting = ["fmt", sessions + "2026-11-20.md"]
    let rename = try #require(
      Strace.steps(formatting, in: try GitFixture(copying: repo), touching: [".journal-"]).first { $0.call.hasPrefix("rename") })
    #expect(try Strace.killed(at: rename, formatting, in: repo).status == 128 + SIGKILL)
    #expect(try String(contentsOfFile: repo.path + "/" + sessions + "2026-11-20.md", encoding: .utf8) == messy)

    let creating = ["new", "session", "alice", "--date", "2026-11-26", "--today", "2026-11-26"]
    let unlink = try #require(
      Strace.steps(creating, in: try GitFixture(copying: repo), touching: [".journal-"]).first { $0.call.hasPrefix("unlink") })
    #expect(try Strace.killed(at: unlink, creating, in: repo).status == 128 + SIGKILL)

    let left = try FileManager.default.contentsOfDirectory(atPath: repo.path + "/" + sessions).filter { $0.contains(".journal-") }.sorted()
    try #require(left.count == 2, "\(left)")
    #expect(left[0].hasPrefix(".2026-11-20.md.journal-") && left[1].hasPrefix(".2026-11-26.md.journal-"))

    let check = try repo.journal("check", "--today", "2026-11-26")
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let found = check.stdout.split(separator: "\n").filter { $0.contains("[leftover-file]") }
    #expect(
      found == [
        "\(sessions)\(left[0]):1:1: warning: `\(left[0])` is a copy of `2026-11-20.md` that journal was writing when it was stopped [leftover-file]",
        "\(sessions)\(left[1]):1:1: warning: `\(left[1])` is a copy of `2026-11-26.md` that journal was writing when it was stopped [leftover-file]",
      ], "\(check.stdout)")

    // The new session is whole and is committed; the leftovers are not, and naming one is
    // refused with its reason.
    #expect(try repo.journal("commit", "--today", "2026-11-26").status == 0)
    let named = try repo.journal("commit", "--today", "2026-11-26", sessions + left[0])
    #expect(named.status == 2)
    #expect(named.stderr == "journal: \(sessions)\(left[0]) is hidden: journal commits no hidden file\n", "\(named.stderr)")
    #expect(try repo.git("ls-files", sessions) == "\(sessions)2026-11-20.md\n\(sessions)2026-11-26.md\n")
    #expect(try repo.git("status", "--porcelain", "--untracked-files=all") == "?? \(sessions)\(left[0])\n?? \(sessions)\(left[1])\n")

    let remote = try BareRepository()
    let share = try repo.journal("share", "alice", "--to", remote.path)
    #expect(share.status == 0, "\(share.stderr)")
    let shared = try remote.git("ls-tree", "-r", "--name-only", "main")
    #expect(shared.contains("2026-11-26.md") && !shared.contains(".journal-"), "\(shared)")
  }

  /// `journal init` stopped as it removes its temporary `journal.yml` once linked into place,
  /// and `journal summary --output` stopped as it renames its report into place: each leaves a
  /// hidden `.<name>.journal-XXXXXX` at the journal's root. `journal check` names both, and
  /// those a stopped `--output` leaves in `mentees/` and `templates/` (planted as the kill
  /// leaves them); `journal commit`, with them named too, and `journal share` never take
  /// them, which the real `git` confirms: they stay untracked, in no commit of either side.
  @Test(.enabled(if: Strace.available, "needs strace")) func aStoppedWritesLeftoverOutsideAPersonsFolderIsNamedAndNeverTaken() throws {
    let repo = try GitFixture(initialCommit: true)
    try FileManager.default.removeItem(atPath: repo.path + "/journal.yml")
    let initialising = ["init", "--title", "Team notes"]
    let unlink = try #require(
      Strace.steps(initialising, in: try GitFixture(copying: repo), touching: [".journal-"]).first { $0.call.hasPrefix("unlink") })
    #expect(try Strace.killed(at: unlink, initialising, in: repo).status == 128 + SIGKILL)
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    #expect(try repo.journal("commit", "--today", "2026-11-26").status == 0)

    let summarising = ["summary", "--today", "2026-11-26", "--format", "markdown", "--output", "SUMMARY.md"]
    let rename = try #require(
      Strace.steps(summarising, in: try GitFixture(copying: repo), touching: [".journal-"]).first { $0.call.hasPrefix("rename") })
    #expect(try Strace.killed(at: rename, summarising, in: repo).status == 128 + SIGKILL)
    #expect(!FileManager.default.fileExists(atPath: repo.path + "/SUMMARY.md"))
    try repo.write([
      "mentees/.SUMMARY.md.journal-Ab12Cd": "# Summary\n", "templates/.letter.md.journal-Ef34Gh": "Subject: Thank you\n",
    ])

    let root = try FileManager.default.contentsOfDirectory(atPath: repo.path).filter { $0.contains(".journal-") }.sorted()
    try #require(root.count == 2, "\(root)")
    #expect(root[0].hasPrefix(".SUMMARY.md.journal-") && root[1].hasPrefix(".journal.yml.journal-"))
    let check = try repo.journal("check", "--today", "2026-11-26")
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let found = check.stdout.split(separator: "\n").filter { $0.contains("[leftover-file]") }
    let stopped = "that journal was writing when it was stopped [leftover-file]"
    #expect(
      found == [
        "\(root[0]):1:1: warning: `\(root[0])` is a copy of `SUMMARY.md` \(stopped)",
        "\(root[1]):1:1: warning: `\(root[1])` is a copy of `journal.yml` \(stopped)",
        "mentees/.SUMMARY.md.journal-Ab12Cd:1:1: warning: `.SUMMARY.md.journal-Ab12Cd` is a copy of `SUMMARY.md` \(stopped)",
        "templates/.letter.md.journal-Ef34Gh:1:1: warning: `.letter.md.journal-Ef34Gh` is a copy of `letter.md` \(stopped)",
      ], "\(check.stdout)")
    // What to do depends on whether the file it was written for is there.
    #expect(check.stdout.contains("delete it: `journal.yml` is whole"), "\(check.stdout)")
    #expect(check.stdout.contains("`SUMMARY.md` was not written: rename this copy to `SUMMARY.md`"), "\(check.stdout)")
    // `--format json` names them as well.
    let json = try repo.journal("check", "--today", "2026-11-26", "--format", "json")
    #expect(json.stdout.components(separatedBy: "\"leftover-file\"").count == 5, "\(json.stdout)")

    // Never committed: not with the journal's changes, and not when named.
    try repo.write(["mentees/alice/sessions/2026-11-26.md": session.replacingOccurrences(of: "2026-11-20", with: "2026-11-26")])
    #expect(try repo.journal("commit", "--today", "2026-11-26").status == 0)
    let named = try repo.journal("commit", "--today", "2026-11-26", "mentees/.SUMMARY.md.journal-Ab12Cd")
    #expect(named.status == 2)
    #expect(named.stderr == "journal: mentees/.SUMMARY.md.journal-Ab12Cd is hidden: journal commits no hidden file\n", "\(named.stderr)")
    let outside = try repo.journal("commit", "--today", "2026-11-26", root[1])
    #expect(outside.status == 2 && outside.stderr.contains("is not one of the journal's own files"), "\(outside.stderr)")
    let tracked = try repo.git("ls-files")
    #expect(!tracked.contains(".journal-"), "\(tracked)")
    #expect(
      try repo.git("status", "--porcelain", "--untracked-files=all")
        == "?? \(root[0])\n?? \(root[1])\n?? mentees/.SUMMARY.md.journal-Ab12Cd\n?? templates/.letter.md.journal-Ef34Gh\n")

    let remote = try BareRepository()
    let share = try repo.journal("share", "alice", "--to", remote.path)
    #expect(share.status == 0, "\(share.stderr)")
    let shared = try remote.git("ls-tree", "-r", "--name-only", "main")
    #expect(shared.contains("2026-11-26.md") && !shared.contains(".journal-"), "\(shared)")
  }

  /// Removes the locks a killed process left in the git folder that git itself would name
  /// (`index.lock`, `packed-refs.lock`, a reference's `.lock`), as a person does after a
  /// killed git command; not libgit2's inner `index.lock.lock`, which git never names, and
  /// which journal must deal with itself.
  static func removeGitLocks(in repo: GitFixture) {
    let locks = (FileManager.default.enumerator(atPath: repo.path + "/.git")?.compactMap { $0 as? String } ?? [])
      .filter { $0.hasSuffix(".lock") && !$0.hasSuffix(".lock.lock") }
    for lock in locks { try? FileManager.default.removeItem(atPath: repo.path + "/.git/" + lock) }
  }

  /// Every reference's value as git reads it, and HEAD's.
  /// A git command that fails early (a mistyped option; a date git refuses) exits only after
  /// the thread that starts libgit2 beside it has ended. Exiting while it ran let OpenSSL's
  /// exit handler run beside libgit2's start-up or that thread's own exit handlers, and a
  /// `journal commit` refusing `GIT_AUTHOR_DATE=yesterday` once aborted (status 134). strace
  /// holds the thread as it enters exit(2): the whole program must wait for it.
  @Test(.enabled(if: Strace.available, "needs strace")) func aGitCommandExitsOnlyAfterLibgit2sThreadHasEnded() throws {
    let repo = try GitFixture(initialCommit: true)
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    for (arguments, date) in [(["commit", "--bogus"], nil), (["commit"], "yesterday")] as [([String], String?)] {
      let trace = repo.home.path + "/trace"
      var environment = ["HOME": repo.home.path, "PATH": "/usr/bin:/bin"]
      environment["GIT_AUTHOR_DATE"] = date
      let run = try runProgram(
        "/usr/bin/strace",
        ["-f", "-qq", "-o", trace, "-e", "trace=exit,exit_group", "-e", "inject=exit:delay_enter=200000", journalBinary.path]
          + arguments,
        in: repo.folder.url, environment: environment)
      #expect(run.status == 2, "\(arguments): \(run.stderr)")
      // `<thread id>  exit(0) = ?` for the thread, then `<process id>  exit_group(2) = ?`;
      // a thread still running when the process ends shows as `exit(0 <unfinished ...>` or
      // not at all.
      let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
      let ended = lines.firstIndex { $0.contains(" exit(0)") && $0.hasSuffix("= ?") }
      let exited = lines.firstIndex { $0.contains(" exit_group(") }
      #expect(ended != nil && exited != nil && ended! < exited!, "\(arguments):\n\(lines.joined(separator: "\n"))")
    }
  }

  static func referenceValues(_ repo: GitFixture) throws -> [String: String] {
    var values: [String: String] = [:]
    for line in try repo.git("for-each-ref", "--format=%(refname) %(objectname)").split(separator: "\n") {
      let parts = line.split(separator: " ")
      values[String(parts[0])] = String(parts[1])
    }
    values["HEAD"] = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    return values
  }

  /// Starts journal in the repository and kills it with SIGKILL after up to `within`
  /// microseconds: before, during or after its work.
  private func killAtRandom(
    _ arguments: [String], in repo: GitFixture, within: UInt32, using generator: inout SystemRandomNumberGenerator
  ) throws {
    let process = Process()
    process.executableURL = journalBinary
    process.arguments = arguments
    process.currentDirectoryURL = repo.folder.url
    process.environment = ["HOME": repo.home.path, "PATH": "/usr/bin:/bin"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(UInt32.random(in: 0..<within, using: &generator))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}

/// `strace`, to stop a program at an exact system call.
enum Strace {
  static var available: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")
      || ProcessInfo.processInfo.environment["JOURNAL_REQUIRE_STRACE"] != nil
  }

  /// A system call of the program's main thread: its name and how many times that thread
  /// had made it, this one included.
  struct Step: Hashable, CustomStringConvertible {
    let call: String
    let count: Int
    let arguments: String

    var description: String { "\(call) #\(count) \(arguments)" }
  }

  static let calls = ["rename", "renameat", "renameat2", "unlink", "unlinkat"]

  /// The renames and unlinks journal's main thread makes of the references (`refs/`,
  /// `packed-refs`, `HEAD` and their lock files), in order, from a traced run.
  static func referenceSteps(_ arguments: [String], in repo: GitFixture) throws -> [Step] {
    try steps(arguments, in: repo, touching: ["/.git/refs/", "/.git/packed-refs", "/.git/HEAD"])
  }

  /// The renames and unlinks journal's main thread makes of paths that contain one of
  /// `paths`, in order, from a traced run.
  static func steps(_ arguments: [String], in repo: GitFixture, touching paths: [String]) throws -> [Step] {
    let trace = repo.home.path + "/trace"
    let run = try runProgram(
      "/usr/bin/strace", ["-f", "-qq", "-o", trace, "-e", "trace=" + calls.joined(separator: ",")] + [journalBinary.path] + arguments,
      in: repo.folder.url, environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin"])
    guard run.status == 0 else { throw GitFixture.GitFailure(arguments: ["strace"] + arguments, status: run.status) }
    var counts: [String: Int] = [:]
    var main: Substring?
    var steps: [Step] = []
    for line in try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n") {
      // `<thread id>  <call>(<arguments>) = <result>`
      let fields = line.split(separator: " ", maxSplits: 1).map { $0.drop { $0 == " " } }
      guard fields.count == 2, let open = fields[1].firstIndex(of: "(") else { continue }
      let call = String(fields[1][..<open])
      guard calls.contains(call) else { continue }
      main = main ?? fields[0]
      guard fields[0] == main else { continue }
      counts[call, default: 0] += 1
      let arguments = String(fields[1][open...])
      if paths.contains(where: arguments.contains) {
        steps.append(Step(call: call, count: counts[call]!, arguments: arguments))
      }
    }
    return steps
  }

  /// Runs journal and kills it with SIGKILL as it enters `step`.
  static func killed(at step: Step, _ arguments: [String], in repo: GitFixture) throws -> Run {
    try runProgram(
      "/usr/bin/strace",
      ["-f", "-qq", "-o", "/dev/null", "-e", "trace=" + step.call, "-e", "inject=\(step.call):signal=KILL:when=\(step.count)",
        journalBinary.path] + arguments,
      in: repo.folder.url, environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin"])
  }
}
