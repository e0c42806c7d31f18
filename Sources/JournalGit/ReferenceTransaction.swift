import Foundation
internal import Clibgit2

/// References changed as git changes them: each one's lock (`<ref>.lock`) taken first, its
/// value checked under the lock, then every change written with its reflog entry (and HEAD's,
/// when HEAD names the branch) as the locks are committed. Built on libgit2's
/// `git_transaction`; whatever is not committed is unlocked unchanged.
public final class ReferenceTransaction {
  let repository: Repository
  private let transaction: OpaquePointer
  private var updated: [String] = []

  /// Locks `names` (such as `HEAD` and `refs/heads/main`), in that order; fails with
  /// `isLocked` when another process holds one.
  public init(_ repository: Repository, locking names: [String]) throws {
    self.repository = repository
    var transaction: OpaquePointer?
    try check(git_transaction_new(&transaction, repository.pointer), "git_transaction_new")
    self.transaction = transaction!
    for name in names {
      try check(git_transaction_lock_ref(transaction, name), "git_transaction_lock_ref")
    }
  }

  deinit { git_transaction_free(transaction) }

  /// What a locked reference points at now, read under its lock; nil when it does not exist.
  public func current(_ name: String) throws -> ObjectID? { try repository.reference(name) }

  /// Points `name` at `target` once the transaction commits, only if it still points at
  /// `expected` (nil: does not exist yet); otherwise fails with `isModified` and changes
  /// nothing.
  public func update(
    _ name: String, to target: ObjectID, expected: ObjectID?, committer: Signature, message: String
  ) throws {
    guard try current(name) == expected else {
      throw GitError(
        function: "update", code: Int32(GIT_EMODIFIED.rawValue), message: "\(name) moved while the commit was made")
    }
    var oid = target.oid
    let signature = try committer.make()
    defer { git_signature_free(signature) }
    try check(git_transaction_set_target(transaction, name, &oid, signature, message), "git_transaction_set_target")
    updated.append(name)
  }

  /// Writes every update and its reflog entries, and releases every lock.
  public func commit() throws {
    let permissions = try SharedPermissions(repository)
    let common = repository.commonFolder
    let newFolders = updated.flatMap {
      permissions.missingFolders(of: common + $0, under: common)
        + permissions.missingFolders(of: common + "logs/" + $0, under: common)
    }
    try check(git_transaction_commit(transaction), "git_transaction_commit")
    // What git would have made group-writable in a shared repository.
    for folder in newFolders { permissions.adjust(folder) }
    for name in updated {
      for path in [common + name, common + "logs/" + name] where access(path, F_OK) == 0 {
        permissions.adjust(path)
      }
    }
    let headLog = repository.gitFolder + "logs/HEAD"
    if access(headLog, F_OK) == 0 { permissions.adjust(headLog) }
  }
}

extension Repository {
  /// The folder a linked worktree shares with the main one (objects, branches, hooks): the
  /// `.git` folder itself outside linked worktrees.
  public var commonFolder: String { String(cString: git_repository_commondir(pointer)) }
}
