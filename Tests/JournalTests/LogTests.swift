import Foundation
import Testing

/// `journal log` against `git log`: the same commits, in the same order, with the same text.
@Suite struct LogTests {
  static let paths = ["--", "mentees", "journal.yml"]

  /// The commit ids `journal log` lists, in its order.
  static func listed(_ repo: GitFixture, in folder: String? = nil) throws -> [String] {
    let run = try runJournal(["log", "--format", "json"], in: folder ?? repo.path, environment: ["HOME": repo.home.path])
    #expect(run.status == 0, "\(run.stderr)")
    let entries = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
    return entries.compactMap { $0["commit"] as? String }
  }

  static func note(_ repo: GitFixture, _ day: String, person: String = "alice") throws {
    try repo.write(["mentees/\(person)/sessions/\(day).md": session.replacingOccurrences(of: "2026-11-20", with: day)])
  }

  @Test func sameSecondAndSkewedCommitsInGitsDateOrder() throws {
    let repo = try GitFixture()
    repo.environment = ["GIT_COMMITTER_DATE": "@1764000000 +0000", "GIT_AUTHOR_DATE": "@1764000000 +0000"]
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "import")
    for day in ["2026-11-01", "2026-11-02", "2026-11-03"] {
      try Self.note(repo, day)
      try repo.git("add", "-A")
      try repo.git("commit", "-q", "-m", "session \(day)")
    }
    // A clock that ran behind: the newest commit is dated before its parent.
    try Self.note(repo, "2026-11-04")
    try repo.git("add", "-A")
    try repo.git(["commit", "-q", "-m", "late"], environment: ["GIT_COMMITTER_DATE": "@1763000000 +0000"])
    let expected = try repo.git(["log", "--date-order", "--format=%H"] + Self.paths).split(separator: "\n").map(String.init)
    #expect(try Self.listed(repo) == expected)
  }

  @Test func aMergeIsListedOnceWithTheCommitsThatMadeItsChanges() throws {
    let repo = try GitFixture()
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "import")
    try repo.git("checkout", "-q", "-b", "side")
    try Self.note(repo, "2026-11-01")
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "side session")
    try repo.git("checkout", "-q", "main")
    try Self.note(repo, "2026-11-02", person: "bob")
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "main session")
    try repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
    let expected = try repo.git(["log", "--date-order", "--no-merges", "--format=%H"] + Self.paths)
      .split(separator: "\n").map(String.init)
    #expect(try Self.listed(repo) == expected)
    let text = try repo.journal("log")
    #expect(text.stdout.components(separatedBy: "mentees/alice/sessions/2026-11-01.md").count == 2, "\(text.stdout)")
  }

  /// A message and name written in Latin-1, with the `encoding` header git writes for them.
  @Test func messagesAreReencodedFromTheirEncoding() throws {
    let repo = try GitFixture()
    try repo.git("add", "-A")
    try repo.write(["message": "", "commit.sh": "printf 'Notizen f\\374r J\\374rgen\\n' > message\nGIT_AUTHOR_NAME=\"$(printf 'J\\374rgen M\\374ller')\" git -c i18n.commitEncoding=ISO-8859-1 commit -q -F message\n"])
    let run = try runProgram(
      "/bin/sh", ["commit.sh"], in: repo.folder.url,
      environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try repo.git("cat-file", "-p", "HEAD").contains("encoding ISO-8859-1\n"))
    let log = try repo.journal("log", "--format", "json")
    let entries = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(entries.first?["summary"] as? String == "Notizen für Jürgen")
    #expect(entries.first?["author"] as? String == "Jürgen Müller")
    #expect(try repo.git("log", "-1", "--format=%an|%s") == "Jürgen Müller|Notizen für Jürgen\n")
  }

  @Test func shallowCloneIsRefusedAndPartialCloneRead() throws {
    let repo = try GitFixture()
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "import")
    try Self.note(repo, "2026-11-01")
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "session")
    try repo.git("config", "uploadpack.allowFilter", "true")
    let clones = try TemporaryFolder()
    try repo.git("clone", "-q", "--depth", "1", "file://" + repo.path, clones.path + "/shallow")
    let shallow = try runJournal(["log"], in: clones.path + "/shallow", environment: ["HOME": repo.home.path])
    #expect(shallow.status == 2)
    #expect(shallow.stderr == "journal: this is a shallow clone, and journal log needs the whole history: run git fetch --unshallow first\n")
    try repo.git("clone", "-q", "--filter=blob:none", "file://" + repo.path, clones.path + "/partial")
    #expect(try Self.listed(repo, in: clones.path + "/partial") == Self.listed(repo))
  }
}
