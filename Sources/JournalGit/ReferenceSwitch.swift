import Foundation
internal import Clibgit2

/// A reference moved (or deleted, `new` nil) by `Repository.switchReferences`, only if it
/// still holds `old`.
public struct ReferenceMove: Sendable, Equatable {
  public let name: String
  public let old: ObjectID
  public let new: ObjectID?

  public init(name: String, old: ObjectID, new: ObjectID?) {
    self.name = name
    self.old = old
    self.new = new
  }
}

/// Many references moved in one step: a program that reads them, killed or not, sees them all
/// as they were or all as they are after, never some of each.
///
/// git keeps a reference either in a loose file of its own, which wins, or as a line of
/// `packed-refs`; one `rename(2)` replaces that whole file. So, with git's locks held
/// throughout (each reference's `<name>.lock`, taken first, then `packed-refs.lock`, as
/// git's `files_transaction_prepare` takes them), and the values checked under them:
///
/// 1. The loose files of the references that move are folded into `packed-refs`: the file is
///    written with their current values, then the loose files are removed. Nothing changes
///    value. A detached HEAD, which git never packs, is made to name a packed stand-in
///    (`detachedHeadStandIn`) that holds its commit: its value does not change either.
/// 2. The logs of references that go are removed, as git removes them before the references.
/// 3. `packed-refs` is written with every new value: the one rename that moves them all.
/// 4. HEAD is detached again at its new commit and the stand-in removed; nothing changes value.
///
/// Each file is written as git writes `packed-refs` (`<file>.new`, flushed, renamed over the
/// file while its lock is held, then the folder flushed); the locks go last. Other processes
/// meanwhile find the locks and wait or fail, as with git. Killed before step 3 the
/// references hold their old values; from then on, their new ones. Killed during step 1 or 4
/// with a detached HEAD, HEAD names the stand-in: `restoreDetachedHead` puts it back.
extension Repository {
  /// What HEAD names while a detached HEAD moves with the references: a branch, since git
  /// takes a HEAD that names anything else for a broken repository (`git fsck`).
  public static let detachedHeadStandIn = "refs/heads/journal-detached-head"

  /// Moves every reference of `moves`, and a detached HEAD from `detachedHead.old` to its
  /// `new`, in one rename of `packed-refs`. Fails with `isModified`, changing nothing, when
  /// one of them no longer holds its old value; with `isLocked` when another process holds a
  /// lock longer than git would wait.
  public func switchReferences(_ moves: [ReferenceMove], detachedHead: (old: ObjectID, new: ObjectID)? = nil) throws {
    guard !moves.isEmpty || detachedHead != nil else { return }
    let standIn = Self.detachedHeadStandIn
    for move in moves where !move.name.hasPrefix("refs/") || Self.isPerWorktree(move.name) || move.name == standIn {
      throw GitError(function: "switchReferences", code: -1, message: "\(move.name) is not a reference packed-refs can hold")
    }
    let permissions = try SharedPermissions(self)
    let timeouts = lockTimeouts
    let names = moves.map(\.name) + (detachedHead == nil ? [] : [standIn])
    var locks: [LockFile] = []
    defer {
      for lock in locks.reversed() { lock.release() }
      // The folders made for locks, and those references leave empty, as git leaves them.
      for name in names { removeEmptyParents(of: name, under: commonFolder) }
    }
    for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
      try makeFolders(of: common(name), permissions: permissions)
      locks.append(try LockFile(common(name), timeout: timeouts.loose, permissions: permissions))
    }
    if detachedHead != nil { locks.append(try LockFile(gitFolder + "HEAD", timeout: timeouts.loose, permissions: permissions)) }
    locks.append(try LockFile(common("packed-refs"), timeout: timeouts.packed, permissions: permissions))

    // Under the locks, each must still hold what it did.
    var packed = try PackedReferences.read(common("packed-refs"))
    for move in moves {
      let current: ObjectID? =
        switch looseReference(move.name) {
        case .id(let id)?: id
        case nil: packed.entries[move.name]?.id
        default: nil
        }
      guard current == move.old else { throw Self.moved(move.name) }
    }
    if let head = detachedHead {
      guard looseFile(gitFolder + "HEAD") == .id(head.old) else { throw Self.moved("HEAD") }
      guard looseReference(standIn) == nil, packed.entries[standIn] == nil else {
        throw GitError(function: "switchReferences", code: Int32(GIT_EEXISTS.rawValue), message: "\(standIn) exists")
      }
    }

    // 1. Loose files folded into packed-refs, HEAD naming its stand-in: no value changes.
    let loose = moves.filter { looseReference($0.name) != nil }
    if !loose.isEmpty || detachedHead != nil {
      for move in loose { packed.set(move.name, to: move.old) }
      if let head = detachedHead { packed.set(standIn, to: head.old) }
      try writePackedReferences(packed, permissions: permissions)
      for move in loose {
        guard unlink(common(move.name)) == 0 else { throw Self.fileError("remove", common(move.name)) }
      }
      // On disk before the switch, so that no loose file can come back to hide a new value.
      for path in Dictionary(loose.map { ((common($0.name) as NSString).deletingLastPathComponent, common($0.name)) }, uniquingKeysWith: { a, _ in a }).values {
        syncFolder(of: path)
      }
      if detachedHead != nil {
        try replaceHoldingLock(gitFolder + "HEAD", with: Array("ref: \(standIn)\n".utf8), permissions: permissions)
      }
    }
    // 2. The logs of the references that go.
    for move in moves where move.new == nil {
      unlink(common("logs/" + move.name))
      removeEmptyParents(of: move.name, under: common("logs/"))
    }
    // 3. Every new value at once.
    for move in moves { packed.set(move.name, to: move.new) }
    if let head = detachedHead { packed.set(standIn, to: head.new) }
    try writePackedReferences(packed, permissions: permissions)
    // 4. HEAD detached again.
    if let head = detachedHead {
      try replaceHoldingLock(gitFolder + "HEAD", with: Array("\(head.new)\n".utf8), permissions: permissions)
      packed.set(standIn, to: nil)
      try writePackedReferences(packed, permissions: permissions)
    }
  }

  /// After a switch stopped with a detached HEAD: HEAD detached again at the commit the
  /// stand-in holds, if it names it, and the stand-in removed, under the same locks. No value
  /// changes. False when there was nothing to put back.
  @discardableResult
  public func restoreDetachedHead() throws -> Bool {
    let standIn = Self.detachedHeadStandIn
    let names = looseFile(gitFolder + "HEAD") == .symbolic(standIn)
    let packedNow = try PackedReferences.read(common("packed-refs"))
    guard names || looseReference(standIn) != nil || packedNow.entries[standIn] != nil
    else { return false }
    let permissions = try SharedPermissions(self)
    let timeouts = lockTimeouts
    try makeFolders(of: common(standIn), permissions: permissions)
    let standInLock = try LockFile(common(standIn), timeout: timeouts.loose, permissions: permissions)
    defer { standInLock.release() }
    let headLock = try LockFile(gitFolder + "HEAD", timeout: timeouts.loose, permissions: permissions)
    defer { headLock.release() }
    let packedLock = try LockFile(common("packed-refs"), timeout: timeouts.packed, permissions: permissions)
    defer { packedLock.release() }
    var packed = try PackedReferences.read(common("packed-refs"))
    let value: ObjectID? =
      switch looseReference(standIn) {
      case .id(let id)?: id
      case nil: packed.entries[standIn]?.id
      default: nil
      }
    if looseFile(gitFolder + "HEAD") == .symbolic(standIn) {
      guard let value else { throw Self.moved(standIn) }
      try replaceHoldingLock(gitFolder + "HEAD", with: Array("\(value)\n".utf8), permissions: permissions)
    }
    if packed.entries[standIn] != nil {
      packed.set(standIn, to: nil)
      try writePackedReferences(packed, permissions: permissions)
    }
    unlink(common(standIn))
    return true
  }

  /// The folders a file's path needs, made as git makes them (`safe_create_leading_directories`,
  /// with `core.sharedRepository`'s permissions).
  func makeFolders(of path: String, permissions: SharedPermissions) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let missing = permissions.missingFolders(of: path, under: commonFolder)
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw GitError(function: "mkdir", code: -1, message: "cannot make \(folder): a file is in the way")
    }
    for made in missing { permissions.adjust(made) }
  }

  static func moved(_ name: String) -> GitError {
    GitError(function: "switchReferences", code: Int32(GIT_EMODIFIED.rawValue), message: "\(name) moved meanwhile")
  }
}
