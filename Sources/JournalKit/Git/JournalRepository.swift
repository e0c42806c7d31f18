import Foundation
import JournalGit
import JournalParsing

/// The git repository a journal lives in, and where the journal sits inside it.
public struct JournalRepository {
  public let repository: Repository
  public let location: JournalLocation
  /// The journal folder relative to the working tree: `""` at its root, else `SampleJournal/`.
  public let prefix: String

  /// Opens the repository that contains the journal, refusing one journal cannot commit to.
  public static func open(_ location: JournalLocation) throws -> JournalRepository {
    guard let repository = try git({ try Repository.discover(containing: location.root) }) else {
      throw JournalError(
        "\(location.root) is not inside a git repository; run `git init` there")
    }
    guard !repository.isBare, let workingTree = repository.workingTree else {
      throw JournalError("the repository at \(repository.gitFolder) is bare; journal needs a working tree")
    }
    let root = PathNames.resolved(String(workingTree.dropLast()))
    let inside = JournalPath.subpath(of: location.root, under: root) ?? ""
    let prefix = inside.isEmpty ? "" : inside + "/"
    return JournalRepository(repository: repository, location: location, prefix: prefix)
  }

  /// The journal's own files, as pathspecs relative to the working tree: `journal.yml` and
  /// everything under `mentees/`. Anything else in the folder is not the journal's.
  public var journalPaths: [String] {
    [prefix + JournalPath.configName, prefix + JournalPath.peopleFolder + "/"]
  }

  /// A working-tree path as a journal-relative one.
  public func journalPath(_ path: String) -> String {
    JournalPath.subpath(of: path, under: prefix) ?? path
  }

  /// Refuses a repository git itself would not commit in; returns who the commit will name.
  @discardableResult
  public func checkReadyToCommit() throws -> CommitIdentity {
    if let operation = repository.operationInProgress {
      throw JournalError(
        "a \(operation.rawValue) is in progress in \(repository.gitFolder); finish or abort it first")
    }
    if case .detached(let commit) = try git({ try repository.head() }) {
      throw JournalError(
        "HEAD is detached at \(commit.short); check out a branch first (git switch <branch>)")
    }
    // Who the commit names, decided now so that a missing identity is reported first.
    return try git { try repository.commitIdentity() }
  }
}

/// Runs a git operation, turning libgit2's errors into a one-line `JournalError`.
func git<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as GitError {
    if error.isLocked {
      throw JournalError("the repository is locked by another git process (\(error.message)); try again")
    }
    if error.isModified {
      throw JournalError("another commit landed while this one was made; run journal commit again")
    }
    throw JournalError("git: \(error.message)")
  } catch let refusal as CommitRefusal where refusal.status != 1 {
    throw JournalError(refusal.message)
  }
}

/// Starts libgit2 on another thread, for a command that will use git; call
/// `finishPreparingGit()` before the program exits.
public func prepareGit() { GitLibrary.initializeInBackground() }

/// Waits for `prepareGit()`'s thread to end, before the program exits.
public func finishPreparingGit() { GitLibrary.finishInitializingInBackground() }

/// For a command-line run: repositories are not freed when released, the system takes their
/// memory back at exit.
public func keepGitRepositoriesUntilExit() { GitLibrary.keepRepositoriesUntilExit() }

/// The version of libgit2 journal runs with, such as `1.5.1`.
public var libgit2Version: String { GitLibrary.version }
