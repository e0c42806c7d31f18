import Foundation
internal import Clibgit2

/// One file of a diff, with its lines added and removed as `git diff --numstat` counts them.
public struct FileDiffStat: Sendable, Equatable {
  public let path: String
  public let kind: FileChange.Kind
  /// Lines added and removed; nil for a binary file.
  public let added: Int?
  public let removed: Int?
}

extension Repository {
  /// The files that differ between two trees (nil is the empty tree), with the lines each
  /// adds and removes, in git's order.
  public func diffStat(from old: ObjectID?, to new: ObjectID?) throws -> [FileDiffStat] {
    let oldTree = try old.map(lookupTree)
    defer { if let oldTree { git_tree_free(oldTree) } }
    let newTree = try new.map(lookupTree)
    defer { if let newTree { git_tree_free(newTree) } }
    var diff: OpaquePointer?
    try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, nil), "git_diff_tree_to_tree")
    defer { git_diff_free(diff) }
    let changes = fileChanges(diff!)
    return try changes.indices.map { index in
      var patch: OpaquePointer?
      try check(git_patch_from_diff(&patch, diff, index), "git_patch_from_diff")
      defer { git_patch_free(patch) }
      let binary = git_diff_get_delta(diff, index).map { $0.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 } ?? false
      guard let patch, !binary else {
        return FileDiffStat(path: changes[index].path, kind: changes[index].kind, added: nil, removed: nil)
      }
      var context = 0
      var added = 0
      var removed = 0
      try check(git_patch_line_stats(&context, &added, &removed, patch), "git_patch_line_stats")
      return FileDiffStat(path: changes[index].path, kind: changes[index].kind, added: added, removed: removed)
    }
  }
}
