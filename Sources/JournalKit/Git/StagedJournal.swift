import Foundation
import JournalGit
import JournalParsing

/// The journal as the index holds it: what the next commit would record.
public enum StagedJournal {
  /// The staged journal, and the journal-relative paths staged since HEAD.
  public static func load(_ location: JournalLocation) throws -> (source: MemoryJournal, changed: [String]) {
    let journal = try JournalRepository.open(location)
    let files = try git { try journal.repository.stagedFiles(under: journal.prefix) }
    var relative: [String: [UInt8]] = [:]
    for (path, bytes) in files { relative[journal.journalPath(path)] = bytes }
    let changed = try git { try journal.repository.stagedChanges(under: journal.journalPaths) }
    return (MemoryJournal(files: relative), changed.map(journal.journalPath))
  }
}
