import Foundation
import JournalGit
import JournalModel

/// `journal hooks`: a git pre-commit hook that checks the journal's staged notes, installed
/// beside whatever hook was there, which keeps running first.
public enum Hooks {
  static let marker = "# journal pre-commit hook"
  static let previousName = "pre-commit.before-journal"

  public enum Outcome: Equatable {
    case installed(path: String, keptPrevious: Bool)
    case updated(path: String)
    case removed(path: String, restoredPrevious: Bool)
    case notInstalled
  }

  /// The hook's text: the previous hook first, then `journal check --staged` on the journal
  /// at `folder` (relative to the working tree's top, where git runs hooks). `journal` is
  /// found on `PATH` when the hook runs, and the journal from the working tree, so the hook
  /// keeps working when the repository is moved or copied, and in every worktree.
  /// `journal check --staged` reads the index git is about to commit (`GIT_INDEX_FILE`).
  static func script(journalFolder folder: String) -> String {
    """
    #!/bin/sh
    \(marker), installed by `journal hooks install`.
    # It checks the journal's notes as they are staged for this commit; a hook that was here
    # before runs first, kept as \(previousName). `journal hooks uninstall` puts it back.
    hooks=${0%/*}
    if [ -x "$hooks/\(previousName)" ]; then
      "$hooks/\(previousName)" "$@" || exit $?
    fi
    if ! command -v journal >/dev/null 2>&1; then
      echo "journal pre-commit hook: journal is not on PATH, so the staged notes cannot be checked; install it (make install), or commit with --no-verify" >&2
      exit 1
    fi
    exec journal check --staged --journal \(ShellQuote.quote(folder))

    """
  }

  /// Installs the hook where git will run it: `core.hooksPath` when this repository sets it,
  /// else the hooks folder every worktree shares. A `core.hooksPath` set for the user or the
  /// system is refused: a hook there would run in every repository.
  public static func install(_ location: JournalLocation) throws -> Outcome {
    let journal = try JournalRepository.open(location)
    if let setting = try git({ try journal.repository.hooksPathSetting() }), !setting.local {
      throw JournalError(
        "core.hooksPath is set to \(setting.path) outside this repository (your global or system git configuration), so a hook installed there would run in every repository; set core.hooksPath for this repository (git config core.hooksPath .githooks) and run journal hooks install again, or call `journal check --staged` from the hooks in \(setting.path)")
    }
    let folder = try git { try journal.repository.hooksFolder() }
    let hook = (folder as NSString).appendingPathComponent("pre-commit")
    let previous = (folder as NSString).appendingPathComponent(previousName)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // `./` keeps a folder named like an option (`-notes`) a folder.
    let text = script(journalFolder: journal.prefix.isEmpty ? "." : "./" + journal.prefix.dropLast())
    if let existing = try? String(contentsOfFile: hook, encoding: .utf8) {
      if existing.contains(marker) {
        try AtomicFile.replace(hook, contents: text)
        return .updated(path: hook)
      }
      guard !FileManager.default.fileExists(atPath: previous) else {
        throw JournalError("both \(hook) and \(previous) exist; journal will not move either")
      }
      guard rename(hook, previous) == 0 else {
        throw JournalError("cannot keep the existing hook as \(previous): \(String(cString: strerror(errno)))")
      }
      try AtomicFile.create(hook, contents: text, mode: 0o755)
      return .installed(path: hook, keptPrevious: true)
    }
    try AtomicFile.create(hook, contents: text, mode: 0o755)
    return .installed(path: hook, keptPrevious: false)
  }

  public static func uninstall(_ location: JournalLocation) throws -> Outcome {
    let journal = try JournalRepository.open(location)
    let folder = try git { try journal.repository.hooksFolder() }
    let hook = (folder as NSString).appendingPathComponent("pre-commit")
    let previous = (folder as NSString).appendingPathComponent(previousName)
    guard let existing = try? String(contentsOfFile: hook, encoding: .utf8), existing.contains(marker) else {
      return .notInstalled
    }
    if FileManager.default.fileExists(atPath: previous) {
      guard rename(previous, hook) == 0 else {
        throw JournalError("cannot restore \(previous): \(String(cString: strerror(errno)))")
      }
      return .removed(path: hook, restoredPrevious: true)
    }
    guard unlink(hook) == 0 else { throw JournalError("cannot remove \(hook): \(String(cString: strerror(errno)))") }
    return .removed(path: hook, restoredPrevious: false)
  }
}
