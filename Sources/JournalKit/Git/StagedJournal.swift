import Foundation
import JournalGit
import JournalParsing

/// The journal as the index holds it: what the next commit would record.
public enum StagedJournal {
  /// The staged journal, and the journal-relative paths staged since HEAD. As every git
  /// command, reads the index `GIT_INDEX_FILE` names when it is set (relative to the current
  /// folder): what `git commit -a` or `git commit <paths>` is about to commit, in a hook.
  public static func load(_ location: JournalLocation) throws -> (source: MemoryJournal, changed: [String]) {
    let journal = try JournalRepository.open(location)
    let indexFile = getenv("GIT_INDEX_FILE").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }.map {
      $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0
    }
    let files = try git { try journal.repository.stagedFiles(under: journal.prefix, indexFile: indexFile) }
    var relative: [String: [UInt8]] = [:]
    for (path, bytes) in files { relative[journal.journalPath(path)] = bytes }
    let changed = try git { try journal.repository.stagedChanges(under: journal.journalPaths, indexFile: indexFile) }
    return (MemoryJournal(files: relative), changed.map(journal.journalPath))
  }
}
