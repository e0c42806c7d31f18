import Foundation
internal import Clibgit2

/// What a repository's layout says about rewriting its whole history in place.
extension Repository {
  /// The names of the other working trees of this repository (`git worktree list`), the main
  /// one included when this is a linked one.
  public func otherWorktrees() throws -> [String] {
    var names = git_strarray()
    try check(git_worktree_list(&names, pointer), "git_worktree_list")
    defer { git_strarray_dispose(&names) }
    var found = (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }
    if git_repository_is_worktree(pointer) == 1 {
      found = found.filter { !gitFolder.hasSuffix("/worktrees/\($0)/") } + ["the main working tree"]
    }
    return found
  }

  /// A clone with part of its history missing (`git clone --depth`).
  public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

  /// The other object databases this one borrows objects from (`objects/info/alternates`).
  public var alternates: [String] {
    guard let text = try? String(contentsOfFile: objectsFolder + "/info/alternates", encoding: .utf8) else { return [] }
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }

  /// Packs marked to be kept (`.keep`, as another git process marks a pack it is receiving)
  /// or to be fetched again from a promisor remote (`.promisor`).
  public var markedPacks: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: objectsFolder + "/pack")) ?? [])
      .filter { $0.hasSuffix(".keep") || $0.hasSuffix(".promisor") }.sorted()
  }

  /// The paths under `prefixes` that differ between HEAD, the index and the working tree,
  /// untracked files included (ignored ones not).
  public func uncommittedPaths(under prefixes: [String]) throws -> [String] {
    try statusPaths(under: prefixes)
  }
}
