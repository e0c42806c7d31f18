import Foundation
internal import Clibgit2

/// References changed as git changes them: each one's lock (`<ref>.lock`) taken first, its
/// value checked under the lock, then every change written with its reflog entry (and HEAD's,
/// when HEAD names the branch) as the locks are committed. Built on libgit2's
/// `git_transaction`; whatever is not committed is unlocked unchanged.
///
/// Between the checks and the writes, git 2.28 and later run the `reference-transaction`
/// hook (`refs.c`): with `prepared` while the locks are held, and a line `<old> <new> <ref>`
/// on its standard input for each reference, a reference moved through HEAD listed as HEAD
/// first; a refusal aborts the transaction, and the hook runs again with `aborted`; otherwise
/// it runs with `committed` once the references have moved.
public final class ReferenceTransaction {
  let repository: Repository
  private var transaction: OpaquePointer?
  private var updated: [String] = []
  /// What the hook is told: each reference as `<old> <new> <name>`.
  private var lines: [String] = []

  /// Locks `names` (such as `HEAD` and `refs/heads/main`), in that order; fails with
  /// `isLocked` when another process holds one.
  public init(_ repository: Repository, locking names: [String]) throws {
    self.repository = repository
    var transaction: OpaquePointer?
    try check(git_transaction_new(&transaction, repository.pointer), "git_transaction_new")
    self.transaction = transaction
    for name in names {
      try check(git_transaction_lock_ref(transaction, name), "git_transaction_lock_ref")
    }
  }

  deinit { abandon() }

  /// Unlocks every reference unchanged.
  private func abandon() {
    if let transaction { git_transaction_free(transaction) }
    transaction = nil
  }

  /// What a locked reference points at now, read under its lock; nil when it does not exist.
  public func current(_ name: String) throws -> ObjectID? { try repository.reference(name) }

  /// Points `name` at `target` once the transaction commits, only if it still points at
  /// `expected` (nil: does not exist yet); otherwise fails with `isModified` and changes
  /// nothing. `through` names the symbolic reference the update was asked of (HEAD), which
  /// git's hook is told of first.
  public func update(
    _ name: String, to target: ObjectID, expected: ObjectID?, committer: Signature, message: String,
    through symbolic: String? = nil
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
    let old = expected?.description ?? String(repeating: "0", count: 40)
    for reference in [symbolic, name].compactMap({ $0 }) { lines.append("\(old) \(target) \(reference)\n") }
  }

  /// Deletes `name` once the transaction commits, only if it still points at `expected`;
  /// otherwise fails with `isModified` and changes nothing. Its log stays (libgit2 deletes a
  /// reference's log only outside a transaction): `Repository.deleteReflog` removes it.
  public func remove(_ name: String, expected: ObjectID) throws {
    guard try current(name) == expected else {
      throw GitError(function: "remove", code: Int32(GIT_EMODIFIED.rawValue), message: "\(name) moved meanwhile")
    }
    try check(git_transaction_remove(transaction, name), "git_transaction_remove")
    lines.append("\(expected) \(String(repeating: "0", count: 40)) \(name)\n")
  }

  /// Writes every update and its reflog entries, and releases every lock. With
  /// `hookEnvironment`, runs the `reference-transaction` hook first with `prepared` (given that
  /// environment beside journal's own) and, once the references have moved, with `committed`;
  /// a hook that refuses leaves every reference as it was, and fails with a `CommitRefusal`.
  /// Without it, no hook runs.
  public func commit(hookEnvironment environment: [String: String]? = nil) throws {
    let input = Array(lines.joined().utf8)
    if let environment,
      let status = try repository.runHook(.referenceTransaction, ["prepared"], input: input, environment: environment),
      status != 0
    {
      abandon()
      _ = try? repository.runHook(.referenceTransaction, ["aborted"], input: input, environment: environment)
      throw CommitRefusal(
        "not committed: the reference-transaction hook aborted the reference updates (exit \(status))", status: 1)
    }
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
    if let environment {
      _ = try? repository.runHook(.referenceTransaction, ["committed"], input: input, environment: environment)
    }
  }
}

extension Repository {
  /// The folder a linked worktree shares with the main one (objects, branches, hooks): the
  /// `.git` folder itself outside linked worktrees.
  public var commonFolder: String { String(cString: git_repository_commondir(pointer)) }
}
