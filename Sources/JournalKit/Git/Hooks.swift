import Foundation
import JournalGit

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

  /// The hook's text: the previous hook first, then `journal check --staged`.
  static func script(journal executable: String, root: String) -> String {
    """
    #!/bin/sh
    \(marker), installed by `journal hooks install`.
    # It checks the journal's staged notes; a hook that was here before runs first, kept as
    # \(previousName). `journal hooks uninstall` puts it back.
    hooks=$(dirname "$0")
    if [ -x "$hooks/\(previousName)" ]; then
      "$hooks/\(previousName)" "$@" || exit $?
    fi
    exec \(quote(executable)) check --staged --journal \(quote(root))

    """
  }

  public static func install(_ location: JournalLocation, executable: String) throws -> Outcome {
    let journal = try JournalRepository.open(location)
    let folder = try git { try journal.repository.hooksFolder() }
    let hook = (folder as NSString).appendingPathComponent("pre-commit")
    let previous = (folder as NSString).appendingPathComponent(previousName)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = script(journal: executable, root: location.root)
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

  private static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
