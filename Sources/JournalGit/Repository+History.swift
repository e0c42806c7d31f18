import Foundation
internal import Clibgit2

/// A commit and the files it changed under the paths asked about.
public struct CommitRecord: Sendable {
  public let id: ObjectID
  public let author: Signature
  public let committer: Signature
  public let message: String
  public let changes: [FileChange]

  /// The message's first line.
  public var summary: String { String(message.prefix { $0 != "\n" }) }
}

extension Repository {
  /// The commits reachable from HEAD, newest first, that changed something under `prefixes`,
  /// each compared with its first parent. Stops at commits made before `since` (seconds since
  /// 1970). An unborn branch has no history.
  public func history(under prefixes: [String], since: Int64? = nil) throws -> [CommitRecord] {
    guard case .branch = try head() else { return [] }
    var walk: OpaquePointer?
    try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
    defer { git_revwalk_free(walk) }
    try check(git_revwalk_sorting(walk, GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
    try check(git_revwalk_push_head(walk), "git_revwalk_push_head")

    var options = git_diff_options()
    try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
    options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
    var records: [CommitRecord] = []
    try withPathspec(prefixes) { pathspec in
      options.pathspec = pathspec
      var oid = git_oid()
      while git_revwalk_next(&oid, walk) == 0 {
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        let committer = Signature(git_commit_committer(commit))
        if let since, committer.time < since { break }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "git_commit_tree")
        defer { git_tree_free(tree) }
        var parentTree: OpaquePointer?
        if git_commit_parentcount(commit) > 0 {
          var parent: OpaquePointer?
          try check(git_commit_parent(&parent, commit, 0), "git_commit_parent")
          defer { git_commit_free(parent) }
          try check(git_commit_tree(&parentTree, parent), "git_commit_tree")
        }
        defer { if let parentTree { git_tree_free(parentTree) } }
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, pointer, parentTree, tree, &options), "git_diff_tree_to_tree")
        defer { git_diff_free(diff) }
        let changes = fileChanges(diff!)
        guard !changes.isEmpty else { continue }
        records.append(
          CommitRecord(
            id: ObjectID(oid), author: Signature(git_commit_author(commit)), committer: committer,
            message: String(cString: git_commit_message(commit)), changes: changes))
      }
    }
    return records
  }
}

/// The files a diff adds, deletes or changes, in its order.
func fileChanges(_ diff: OpaquePointer) -> [FileChange] {
  (0..<git_diff_num_deltas(diff)).compactMap { index in
    guard let delta = git_diff_get_delta(diff, index) else { return nil }
    switch delta.pointee.status {
    case GIT_DELTA_ADDED: return FileChange(path: String(cString: delta.pointee.new_file.path), kind: .added)
    case GIT_DELTA_DELETED: return FileChange(path: String(cString: delta.pointee.old_file.path), kind: .deleted)
    default: return FileChange(path: String(cString: delta.pointee.new_file.path), kind: .modified)
    }
  }
}
