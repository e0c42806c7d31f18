import Foundation
import JournalModel
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
/// into place), so the lock path exists throughout. A process stopped while it wrote leaves
/// both files; the next one to take the lock removes the inner one, so that a stopped journal
/// needs no more than a stopped git: `index.lock` removed.
public final class IndexLock {
  let repository: Repository
  /// The index as locked, owned by the repository while the lock is held.
  let index: OpaquePointer
  public let indexPath: String
  public let lockPath: String
  private var held = true
  /// The second the index was last written, as it was read: git's racy-clean reference.
  private var indexSecond: Int?
  /// Paths staged from the working tree under this lock.
  var upToDate: Set<String> = []

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
    // libgit2 writes the locked index through its own lock beside it (`index.lock.lock`,
    // renamed over `index.lock`), which only the holder of `index.lock` makes. One there now
    // was left by a holder stopped while it wrote, a file git never names: once the person
    // has removed `index.lock`, as git's refusal says, nothing else may stand in the way.
    unlink(lockPath + ".lock")
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

  /// "Racy git" as git handles it when it writes an index (`read-cache.c`,
  /// `ce_smudge_racily_clean_entry`): an entry whose file was last changed in the same second
  /// as the index it was read from, or later, may have changed since without its size or
  /// time showing it. Once the index is written again, later, git would take such a file for
  /// clean; so, as git does, an entry whose stat data still matches its file but whose
  /// content, read as git reads it (through the filters), now differs gets a zero size, and
  /// status reads the file again. Entries staged under this lock (`upToDate`) are not looked
  /// at again, as git skips what it marked up to date. libgit2 makes its own check to the
  /// nanosecond, which git does not (it is built without `USE_NSEC`), and trusts matching
  /// stat data: hence this, in whole seconds.
  private func smudgeRacilyClean() throws {
    guard let second = indexSecond, let root = repository.workingTree else { return }
    let trustCTime = (try ConfigSnapshot(repository)).bool("core.trustctime") ?? true
    var racy: [git_index_entry] = []
    for position in 0..<git_index_entrycount(index) {
      guard let pointer = git_index_get_byindex(index, position), git_index_entry_stage(pointer) == 0 else { continue }
      let entry = pointer.pointee
      guard entry.mode != GIT_FILEMODE_COMMIT.rawValue, Int(entry.mtime.seconds) >= second else { continue }
      let path = String(cString: entry.path)
      guard !upToDate.contains(path) else { continue }
      var info = stat()
      // git's `ce_match_stat_basic`: a file whose stat data differs is read again anyway.
      guard lstat(root + path, &info) == 0, UInt32(truncatingIfNeeded: info.st_size) == entry.file_size,
        Int32(truncatingIfNeeded: info.modificationTime.tv_sec) == entry.mtime.seconds,
        !trustCTime || Int32(truncatingIfNeeded: info.changeTime.tv_sec) == entry.ctime.seconds,
        UInt32(truncatingIfNeeded: info.st_ino) == entry.ino, UInt32(info.st_uid) == entry.uid, UInt32(info.st_gid) == entry.gid
      else { continue }
      if try contentDiffers(path, from: entry.id, info) { racy.append(entry) }
    }
    for var entry in racy {
      entry.file_size = 0
      try check(git_index_add(index, &entry), "git_index_add")
    }
  }

  /// git's `ce_modified_check_fs`: a file is hashed as `git add` would store it (filters,
  /// `core.autocrlf`, attributes), a link by its target; anything else has changed type.
  private func contentDiffers(_ path: String, from id: git_oid, _ info: stat) throws -> Bool {
    var current = git_oid()
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      try check(git_repository_hashfile(&current, repository.pointer, path, GIT_OBJECT_BLOB, nil), "git_repository_hashfile")
    case S_IFLNK:
      var target = [CChar](repeating: 0, count: Int(info.st_size) + 1)
      let count = readlink(repository.workingTree! + path, &target, target.count)
      guard count >= 0 else { return true }
      try check(git_odb_hash(&current, target, count, GIT_OBJECT_BLOB), "git_odb_hash")
    default:
      return true
    }
    var expected = id
    return git_oid_equal(&current, &expected) == 0
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
    if let failure = buffer[..<count].withUnsafeBytes({ FileDescriptor.writeAll($0, to: descriptor) }) {
      throw GitError(function: "write", code: -1, message: "cannot write the index lock: \(String(cString: strerror(failure)))")
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

  /// The last change of the file's inode, on Linux (`st_ctim`) and on macOS
  /// (`st_ctimespec`).
  var changeTime: timespec {
    #if os(Linux)
      st_ctim
    #else
      st_ctimespec
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
