import Foundation
import JournalGit
import Testing

/// `packed-refs` written by journal, read back by git: the same repository packed by
/// `git pack-refs --all` in one copy and by journal in the other must hold the same file, byte
/// for byte, and the same loose references.
@Suite struct PackedReferencesTests {
  /// Every kind of reference `pack-refs` treats apart: branches loose and packed, a loose one
  /// hiding an older packed value, annotated tags, a tag of a tag, lightweight tags on a blob
  /// and a tree, remote-tracking references with a symbolic HEAD, notes, deep names, a
  /// per-worktree reference, and a broken one naming no object.
  static func repository() throws -> GitFixture {
    let repo = try GitFixture(initialCommit: true)
    try repo.write(["mentees/bob/profile.md": "---\nname: Bob Stone\nrelationship: report\n---\n"])
    try repo.commit("Bob", author: "Hannah Reyes", at: "2026-09-01T10:00:00+02:00")
    try repo.git(["tag", "-a", "v1", "-m", "First"], environment: ForgetTests.dates("2026-09-02T10:00:00+02:00"))
    try repo.git(["tag", "-a", "v1-reviewed", "v1", "-m", "A tag of a tag"], environment: ForgetTests.dates("2026-09-02T11:00:00+02:00"))
    try repo.git("tag", "a-blob", "HEAD:journal.yml")
    try repo.git("tag", "a-tree", "HEAD^{tree}")
    try repo.git("branch", "side")
    try repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
    try repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
    try repo.git("update-ref", "refs/journal/share/%2F/bob/1b7798a94ba28493/record", "HEAD")
    try repo.git(["notes", "add", "-m", "a note"], environment: ForgetTests.dates("2026-09-03T10:00:00+02:00"))
    try repo.git("pack-refs", "--all")
    // Moved since it was packed: the loose value hides the packed one.
    try repo.write(["mentees/bob/x.md": "x\n"])
    try repo.commit("Bob again", author: "Hannah Reyes", at: "2026-09-04T10:00:00+02:00")
    try repo.git("branch", "later")
    try repo.git(["tag", "-a", "v2", "-m", "Second"], environment: ForgetTests.dates("2026-09-05T10:00:00+02:00"))
    try repo.git(["tag", "-a", "v2-reviewed", "v2", "-m", "Another"], environment: ForgetTests.dates("2026-09-05T11:00:00+02:00"))
    try repo.git("update-ref", "refs/journal/share/%2Fteam/bob/6f3e0c5d2a9b8e71/record", "HEAD")
    try repo.git("update-ref", "refs/worktree/mine", "HEAD")
    try repo.write([".git/refs/heads/broken": String(repeating: "e", count: 40) + "\n"])
    return repo
  }

  /// The references' files: `packed-refs` and every loose reference, name and content.
  static func referenceFiles(_ path: String) throws -> [String: String] {
    var files: [String: String] = [:]
    let git = path + "/.git/"
    files["packed-refs"] = try? String(contentsOfFile: git + "packed-refs", encoding: .utf8)
    for name in FileManager.default.enumerator(atPath: git + "refs")?.compactMap({ $0 as? String }) ?? [] {
      var info = stat()
      guard lstat(git + "refs/" + name, &info) == 0 else { continue }
      files["refs/" + name] = info.st_mode & S_IFMT == S_IFDIR ? "(folder)" : try String(contentsOfFile: git + "refs/" + name, encoding: .utf8)
    }
    return files
  }

  static func expectSameFiles(_ ours: GitFixture, _ theirs: GitFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (mine, git) = (try referenceFiles(ours.path), try referenceFiles(theirs.path))
    let differing = Set(mine.keys).union(git.keys).filter { mine[$0] != git[$0] }.sorted()
    #expect(differing.isEmpty, "journal: \(differing.map { "\($0): \(mine[$0] ?? "-")" }), git: \(differing.map { "\($0): \(git[$0] ?? "-")" })", sourceLocation: sourceLocation)
  }

  @Test func packsAsGitPackRefsDoes() throws {
    let ours = try Self.repository()
    let theirs = try GitFixture(copying: ours)
    try theirs.git("pack-refs", "--all")
    try #require(try Repository.discover(containing: ours.path)).packReferences()
    try Self.expectSameFiles(ours, theirs)
    // Read back by git, once the reference it cannot read is gone.
    for repo in [ours, theirs] { try repo.git("update-ref", "-d", "refs/heads/broken") }
    let format = "--format=%(refname) %(objectname) %(*objectname)"
    #expect(try ours.git("for-each-ref", format) == (try theirs.git("for-each-ref", format)))
    #expect(try ours.git("show-ref", "-d") == (try theirs.git("show-ref", "-d")))
  }

  @Test func readsAPackedRefsFileWithoutPeeledValuesAsGitDoes() throws {
    // A file an old tool wrote: no header, so nothing is known peeled; git peels each entry.
    let ours = try Self.repository()
    let path = ours.path + "/.git/packed-refs"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") && !$0.hasPrefix("^") }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let theirs = try GitFixture(copying: ours)
    try theirs.git("pack-refs", "--all")
    try #require(try Repository.discover(containing: ours.path)).packReferences()
    try Self.expectSameFiles(ours, theirs)
  }
}
