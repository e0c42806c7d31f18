import Foundation
internal import Clibgit2

/// One entry of a reference's log.
public struct ReflogEntry: Sendable {
  /// nil for the zero id (the reference was created).
  public let old: ObjectID?
  public let new: ObjectID?
  public let message: String
}

extension Repository {
  /// Every reference log the repository holds, HEAD's first, whether or not its reference
  /// still exists: the files under `logs/` with a reference's name, as git's
  /// `reflog expire --all` finds them (`ORIG_HEAD`'s too, with `core.logAllRefUpdates=always`).
  public func reflogNames() -> [String] {
    var names: [String] = []
    let top = (try? FileManager.default.contentsOfDirectory(atPath: gitFolder + "logs")) ?? []
    for name in top.sorted(by: { $0 == "HEAD" && $1 != "HEAD" }) where name != "refs" && !name.hasSuffix(".lock") {
      var info = stat()
      guard lstat(gitFolder + "logs/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
        name.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || $0 == UInt8(ascii: "_") })
      else { continue }
      names.append(name)
    }
    let root = commonFolder + "logs/"
    let enumerator = FileManager.default.enumerator(atPath: root + "refs")
    while let path = enumerator?.nextObject() as? String {
      var info = stat()
      guard !path.hasSuffix(".lock"), lstat(root + "refs/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG
      else { continue }
      names.append("refs/" + path)
    }
    return names
  }

  /// The entries of a reference's log, newest first.
  public func reflogEntries(_ name: String) throws -> [ReflogEntry] {
    var reflog: OpaquePointer?
    try check(git_reflog_read(&reflog, pointer, name), "git_reflog_read")
    defer { git_reflog_free(reflog) }
    return (0..<git_reflog_entrycount(reflog)).compactMap { index in
      guard let entry = git_reflog_entry_byindex(reflog, index) else { return nil }
      func id(_ oid: UnsafePointer<git_oid>?) -> ObjectID? {
        guard let oid, git_oid_is_zero(oid) == 0 else { return nil }
        return ObjectID(oid.pointee)
      }
      return ReflogEntry(
        old: id(git_reflog_entry_id_old(entry)), new: id(git_reflog_entry_id_new(entry)),
        message: git_reflog_entry_message(entry).map { String(cString: $0) } ?? "")
    }
  }

  /// Removes the entries at `positions` (0 is the newest) from a reference's log, leaving the
  /// others as they were (as `git reflog expire` does without `--rewrite`); the log is
  /// replaced whole, through its lock.
  public func dropReflogEntries(_ name: String, at positions: Set<Int>) throws {
    guard !positions.isEmpty else { return }
    var reflog: OpaquePointer?
    try check(git_reflog_read(&reflog, pointer, name), "git_reflog_read")
    defer { git_reflog_free(reflog) }
    // From the oldest, so that the positions of those still to drop do not move.
    for position in positions.sorted(by: >) {
      try check(git_reflog_drop(reflog, position, 0), "git_reflog_drop")
    }
    try check(git_reflog_write(reflog), "git_reflog_write")
  }

  /// The commit `id` names, peeling tags, as git's `lookup_commit_reference_gently` does; nil
  /// when it names no commit or is missing.
  public func peeledCommit(_ id: ObjectID) -> ObjectID? {
    var oid = id.oid
    var object: OpaquePointer?
    guard git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) == 0 else { return nil }
    defer { git_object_free(object) }
    var peeled: OpaquePointer?
    guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0 else { return nil }
    defer { git_object_free(peeled) }
    return ObjectID(git_object_id(peeled).pointee)
  }
}
