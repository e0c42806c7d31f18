import Foundation
import Testing

/// `journal check --staged`, what the pre-commit hook runs, against the real `git`: after
/// `git add -A` the index holds the working tree, so on every path `git diff --cached` lists
/// the staged check must report exactly what a plain `journal check` reports.
@Suite struct StagedCheckTests {
  /// The findings of `journal check … --format json` in `folder`, as "file:line:column rule message".
  func findings(_ repo: GitFixture, _ arguments: [String], in folder: String) throws -> [String] {
    let run = try runJournal(
      ["check", "--format", "json"] + arguments, in: folder.isEmpty ? repo.path : repo.path + "/" + folder,
      environment: ["HOME": repo.home.path])
    #expect(run.status <= 1, "\(run.stderr)")
    let root = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
    return diagnostics.map { item in
      "\(item["file"] ?? ""):\(item["line"] ?? ""):\(item["column"] ?? "") \(item["rule"] ?? "") \(item["message"] ?? "")"
    }
  }

  @Test(arguments: ["", "notes"])
  func seesWhatGitCommitWouldCommit(_ folder: String) throws {
    let repo = try GitFixture(journalAt: folder.isEmpty ? nil : folder, initialCommit: true)
    let prefix = folder.isEmpty ? "" : folder + "/"
    try repo.write([prefix + "mentees/alice/sessions/2026-11-20.md": session])
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "journal")
    // Every kind of path a plain check reports that is not a note: a stopped write's copy in
    // each folder journal writes in, links, a deleted profile, and beside them a broken note.
    try repo.write([
      prefix + ".journal.yml.journal-AbC123": "title: half\n",
      prefix + "mentees/.alice.journal-AbC123": "x\n",
      prefix + "templates/.session.md.journal-AbC123": "---\n",
      prefix + "mentees/alice/sessions/.2026-11-20.md.journal-XyZ789": "---\n",
      prefix + "mentees/alice/sessions/2026-11-21.md": HookInstallTests.broken,
      prefix + "mentees/alice/.hidden.md": "not the journal's\n",
      prefix + "outside.txt": "not the journal's\n",
    ])
    try FileManager.default.createSymbolicLink(
      atPath: repo.path + "/" + prefix + "mentees/alice/sessions/2026-11-22.md", withDestinationPath: "2026-11-20.md")
    try FileManager.default.createSymbolicLink(
      atPath: repo.path + "/" + prefix + "mentees/bob", withDestinationPath: "alice")
    try repo.git("add", "-A")
    // A deletion is staged too, and what it leaves behind reported where the file was.
    try repo.git("rm", "-q", prefix + "mentees/alice/profile.md")
    let staged = try repo.git("diff", "--cached", "--name-only").split(separator: "\n").map {
      String($0.dropFirst(prefix.count))
    }
    #expect(staged.contains(".journal.yml.journal-AbC123"))
    #expect(staged.contains("mentees/bob"))

    let plain = try findings(repo, [], in: folder)
    let stagedCheck = try findings(repo, ["--staged"], in: folder)
    let onStagedPaths = plain.filter { finding in staged.contains { finding.hasPrefix($0 + ":") } }
    #expect(stagedCheck == onStagedPaths)
    // What makes the comparison worth making: each kind is there.
    for path in [
      ".journal.yml.journal-AbC123", "mentees/.alice.journal-AbC123", "templates/.session.md.journal-AbC123",
      "mentees/alice/sessions/.2026-11-20.md.journal-XyZ789", "mentees/alice/sessions/2026-11-21.md",
      "mentees/alice/sessions/2026-11-22.md", "mentees/bob", "mentees/alice/profile.md",
    ] {
      #expect(stagedCheck.contains { $0.hasPrefix(path + ":") }, "\(path) is staged and reported by a plain check")
    }
  }

  /// A git repository inside a person's folder, added as a submodule (`git submodule add`) or
  /// as it is (`git add -A`): `git commit` takes a gitlink, one entry, never its files. A
  /// plain check reports that one entry, as `check --staged` does, and reads nothing inside.
  @Test(arguments: [true, false])
  func aRepositoryInsideIsOneEntryAsGitTakesIt(_ asSubmodule: Bool) throws {
    let repo = try GitFixture(initialCommit: true)
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "journal")
    // Another repository, with notes of its own, some broken.
    let other = try GitFixture()
    try other.write(["notes/loose.md": "not a note\n", "mentees/bob/sessions/2026-11-21.md": HookInstallTests.broken])
    try other.git("add", "-A")
    try other.git("commit", "-q", "-m", "other")
    let inside = "mentees/alice/archive"
    if asSubmodule {
      try repo.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", other.path, inside])
    } else {
      try repo.git("clone", "-q", other.path, inside)
      try repo.git(["add", "-A"], allowFailure: false, environment: [:])
    }
    let staged = try repo.git("diff", "--cached", "--name-only").split(separator: "\n").map(String.init)
    #expect(staged.contains(inside))
    #expect(!staged.contains { $0.hasPrefix(inside + "/") })
    #expect(try repo.git("ls-files", "--stage", inside).hasPrefix("160000 "))

    let plain = try findings(repo, [], in: "")
    let stagedCheck = try findings(repo, ["--staged"], in: "")
    #expect(!plain.contains { $0.hasPrefix(inside + "/") }, "\(plain)")
    let onStagedPaths = plain.filter { finding in staged.contains { finding.hasPrefix($0 + ":") } }
    #expect(stagedCheck == onStagedPaths)
    #expect(stagedCheck.contains { $0.hasPrefix(inside + ":") }, "\(stagedCheck)")
  }
}
