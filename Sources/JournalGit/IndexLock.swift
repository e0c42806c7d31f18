import Foundation
internal import Clibgit2

/// The repository's index, held as git holds it while it changes it: `index.lock` is made
/// exclusively before the index is read, every change is made to that copy through libgit2,
/// and the lock is committed (renamed over the index) only at the end, or removed. Another
/// git process meanwhile finds the lock and fails, so nothing it stages can be lost, and
/// nothing journal stages is half-written.
///
/// libgit2 1.5 has no public lock-file API, so the lock file journal creates is the file the
/// index object reads and writes: the index's bytes (and its modification time, which git's
/// racy-clean check compares entries with) are copied into it, libgit2 reads it, and
/// `write()` replaces it through libgit2's own index writer (`index.lock.lock`, renamed
/// into place), so the lock path exists throughout.
public final class IndexLock {
  let repository: Repository
  /// The index as locked, owned by the repository while the lock is held.
  let index: OpaquePointer
  public let indexPath: String
  public let lockPath: String
  private var held = true
  /// The second the index was last written, as it was read: git's racy-clean reference.
  private var indexSecond: Int?

  /// Takes the lock on `repository`'s index and reads it; fails with `isLocked` when another
  /// process holds it.
  public init(_ repository: Repository) throws {
    self.repository = repository
    indexPath = repository.indexPath
    lockPath = indexPath + ".lock"
    let permissions = try SharedPermissions(repository)
    if access(lockPath, F_OK) == 0 { throw Self.lockedError(lockPath) }
    // Opened while the lock path does not exist, so libgit2 starts from an empty index.
    var index: OpaquePointer?
    try check(git_index_open(&index, lockPath), "git_index_open")
    let descriptor = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      let error = errno
      git_index_free(index)
      if error == EEXIST { throw Self.lockedError(lockPath) }
      throw GitError(function: "open", code: -1, message: "cannot create \(lockPath): \(String(cString: strerror(error)))")
    }
    permissions.adjust(lockPath)
    self.index = index!
    do {
      defer { close(descriptor) }
      // Only now, under the lock, is the index read.
      var info = stat()
      if stat(indexPath, &info) == 0 {
        indexSecond = Int(info.modificationTime.tv_sec)
        try copyFile(from: indexPath, to: descriptor)
        var times = [info.accessTime, info.modificationTime]
        futimens(descriptor, &times)
      }
    } catch {
      unlink(lockPath)
      git_index_free(index)
      throw error
    }
    do {
      var info = stat()
      if stat(indexPath, &info) == 0 { try check(git_index_read(index, 1), "git_index_read") }
      try check(git_repository_set_index(repository.pointer, index), "git_repository_set_index")
      try check(git_index_set_caps(index, Int32(GIT_INDEX_CAPABILITY_FROM_OWNER.rawValue)), "git_index_set_caps")
    } catch let error as GitError {
      unlink(lockPath)
      git_index_free(index)
      throw Self.explain(error)
    }
  }

  deinit {
    if held { rollback() }
    git_index_free(index)
  }

  /// Writes the index, as changed, into the lock file (not yet the index itself).
  public func write() throws {
    try smudgeRacilyClean()
    try check(git_index_write(index), "git_index_write")
    try SharedPermissions(repository).adjust(lockPath)
  }

  /// "Racy git" as git handles it when it writes an index (`read-cache.c`): an entry whose
  /// file was last changed in the same second as the index it was read from, or later, may
  /// have changed since without its size or time showing it. Once the index is written again,
  /// later, git would take such a file for clean; so, as git does, an entry whose file now
  /// differs gets a zero size and status reads the file again. libgit2 makes the same check
  /// to the nanosecond, which git does not (it is built without `USE_NSEC`): hence this,
  /// in whole seconds, with libgit2's own comparison of index and working tree.
  private func smudgeRacilyClean() throws {
    guard let second = indexSecond else { return }
    var racy: [String] = []
    for position in 0..<git_index_entrycount(index) {
      guard let entry = git_index_get_byindex(index, position), entry.pointee.mode != GIT_FILEMODE_COMMIT.rawValue,
        Int(entry.pointee.mtime.seconds) >= second, git_index_entry_stage(entry) == 0
      else { continue }
      racy.append(String(cString: entry.pointee.path))
    }
    guard !racy.isEmpty else { return }
    var options = git_diff_options()
    try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
    options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_IGNORE_SUBMODULES.rawValue
      | GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
    var diff: OpaquePointer?
    try withStringArray(racy) { pathspec in
      options.pathspec = pathspec
      try check(git_diff_index_to_workdir(&diff, repository.pointer, index, &options), "git_diff_index_to_workdir")
    }
    defer { git_diff_free(diff) }
    for position in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, position), let path = delta.pointee.old_file.path,
        var entry = git_index_get_bypath(index, path, 0)?.pointee
      else { continue }
      entry.file_size = 0
      try check(git_index_add(index, &entry), "git_index_add")
    }
  }

  /// Makes the lock file the index, and gives the lock up.
  public func commit() throws {
    guard held else { return }
    guard rename(lockPath, indexPath) == 0 else {
      throw GitError(function: "rename", code: -1, message: "cannot replace \(indexPath): \(String(cString: strerror(errno)))")
    }
    held = false
  }

  /// Gives the lock up, leaving the index as it was.
  public func rollback() {
    guard held else { return }
    unlink(lockPath)
    held = false
  }

  private static func lockedError(_ path: String) -> GitError {
    GitError(
      function: "index.lock", code: Int32(GIT_ELOCKED.rawValue),
      message: "'\(path)' exists: another git process seems to be running in this repository, or one was stopped and left it; remove it if no git is running")
  }

  /// A one-line refusal for an index libgit2 cannot write back as it found it.
  static func explain(_ error: GitError) -> GitError {
    if error.message.contains("unsupported mandatory extension") {
      return GitError(
        function: error.function, code: error.code,
        message: "the index uses a split index or a sparse index, which libgit2 cannot write: run `git update-index --no-split-index` (and `git sparse-checkout init --no-sparse-index`) first")
    }
    return error
  }
}

/// Copies the file at `path` into an open file.
private func copyFile(from path: String, to descriptor: Int32) throws {
  let source = open(path, O_RDONLY | O_CLOEXEC)
  guard source >= 0 else {
    throw GitError(function: "open", code: -1, message: "cannot read \(path): \(String(cString: strerror(errno)))")
  }
  defer { close(source) }
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
    if count == 0 { return }
    guard count > 0 else {
      throw GitError(function: "read", code: -1, message: "cannot read \(path): \(String(cString: strerror(errno)))")
    }
    var written = 0
    while written < count {
      let done = buffer[written..<count].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard done > 0 else {
        throw GitError(function: "write", code: -1, message: "cannot write the index lock: \(String(cString: strerror(errno)))")
      }
      written += done
    }
  }
}

extension stat {
  /// The last access, on Linux (`st_atim`) and on macOS (`st_atimespec`).
  var accessTime: timespec {
    #if os(Linux)
      st_atim
    #else
      st_atimespec
    #endif
  }

  /// The last modification, on Linux and on macOS.
  var modificationTime: timespec {
    #if os(Linux)
      st_mtim
    #else
      st_mtimespec
    #endif
  }
}
