import Foundation
import JournalChecks
import JournalGit
import JournalModel
import JournalParsing

/// `journal commit`: commit the journal's own changes, and nothing else.
public enum Committer {
  public enum Outcome {
    case nothingToCommit
    /// The changed files have errors: the branch and the index are as they were.
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
    let named = try only.map { paths in
      try paths.map { path in
        guard path == JournalPath.configName || path.hasPrefix(JournalPath.peopleFolder + "/") || path == JournalPath.peopleFolder else {
          throw JournalError("\(path.isEmpty ? "." : path) is not one of the journal's own files (journal.yml, mentees/)")
        }
        return path
      }
    }
    // Named files are checked at once, on one core beside the git work rather than after it:
    // the changes found below lie within them, and the report is narrowed to those.
    // Once its own work is done, this thread helps parse what is left.
    let helpers = Helpers()
    let early = verify ? named.map { named in
      Background { try Checker.check(DiskJournal(location), today: today, only: named, parallel: false, helpers: helpers) }
    } : nil
    let journal = try JournalRepository.open(location)
    try journal.checkReadyToCommit()
    let repository = journal.repository
    // Hidden files are not the journal's: editors' swap files, and the temporary files that
    // `journal new` renames into place, which a commit running beside it must never take.
    func isJournals(_ change: FileChange) -> Bool {
      !journal.journalPath(change.path).split(separator: "/").contains { $0.hasPrefix(".") }
    }
    // What changed. Named files are compared one by one, at first with the index unread: it
    // is read on another thread meanwhile, and the answer is confirmed against it before the
    // branch moves. Folders, and the whole journal, are walked.
    let paths = named.map { $0.map { journal.prefix + $0 } }
    func walk() throws -> FileStates {
      try git { try repository.workingTreeState(under: paths ?? journal.journalPaths) }
    }
    var state: FileStates
    var confirm: (() throws -> FileStates)? = nil
    if let paths, !dryRun {
      let indexPath = repository.indexPath
      let index = Background { try IndexFile(reading: indexPath) }
      if let first = try git({ try repository.withIndexUnread { try repository.fileStates(paths) } }) {
        state = first
        confirm = {
          try repository.adopt(index.value())
          guard let exact = try repository.fileStates(paths) else {
            throw JournalError("a named file became a folder while it was committed; run journal commit again")
          }
          return exact
        }
      } else {
        try git { try repository.adopt(index.value()) }
        state = try walk()
      }
    } else {
      state = try paths.flatMap { paths in try git { try repository.fileStates(paths) } } ?? walk()
    }

    while true {
      let fileChanges = state.changes.filter(isJournals)
      guard !fileChanges.isEmpty else {
        if let exact = confirm {
          state = try git(exact)
          confirm = nil
          continue
        }
        // Nothing to commit, but an index an interrupted run left behind is brought back in line.
        let stale = state.stale.filter(isJournals)
        if !stale.isEmpty && !dryRun { try git { try repository.stage(stale) } }
        return .nothingToCommit
      }

      let source = DiskJournal(location)
      var allRead = true
      let changes = fileChanges.map { change in
        let path = journal.journalPath(change.path)
        var document: Document? = nil
        if change.kind != .deleted {
          switch source.read(path) {
          case .success(let bytes): document = DocumentParser.parse(bytes, path: path).document
          case .failure: allRead = false
          }
        }
        return JournalChange(kind: change.kind, path: path, document: document)
      }
      let text = message.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" } ?? CommitMessage.make(changes)
      let checked = changes.filter { $0.kind != .deleted }.map(\.path)
      // The check (the early one, or one started now) runs beside the writing of the commit's
      // objects; the branch moves only once it has passed, so a refused commit leaves nothing
      // behind but unreferenced objects, which git gc prunes.
      let pending =
        !verify || checked.isEmpty
        ? nil : early ?? Background { try Checker.check(source, today: today, only: checked) }
      func refusal() throws -> CheckReport? {
        guard let report = try pending?.value().narrowed(to: checked), report.errorCount > 0 else { return nil }
        return report
      }
      if dryRun {
        return try refusal().map(Outcome.refused) ?? .dryRun(changes: changes, message: text)
      }
      // A file that could not be read (too large, unreadable) is checked first: it is refused,
      // and its content is never copied into the repository.
      if !allRead, let report = try refusal() { return .refused(report) }
      let prepared = try git {
        confirm == nil
          ? try repository.prepareCommit(fileChanges, message: text)
          : try repository.withIndexUnread { try repository.prepareCommit(fileChanges, message: text) }
      }
      helpers.help()
      if let report = try refusal() { return .refused(report) }
      if let exact = confirm {
        // The first answer stands only if the index, read meanwhile, gives the same.
        let confirmed = try git(exact)
        confirm = nil
        if confirmed.changes != state.changes || confirmed.stored != state.stored {
          state = confirmed
          continue
        }
        state = confirmed
      }
      guard let prepared else { return .nothingToCommit }
      try git { try repository.land(prepared) }
      let id = prepared.id
      do {
        try git { try repository.stage(fileChanges + state.stale.filter(isJournals)) }
      } catch let error as JournalError {
        // The commit stands; only the index lags, and the next journal commit repairs it.
        throw JournalError(
          "committed \(String(id.description.prefix(7))), but the index could not be updated (\(error.message)); run journal commit again to bring it in line")
      }
      return .committed(id: id.description, changes: changes, message: text)
    }
  }
}
