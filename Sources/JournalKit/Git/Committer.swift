import Foundation
import JournalChecks
import JournalGit
import JournalModel
import JournalParsing

/// `journal commit`: commit the journal's own changes, and nothing else.
public enum Committer {
  public enum Outcome {
    case nothingToCommit
    /// The changed files have errors; nothing was written.
    case refused(CheckReport)
    case dryRun(changes: [JournalChange], message: String)
    case committed(id: String, changes: [JournalChange], message: String)
  }

  /// Commits the journal's changes, or with `only` (journal-relative files or folders) just
  /// the changes there, as `git commit <paths>` does.
  public static func commit(
    _ location: JournalLocation, only: [String]? = nil, message: String?, dryRun: Bool,
    verify: Bool, today: Day
  ) throws -> Outcome {
    let journal = try JournalRepository.open(location)
    try journal.checkReadyToCommit()
    let repository = journal.repository
    var paths = journal.journalPaths
    if let only {
      paths = try only.map { path in
        guard path == JournalPath.configName || path.hasPrefix(JournalPath.peopleFolder + "/") || path == JournalPath.peopleFolder else {
          throw JournalError("\(path.isEmpty ? "." : path) is not one of the journal's own files (journal.yml, mentees/)")
        }
        return journal.prefix + path
      }
    }
    // Hidden files are not the journal's: editors' swap files, and the temporary files that
    // `journal new` renames into place, which a commit running beside it must never take.
    func isJournals(_ change: FileChange) -> Bool {
      !journal.journalPath(change.path).split(separator: "/").contains { $0.hasPrefix(".") }
    }
    let state = try git { try repository.workingTreeState(under: paths) }
    let fileChanges = state.changes.filter(isJournals)
    let stale = state.stale.filter(isJournals)
    guard !fileChanges.isEmpty else {
      // Nothing to commit, but an index an interrupted run left behind is brought back in line.
      if !stale.isEmpty && !dryRun { try git { try repository.stage(stale) } }
      return .nothingToCommit
    }

    let source = DiskJournal(location)
    let changes = fileChanges.map { change in
      let path = journal.journalPath(change.path)
      var document: Document? = nil
      if change.kind != .deleted, case .success(let bytes) = source.read(path) {
        document = DocumentParser.parse(bytes, path: path).document
      }
      return JournalChange(kind: change.kind, path: path, document: document)
    }
    if verify {
      let checked = changes.filter { $0.kind != .deleted }.map(\.path)
      if !checked.isEmpty {
        let report = try Checker.check(source, today: today, only: checked)
        if report.errorCount > 0 { return .refused(report) }
      }
    }
    let text = message.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" } ?? CommitMessage.make(changes)
    if dryRun { return .dryRun(changes: changes, message: text) }
    guard let id = try git({ try repository.commit(fileChanges, message: text) }) else {
      return .nothingToCommit
    }
    do {
      try git { try repository.stage(fileChanges + stale) }
    } catch let error as JournalError {
      // The commit stands; only the index lags, and the next journal commit repairs it.
      throw JournalError(
        "committed \(String(id.description.prefix(7))), but the index could not be updated (\(error.message)); run journal commit again to bring it in line")
    }
    return .committed(id: id.description, changes: changes, message: text)
  }
}
