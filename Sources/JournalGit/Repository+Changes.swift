import Foundation
internal import Clibgit2

/// A file that differs between HEAD and the working tree.
public struct FileChange: Sendable, Equatable, Hashable {
  public enum Kind: String, Sendable {
    case added, modified, deleted
  }

  /// The path relative to the repository's working tree.
  public let path: String
  public let kind: Kind

  public init(path: String, kind: Kind) {
    self.path = path
    self.kind = kind
  }
}

extension Repository {
  /// What differs between HEAD's tree and the working tree under `prefixes` (files or
  /// folders relative to the working tree), whatever the index holds; ignored files are left
  /// out, as `git add` leaves them. Also the paths where only the index is out of step with
  /// both (the same file in HEAD and the working tree, something else staged, or
  /// an index left behind by an interrupted run): staging those brings the index back in line.
  public func workingTreeState(under prefixes: [String]) throws -> (changes: [FileChange], stale: [FileChange]) {
    let candidates = try statusPaths(under: prefixes)
    guard !candidates.isEmpty else { return ([], []) }
    let tree = try headTree()
    defer { if let tree { git_tree_free(tree) } }
    var changes: [FileChange] = []
    var stale: [FileChange] = []
    for path in candidates.sorted() {
      let before = try tree.flatMap { try entry(path, in: $0) }
      let after = try workingTreeEntry(path)
      switch (before, after) {
      case (nil, _?): changes.append(FileChange(path: path, kind: .added))
      case (_?, nil): changes.append(FileChange(path: path, kind: .deleted))
      case (let old?, let new?) where old != new:
        changes.append(FileChange(path: path, kind: .modified))
      case (_?, _?): stale.append(FileChange(path: path, kind: .modified))
      case (nil, nil): stale.append(FileChange(path: path, kind: .deleted))
      }
    }
    return (changes, stale)
  }

  /// The same answer as `workingTreeState(under:)` for paths that each name one file, found
  /// without a status walk: HEAD's entry, the index's and the working tree's file are compared
  /// for those paths alone. Nil when a path is a folder, in the working tree or in HEAD, for
  /// the caller to walk instead.
  public func fileStates(_ paths: [String]) throws -> (changes: [FileChange], stale: [FileChange])? {
    guard let root = workingTree else { return nil }
    let tree = try headTree()
    defer { if let tree { git_tree_free(tree) } }
    // Read first: hashing a file through git's filters reads .gitattributes from it too.
    var index: OpaquePointer?
    try check(git_repository_index(&index, pointer), "git_repository_index")
    defer { git_index_free(index) }
    try check(git_index_read(index, 0), "git_index_read")
    var changes: [FileChange] = []
    var stale: [FileChange] = []
    for path in Set(paths).sorted() {
      var info = stat()
      if path.isEmpty || path.hasSuffix("/") { return nil }
      if lstat(root + path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return nil }
      let before = try tree.flatMap { try entry(path, in: $0) }
      if let before, before.mode == GIT_FILEMODE_TREE.rawValue { return nil }
      let staged = git_index_get_bypath(index, path, 0).map {
        Entry(id: ObjectID($0.pointee.id), mode: $0.pointee.mode)
      }
      var after = try workingTreeEntry(path)
      if before == nil, staged == nil, after != nil {
        // An untracked file git ignores is not one status shows.
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, pointer, path), "git_ignore_path_is_ignored")
        if ignored == 1 { after = nil }
      }
      switch (before, after) {
      case (nil, _?): changes.append(FileChange(path: path, kind: .added))
      case (_?, nil): changes.append(FileChange(path: path, kind: .deleted))
      case (let old?, let new?) where old != new: changes.append(FileChange(path: path, kind: .modified))
      case (let old?, _?): if staged != old { stale.append(FileChange(path: path, kind: .modified)) }
      case (nil, nil): if staged != nil { stale.append(FileChange(path: path, kind: .deleted)) }
      }
    }
    return (changes, stale)
  }

  /// Every path that libgit2's status shows as different anywhere (HEAD, index, working tree).
  /// Status uses the index's cached file stats, so unchanged files are not read.
  private func statusPaths(under prefixes: [String]) throws -> Set<String> {
    var options = git_status_options()
    try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    options.flags =
      GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
      | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
    var list: OpaquePointer?
    try withPathspec(prefixes) { pathspec in
      options.pathspec = pathspec
      try check(git_status_list_new(&list, pointer, &options), "git_status_list_new")
    }
    defer { git_status_list_free(list) }
    var paths: Set<String> = []
    for index in 0..<git_status_list_entrycount(list) {
      guard let entry = git_status_byindex(list, index) else { continue }
      for delta in [entry.pointee.head_to_index, entry.pointee.index_to_workdir] {
        guard let delta else { continue }
        if let path = delta.pointee.old_file.path { paths.insert(String(cString: path)) }
        if let path = delta.pointee.new_file.path { paths.insert(String(cString: path)) }
      }
    }
    return paths
  }

  struct Entry: Equatable {
    let id: ObjectID
    let mode: UInt32
  }

  private func entry(_ path: String, in tree: OpaquePointer) throws -> Entry? {
    var entry: OpaquePointer?
    let result = git_tree_entry_bypath(&entry, tree, path)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, "git_tree_entry_bypath")
    defer { git_tree_entry_free(entry) }
    return Entry(id: ObjectID(git_tree_entry_id(entry).pointee), mode: git_tree_entry_filemode(entry).rawValue)
  }

  /// The blob id and mode the working tree file would be committed with, or nil when there
  /// is no file (a folder is not a file).
  func workingTreeEntry(_ path: String) throws -> Entry? {
    guard let root = workingTree else { return nil }
    var info = stat()
    guard lstat(root + path, &info) == 0 else { return nil }
    var oid = git_oid()
    switch info.st_mode & S_IFMT {
    case S_IFLNK:
      let target = try linkTarget(root + path)
      try check(git_odb_hash(&oid, target, target.count, GIT_OBJECT_BLOB), "git_odb_hash")
      return Entry(id: ObjectID(oid), mode: GIT_FILEMODE_LINK.rawValue)
    case S_IFREG:
      try check(git_repository_hashfile(&oid, pointer, path, GIT_OBJECT_BLOB, nil), "git_repository_hashfile")
      let executable = info.st_mode & S_IXUSR != 0
      return Entry(
        id: ObjectID(oid),
        mode: executable ? GIT_FILEMODE_BLOB_EXECUTABLE.rawValue : GIT_FILEMODE_BLOB.rawValue)
    default:
      return nil
    }
  }

  func linkTarget(_ path: String) throws -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = buffer.withUnsafeMutableBytes { readlink(path, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
    guard count >= 0 else {
      throw GitError(function: "readlink", code: -1, message: "cannot read the link \(path): \(String(cString: strerror(errno)))")
    }
    return Array(buffer[..<count])
  }
}
