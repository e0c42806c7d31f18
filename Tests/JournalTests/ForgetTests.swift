import Foundation
import Testing

/// `journal forget` on real repositories, inspected with the real `git` program.
@Suite struct ForgetTests {
  static let person = "carla-diaz"
  /// What must be nowhere once the person is forgotten: their id, their name (as their profile
  /// gave it), and a marker in their notes, their file names, messages and tags.
  static let canaries = ["carla", "díaz", "diaz", "zqx"]

  static func profile(_ name: String) -> String { "---\nname: \(name)\nrelationship: candidate\n---\n" }

  /// bob and carla-diaz in one journal: commits of each, one of both, a user's message that
  /// names carla, a side branch merged back, tags, packed and loose objects.
  static func journal(in subfolder: String = "") throws -> GitFixture {
    let repo = try GitFixture(initialCommit: subfolder.isEmpty ? false : true)
    let root = subfolder.isEmpty ? "" : subfolder + "/"
    func path(_ name: String) -> String { root + name }
    if !subfolder.isEmpty {
      try repo.write(["src/main.c": "int main(void) { return 0; }\n"])
      try repo.commit("Add the program", author: "Omar Said", at: "2026-08-01T09:00:00+02:00")
      try FileManager.default.removeItem(atPath: repo.path + "/mentees")
      try FileManager.default.removeItem(atPath: repo.path + "/journal.yml")
    }
    try repo.write([
      path("journal.yml"): "title: Team\n",
      path("mentees/bob/profile.md"): "---\nname: Bob Stone\nrelationship: report\n---\n",
    ])
    try repo.commit("Start the journal", author: "Hannah Reyes", at: "2026-09-01T10:00:00+02:00")
    try repo.write([
      path("mentees/carla-diaz/profile.md"): profile("Carla Díaz"),
      path("mentees/carla-diaz/zqx-name.md"): "kept for later\n",
    ])
    try repo.commit("Candidate notes", author: "Hannah Reyes", at: "2026-09-02T10:00:00+02:00")
    try repo.write([path("mentees/bob/sessions/2026-09-16.md"): ShareTests.session(on: "2026-09-16")])
    try repo.commit("Bob, first session", author: "Omar Said", at: "2026-09-16T17:00:00-05:00")
    if !subfolder.isEmpty {
      try repo.write(["src/main.c": "int main(void) { return 1; }\n"])
      try repo.commit("Return 1", author: "Omar Said", at: "2026-09-17T09:00:00+02:00")
    }
    try repo.git("gc", "-q")
    // A message journal commit generated, for changes of both.
    try repo.write([
      path("mentees/carla-diaz/sessions/2026-10-01.md"): ShareTests.session(on: "2026-10-01") + "- zqx content\n",
      path("mentees/bob/sessions/2026-10-01.md"): ShareTests.session(on: "2026-10-01"),
    ])
    let committed = try repo.journal(
      ["commit", "--no-verify"] + (subfolder.isEmpty ? [] : ["--journal", repo.path + "/" + subfolder]),
      environment: dates("2026-10-01T09:30:00+02:00"))
    guard committed.status == 0 else { throw GitFixture.GitFailure(arguments: ["journal commit"], status: committed.status) }
    try repo.git(["tag", "-a", "v1", "-m", "Reviewed with Carla Díaz"], environment: dates("2026-10-02T09:00:00+02:00"))
    // A side branch, with a commit of each person, merged back.
    try repo.git("checkout", "-q", "-b", "feature")
    try repo.write([
      path("mentees/carla-diaz/sessions/2026-10-05.md"): ShareTests.session(on: "2026-10-05"),
      path("mentees/bob/sessions/2026-10-05.md"): ShareTests.session(on: "2026-10-05"),
    ])
    try repo.commit("Talked with carla-diaz about her review", author: "Hannah Reyes", at: "2026-10-05T10:00:00+02:00")
    try repo.write([path("mentees/bob/sessions/2026-10-06.md"): ShareTests.session(on: "2026-10-06")])
    try repo.commit("Bob again", author: "Hannah Reyes", at: "2026-10-06T10:00:00+02:00")
    try repo.git("checkout", "-q", "main")
    try repo.write([path("mentees/bob/plans/growth.md"): "---\ntitle: Growth\n---\n"])
    try repo.commit("Bob's plan", author: "Hannah Reyes", at: "2026-10-07T10:00:00+02:00")
    try repo.git(
      ["merge", "-q", "--no-ff", "-m", "Merge the feature branch", "feature"], environment: dates("2026-10-08T10:00:00+02:00"))
    try repo.git("tag", "light", "HEAD~1")
    return repo
  }

  static func dates(_ date: String) -> [String: String] {
    ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
  }

  /// Everything a repository holds: every object, reference, reference log and file (names
  /// and contents) under `.git`, and the working tree's file names.
  static func everything(_ repo: GitFixture) throws -> String {
    var text = try repo.git("cat-file", "--batch-all-objects", "--batch") + repo.git("for-each-ref")
    text += try repo.git("reflog", "show", "--all", "--format=%H %gs")
    let names = FileManager.default.enumerator(atPath: repo.path)?.compactMap { $0 as? String } ?? []
    for name in names {
      text += name + "\n"
      var info = stat()
      if name.hasPrefix(".git/"), lstat(repo.path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
        text += String(decoding: try Data(contentsOf: URL(fileURLWithPath: repo.path + "/" + name)), as: UTF8.self)
      }
    }
    return text.lowercased()
  }

  @Test func retentionPointsToJournalForget() throws {
    let report = try check([
      "journal.yml": "title: T\n",
      "mentees/alex/profile.md": "---\nname: Alex Kim\nrelationship: candidate\nretain-until: 2026-11-01\n---\n",
    ])
    let finding = report.diagnostics.first { $0.rule == "retention" }
    #expect(finding?.hint?.contains("journal forget alex") == true, "\(String(describing: finding))")
  }

  /// In a journal whose journal.yml adds headings, each commit's notes are read with that
  /// commit's journal.yml, and a message journal commit generated is generated again.
  @Test func aJournalThatAddsHeadingsHasItsMessagesGeneratedAgain() throws {
    let repo = try GitFixture()
    let session = "---\ndate: 2026-10-01\ntype: career-development\n---\n## Strengths\n\n- Led the incident review\n\n"
      + "## Homework\n\n- [ ] Book the design review due:2026-10-20\n"
    try repo.write([
      "journal.yml": "title: Test journal\nsections:\n  actions: [Homework]\n",
      "mentees/bob/profile.md": "---\nname: Bob Stone\nrelationship: report\n---\n",
      "mentees/alice/sessions/2026-10-01.md": session, "mentees/bob/sessions/2026-10-01.md": session,
    ])
    let commit = try repo.journal("commit", "--today", "2026-10-02")
    #expect(commit.status == 0, "\(commit.stdout)\(commit.stderr)")
    #expect(try repo.git("log", "--format=%s") == "journal: create the journal; 4 changes for alice, bob\n")
    let run = try repo.journal("forget", "bob", "--yes")
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(
      try repo.git("log", "--format=%B") == "journal: create the journal; 2 changes for alice\n\n- create the journal\n"
        + "- new person alice (Alice Kim)\n- session with alice on 2026-10-01 (career-development)\n\n")
  }

  @Test func removesThePersonFromEveryObjectReferenceLogAndFile() throws {
    let repo = try Self.journal()
    // A remote that holds the history, fetched; a share of carla's; leftovers git keeps.
    let origin = try BareRepository()
    try repo.git("remote", "add", "origin", origin.path)
    try repo.git("push", "-q", "origin", "main", "feature")
    try repo.git("fetch", "-q", "origin")
    let shared = try BareRepository()
    let share = try repo.journal("share", Self.person, "--to", shared.path, "--no-verify")
    #expect(share.status == 0, "\(share.stderr)")
    try repo.git("update-ref", "ORIG_HEAD", "HEAD~1")
    try repo.git("update-server-info")
    let before = try Self.everything(repo)
    for canary in Self.canaries { #expect(before.contains(canary), "the fixture holds \(canary)") }
    let originMain = try repo.git("rev-parse", "refs/remotes/origin/main").trimmed

    let run = try repo.journal("forget", Self.person, "--yes")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("fsck", "--strict", "--unreachable", "--no-reflogs") == "")
    #expect(try repo.git("status", "--porcelain", "--ignored") == "")
    let after = try Self.everything(repo)
    for canary in Self.canaries {
      #expect(!after.contains(canary), "\(canary) is still in the repository")
    }
    #expect(!FileManager.default.fileExists(atPath: repo.path + "/mentees/carla-diaz"))
    // The files for "dumb" HTTP clones are what git update-server-info writes.
    let serverInfo = try ["/.git/info/refs", "/.git/objects/info/packs"].map { try String(contentsOfFile: repo.path + $0, encoding: .utf8) }
    try repo.git("update-server-info", "--force")
    #expect(try ["/.git/info/refs", "/.git/objects/info/packs"].map { try String(contentsOfFile: repo.path + $0, encoding: .utf8) } == serverInfo)

    // Generated messages are generated again; others have the mentions replaced.
    let subjects = try repo.git("log", "--all", "--format=%s").split(separator: "\n")
    #expect(subjects.contains("journal: session with bob on 2026-10-01 (career-development)"))
    #expect(subjects.contains("Talked with [forgotten] about her review"))
    #expect(!subjects.contains("Candidate notes"), "a commit of carla's alone is gone")
    #expect(try repo.git("cat-file", "tag", "v1").hasSuffix("Reviewed with [forgotten]\n"))
    #expect(run.stdout.contains("(generated again)"), "\(run.stdout)")
    // A tag's message is listed with the commits', so that what is left of it can be read.
    #expect(run.stdout.contains("    tag v1 Reviewed with [forgotten]  (mentions replaced by [forgotten])\n"), "\(run.stdout)")
    #expect(run.stdout.contains("share record refs/journal/share/"), "\(run.stdout)")

    // The remote still holds carla: the command that replaces its branch, under a lease.
    let main = try repo.git("rev-parse", "main").trimmed
    let command = "git push --force-with-lease=refs/heads/main:\(originMain) origin \(main):refs/heads/main"
    #expect(run.stdout.contains(command), "\(run.stdout)")
    try repo.git(["push", "-q", "--force-with-lease=refs/heads/main:\(originMain)", "origin", "\(main):refs/heads/main"])
    #expect(try origin.git("rev-parse", "main").trimmed == main)
  }

  @Test func otherPeoplesFilesAuthorsAndDatesAreKeptAtEveryStep() throws {
    let repo = try Self.journal()
    let format = "--format=%an|%ae|%aI|%cn|%ce|%cI"
    // Every commit that changed something besides carla's folder, oldest first.
    // Every commit but the one that changed only carla's folder, oldest first.
    let before = try repo.git("log", "--no-merges", "--reverse", "--topo-order", format + "|%s|%H", "main")
      .split(separator: "\n").filter { !$0.contains("|Candidate notes|") }.map { $0.replacingOccurrences(of: "|Talked with carla-diaz", with: "|Talked with [forgotten]") }
    // The old commits are gone once forgotten: what to compare is read first.
    func files(_ commit: Substring) throws -> [String] {
      try [repo.git("rev-parse", commit + ":mentees/bob"), repo.git("rev-parse", commit + ":journal.yml")]
    }
    let oldFiles = try before.map { try files($0.split(separator: "|").last!) }
    #expect(try repo.journal("forget", Self.person, "--yes").status == 0)
    let after = try repo.git("log", "--no-merges", "--reverse", "--topo-order", format + "|%s|%H", "main")
      .split(separator: "\n").map { $0.replacingOccurrences(of: "journal: session with bob on 2026-10-01 (career-development)", with: "journal: 2 changes for bob, carla-diaz") }
    #expect(before.count == after.count)
    for ((old, new), oldFiles) in zip(zip(before, after), oldFiles) {
      #expect(old.split(separator: "|").dropLast() == new.split(separator: "|").dropLast())
      // Everything but that folder is the same, byte for byte.
      #expect(try files(new.split(separator: "|").last!) == oldFiles)
    }
  }

  @Test func rewritesAsGitFilterBranchDoes() throws {
    // Without messages that name the person, the rewrite is git filter-branch's, commit for commit.
    let repo = try GitFixture()
    try repo.write(["mentees/bob/sessions/2026-09-01.md": ShareTests.session(on: "2026-09-01")])
    try repo.commit("Start", author: "Hannah Reyes", at: "2026-09-01T10:00:00+02:00")
    try repo.write(["mentees/carla-diaz/profile.md": Self.profile("C D")])
    try repo.commit("Candidate", author: "Hannah Reyes", at: "2026-09-02T10:00:00+02:00")
    try repo.git("checkout", "-q", "-b", "side")
    try repo.write(["mentees/carla-diaz/sessions/2026-09-03.md": ShareTests.session(on: "2026-09-03"), "mentees/bob/x.md": "x\n"])
    try repo.commit("Both", author: "Omar Said", at: "2026-09-03T10:00:00-05:00")
    try repo.git("checkout", "-q", "main")
    try repo.write(["mentees/carla-diaz/sessions/2026-09-04.md": ShareTests.session(on: "2026-09-04")])
    try repo.commit("Only the candidate", author: "Omar Said", at: "2026-09-04T10:00:00-05:00")
    try repo.git(["merge", "-q", "--no-ff", "-m", "Merge side", "side"], environment: Self.dates("2026-09-05T10:00:00+02:00"))
    try repo.git(["tag", "-a", "v1", "-m", "First", "HEAD~1"], environment: Self.dates("2026-09-06T10:00:00+02:00"))
    try repo.git("tag", "light", "side")
    let copy = try TemporaryFolder()
    _ = try runProgram("/bin/cp", ["-a", repo.path + "/.", copy.path])
    let filtered = try runProgram(
      "/usr/bin/git",
      ["filter-branch", "-f", "--index-filter", "git rm -r -q --cached --ignore-unmatch mentees/carla-diaz", "--prune-empty",
        "--tag-name-filter", "cat", "--", "--all"],
      in: copy.url, environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin", "FILTER_BRANCH_SQUELCH_WARNING": "1"])
    #expect(filtered.status == 0, "\(filtered.stderr)")
    #expect(try repo.journal("forget", Self.person, "--yes").status == 0)
    let ours = try repo.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags")
    let theirs = try runProgram(
      "/usr/bin/git", ["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"], in: copy.url)
    #expect(ours == theirs.stdout)
    #expect(try repo.git("rev-list", "--count", "main") == "3\n")
  }

  @Test func thePackedReferencesAreWhatGitWouldWrite() throws {
    // The references forget moves, moved by git in a copy (update-ref, then pack-refs --all):
    // the same packed-refs, byte for byte, read the same by for-each-ref and show-ref.
    let repo = try Self.journal()
    try repo.git(["tag", "-a", "v1-again", "v1", "-m", "A tag of a tag"], environment: Self.dates("2026-10-09T10:00:00+02:00"))
    try repo.git("update-ref", "refs/remotes/origin/main", "main~1")
    try repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
    let oracle = try GitFixture(copying: repo)
    let before = try FaultTests.referenceValues(repo)
    #expect(try repo.journal("forget", Self.person, "--yes").status == 0)
    let after = try FaultTests.referenceValues(repo)
    let packs = repo.path + "/.git/objects/pack/"
    for name in try FileManager.default.contentsOfDirectory(atPath: packs) where name.hasPrefix("pack-") {
      _ = try runProgram("/bin/cp", [packs + name, oracle.path + "/.git/objects/pack/"])
    }
    for (name, value) in after where name != "HEAD" && before[name] != value {
      try oracle.git("update-ref", name, value)
    }
    for name in before.keys where after[name] == nil { try oracle.git("update-ref", "-d", name) }
    try oracle.git("pack-refs", "--all")
    try PackedReferencesTests.expectSameFiles(repo, oracle)
    let format = "--format=%(refname) %(objectname) %(*objectname) %(symref)"
    #expect(try repo.git("for-each-ref", format) == (try oracle.git("for-each-ref", format)))
    #expect(try repo.git("show-ref", "--head", "-d") == (try oracle.git("show-ref", "--head", "-d")))
  }

  @Test func reflogsExpireAsGitReflogExpireDoes() throws {
    // No message of a reference log names carla here, so journal's expiry is git's with
    // --expire=never --expire-unreachable=now: every entry whose old or new commit is no
    // longer reachable from its reference (for HEAD, from any reference) goes, whatever its
    // date, and nothing else does.
    let repo = try GitFixture()
    try repo.git("config", "core.logAllRefUpdates", "always")
    try repo.write(["mentees/bob/sessions/2026-09-01.md": ShareTests.session(on: "2026-09-01")])
    try repo.commit("Start", author: "Hannah Reyes", at: "2026-09-01T10:00:00+02:00")
    try repo.write(["mentees/bob/w.md": "w\n"])
    try repo.commit("Bob first", author: "Hannah Reyes", at: "2026-09-01T11:00:00+02:00")
    try repo.git("branch", "early")
    try repo.write(["mentees/carla-diaz/profile.md": Self.profile("C D")])
    try repo.commit("Candidate", author: "Hannah Reyes", at: "2026-09-02T10:00:00+02:00")
    try repo.git("checkout", "-q", "-b", "side")
    try repo.write(["mentees/carla-diaz/sessions/2026-09-03.md": ShareTests.session(on: "2026-09-03"), "mentees/bob/x.md": "x\n"])
    try repo.commit("Both", author: "Omar Said", at: "2026-09-03T10:00:00-05:00")
    try repo.write(["mentees/bob/y.md": "y\n"])
    try repo.commit("Bob", author: "Omar Said", at: "2026-09-03T11:00:00-05:00")
    // An entry already unreachable before forget, and one that stays reachable.
    try repo.git("reset", "-q", "--hard", "HEAD~1")
    try repo.git("checkout", "-q", "--detach", "main")
    try repo.git("checkout", "-q", "main")
    try repo.write(["mentees/bob/z.md": "z\n"])
    try repo.commit("Bob on main", author: "Hannah Reyes", at: "2026-09-04T10:00:00+02:00")
    try repo.git(["tag", "-a", "v1", "-m", "First", "HEAD~1"], environment: Self.dates("2026-09-05T10:00:00+02:00"))
    try repo.git("tag", "light", "side")
    let origin = try BareRepository()
    try repo.git("remote", "add", "origin", origin.path)
    try repo.git("push", "-q", "origin", "main", "side")
    try repo.git("fetch", "-q", "origin")
    try repo.git("update-ref", "ORIG_HEAD", "main~1")
    #expect(try !repo.git("reflog", "show", "--all", "--format=%gs").lowercased().contains("carla"))

    let oracle = try GitFixture(copying: repo)
    let before = try FaultTests.referenceValues(repo)
    let origHead = try repo.git("rev-parse", "ORIG_HEAD")
    #expect(try repo.journal("forget", Self.person, "--yes").status == 0)
    let after = try FaultTests.referenceValues(repo)
    // The same moves in the copy, by git, logged on a day already past, then git's expiry.
    let packs = repo.path + "/.git/objects/pack/"
    for name in try FileManager.default.contentsOfDirectory(atPath: packs) where name.hasPrefix("pack-") {
      _ = try runProgram("/bin/cp", [packs + name, oracle.path + "/.git/objects/pack/"])
    }
    let past = ["GIT_COMMITTER_DATE": "2026-11-01T12:00:00+00:00"]
    for (name, value) in after where name != "HEAD" && before[name] != value {
      try oracle.git(["update-ref", "-m", "journal forget: history rewritten", name, value], environment: past)
    }
    for name in before.keys where after[name] == nil { try oracle.git("update-ref", "-d", name) }
    // ORIG_HEAD, which git logs too here, follows its commit.
    let newOrigHead = try repo.git("rev-parse", "ORIG_HEAD")
    #expect(newOrigHead != origHead)
    try oracle.git(["update-ref", "-m", "journal forget", "ORIG_HEAD", newOrigHead.trimmed], environment: past)
    try oracle.git("reflog", "expire", "--expire=never", "--expire-unreachable=now", "--all")
    func logs(_ fixture: GitFixture) throws -> [String: String] {
      let root = fixture.path + "/.git/logs/"
      var files: [String: String] = [:]
      for name in FileManager.default.enumerator(atPath: root)?.compactMap({ $0 as? String }) ?? [] {
        var info = stat()
        if lstat(root + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
          files[name] = try String(contentsOfFile: root + name, encoding: .utf8)
        }
      }
      return files
    }
    let ours = try logs(repo)
    let theirs = try logs(oracle)
    #expect(Set(ours.keys) == Set(theirs.keys))
    for (name, text) in theirs { #expect(ours[name] == text, "logs/\(name)") }
    #expect(!(theirs["HEAD"] ?? "").isEmpty, "some entries are kept")
    #expect(theirs.keys.contains("refs/tags/v1") && theirs.keys.contains("refs/remotes/origin/side"))
  }

  @Test func dryRunAndNoConfirmationChangeNothing() throws {
    let repo = try Self.journal()
    func state() throws -> String {
      try Self.everything(repo) + (try repo.git("count-objects", "-v")) + (try repo.git("ls-files", "-s"))
    }
    let before = try state()
    let dry = try repo.journal("forget", Self.person, "--dry-run")
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.hasPrefix("would forget carla-diaz (nothing changed):"), "\(dry.stdout)")
    #expect(dry.stdout.contains("Candidate notes") == false)
    let unconfirmed = try repo.journal("forget", Self.person)
    #expect(unconfirmed.status == 1)
    #expect(unconfirmed.stderr.contains("--yes"))
    #expect(try state() == before)
  }

  /// An id whose folder no commit, share record or working tree holds is nobody to forget:
  /// `carla`, typed for `carla-diaz`, must not rewrite the history that names "Carla Díaz".
  @Test func anIdThatNamesNoFolderChangesNothing() throws {
    let repo = try Self.journal()
    func state() throws -> String {
      try Self.everything(repo) + (try repo.git("count-objects", "-v")) + (try repo.git("ls-files", "-s"))
    }
    let before = try state()
    for arguments in [["forget", "carla"], ["forget", "carla", "--dry-run"], ["forget", "carla", "--yes"]] {
      let run = try repo.journal(arguments, environment: [:])
      #expect(run.status == 2, "\(arguments): \(run.stdout)")
      #expect(run.stdout.isEmpty)
      #expect(
        run.stderr
          == "journal: no person `carla` in the journal or its history; did you mean `carla-diaz`?\n")
    }
    // Nobody near: nothing to forget, and still nothing changed.
    let nobody = try repo.journal("forget", "zed", "--yes")
    #expect(nobody.status == 0, "\(nobody.stderr)")
    #expect(nobody.stdout == "zed appears in no commit, tag or share record of this repository: nothing to forget\n")
    #expect(try state() == before)
  }

  /// carla-diaz's share records are named after her, not after `carla`: they neither stop a
  /// `journal forget carla` ("named after carla … rename or delete them first", which would
  /// lose her share) nor hide that `carla` is a typo.
  @Test func anotherPersonsShareRecordsAreNotNamedAfterAShorterId() throws {
    let repo = try Self.journal()
    let shared = try BareRepository()
    #expect(try repo.journal("share", Self.person, "--to", shared.path, "--no-verify").status == 0)
    let references = try repo.git("for-each-ref")
    let run = try repo.journal("forget", "carla", "--yes")
    #expect(run.status == 2, "\(run.stdout)")
    #expect(run.stderr == "journal: no person `carla` in the journal or its history; did you mean `carla-diaz`?\n", "\(run.stderr)")
    #expect(try repo.git("for-each-ref") == references)
  }

  /// A message written by hand may name the person in a way no id or name matches ("the
  /// candidate from Lisbon"): each commit that changed their notes and keeps its message as
  /// written is listed, so that it can be read before pushing.
  @Test func listsTheMessagesItKeepsOfCommitsThatChangedThePersonsNotes() throws {
    let repo = try Self.journal()
    try repo.write([
      "mentees/carla-diaz/sessions/2026-10-09.md": ShareTests.session(on: "2026-10-09"),
      "mentees/bob/sessions/2026-10-09.md": ShareTests.session(on: "2026-10-09"),
    ])
    try repo.commit("Week notes: the Lisbon candidate, and Bob", author: "Hannah Reyes", at: "2026-10-09T10:00:00+02:00")
    let heading = "  messages kept as written, of commits that changed carla-diaz's notes (a first name, a nickname or a description is not recognised: read them):\n"
    let dryRun = try repo.journal("forget", Self.person, "--dry-run")
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    let lines = dryRun.stdout.split(separator: "\n").map(String.init)
    #expect(dryRun.stdout.contains(heading), "\(dryRun.stdout)")
    #expect(lines.contains { $0.hasPrefix("    ") && $0.hasSuffix(" Week notes: the Lisbon candidate, and Bob") }, "\(dryRun.stdout)")
    #expect(lines.contains { $0.hasPrefix("    ") && $0.hasSuffix(" Merge the feature branch") }, "\(dryRun.stdout)")
    #expect(!lines.contains { $0.hasSuffix(" Bob again") || $0.hasSuffix(" Bob's plan") }, "\(dryRun.stdout)")
    // The plan names the commit as `git log` shows it now, so that it can be found and read.
    let now = try repo.git("log", "-1", "--format=%h Week notes: the Lisbon candidate, and Bob", "main").trimmed
    #expect(lines.contains("    \(now)"), "\(dryRun.stdout)")

    let run = try repo.journal("forget", Self.person, "--yes")
    #expect(run.status == 0, "\(run.stderr)")
    let kept = try repo.git("log", "-1", "--format=%h Week notes: the Lisbon candidate, and Bob", "main").trimmed
    #expect(run.stdout.contains(heading) && run.stdout.contains("    \(kept)\n"), "\(run.stdout)")
  }

  /// A share of carla's killed while it held its lock left `pending.lock` in the folder of
  /// her share records: a file whose path names her. It is refused, as a lock git did not
  /// take is, rather than left behind; once removed, nothing under `.git` names her.
  @Test func aLockAStoppedShareLeftIsRefusedNotLeftBehind() throws {
    let repo = try Self.journal()
    let shared = try BareRepository()
    #expect(try repo.journal("share", Self.person, "--to", shared.path, "--no-verify").status == 0)
    let record = try repo.shareRecord(Self.person)
    let lock = repo.path + "/.git/" + record.dropLast("record".count) + "pending.lock"
    FileManager.default.createFile(atPath: lock, contents: Data())
    let before = try Self.everything(repo)
    let run = try repo.journal("forget", Self.person, "--yes")
    #expect(run.status == 2, "\(run.stdout)")
    #expect(
      run.stderr
        == "journal: \(lock) exists: a journal share of carla-diaz seems to be running, or one was stopped and left it; if none is running, remove it and run journal forget again\n",
      "\(run.stderr)")
    #expect(try Self.everything(repo) == before)

    try FileManager.default.removeItem(atPath: lock)
    let again = try repo.journal("forget", Self.person, "--yes")
    #expect(again.status == 0, "\(again.stderr)")
    let left = FileManager.default.enumerator(atPath: repo.path + "/.git")?.compactMap { $0 as? String } ?? []
    #expect(!left.contains { $0.contains(Self.person) }, "\(left.filter { $0.contains(Self.person) })")
  }

  @Test func refusesWhatItCannotCleanAndChangesNothing() throws {
    let repo = try Self.journal()
    func refused(_ expected: String) throws {
      let run = try repo.journal("forget", Self.person, "--yes")
      #expect(run.status == 2, "\(run.stdout)")
      #expect(run.stderr.contains(expected), "\(run.stderr)")
      #expect(try repo.git("rev-list", "--all").contains(try repo.git("rev-parse", ":/Candidate notes").trimmed))
    }
    try repo.write(["mentees/bob/sessions/2026-11-01.md": ShareTests.session(on: "2026-11-01")])
    try refused("uncommitted changes (mentees/bob/sessions/2026-11-01.md)")
    try repo.git("stash", "-q", "-u")
    try refused("the stash holds")
    try repo.git("stash", "drop", "-q")
    try repo.git("branch", "notes-for-carla-diaz")
    try refused("named after carla-diaz")
    try repo.git("branch", "-D", "-q", "notes-for-carla-diaz")
    // Configuration named after the person, or naming them: the exact command to change it.
    try repo.git("remote", "add", "carla-diaz", "/srv/git/shared.git")
    try refused("git remote rename carla-diaz <new-name>")
    try repo.git("remote", "remove", "carla-diaz")
    try repo.git("config", "branch.main.description", "Reviews with Carla Díaz")
    try refused("git config --unset-all branch.main.description")
    try repo.git("config", "--unset", "branch.main.description")
    let worktree = try TemporaryFolder()
    try repo.git("worktree", "add", "-q", worktree.path + "/other", "feature")
    try refused("other working trees")
    try repo.git("worktree", "remove", worktree.path + "/other")
    try repo.write([".git/MERGE_HEAD": try repo.git("rev-parse", "feature")])
    try refused("a merge is in progress")
    try FileManager.default.removeItem(atPath: repo.path + "/.git/MERGE_HEAD")
    #expect(try repo.journal("forget", Self.person, "--yes").status == 0)
  }

  @Test func aJournalInASubfolderLeavesTheRestOfTheRepositoryAlone() throws {
    let repo = try Self.journal(in: "team/notes")
    // Every path outside the person's folder, in each commit.
    func outside(_ commit: Substring) throws -> [Substring] {
      try repo.git("ls-tree", "-r", "--full-tree", String(commit)).split(separator: "\n")
        .filter { !$0.contains("team/notes/mentees/carla-diaz") }
    }
    let before = try repo.git("log", "--reverse", "--topo-order", "--format=%H %T %s", "main").split(separator: "\n")
      .filter { !$0.hasSuffix(" Candidate notes") }
    let oldFiles = try before.map { try outside($0.split(separator: " ")[0]) }
    // Work staged outside the journal stays staged.
    try repo.write(["src/main.c": "int main(void) { return 2; }\n"])
    try repo.git("add", "src/main.c")
    let run = try repo.journal("forget", Self.person, "--yes", in: "team/notes")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("diff", "--cached", "--name-only") == "src/main.c\n")
    #expect(try repo.git("show", ":src/main.c") == "int main(void) { return 2; }\n")
    let after = try repo.git("log", "--reverse", "--topo-order", "--format=%H %T %s", "main").split(separator: "\n")
    #expect(before.count == after.count)
    for ((old, new), oldFiles) in zip(zip(before, after), oldFiles) {
      let oldParts = old.split(separator: " ")
      let newParts = new.split(separator: " ")
      #expect(try outside(newParts[0]) == oldFiles, "every other path, byte for byte")
      // A commit made before the person's folder appeared is the same commit.
      if old.hasSuffix(" Add the program") || old.hasSuffix(" init") { #expect(oldParts[0] == newParts[0]) }
      // One made after it, that changed only the program, loses the folder: its id changes.
      if old.hasSuffix(" Return 1") { #expect(oldParts[0] != newParts[0]) }
    }
    #expect(try repo.git("fsck", "--strict", "--unreachable", "--no-reflogs") == "")
    let everything = try Self.everything(repo)
    for canary in Self.canaries { #expect(!everything.contains(canary), "\(canary) is still there") }
  }

  @Test func pushReplacesTheRemoteBranchesAndTags() throws {
    let repo = try Self.journal()
    let origin = try BareRepository()
    try repo.git("remote", "add", "origin", origin.path)
    try repo.git("push", "-q", "origin", "main", "feature", "v1")
    try repo.git("fetch", "-q", "origin")
    let run = try repo.journal("forget", Self.person, "--yes", "--push")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("git push --force-with-lease"), "\(run.stdout)")
    #expect(try origin.git("rev-parse", "main") == (try repo.git("rev-parse", "main")))
    #expect(try origin.git("rev-parse", "feature") == (try repo.git("rev-parse", "feature")))
    #expect(try origin.git("rev-parse", "v1") == (try repo.git("rev-parse", "v1")))
    #expect(!(try origin.git("log", "--all", "--format=%B")).lowercased().contains("carla"))
  }

  @Test func pushLeavesABranchSomeoneElseMovedAlone() throws {
    let repo = try Self.journal()
    let origin = try BareRepository()
    try repo.git("remote", "add", "origin", origin.path)
    try repo.git("push", "-q", "origin", "main")
    try repo.git("fetch", "-q", "origin")
    let other = try TemporaryFolder()
    _ = try runProgram("/usr/bin/git", ["clone", "-q", origin.path, other.path + "/c"])
    _ = try runProgram(
      "/usr/bin/git", ["-C", other.path + "/c", "-c", "user.name=O", "-c", "user.email=o@x", "commit", "-q", "--allow-empty", "-m", "other"])
    _ = try runProgram("/usr/bin/git", ["-C", other.path + "/c", "push", "-q", "origin", "HEAD:main"])
    let theirs = try origin.git("rev-parse", "main")
    let run = try repo.journal("forget", Self.person, "--yes", "--push")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("origin: not pushed: its refs/heads/main is no longer at"), "\(run.stdout)")
    #expect(run.stdout.contains("git push --force-with-lease=refs/heads/main:"), "\(run.stdout)")
    #expect(try origin.git("rev-parse", "main") == theirs, "a lease that no longer holds pushes nothing")
  }

  /// A remote reached over `ssh://`, through the sshd the share tests use: the same
  /// credentials as `journal share` (a key file, known_hosts), leases checked by the remote.
  @Test(.enabled(if: SSHServer.available, "needs /usr/sbin/sshd (openssh-server)"))
  func pushesOverSSHUnderLeases() throws {
    let server = try SSHServer()
    let repo = try Self.journal()
    let origin = try BareRepository()
    try repo.git("remote", "add", "origin", server.url(origin.path))
    // The remote as last fetched (git fetches through the path; the remote's URL is ssh).
    try repo.git("push", "-q", origin.path, "main", "feature", "v1")
    try repo.git("fetch", "-q", origin.path, "+refs/heads/*:refs/remotes/origin/*")
    let credentials = ["--ssh-key", server.clientKey, "--known-hosts", server.knownHosts]

    // Someone pushed to feature since: the lease breaks, and nothing is pushed.
    let other = try TemporaryFolder()
    _ = try runProgram("/usr/bin/git", ["clone", "-q", "-b", "feature", origin.path, other.path + "/c"])
    _ = try runProgram(
      "/usr/bin/git", ["-C", other.path + "/c", "-c", "user.name=O", "-c", "user.email=o@x", "commit", "-q", "--allow-empty", "-m", "other"])
    _ = try runProgram("/usr/bin/git", ["-C", other.path + "/c", "push", "-q", "origin", "HEAD:feature"])
    let held = try origin.git("for-each-ref")
    let copy = try GitFixture(copying: repo)
    let broken = try copy.journal(["forget", Self.person, "--yes", "--push"] + credentials, environment: [:])
    #expect(broken.status == 0, "\(broken.stderr)\n\(server.log)")
    #expect(broken.stdout.contains("origin: not pushed: its refs/heads/feature is no longer at"), "\(broken.stdout)")
    #expect(broken.stdout.contains("git push --force-with-lease=refs/heads/main:"), "\(broken.stdout)")
    #expect(try origin.git("for-each-ref") == held, "a lease that no longer holds pushes nothing")

    // Put back as fetched: every branch and the tag replaced over ssh.
    try origin.git("update-ref", "refs/heads/feature", try repo.git("rev-parse", "feature").trimmed)
    let run = try repo.journal(["forget", Self.person, "--yes", "--push"] + credentials, environment: [:])
    #expect(run.status == 0, "\(run.stderr)\n\(server.log)")
    #expect(!run.stdout.contains("git push --force-with-lease"), "\(run.stdout)")
    #expect(run.stdout.contains("pushed: origin refs/heads/main: replaced"), "\(run.stdout)")
    for name in ["main", "feature", "v1"] {
      #expect(try origin.git("rev-parse", name) == (try repo.git("rev-parse", name)), "\(name)")
    }
    #expect(!(try origin.git("log", "--all", "--format=%B")).lowercased().contains("carla"))
    #expect(server.log.contains("Accepted publickey"), "\(server.log)")
  }

  /// Another person's share record names source commits the rewrite replaces: it is remapped
  /// to the new ids, so that the next share of that person continues from where it was (the
  /// same shared ids, nothing to push) and, after a new session, pushes a fast-forward.
  @Test func otherPeoplesShareRecordsFollowTheRewrite() throws {
    let repo = try Self.journal()
    try repo.write(["mentees/bob/plans/growth.md": "---\ntitle: Growth\ncreated: 2026-10-07\ngoals:\n  - id: reviews\n    description: Review\n---\n"])
    try repo.commit("Bob's plan, complete", author: "Hannah Reyes", at: "2026-10-09T10:00:00+02:00")
    let remote = try BareRepository()
    let shared = try repo.journal("share", "bob", "--to", remote.path)
    #expect(shared.status == 0, "\(shared.stdout)\(shared.stderr)")
    let record = try repo.shareRecord("bob")
    let tip = try remote.git("rev-parse", "main")
    func sources() throws -> [String] {
      try repo.git("cat-file", "blob", record + ":commits").split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    }
    let before = try sources()
    let oldSource = try repo.git("log", "-1", "--format=%B", record).split(separator: "\n").first { $0.hasPrefix("source ") }

    #expect(try repo.journal("forget", Self.person, "--yes").status == 0)
    // Every source commit the record names is one of the rewritten history, the last on HEAD's line.
    let after = try sources()
    #expect(after.count == before.count)
    #expect(after != before, "the record names commits the rewrite replaced")
    let history = Set(try repo.git("rev-list", "--all").split(separator: "\n").map(String.init))
    for source in after { #expect(history.contains(source), "\(source) is not in the rewritten history") }
    let source = try repo.git("log", "-1", "--format=%B", record).split(separator: "\n").first { $0.hasPrefix("source ") }
    #expect(source != oldSource)
    let last = String(source?.dropFirst("source ".count) ?? "")
    _ = try repo.git("merge-base", "--is-ancestor", last, "HEAD")
    #expect(try repo.git("rev-parse", record + "^1") == tip, "the record still names the shared tip")
    #expect(try repo.git("fsck", "--strict", "--unreachable", "--no-reflogs") == "")

    let again = try repo.journal("share", "bob", "--to", remote.path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("nothing to push, already at"), "\(again.stdout)")
    #expect(try remote.git("rev-parse", "main") == tip)

    try repo.write(["mentees/bob/sessions/2026-11-02.md": ShareTests.session(on: "2026-11-02")])
    try repo.commit("Bob in November", author: "Hannah Reyes", at: "2026-11-02T10:00:00+01:00")
    let next = try repo.journal("share", "bob", "--to", remote.path)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(next.stdout.contains("1 commit pushed"), "\(next.stdout)")
    #expect(try remote.git("rev-parse", "main~1") == tip, "a fast-forward from the same shared ids")
  }

  /// What git keeps beside the history: notes, rerere's records, tags of trees and blobs, and
  /// a message in another encoding than UTF-8, each with a canary.
  @Test func notesRerereTagsOfFilesAndOtherEncodingsAreCleaned() throws {
    let repo = try Self.journal()
    func id(_ message: String) throws -> String { try repo.git("rev-parse", ":/" + message).trimmed }
    let start = try id("Start the journal")
    let firstBob = try id("Bob, first session")
    // Notes: of a commit that stays, of one rewritten, of one that disappears (canary zqx),
    // and one whose text names carla.
    try repo.git("notes", "add", "-m", "the start", start)
    try repo.git("notes", "add", "-m", "reviewed", firstBob)
    try repo.git("notes", "add", "-m", "zqx-note", try id("Candidate notes"))
    try repo.git("notes", "add", "-m", "Went over it with carla-diaz", try id("Bob's plan"))
    // rerere's records: a conflict resolved in carla's notes (canary zqx), and one in bob's.
    let rr = repo.path + "/.git/rr-cache/"
    let carlas = ShareTests.session(on: "2026-10-01") + "- zqx content\n"
    try FileManager.default.createDirectory(atPath: rr + String(repeating: "a", count: 40), withIntermediateDirectories: true)
    try Data(("<<<<<<<\n" + carlas + "=======\n- other\n>>>>>>>\n").utf8).write(to: URL(fileURLWithPath: rr + String(repeating: "a", count: 40) + "/preimage"))
    try Data(carlas.utf8).write(to: URL(fileURLWithPath: rr + String(repeating: "a", count: 40) + "/postimage"))
    try FileManager.default.createDirectory(atPath: rr + String(repeating: "b", count: 40), withIntermediateDirectories: true)
    try Data("<<<<<<<\nx\n=======\ny\n>>>>>>>\n".utf8).write(to: URL(fileURLWithPath: rr + String(repeating: "b", count: 40) + "/preimage"))
    try Data("---\ntitle: Growth\n---\n".utf8).write(to: URL(fileURLWithPath: rr + String(repeating: "b", count: 40) + "/postimage"))
    // Tags of carla's folder and of one of her files.
    try repo.git(["tag", "-a", "folder-kept", "-m", "kept", "HEAD:mentees/carla-diaz"], environment: Self.dates("2026-10-09T10:00:00+02:00"))
    try repo.git("tag", "file-kept", "HEAD:mentees/carla-diaz/sessions/2026-10-01.md")
    try repo.git("tag", "bob-file", "HEAD:mentees/bob/profile.md")
    // And of trees that hold her folder: the whole journal's, and the people's folder.
    try repo.git("tag", "snapshot", "HEAD^{tree}")
    try repo.git(["tag", "-a", "people", "-m", "People", "HEAD:mentees"], environment: Self.dates("2026-10-09T11:00:00+02:00"))
    // A message in CP850, where í is the byte 0xA1.
    try repo.write(["mentees/bob/sessions/2026-10-10.md": ShareTests.session(on: "2026-10-10")])
    try repo.git("add", "-A")
    let message = repo.path + "/../cp850-message"
    try Data([UInt8]("Bob, with Carla D".utf8) + [0xA1] + [UInt8]("az in mind\n".utf8)).write(to: URL(fileURLWithPath: message))
    try repo.git(["-c", "i18n.commitEncoding=CP850", "commit", "-q", "-F", message], environment: Self.dates("2026-10-10T10:00:00+02:00"))
    #expect(try repo.git("log", "-1", "--format=%s") == "Bob, with Carla Díaz in mind\n")
    let before = try Self.everything(repo)
    for canary in Self.canaries { #expect(before.contains(canary), "the fixture holds \(canary)") }
    let plan = try repo.journal("forget", Self.person, "--dry-run")
    #expect(plan.stdout.contains("Bob, with Carla Díaz in mind  ->  Bob, with [forgotten] in mind"), "\(plan.stdout)")

    let run = try repo.journal("forget", Self.person, "--yes")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("fsck", "--strict", "--unreachable", "--no-reflogs") == "")
    let after = try Self.everything(repo)
    for canary in Self.canaries { #expect(!after.contains(canary), "\(canary) is still in the repository") }

    // Notes follow their commits, or go with them; their text is cleaned as messages are.
    #expect(try repo.git("notes", "show", start) == "the start\n")
    let newFirstBob = try id("Bob, first session")
    #expect(newFirstBob != firstBob)
    #expect(try repo.git("notes", "show", newFirstBob) == "reviewed\n")
    #expect(try repo.git("notes", "show", try id("Bob's plan")) == "Went over it with [forgotten]\n")
    #expect(try repo.git("notes", "list").split(separator: "\n").count == 3)
    // rerere: carla's record goes, bob's stays.
    #expect(!FileManager.default.fileExists(atPath: rr + String(repeating: "a", count: 40)))
    #expect(FileManager.default.fileExists(atPath: rr + String(repeating: "b", count: 40) + "/postimage"))
    // Tags of carla's files go, and the output says so; bob's stays.
    let tags = try repo.git("tag", "--list")
    #expect(!tags.contains("folder-kept") && !tags.contains("file-kept") && tags.contains("bob-file"), "\(tags)")
    #expect(run.stdout.contains("refs/tags/file-kept"), "\(run.stdout)")
    // Tags of trees that held her folder now name those trees without it.
    #expect(try repo.git("ls-tree", "-r", "--name-only", "snapshot").contains("mentees/bob/profile.md"))
    let people = try repo.git("ls-tree", "--name-only", "people^{tree}")
    #expect(people.contains("bob\n") && !people.contains("carla"), "\(people)")
    // The message in CP850 is cleaned, and stays in CP850.
    #expect(try repo.git("log", "-1", "--format=%s") == "Bob, with [forgotten] in mind\n")
    #expect(try repo.git("cat-file", "commit", "HEAD").contains("\nencoding CP850\n"))
  }

  /// Forgetting `sam` leaves Sam Okafor's mentions as written: another person's id or name is
  /// theirs, even where it begins with the forgotten id. A bare "Sam" could be either, and is
  /// replaced, so that the forgotten person is never left named.
  @Test func anotherPersonsIdAndNameStayTheirs() throws {
    let repo = try GitFixture()
    try repo.write([
      "journal.yml": "title: Team\n",
      "mentees/sam/profile.md": "---\nname: Sam Lee\nrelationship: report\n---\n",
      "mentees/sam-okafor/profile.md": "---\nname: Sam Okafor\nrelationship: report\n---\n",
    ])
    try repo.commit("Start with sam and sam-okafor", author: "Hannah Reyes", at: "2026-09-01T10:00:00+02:00")
    try repo.write(["mentees/sam-okafor/sessions/2026-09-16.md": ShareTests.session(on: "2026-09-16")])
    try repo.commit("Reviewed Sam Okafor's goals with SAM-OKAFOR", author: "Hannah Reyes", at: "2026-09-16T10:00:00+02:00")
    try repo.write(["mentees/sam-okafor/sessions/2026-09-23.md": ShareTests.session(on: "2026-09-23")])
    try repo.commit("Sam Okafor and Sam Lee; then Sam said hello", author: "Hannah Reyes", at: "2026-09-23T10:00:00+02:00")

    let run = try repo.journal("forget", "sam", "--yes")
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(
      try repo.git("log", "--format=%s") == "Sam Okafor and [forgotten]; then [forgotten] said hello\n"
        + "Reviewed Sam Okafor's goals with SAM-OKAFOR\nStart with [forgotten] and sam-okafor\n")
    #expect(!FileManager.default.fileExists(atPath: repo.path + "/mentees/sam"))
    #expect(try repo.git("ls-tree", "-r", "--name-only", "HEAD").contains("mentees/sam-okafor/profile.md"))
  }

  @Test func signaturesOfChangedCommitsAreDroppedAndOthersKept() throws {
    let repo = try GitFixture()
    let keys = try TemporaryFolder()
    _ = try runProgram("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keys.path + "/key"])
    try repo.git("config", "gpg.format", "ssh")
    try repo.git("config", "user.signingkey", keys.path + "/key")
    try repo.git("config", "commit.gpgSign", "true")
    try repo.write(["mentees/bob/sessions/2026-09-01.md": ShareTests.session(on: "2026-09-01")])
    try repo.commit("Start", author: "Hannah Reyes", at: "2026-09-01T10:00:00+02:00")
    try repo.write(["mentees/carla-diaz/profile.md": Self.profile("C D")])
    try repo.commit("Candidate", author: "Hannah Reyes", at: "2026-09-02T10:00:00+02:00")
    try repo.write(["mentees/bob/x.md": "x\n"])
    try repo.commit("Bob", author: "Hannah Reyes", at: "2026-09-03T10:00:00+02:00")
    let first = try repo.git("rev-parse", "HEAD~2").trimmed
    let run = try repo.journal("forget", Self.person, "--yes")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("1 signature dropped"), "\(run.stdout)")
    #expect(try repo.git("rev-parse", "HEAD~1").trimmed == first, "the unchanged commit keeps its id")
    #expect(try repo.git("cat-file", "commit", first).contains("gpgsig"))
    #expect(!(try repo.git("cat-file", "commit", "HEAD")).contains("gpgsig"))
  }
}

extension String {
  var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
