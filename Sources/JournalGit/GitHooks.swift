import Foundation
internal import Clibgit2

/// The hooks `git commit` runs, in its order.
public enum GitHook: String, Sendable {
  case preCommit = "pre-commit"
  case prepareCommitMsg = "prepare-commit-msg"
  case commitMsg = "commit-msg"
  /// Run as references move (git 2.28 and later): `prepared`, then `committed` or
  /// `aborted`.
  case referenceTransaction = "reference-transaction"
  case postCommit = "post-commit"
}

extension Repository {
  /// The folder git runs hooks from, as `git rev-parse --git-path hooks` names it:
  /// `core.hooksPath` when set (relative to the working tree's top, `~/` for the home
  /// folder), else `hooks` in the folder shared by every worktree.
  public func hooksFolder() throws -> String {
    if let path = try hooksPathSetting()?.path {
      if path.hasPrefix("/") { return path }
      if path.hasPrefix("~/") { return NSHomeDirectory() + path.dropFirst(1) }
      return (workingTree ?? gitFolder) + path
    }
    return commonFolder + "hooks"
  }

  /// `core.hooksPath` and whether it is set for this repository alone (its own
  /// configuration, or its worktree's) rather than for the user or the whole system.
  public func hooksPathSetting() throws -> (path: String, local: Bool)? {
    try ConfigSnapshot(self).entry("core.hooksPath").map { (path: $0.value, local: $0.local) }
  }

  /// The hook's file, when there is one git would run (an executable file).
  func hookPath(_ hook: GitHook) throws -> String? {
    let path = try hooksFolder() + "/" + hook.rawValue
    return access(path, X_OK) == 0 ? path : nil
  }

  /// Runs `hook` as git runs it, if it exists and is executable: from the working tree's
  /// top, with `input` on its standard input, its output passed to standard error, with
  /// `environment` added to journal's own (`GIT_INDEX_FILE` and the rest). Returns its exit
  /// status, or nil when there is no hook.
  func runHook(_ hook: GitHook, _ arguments: [String] = [], input: [UInt8] = [], environment: [String: String]) throws -> Int32? {
    guard let path = try hookPath(hook) else { return nil }
    let result = try Subprocess.run(
      [path] + arguments, input: input, in: workingTree ?? gitFolder, environment: environment, output: .standardError,
      errors: .standardError)
    return result.status
  }
}
