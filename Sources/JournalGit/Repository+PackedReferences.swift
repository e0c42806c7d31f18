import Foundation
internal import Clibgit2

/// What a loose reference file holds, as git's `parse_loose_ref_contents` reads it.
enum LooseReference: Equatable {
  case id(ObjectID)
  case symbolic(String)
  /// Neither an id nor `ref: <name>`.
  case broken
}

/// References packed into `packed-refs` as git packs them, with git's locks: the work of
/// `git pack-refs --all` (`files_pack_refs`), and what `ReferenceSwitch` builds on.
extension Repository {
  /// Moves every loose reference into `packed-refs`, as `git pack-refs --all` does (and so
  /// `git gc`): with `packed-refs.lock` held, the file is written anew with every loose
  /// reference that names an object, except symbolic and per-worktree ones; then each loose
  /// file is removed under its own lock, only if it still holds the value packed, with the
  /// folders that leaves empty below `refs/<kind>/`. Killed at any moment, every reference
  /// keeps its value.
  public func packReferences() throws {
    let permissions = try SharedPermissions(self)
    let packedLock = try LockFile(common("packed-refs"), timeout: lockTimeouts.packed, permissions: permissions)
    var packed = try PackedReferences.read(packedLock.path)
    var packedLoose: [(name: String, id: ObjectID)] = []
    for name in looseReferenceNames() where !Self.isPerWorktree(name) {
      guard case .id(let id) = looseReference(name), objectExists(id) else { continue }
      packed.set(name, to: id)
      packedLoose.append((name, id))
    }
    try writePackedReferences(packed, permissions: permissions)
    packedLock.release()
    for (name, id) in packedLoose {
      // git's prune_ref: under the reference's lock, only if nobody moved it meanwhile.
      guard let lock = try? LockFile(common(name), timeout: lockTimeouts.loose, permissions: permissions) else { continue }
      let pruned = looseReference(name) == .id(id) && unlink(common(name)) == 0
      lock.release()
      if pruned { removeEmptyParents(of: name, under: commonFolder) }
    }
  }

  /// The names of the loose reference files under `refs/`, as git's loose reference cache
  /// finds them: hidden files and `.lock` files are not references.
  func looseReferenceNames() -> [String] {
    var names: [String] = []
    func walk(_ folder: String) {
      for entry in ((try? FileManager.default.contentsOfDirectory(atPath: common(folder))) ?? []).sorted() {
        guard !entry.hasPrefix("."), !entry.hasSuffix(".lock") else { continue }
        var info = stat()
        guard stat(common(folder + entry), &info) == 0 else { continue }
        if info.st_mode & S_IFMT == S_IFDIR { walk(folder + entry + "/") } else { names.append(folder + entry) }
      }
    }
    walk("refs/")
    return names
  }

  /// The loose reference file `name` (under the common folder), or nil when there is none.
  func looseReference(_ name: String) -> LooseReference? {
    looseFile(common(name))
  }

  /// A reference file read as git reads one: `ref: <name>` for a symbolic reference, else an
  /// id followed by nothing or by white space.
  func looseFile(_ path: String) -> LooseReference? {
    guard var bytes = FileManager.default.contents(atPath: path).map(Array.init) else { return nil }
    while let last = bytes.last, PackedReferences.isSpace(last) { bytes.removeLast() }
    if bytes.starts(with: Array("ref:".utf8)) {
      return .symbolic(String(decoding: bytes.dropFirst(4).drop(while: PackedReferences.isSpace), as: UTF8.self))
    }
    guard let id = PackedReferences.id(bytes.prefix(40)), bytes.count == 40 || PackedReferences.isSpace(bytes[40]) else {
      return .broken
    }
    return id.isZero ? .broken : .id(id)
  }

  /// git's `peel_object`: what an annotated tag finally points at, through every tag in
  /// between; nil for an object that is not a tag, or a chain that ends at a missing tag.
  func peeledObject(_ id: ObjectID) -> ObjectID? {
    guard (try? objectKind(id)) == .tag else { return nil }
    var current = id
    while let target = try? tagTarget(current) {
      guard target.kind == .tag else { return target.id }
      current = target.id
    }
    return nil
  }

  /// Writes `packed-refs` while its lock is held, as git does: into `packed-refs.new`,
  /// flushed, then renamed over the file (one `rename(2)`, so a reader sees the old file or
  /// the new one), and the folder flushed.
  func writePackedReferences(_ packed: PackedReferences, permissions: SharedPermissions) throws {
    let bytes = packed.bytes(peel: peeledObject)
    let path = common("packed-refs")
    try replaceHoldingLock(path, with: bytes, permissions: permissions)
  }

  /// Replaces a file whose `.lock` this process holds, through `<path>.new` (the lock stays
  /// held throughout), flushing the new file and then its folder.
  func replaceHoldingLock(_ path: String, with bytes: [UInt8], permissions: SharedPermissions) throws {
    let temporary = path + ".new"
    // Left by a process killed while it held the lock: nobody else writes it while we do.
    unlink(temporary)
    let descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw Self.fileError("create", temporary) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
      guard count > 0 else {
        close(descriptor)
        unlink(temporary)
        throw Self.fileError("write", temporary)
      }
      written += count
    }
    guard fsync(descriptor) == 0, close(descriptor) == 0 else {
      unlink(temporary)
      throw Self.fileError("flush", temporary)
    }
    permissions.adjust(temporary)
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw Self.fileError("rename", temporary)
    }
    syncFolder(of: path)
  }

  /// Flushes a folder's entries (a rename or an unlink in it) to disk.
  func syncFolder(of path: String) {
    let descriptor = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  /// git's `try_remove_empty_parents`: the folders a removed reference leaves empty, sparing
  /// `refs/` and the folders right under it (`refs/heads/`, `refs/journal/`).
  func removeEmptyParents(of name: String, under root: String) {
    var parts = name.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    while parts.count > 2, rmdir(root + parts.joined(separator: "/")) == 0 { parts = parts.dropLast() }
  }

  /// References git keeps per working tree, never in `packed-refs` (`is_per_worktree_ref`).
  public static func isPerWorktree(_ name: String) -> Bool {
    ["refs/worktree/", "refs/bisect/", "refs/rewritten/"].contains { name.hasPrefix($0) }
  }

  /// How long git waits for another process's lock, in milliseconds:
  /// `core.filesRefLockTimeout` (100) for a reference, `core.packedRefsTimeout` (1000) for
  /// `packed-refs`.
  var lockTimeouts: (loose: Int, packed: Int) {
    let config = try? ConfigSnapshot(self)
    return (
      config?.string("core.filesRefLockTimeout").flatMap { Int($0) } ?? 100,
      config?.string("core.packedRefsTimeout").flatMap { Int($0) } ?? 1000
    )
  }

  /// Whether the object database holds `id`, without reading it.
  func objectExists(_ id: ObjectID) -> Bool {
    var odb: OpaquePointer?
    guard git_repository_odb(&odb, pointer) == 0 else { return false }
    defer { git_odb_free(odb) }
    var oid = id.oid
    return git_odb_exists(odb, &oid) == 1
  }

  func common(_ path: String) -> String { commonFolder + path }

  static func fileError(_ action: String, _ path: String) -> GitError {
    GitError(function: action, code: -1, message: "cannot \(action) \(path): \(String(cString: strerror(errno)))")
  }
}

extension ObjectID {
  var isZero: Bool { bytes.allSatisfy { $0 == 0 } }
}
