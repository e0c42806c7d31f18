import Foundation
internal import Clibgit2

/// Moves the branch HEAD names to a commit written from objects (a merge made without the
/// working tree), and brings the index and working tree along as `git merge` does when it
/// moves to that commit: only the files that differ between the two commits change, each only
/// if nothing uncommitted (staged or not) would be lost; every other file, staged or not,
/// stays as it was. In git's order (`builtin/merge.c`): `index.lock` taken first and HEAD
/// read under it, the working tree and index updated through libgit2's checkout (filters,
/// attributes and `core.fileMode` as git's), the index committed, then the branch moved with
/// its reflog, under HEAD's and the branch's locks, taken before any file changes.
public final class MergeTransaction {
  public let repository: Repository
  let lock: IndexLock
  /// The branch HEAD names, `refs/heads/main`, and the commit it points at.
  public let branch: String
  public let parent: ObjectID

  /// Takes the index lock and reads HEAD, which must name a branch with commits.
  public init(_ repository: Repository) throws {
    self.repository = repository
    lock = try IndexLock(repository)
    switch try repository.head() {
    case .detached(let id):
      throw CommitRefusal("HEAD is detached at \(id.short); check out a branch first (git switch <branch>)")
    case .unborn(let name):
      throw CommitRefusal("the branch \(name) has no commits yet")
    case .branch(_, let id): parent = id
    }
    branch = try repository.headTarget()
  }

  /// Leaves everything as it was.
  public func rollback() { lock.rollback() }

  /// The files whose uncommitted changes moving to `target` would overwrite, as git refuses
  /// them ("Your local changes to the following files would be overwritten by merge"): a
  /// file to change whose working-tree or staged content is neither HEAD's nor `target`'s,
  /// and a file in the way of one `target` adds. Nothing is written.
  public func obstacles(to target: ObjectID) throws -> [String] {
    try checkout(target, dryRun: true)
  }

  /// Brings the working tree and index to `target` for the files that differ from HEAD, then
  /// moves the branch there with a reflog entry naming `committer`; refuses, changing
  /// nothing, when `obstacles` are in the way or the branch moved meanwhile.
  public func apply(_ target: ObjectID, committer: Signature, reflog: String) throws {
    let references = try ReferenceTransaction(repository, locking: ["HEAD", branch])
    guard try references.current(branch) == parent else {
      throw GitError(function: "update", code: Int32(GIT_EMODIFIED.rawValue), message: "\(branch) moved meanwhile")
    }
    let blocked = try checkout(target, dryRun: false)
    if !blocked.isEmpty {
      throw CommitRefusal("local changes to \(blocked.joined(separator: ", ")) would be overwritten")
    }
    try lock.write()
    try lock.commit()
    try SharedPermissions(repository).adjust(lock.indexPath)
    try references.update(branch, to: target, expected: parent, committer: committer, message: reflog)
    try references.commit()
  }

  /// Checks out the files that differ between HEAD's tree and `target`'s into the working
  /// tree and the locked index (not written), HEAD's tree as the baseline, refusing to
  /// overwrite anything that differs from both; returns the files in the way.
  private func checkout(_ target: ObjectID, dryRun: Bool) throws -> [String] {
    let from = try repository.commitHeader(parent).tree
    let to = try repository.commitHeader(target).tree
    let paths = try Array(Set(try repository.changes(from: from, to: to).map(\.path))).sorted().filter {
      try !isThere($0, in: to)
    }
    guard !paths.isEmpty else { return [] }
    let baseline = try repository.lookupTree(from)
    defer { git_tree_free(baseline) }
    let tree = try repository.lookupTree(to)
    defer { git_tree_free(tree) }

    final class Found { var paths: [String] = [] }
    let found = Found()
    var options = git_checkout_options()
    try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
    options.checkout_strategy =
      GIT_CHECKOUT_SAFE.rawValue | GIT_CHECKOUT_NO_REFRESH.rawValue | GIT_CHECKOUT_DONT_WRITE_INDEX.rawValue
      | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue | (dryRun ? GIT_CHECKOUT_DRY_RUN.rawValue : 0)
    options.baseline = baseline
    options.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT.rawValue
    options.notify_payload = Unmanaged.passUnretained(found).toOpaque()
    options.notify_cb = { _, path, _, _, _, payload in
      if let path, let payload {
        Unmanaged<Found>.fromOpaque(payload).takeUnretainedValue().paths.append(String(cString: path))
      }
      return 0
    }
    let result = withStringArray(paths) { pathspec in
      options.paths = pathspec
      return withExtendedLifetime(found) { git_checkout_tree(repository.pointer, tree, &options) }
    }
    if result == GIT_ECONFLICT.rawValue { return found.paths.isEmpty ? paths : found.paths.sorted() }
    try check(result, "git_checkout_tree")
    return []
  }
}

extension MergeTransaction {
  /// Whether the index and working tree already hold `path` as `tree` does (staged as it,
  /// the file unchanged since, or absent from all three): git's two-way merge keeps such an
  /// entry, where libgit2's checkout would take a staged new file for one in the way.
  private func isThere(_ path: String, in tree: ObjectID) throws -> Bool {
    let wanted = try repository.treeEntry(path, in: tree)
    let staged = git_index_get_bypath(lock.index, path, 0)?.pointee
    switch (wanted, staged) {
    case (nil, nil):
      var info = stat()
      return lstat((repository.workingTree ?? "") + path, &info) != 0
    case (let wanted?, let staged?):
      guard ObjectID(staged.id) == wanted.id, staged.mode == wanted.mode.rawValue else { return false }
      var flags: UInt32 = 0
      guard git_status_file(&flags, repository.pointer, path) == 0 else { return false }
      let changed = GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue
        | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_WT_RENAMED.rawValue
      return flags & changed == 0
    default:
      return false
    }
  }
}

extension Repository {
  /// The tree object `id`, to be freed by the caller.
  func lookupTree(_ id: ObjectID) throws -> OpaquePointer {
    var oid = id.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
    return tree!
  }
}
