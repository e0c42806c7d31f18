import Foundation
import JournalModel
internal import Clibgit2

/// A libgit2 call that failed: the function, its return code, and libgit2's own message,
/// read at once, before another call can replace it.
public struct GitError: Error, Sendable, CustomStringConvertible {
  public let function: String
  public let code: Int32
  public let message: String

  public init(function: String, code: Int32, message: String) {
    self.function = function
    self.code = code
    self.message = message
  }

  /// Another process holds a lock (`index.lock`, a ref's `.lock`): try again.
  public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
  /// A reference moved under us: another commit landed first.
  public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
  public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
  /// A reference that was to be created exists already.
  public var alreadyExists: Bool { code == GIT_EEXISTS.rawValue }

  public var description: String { message.isEmpty ? "\(function) failed (\(code))" : message }
}

/// Turns a negative libgit2 return into a `GitError`.
@discardableResult
func check(_ result: Int32, _ function: StaticString) throws -> Int32 {
  guard result < 0 else { return result }
  var message = ""
  if let last = git_error_last(), let text = last.pointee.message {
    message = String(cString: text)
  }
  throw GitError(function: "\(function)", code: result, message: message)
}

/// libgit2 is initialised once per process, with fsync of the objects, references and reflogs
/// it writes under `.git` (libgit2 1.5 does not flush the index), and reading objects as git
/// reads them: inflated and checked by zlib, not hashed again on every read (libgit2's
/// default, which git leaves to `git fsck`).
enum Libgit2 {
  private static let ready: Bool = {
    git_libgit2_init()
    _ = journal_git_enable_fsync(1)
    _ = journal_git_verify_objects_read(0)
    _ = journal_git_allow_worktree_config()
    FilterDriver.register()
    return true
  }()

  static func initialize() { _ = ready }

  /// Set once, before any repository is released, by a program that will exit soon.
  // Unsynchronised: written once on the main thread before any repository is opened, and
  // read only when one is released afterwards.
  nonisolated(unsafe) private(set) static var keepsRepositoriesUntilExit = false

  static func keepRepositoriesUntilExit() { keepsRepositoriesUntilExit = true }

  /// The libgit2 version linked in, such as `1.5.1`.
  static var version: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    var revision: Int32 = 0
    git_libgit2_version(&major, &minor, &revision)
    return "\(major).\(minor).\(revision)"
  }
}

public enum GitLibrary {
  /// The libgit2 version journal runs with.
  public static var version: String { Libgit2.version }

  /// For a program about to exit: repositories are no longer freed when released, since the
  /// system takes their memory back faster. Not for a long-running user of the library.
  public static func keepRepositoriesUntilExit() { Libgit2.keepRepositoriesUntilExit() }

  /// Starts initialising libgit2 on another thread, for a command that will need it: its
  /// start-up (which reads every TLS certificate authority of the system) then overlaps with
  /// the command's own. Whoever uses libgit2 first waits for it to finish.
  ///
  /// A program that calls this must call `finishInitializingInBackground()` before it exits.
  public static func initializeInBackground() {
    background.lock()
    defer { background.unlock() }
    guard starter == nil else { return }
    // A thread of journal's own: Foundation's `Thread` takes milliseconds to start its first one.
    starter = WorkerThread { Libgit2.initialize() }
  }

  /// Waits until the thread `initializeInBackground()` started has ended, for a program about
  /// to exit. Exiting while it runs let the libraries' exit handlers (OpenSSL's cleanup) run
  /// beside libgit2's start-up or that thread's own exit handlers, which could abort the
  /// program; a command that fails early (a mistyped option, a bad date) exits within
  /// milliseconds, while that start-up may still be reading certificate authorities.
  public static func finishInitializingInBackground() {
    background.lock()
    defer { background.unlock() }
    guard let thread = starter else { return }
    starter = nil
    thread.join()
  }

  private static let background = NSLock()
  // Guarded by `background`.
  nonisolated(unsafe) private static var starter: WorkerThread?
}
