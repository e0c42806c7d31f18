import Foundation
internal import Clibgit2

/// The commit graph: what is reachable from what.
extension Repository {
  /// The commits reachable from `tip` and from none of `hidden`, parents before children
  /// (`git rev-list --topo-order --reverse tip ^hidden…`).
  public func commits(from tip: ObjectID, hiding hidden: [ObjectID]) throws -> [ObjectID] {
    try walk(from: [tip], hiding: hidden, sorting: GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
  }

  /// The commits reachable from `tips` and from none of `hidden`, in libgit2's `sorting`.
  func walk(from tips: [ObjectID], hiding hidden: [ObjectID] = [], sorting: UInt32) throws -> [ObjectID] {
    guard !tips.isEmpty else { return [] }
    var walk: OpaquePointer?
    try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
    defer { git_revwalk_free(walk) }
    try check(git_revwalk_sorting(walk, sorting), "git_revwalk_sorting")
    for tip in tips {
      var oid = tip.oid
      try check(git_revwalk_push(walk, &oid), "git_revwalk_push")
    }
    for id in hidden {
      var hide = id.oid
      try check(git_revwalk_hide(walk, &hide), "git_revwalk_hide")
    }
    var commits: [ObjectID] = []
    var oid = git_oid()
    while true {
      let next = git_revwalk_next(&oid, walk)
      if next == GIT_ITEROVER.rawValue { break }
      try check(next, "git_revwalk_next")
      commits.append(ObjectID(oid))
    }
    return commits
  }

  /// Whether `ancestor` is `commit` or one of its ancestors.
  public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws -> Bool {
    if ancestor == commit { return true }
    var descendant = commit.oid
    var older = ancestor.oid
    return try check(git_graph_descendant_of(pointer, &descendant, &older), "git_graph_descendant_of") == 1
  }

  /// The best common ancestor of two commits, as `git merge-base` finds it; nil when they
  /// have none.
  public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws -> ObjectID? {
    var base = git_oid()
    var first = one.oid
    var second = other.oid
    let result = git_merge_base(&base, pointer, &first, &second)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, "git_merge_base")
    return ObjectID(base)
  }
}
