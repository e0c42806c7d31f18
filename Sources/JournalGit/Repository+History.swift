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
  public var summary: String { String(String.UnicodeScalarView(message.unicodeScalars.prefix { $0 != "\n" })) }
}

extension Repository {
  /// The commits reachable from HEAD that changed something under `prefixes`, newest first
  /// in git's `--date-order` (no parent before its children, otherwise by commit time), each
  /// compared with its first parent. A merge is listed only for what it changed itself (a
  /// path that differs from every parent, as `git log --cc` shows it): what a branch brought
  /// in is listed once, with the commits that made it. Messages and names are re-encoded from
  /// their `encoding` header. Stops at commits made before `since` (seconds since 1970). An
  /// unborn branch has no history; a shallow clone, whose history libgit2 1.5 cannot walk
  /// past its boundary, is refused.
  public func history(under prefixes: [String], since: Int64? = nil) throws -> [CommitRecord] {
    guard case .branch = try head() else { return [] }
    if git_repository_is_shallow(pointer) == 1 {
      throw CommitRefusal(
        "this is a shallow clone, and journal log needs the whole history: run git fetch --unshallow first")
    }
    var walk: OpaquePointer?
    try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
    defer { git_revwalk_free(walk) }
    try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
    try check(git_revwalk_push_head(walk), "git_revwalk_push_head")

    var options = git_diff_options()
    try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
    options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
    var records: [CommitRecord] = []
    do {
      try withPathspec(prefixes) { pathspec in
        options.pathspec = pathspec
        var oid = git_oid()
        while true {
          let next = git_revwalk_next(&oid, walk)
          if next == GIT_ITEROVER.rawValue { break }
          try check(next, "git_revwalk_next")
          var commit: OpaquePointer?
          try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
          defer { git_commit_free(commit) }
          let encoding = git_commit_message_encoding(commit).map { String(cString: $0) }
          let committer = Signature(git_commit_committer(commit), encoding: encoding)
          if let since, committer.time < since { break }
          var tree: OpaquePointer?
          try check(git_commit_tree(&tree, commit), "git_commit_tree")
          defer { git_tree_free(tree) }
          var changes: [FileChange]? = nil
          for index in 0..<max(1, git_commit_parentcount(commit)) {
            var parentTree: OpaquePointer?
            if git_commit_parentcount(commit) > 0 {
              var parent: OpaquePointer?
              try check(git_commit_parent(&parent, commit, index), "git_commit_parent")
              defer { git_commit_free(parent) }
              try check(git_commit_tree(&parentTree, parent), "git_commit_tree")
            }
            defer { if let parentTree { git_tree_free(parentTree) } }
            var diff: OpaquePointer?
            try check(git_diff_tree_to_tree(&diff, pointer, parentTree, tree, &options), "git_diff_tree_to_tree")
            defer { git_diff_free(diff) }
            let found = fileChanges(diff!)
            // Against the first parent, what changed; against each other, only what changed
            // against that parent too.
            changes = changes.map { earlier in earlier.filter { change in found.contains { $0.path == change.path } } } ?? found
          }
          guard let changes, !changes.isEmpty else { continue }
          records.append(
            CommitRecord(
              id: ObjectID(oid), author: Signature(git_commit_author(commit), encoding: encoding), committer: committer,
              message: TextEncoding.decode(git_commit_message(commit), encoding: encoding), changes: changes))
        }
      }
    } catch let error as GitError where error.isNotFound && isPartialClone {
      throw CommitRefusal(
        "this is a partial clone and some of the history's trees are not here (\(error.message)); fetch them (git fetch --refetch) for journal log")
    }
    return records
  }

  /// A clone made with `--filter`, whose missing objects a promisor remote holds.
  var isPartialClone: Bool {
    (try? ConfigSnapshot(self).string("extensions.partialClone")) != nil
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
