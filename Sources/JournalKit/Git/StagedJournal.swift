import Foundation
import JournalGit
import JournalParsing

/// The journal as the index holds it: what the next commit would record.
public enum StagedJournal {
  /// The staged journal, and the journal-relative paths staged since HEAD (added, changed or
  /// deleted: a deleted profile leaves a finding where it was). As every git
  /// command, reads the index `GIT_INDEX_FILE` names when it is set (relative to the current
  /// folder): what `git commit -a` or `git commit <paths>` is about to commit, in a hook.
  public static func load(_ location: JournalLocation) throws -> (source: MemoryJournal, changed: [String]) {
    let journal = try JournalRepository.open(location)
    let indexFile = getenv("GIT_INDEX_FILE").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }.map {
      $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0
    }
    let staged = try git { try journal.repository.stagedEntries(under: journal.prefix, indexFile: indexFile) }
    var relative: [String: [UInt8]] = [:]
    for (path, bytes) in staged.files { relative[journal.journalPath(path)] = bytes }
    // Every staged path in the journal's folder, not only its notes: a stopped write's copy
    // at the root or in `templates/` is committed by `git commit` as well, and reported.
    let changed = try git {
      try journal.repository.stagedChanges(under: journal.prefix.isEmpty ? [] : [journal.prefix], indexFile: indexFile)
    }
    return (
      MemoryJournal(
        files: relative, links: staged.links.map(journal.journalPath),
        repositories: staged.gitlinks.map(journal.journalPath)),
      changed.map(journal.journalPath)
    )
  }
}
