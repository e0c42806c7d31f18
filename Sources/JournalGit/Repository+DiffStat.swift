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
  /// adds and removes, in git's order. A blob larger than `binaryAbove` bytes counts as
  /// binary without being read, as git's diff treats blobs over `core.bigFileThreshold`.
  public func diffStat(from old: ObjectID?, to new: ObjectID?, binaryAbove: Int64) throws -> [FileDiffStat] {
    let oldTree = try old.map(lookupTree)
    defer { if let oldTree { git_tree_free(oldTree) } }
    let newTree = try new.map(lookupTree)
    defer { if let newTree { git_tree_free(newTree) } }
    var diff: OpaquePointer?
    var options = git_diff_options()
    try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
    // libgit2 reads an object's header first and leaves a blob over max_size unread.
    options.max_size = binaryAbove
    try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options), "git_diff_tree_to_tree")
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
