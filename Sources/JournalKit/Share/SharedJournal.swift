import Foundation
import JournalGit
import JournalModel
import JournalRules
import JournalParsing

/// The shared journal as a shared commit holds it, for the check before a push: its files are
/// listed from the commit's trees, and each is read only when the check asks for it, one at a
/// time, after its size is known. Attachments are never read, and a note larger than the
/// check takes is refused unread, so memory does not grow with what the person's folder holds.
///
/// `@unchecked Sendable`: the check reads files from several threads, and libgit2's
/// repository is not thread-safe; every use of `repository` is made under `lock`, one at a
/// time, and nothing else here changes after `init`.
final class SharedJournal: JournalSource, @unchecked Sendable {
  private let repository: Repository
  private let files: [String: ObjectID]
  private let lock = NSLock()

  /// The journal `commit` holds, with the `journal.yml` of `settings` when given: the shared
  /// settings as they were before the person's commits, against which what they changed is
  /// checked, so that a rubric only their notes name is not theirs to bring into the shared
  /// `journal.yml`.
  init(_ commit: ObjectID, settings: ObjectID? = nil, in repository: Repository) throws {
    self.repository = repository
    var files: [String: ObjectID] = [:]
    func walk(_ tree: ObjectID, under path: String) throws {
      for entry in try repository.treeEntries(tree) {
        switch entry.kind {
        case .folder: try walk(entry.id, under: path + entry.name + "/")
        case .file, .executable: files[path + entry.name] = entry.id
        // A shared tree holds neither; were one there, it would not be a note to read.
        case .link, .submodule: continue
        }
      }
    }
    try walk(try repository.commitHeader(commit).tree, under: "")
    if let settings {
      files[JournalPath.configName] = try repository.treeEntry(
        JournalPath.configName, in: try repository.commitHeader(settings).tree)?.id
    }
    self.files = files
  }

  func listing(people: Set<String>?) throws -> JournalListing {
    JournalListing(files: files.keys, people: people)
  }

  func read(_ path: String) -> ParseStep<[UInt8]> {
    guard let id = files[path] else {
      return .failure(
        Diagnostic(EncodingRule.cannotRead(), file: path, at: .start))
    }
    lock.lock()
    defer { lock.unlock() }
    do {
      let size = try repository.blobSize(id)
      guard size <= SourceText.defaultSizeLimit else {
        return .failure(SourceText.tooLarge(size, limit: SourceText.defaultSizeLimit, file: path))
      }
      return .success(try repository.blobContent(id))
    } catch {
      return .failure(
        Diagnostic(EncodingRule.cannotRead(reason: "\(error)"), file: path, at: .start))
    }
  }

  /// The files the findings of `report` are in, for showing them: notes, each within the
  /// size the check reads.
  func contents(of report: CheckReport) -> [String: [UInt8]] {
    var contents: [String: [UInt8]] = [:]
    for path in Set(report.diagnostics.map(\.file)) {
      if case .success(let bytes) = read(path) { contents[path] = bytes }
    }
    return contents
  }
}
