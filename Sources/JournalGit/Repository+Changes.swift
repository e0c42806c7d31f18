import Foundation
internal import Clibgit2
import JournalModel

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

/// What `workingTreeState` and `fileStates` find for some paths.
public struct FileStates: Equatable, Sendable {
  /// What differs between HEAD and the working tree.
  public internal(set) var changes: [FileChange] = []
  /// Where only the index is out of step.
  public internal(set) var stale: [FileChange] = []
  /// The blob each file in the working tree would be stored as.
  public internal(set) var stored: [String: ObjectID] = [:]

  /// Files one path as a change, a stale index entry or neither, from what HEAD, the working
  /// tree and the index hold there.
  mutating func record(_ path: String, head before: Repository.Entry?, workingTree after: Repository.Entry?, index staged: Repository.Entry?) {
    if let after { stored[path] = after.id }
    switch (before, after) {
    case (nil, _?): changes.append(FileChange(path: path, kind: .added))
    case (_?, nil): changes.append(FileChange(path: path, kind: .deleted))
    case (let old?, let new?) where old != new: changes.append(FileChange(path: path, kind: .modified))
    case (let old?, _?): if staged != old { stale.append(FileChange(path: path, kind: .modified)) }
    case (nil, nil): if staged != nil { stale.append(FileChange(path: path, kind: .deleted)) }
    }
  }
}

extension Repository {
  /// What differs between HEAD's tree and the working tree under `prefixes` (files or
  /// folders relative to the working tree), whatever the index holds; ignored files are left
  /// out, as `git add` leaves them. Also the paths where only the index is out of step with
  /// both (the same file in HEAD and the working tree, something else staged, or
  /// an index left behind by an interrupted run): staging those brings the index back in line.
  public func workingTreeState(under prefixes: [String]) throws -> FileStates {
    var index: OpaquePointer?
    try check(git_repository_index(&index, pointer), "git_repository_index")
    defer { git_index_free(index) }
    try check(git_index_read(index, 0), "git_index_read")
    let candidates = try candidatePaths(under: prefixes, index: index!)
    var states = FileStates()
    guard !candidates.isEmpty else { return states }
    let tree = try headTree()
    defer { if let tree { git_tree_free(tree) } }
    for path in candidates.sorted() {
      states.record(
        path, head: try tree.flatMap { try entry(path, in: $0) }, workingTree: try workingTreeEntry(path),
        index: indexEntry(path, in: index!))
    }
    return states
  }

  /// Every path under `prefixes` that may differ anywhere between HEAD, the index and the
  /// working tree, found as git finds them, a superset the caller compares exactly:
  /// - the index's entries whose file's size, times, inode or type differ from those the index
  ///   recorded, or whose file changed in the same second the index was written ("racy git"),
  ///   or is gone: one `lstat` each, on every core;
  /// - files the index does not hold, from a walk of the folders (untracked files git ignores
  ///   are left out, as status leaves them);
  /// - paths where the index and HEAD's tree differ, from libgit2's diff of the two, beside
  ///   the rest.
  /// Hidden files and folders, and folders holding a repository of their own, are not walked.
  func candidatePaths(under prefixes: [String], index: OpaquePointer) throws -> Set<String> {
    guard let root = workingTree else { return [] }
    func inScope(_ path: String) -> Bool {
      prefixes.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
    var stamp = stat()
    let indexTime = stat(indexPath, &stamp) == 0 ? stamp.st_mtim : timespec()
    var tracked: [IndexedFile] = []
    var known: Set<String> = []
    for position in 0..<git_index_entrycount(index) {
      guard let entry = git_index_get_byindex(index, position) else { continue }
      let path = String(cString: entry.pointee.path)
      guard inScope(path) else { continue }
      known.insert(path)
      // Submodules are left out, and entries git is told not to look at (sparse checkouts,
      // assume-unchanged) are taken as they are, as status takes them.
      let flags = UInt32(entry.pointee.flags)
      let extended = UInt32(entry.pointee.flags_extended)
      if entry.pointee.mode == GIT_FILEMODE_COMMIT.rawValue || flags & UInt32(GIT_INDEX_ENTRY_VALID.rawValue) != 0
        || extended & UInt32(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0
      {
        continue
      }
      tracked.append(IndexedFile(entry.pointee, path: path))
    }
    let folders = prefixes.filter { prefix in
      var info = stat()
      return lstat(root + prefix, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
    let namedFiles = prefixes.filter { !folders.contains($0) }
    let (knownPaths, trackedFiles) = (known, tracked)
    // The working tree is read on other threads while libgit2 compares HEAD with the index here.
    let dirty = Background {
      trackedFiles.chunked(into: 512).concurrentFlatMap { files in
        files.filter { $0.mayDiffer(root: root, indexTime: indexTime) }.map(\.path)
      }
    }
    let unknown = Background {
      folders.flatMap { folder in
        Self.unknownFiles(in: folder.hasSuffix("/") ? String(folder.dropLast()) : folder, root: root, known: knownPaths)
      }
    }
    var paths = try indexChanges(under: prefixes, index: index)
    paths.formUnion(try dirty.value())
    for path in try namedFiles.filter({ !known.contains($0) }) + unknown.value() where try !isIgnored(path) {
      paths.insert(path)
    }
    return paths
  }

  /// The paths under `prefixes` where the index and HEAD's tree differ.
  private func indexChanges(under prefixes: [String], index: OpaquePointer) throws -> Set<String> {
    let tree = try headTree()
    defer { if let tree { git_tree_free(tree) } }
    var options = git_diff_options()
    try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
    options.flags = GIT_DIFF_IGNORE_SUBMODULES.rawValue
    var diff: OpaquePointer?
    try withPathspec(prefixes) { pathspec in
      options.pathspec = pathspec
      try check(git_diff_tree_to_index(&diff, pointer, tree, index, &options), "git_diff_tree_to_index")
    }
    defer { git_diff_free(diff) }
    var paths: Set<String> = []
    for position in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, position) else { continue }
      if let path = delta.pointee.old_file.path { paths.insert(String(cString: path)) }
      if let path = delta.pointee.new_file.path { paths.insert(String(cString: path)) }
    }
    return paths
  }

  /// The files and links under `folder` (relative to `root`) that `known` does not hold.
  private static func unknownFiles(in folder: String, root: String, known: Set<String>, top: Bool = true) -> [String] {
    guard let directory = opendir(root + folder) else { return [] }
    defer { closedir(directory) }
    var files: [String] = []
    var folders: [String] = []
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    while let item = readdir(directory) {
      let name = String(cString: UnsafeRawPointer(item).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
      // A repository of its own inside the journal is not the journal's to walk.
      if name == ".git" && !top { return [] }
      guard !name.hasPrefix(".") else { continue }
      let path = folder + "/" + name
      var type = item.pointee.d_type
      if type == UInt8(DT_UNKNOWN) {
        var info = stat()
        guard lstat(root + path, &info) == 0 else { continue }
        type = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
      }
      if type == UInt8(DT_DIR) {
        folders.append(path)
      } else if !known.contains(path) {
        files.append(path)
      }
    }
    return files + folders.flatMap { unknownFiles(in: $0, root: root, known: known, top: false) }
  }

  /// The same answer as `workingTreeState(under:)` for paths that each name one file, found
  /// without a status walk: HEAD's entry, the index's and the working tree's file are compared
  /// for those paths alone. Nil when a path is a folder, in the working tree or in HEAD, for
  /// the caller to walk instead.
  public func fileStates(_ paths: [String]) throws -> FileStates? {
    guard let root = workingTree else { return nil }
    let tree = try headTree()
    defer { if let tree { git_tree_free(tree) } }
    // Read first: hashing a file through git's filters reads .gitattributes from it too. (The
    // empty index of `withIndexUnread` has no file to read.)
    var index: OpaquePointer?
    try check(git_repository_index(&index, pointer), "git_repository_index")
    defer { git_index_free(index) }
    if git_index_path(index) != nil { try check(git_index_read(index, 0), "git_index_read") }
    var states = FileStates()
    for path in Set(paths).sorted() {
      var info = stat()
      if path.isEmpty || path.hasSuffix("/") { return nil }
      if lstat(root + path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return nil }
      let before = try tree.flatMap { try entry(path, in: $0) }
      if let before, before.mode == GIT_FILEMODE_TREE.rawValue { return nil }
      let staged = indexEntry(path, in: index!)
      var after = try workingTreeEntry(path)
      // An untracked file git ignores is not one status shows.
      if before == nil, staged == nil, after != nil, try isIgnored(path) { after = nil }
      states.record(path, head: before, workingTree: after, index: staged)
    }
    return states
  }

  /// Runs `body` with an empty index standing in for the repository's, so that nothing in it
  /// waits for a large index to be read: for a first answer, to be checked against the real
  /// index once it is in (`adopt(_:)`). In `fileStates`, an empty index hides a file that
  /// was added by force though git ignores it, a `.gitattributes` only the index holds, and
  /// every stale entry; objects written from an answer that proves wrong stay unreferenced.
  /// Afterwards the repository reads its index again when it next needs it.
  public func withIndexUnread<T>(_ body: () throws -> T) throws -> T {
    var empty: OpaquePointer?
    try check(git_index_new(&empty), "git_index_new")
    defer { git_index_free(empty) }
    try check(git_repository_set_index(pointer, empty), "git_repository_set_index")
    defer { git_repository_set_index(pointer, nil) }
    return try body()
  }

  struct Entry: Equatable {
    let id: ObjectID
    let mode: UInt32
  }

  /// The index's entry for `path` (stage 0).
  private func indexEntry(_ path: String, in index: OpaquePointer) -> Entry? {
    git_index_get_bypath(index, path, 0).map { Entry(id: ObjectID($0.pointee.id), mode: $0.pointee.mode) }
  }

  /// True when git ignores `path`, for a file the index does not hold.
  private func isIgnored(_ path: String) throws -> Bool {
    var ignored: Int32 = 0
    try check(git_ignore_path_is_ignored(&ignored, pointer, path), "git_ignore_path_is_ignored")
    return ignored == 1
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

/// What the index recorded of one file, to tell from one `lstat` whether it may have changed.
private struct IndexedFile: Sendable {
  let path: String
  let size: UInt32
  let mtime: (seconds: Int32, nanoseconds: UInt32)
  let ctime: (seconds: Int32, nanoseconds: UInt32)
  let inode: UInt32
  let type: UInt32

  init(_ entry: git_index_entry, path: String) {
    self.path = path
    size = entry.file_size
    mtime = (entry.mtime.seconds, entry.mtime.nanoseconds)
    ctime = (entry.ctime.seconds, entry.ctime.nanoseconds)
    inode = entry.ino
    type = entry.mode & UInt32(S_IFMT)
  }

  /// False only when the file is there with the size, times, inode and type the index
  /// recorded, and was last changed before the index was written.
  func mayDiffer(root: String, indexTime: timespec) -> Bool {
    var info = stat()
    guard lstat(root + path, &info) == 0 else { return true }
    // Times are compared to the nanosecond only where both sides have them.
    func same(_ recorded: (seconds: Int32, nanoseconds: UInt32), _ actual: timespec) -> Bool {
      recorded.seconds == Int32(truncatingIfNeeded: actual.tv_sec)
        && (recorded.nanoseconds == 0 || recorded.nanoseconds == UInt32(truncatingIfNeeded: actual.tv_nsec))
    }
    let racy =
      info.st_mtim.tv_sec > indexTime.tv_sec
      || (info.st_mtim.tv_sec == indexTime.tv_sec && info.st_mtim.tv_nsec >= indexTime.tv_nsec)
    return racy || size != UInt32(truncatingIfNeeded: info.st_size) || !same(mtime, info.st_mtim)
      || !same(ctime, info.st_ctim) || inode != UInt32(truncatingIfNeeded: info.st_ino)
      || type != UInt32(info.st_mode) & UInt32(S_IFMT)
  }
}

extension Array {
  /// The elements in runs of at most `size`.
  fileprivate func chunked(into size: Int) -> [ArraySlice<Element>] {
    stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
  }
}
