import Foundation
internal import Clibgit2

extension Repository {
  /// Runs `body` with every pack the object database receives (a fetch's, and what
  /// `withObjectsInMemory`'s `keep` writes) put in a folder of its own,
  /// `objects/journal-incoming-<pid>-<n>/pack`, as git's `receive-pack` quarantines what a push
  /// brings: the repository reads those objects, but they are not in it. `migrate` moves what
  /// is there so far into `objects/pack`, each pack before its index (git's
  /// `tmp_objdir_migrate`), so that no index ever names a pack that is not there; whatever
  /// was not migrated is deleted when `body` returns or throws, and the object database is as
  /// before.
  ///
  /// Meant for the repository's last use, like `withObjectsInMemory`: the quarantine stays in
  /// front of the object database for as long as this `Repository` lives.
  public func withQuarantine<T>(_ body: (_ migrate: () throws -> Void) throws -> T) throws -> T {
    let objects = objectsFolder
    Self.removeAbandonedQuarantines(in: objects)
    var folder = ""
    for attempt in 0..<100 {
      folder = objects + "/journal-incoming-\(getpid())-\(attempt)"
      if mkdir(folder, 0o777) == 0 { break }
      guard errno == EEXIST, attempt < 99 else {
        throw GitError(function: "mkdir", code: -1, message: "cannot create \(folder): \(String(cString: strerror(errno)))")
      }
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    guard mkdir(folder + "/pack", 0o777) == 0 else {
      throw GitError(function: "mkdir", code: -1, message: "cannot create \(folder)/pack: \(String(cString: strerror(errno)))")
    }
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    var backend: UnsafeMutablePointer<git_odb_backend>?
    try check(git_odb_backend_pack(&backend, folder), "git_odb_backend_pack")
    // Before the repository's own packs (priority 2), behind `withObjectsInMemory`'s store
    // (999), which writes no packs: every pack written from now on lands here. The object
    // database owns the backend from here on, and frees it.
    try check(git_odb_add_backend(odb, backend, 500), "git_odb_add_backend")
    let permissions = try SharedPermissions(self)
    return try body {
      try Self.migrate(from: folder + "/pack", to: objects + "/pack", permissions: permissions)
    }
  }

  /// Links every pack of `source` into `destination`: `.keep`, `.pack`, `.rev`, then `.idx`,
  /// as git migrates a quarantine, so a reader never finds an index without its pack. A link,
  /// not a move, so that the quarantine's own reader keeps its files until it is gone. A pack
  /// already there under the same name holds the same objects.
  private static func migrate(from source: String, to destination: String, permissions: SharedPermissions) throws {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
    func rank(_ name: String) -> Int {
      for (index, suffix) in [".keep", ".pack", ".rev", ".idx"].enumerated() where name.hasSuffix(suffix) { return index }
      return 4
    }
    let ordered = names.filter { $0.hasPrefix("pack-") }.sorted { (rank($0), $0) < (rank($1), $1) }
    guard !ordered.isEmpty else { return }
    for name in ordered {
      let target = destination + "/" + name
      if link(source + "/" + name, target) != 0 && errno != EEXIST {
        let error = errno
        guard rename(source + "/" + name, target) == 0 else {
          throw GitError(
            function: "link", code: -1, message: "cannot move \(name) into \(destination): \(String(cString: strerror(error)))")
        }
      }
      permissions.adjust(target)
    }
    // The new names are durable before anything can point at the objects.
    let descriptor = open(destination, O_RDONLY | O_CLOEXEC)
    if descriptor >= 0 {
      fsync(descriptor)
      close(descriptor)
    }
  }

  /// Quarantines left by a run that was killed: those whose process is gone.
  private static func removeAbandonedQuarantines(in objects: String) {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? []
    where name.hasPrefix("journal-incoming-") {
      let parts = name.dropFirst("journal-incoming-".count).split(separator: "-")
      guard let pid = parts.first.flatMap({ Int32($0) }), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      try? FileManager.default.removeItem(atPath: objects + "/" + name)
    }
  }
}
