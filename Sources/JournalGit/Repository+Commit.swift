import Foundation
internal import Clibgit2

/// A commit written on top of the branch HEAD names, which the branch does not point at yet.
public struct PreparedCommit: Sendable {
  public let id: ObjectID
  /// The branch, such as `refs/heads/main`.
  let branch: String
  /// Where the branch pointed when the commit was made; nil on an unborn branch.
  let parent: ObjectID?
  let reflogMessage: String
}

extension Repository {
  /// Writes the objects of a commit of exactly `changes` on top of HEAD's tree, whatever else
  /// the index holds, without moving the branch: see `land(_:)`. Nil when the tree would not
  /// change. Objects written for a commit that never lands are unreferenced, and `git gc`
  /// prunes them.
  public func prepareCommit(_ changes: [FileChange], message: String) throws -> PreparedCommit? {
    var signature: UnsafeMutablePointer<git_signature>?
    try check(git_signature_default(&signature, pointer), "git_signature_default")
    defer { git_signature_free(signature) }

    let branch: String
    var parents: [OpaquePointer?] = []
    defer { parents.forEach { git_commit_free($0) } }
    switch try head() {
    case .detached(let id):
      throw GitError(function: "commit", code: -1, message: "HEAD is detached at \(id.short)")
    case .unborn:
      branch = try headTarget()
    case .branch(_, let id):
      branch = try headTarget()
      var oid = id.oid
      var parent: OpaquePointer?
      try check(git_commit_lookup(&parent, pointer, &oid), "git_commit_lookup")
      parents.append(parent)
    }
    // On an unborn branch there is no baseline: the tree holds the changes alone.
    let baseline = try parents.first.map { parent -> OpaquePointer in
      var tree: OpaquePointer?
      try check(git_commit_tree(&tree, parent), "git_commit_tree")
      return tree!
    }
    defer { if let baseline { git_tree_free(baseline) } }

    var treeID = git_oid()
    try withTreeUpdates(changes) { updates in
      try check(
        git_tree_create_updated(&treeID, pointer, baseline, updates.count, updates.baseAddress),
        "git_tree_create_updated")
    }
    if let baseline, git_oid_equal(&treeID, git_tree_id(baseline)) == 1 { return nil }
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &treeID), "git_tree_lookup")
    defer { git_tree_free(tree) }

    var commitID = git_oid()
    try check(
      git_commit_create(
        &commitID, pointer, nil, signature, signature, nil, message, tree, parents.count, &parents),
      "git_commit_create")
    // The reflog entry `git commit` writes: "commit: <summary>", "commit (initial): <summary>".
    var commit: OpaquePointer?
    try check(git_commit_lookup(&commit, pointer, &commitID), "git_commit_lookup")
    defer { git_commit_free(commit) }
    let summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
    return PreparedCommit(
      id: ObjectID(commitID), branch: branch,
      parent: parents.first.map { ObjectID(git_commit_id($0).pointee) },
      reflogMessage: "commit\(parents.isEmpty ? " (initial)" : ""): \(summary)")
  }

  /// Moves the branch to a prepared commit, with its reflog entry and HEAD's, only if the
  /// branch still points where it did when the commit was prepared: so two commits at once
  /// cannot lose one another, and the second fails with `isModified` or `isLocked`.
  public func land(_ commit: PreparedCommit) throws {
    do {
      try setReference(commit.branch, to: commit.id, expected: commit.parent, log: commit.reflogMessage)
    } catch let error as GitError where error.alreadyExists {
      // An unborn branch that another commit created first.
      throw GitError(function: "land", code: Int32(GIT_EMODIFIED.rawValue), message: "\(commit.branch) was created by another commit")
    }
  }

  /// The branch HEAD names, such as `refs/heads/main`, whether or not it exists yet.
  private func headTarget() throws -> String {
    var reference: OpaquePointer?
    try check(git_reference_lookup(&reference, pointer, "HEAD"), "git_reference_lookup")
    defer { git_reference_free(reference) }
    var name = git_reference_symbolic_target(reference).map { String(cString: $0) } ?? "HEAD"
    // A branch that is itself a symbolic reference is followed, as git does.
    for _ in 0..<10 {
      var next: OpaquePointer?
      guard git_reference_lookup(&next, pointer, name) == 0 else { break }
      defer { git_reference_free(next) }
      guard let target = git_reference_symbolic_target(next) else { break }
      name = String(cString: target)
    }
    return name
  }

  /// Brings the index in line with the working tree for the committed paths only, so they show
  /// as clean; every other entry, staged or not, stays as it was. Waits briefly for another
  /// process's `index.lock`.
  public func stage(_ changes: [FileChange]) throws {
    var attempt = 0
    while true {
      do {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "git_index_read")
        let stamp = indexStamp()
        for change in changes {
          if change.kind == .deleted {
            try check(git_index_remove_bypath(index, change.path), "git_index_remove_bypath")
          } else {
            try check(git_index_add_bypath(index, change.path), "git_index_add_bypath")
          }
        }
        try smudgeRacilyClean(index!, since: stamp, except: Set(changes.map(\.path)))
        try check(git_index_write(index), "git_index_write")
        return
      } catch let error as GitError where error.isLocked && attempt < 40 {
        attempt += 1
        usleep(50_000)
      }
    }
  }

  /// The modification time, in seconds, of the index file as it was read.
  private func indexStamp() -> Int? {
    var info = stat()
    guard stat(indexPath, &info) == 0 else { return nil }
    return Int(info.st_mtim.tv_sec)
  }

  /// "Racy git": an entry whose file was written in the same second as the index it was read
  /// from may have changed since without its size or time showing it. Once the index is
  /// rewritten with a later time, git would take such a file for clean. As git does, an entry
  /// whose file looks unchanged but whose content differs gets a zero size, so the next status
  /// compares its content; entries that are really clean are left alone.
  private func smudgeRacilyClean(_ index: OpaquePointer, since stamp: Int?, except touched: Set<String>) throws {
    guard let stamp, let root = workingTree else { return }
    var racy: [git_index_entry] = []
    for position in 0..<git_index_entrycount(index) {
      guard let entry = git_index_get_byindex(index, position),
        Int(entry.pointee.mtime.seconds) >= stamp
      else { continue }
      let path = String(cString: entry.pointee.path)
      var info = stat()
      guard !touched.contains(path), lstat(root + path, &info) == 0,
        UInt32(truncatingIfNeeded: info.st_size) == entry.pointee.file_size,
        Int32(truncatingIfNeeded: info.st_mtim.tv_sec) == entry.pointee.mtime.seconds
      else { continue }
      var actual = git_oid()
      var recorded = entry.pointee.id
      guard git_repository_hashfile(&actual, pointer, path, GIT_OBJECT_BLOB, nil) == 0,
        git_oid_equal(&actual, &recorded) == 0
      else { continue }
      var copy = entry.pointee
      copy.file_size = 0
      racy.append(copy)
    }
    for var entry in racy {
      try check(git_index_add(index, &entry), "git_index_add")
    }
  }

  /// Writes each added or modified file as a blob and describes the tree updates; the paths'
  /// C strings live until `body` returns.
  private func withTreeUpdates(
    _ changes: [FileChange], _ body: (UnsafeMutableBufferPointer<git_tree_update>) throws -> Void
  ) throws {
    var paths: [UnsafeMutablePointer<CChar>?] = []
    defer { paths.forEach { free($0) } }
    var updates: [git_tree_update] = []
    for change in changes {
      let path = strdup(change.path)
      paths.append(path)
      var update = git_tree_update()
      update.path = UnsafePointer(path)
      if change.kind == .deleted {
        update.action = GIT_TREE_UPDATE_REMOVE
      } else {
        guard let entry = try workingTreeEntry(change.path) else {
          throw GitError(function: "commit", code: -1, message: "\(change.path) vanished while it was committed")
        }
        var id = git_oid()
        if entry.mode == GIT_FILEMODE_LINK.rawValue {
          let target = try linkTarget(workingTree! + change.path)
          try check(git_blob_create_from_buffer(&id, pointer, target, target.count), "git_blob_create_from_buffer")
        } else {
          try check(git_blob_create_from_workdir(&id, pointer, change.path), "git_blob_create_from_workdir")
        }
        update.action = GIT_TREE_UPDATE_UPSERT
        update.id = id
        update.filemode = git_filemode_t(rawValue: entry.mode)
      }
      updates.append(update)
    }
    try updates.withUnsafeMutableBufferPointer { try body($0) }
  }
}
