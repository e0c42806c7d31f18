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
    /// A hook refused the commit (git's exit 1); everything is as it was.
    case rejected(String)
  }

  /// Commits the journal's changes, or with `only` (journal-relative files or folders) just
  /// the changes there, as `git commit <paths>` does.
  public static func commit(
    _ location: JournalLocation, only: [String]? = nil, message: String?, dryRun: Bool,
    verify: Bool, today: Day
  ) throws -> Outcome {
    let named = try only.map { paths in
      try paths.map { path in
        guard path == JournalPath.configName || JournalPath.isInside(path, folder: JournalPath.peopleFolder) else {
          throw JournalError("\(path.isEmpty ? "." : path) is not one of the journal's own files (journal.yml, mentees/)")
        }
        // Said, not skipped in silence: what a commit leaves out of a named folder (below)
        // cannot be committed by naming it either.
        if JournalPath.isInHidden(path) { throw HiddenPath(path: path) }
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
    let identity = try journal.checkReadyToCommit()
    let repository = journal.repository
    // Hidden files are not the journal's: editors' swap files, and the temporary files that
    // `journal new` renames into place, which a commit running beside it must never take.
    func isJournals(_ path: String) -> Bool {
      !JournalPath.isInHidden(journal.journalPath(path))
    }
    // From here on the index is locked; a refusal leaves everything as it was.
    let transaction = try git { try CommitTransaction(repository) }
    let paths = named.map { $0.map { journal.prefix + $0 } } ?? journal.journalPaths
    let root = journal.location.root + "/"
    let files = (named ?? []).filter { !isFolder(root + $0) }.map { journal.prefix + $0 }
    let candidates: [String]
    do {
      candidates = try git { try transaction.candidates(under: paths, files: files) }.filter(isJournals)
    } catch let mismatch as PathspecMismatch {
      throw UnmatchedPath(path: journal.journalPath(mismatch.path))
    }

    // The files about to be committed are checked beside the git work (named files from the
    // start); the commit waits for the check before any hook runs and before anything can be
    // seen, and a refusal leaves everything as it was.
    let source = DiskJournal(location)
    let present = candidates.map(journal.journalPath).filter { exists(root + $0) }
    let pending = verify && !present.isEmpty
      ? early ?? Background { try Checker.check(source, today: today, only: present) } : nil
    func refusal() throws -> CheckReport? {
      guard let pending else { return nil }
      helpers.help()
      let report = try pending.value().narrowed(to: present)
      return report.errorCount > 0 ? report : nil
    }
    // A file too large or unreadable to check is refused before anything is written: its
    // content never reaches the repository's objects.
    let unreadable = present.contains { if case .failure = source.read($0) { true } else { false } }
    if unreadable, let report = try refusal() {
      transaction.rollback()
      return .refused(report)
    }

    func describe(_ fileChanges: [FileChange]) -> [JournalChange] {
      // Read as the check reads them: with the headings journal.yml adds.
      let sections = JournalLoader.config(source).sections
      return fileChanges.map { change in
        let path = journal.journalPath(change.path)
        var document: Document? = nil
        if change.kind != .deleted, case .success(let bytes) = source.read(path) {
          document = DocumentParser.parse(bytes, path: path, sections: sections).document
        }
        return JournalChange(kind: change.kind, path: path, document: document)
      }
    }
    if dryRun {
      // Staged into memory only: nothing is written, and the lock is given back.
      let fileChanges = try git {
        try repository.withObjectsInMemory { _ in try transaction.stage(candidates) }
      }
      transaction.rollback()
      if let report = try refusal() { return .refused(report) }
      guard !fileChanges.isEmpty else { return .nothingToCommit }
      let changes = describe(fileChanges)
      return .dryRun(changes: changes, message: message ?? CommitMessage.make(changes))
    }
    let fileChanges = try git { try transaction.stage(candidates) }
    guard !fileChanges.isEmpty else {
      // Nothing to commit, but an index an interrupted run left behind is brought back in line.
      try git { try transaction.keepIndex() }
      return .nothingToCommit
    }
    let changes = describe(fileChanges)
    let text = message ?? CommitMessage.make(changes)
    var options = CommitTransaction.Options(verify: verify)
    options.identity = identity
    options.approve = {
      if let report = try refusal() { throw CheckRefusal(report: report) }
    }
    do {
      switch try git({ try transaction.commit(fileChanges, message: text, options: options) }) {
      case .nothingToCommit:
        transaction.rollback()
        return .nothingToCommit
      case .committed(let id, let message):
        return .committed(id: id.description, changes: changes, message: message)
      }
    } catch let refusal as CheckRefusal {
      transaction.rollback()
      return .refused(refusal.report)
    } catch let refusal as CommitRefusal where refusal.status == 1 {
      transaction.rollback()
      return .rejected(refusal.message)
    }
  }
}

/// A path named for `journal commit` is hidden or inside a hidden folder, and so not the
/// journal's: journal commits no hidden file. Nothing was staged.
public struct HiddenPath: Error, Sendable {
  /// Relative to the journal.
  public let path: String
}

/// A path named for `journal commit` matches no file, on disk or in the index: git add's
/// "pathspec '…' did not match any files". Nothing was staged.
public struct UnmatchedPath: Error, Sendable {
  /// Relative to the journal.
  public let path: String
}

/// The check found errors: the commit stops before any hook runs.
private struct CheckRefusal: Error {
  let report: CheckReport
}

private func exists(_ path: String) -> Bool {
  var info = stat()
  return lstat(path, &info) == 0
}

private func isFolder(_ path: String) -> Bool {
  var info = stat()
  return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
}
