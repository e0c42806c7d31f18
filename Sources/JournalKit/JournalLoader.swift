import Foundation
import JournalChecks
import JournalModel
import JournalParsing

/// Reads and parses every file of a journal, on every core, into a `Journal` and findings.
public struct LoadedJournal: Sendable {
  public let journal: Journal
  public let listing: JournalListing
  /// Findings made while reading each file.
  public let diagnostics: [Diagnostic]
  /// Files that were parsed as notes (not attachments, not private notes).
  public let checkedFiles: [String]
}

public enum JournalLoader {
  public static func load(_ source: some JournalSource) throws -> LoadedJournal {
    let listing = try source.listing()
    let parsed = parseAll(listing.files, source: source)

    var diagnostics: [Diagnostic] = []
    var config = JournalConfig()
    var profiles: [String: Person] = [:]
    var sessions: [String: [Session]] = [:]
    var plans: [String: [Plan]] = [:]
    var checked: [String] = []
    for file in parsed {
      diagnostics += file.diagnostics
      switch file.kind {
      case .ignored, .privateNote: continue
      default: checked.append(file.path)
      }
      switch file.document {
      case .config(let value)?:
        config = value
        diagnostics += RuleRegistry.validate(value, file: file.path)
      case .profile(let person)?: profiles[person.id] = person
      case .session(let session)?: sessions[session.personID, default: []].append(session)
      case .plan(let plan)?: plans[plan.personID, default: []].append(plan)
      case nil: break
      }
    }
    for link in listing.links {
      diagnostics.append(
        Diagnostic(
          rule: RuleID.fileName, severity: .error,
          message: "is a symbolic link; journal does not follow links", file: link,
          location: .start, hint: "keep the note itself inside the journal"))
    }
    for (path, reason) in listing.unreadable {
      diagnostics.append(
        Diagnostic(
          rule: RuleID.encoding, severity: .error, message: "cannot read the folder: \(reason)",
          file: path, location: .start))
    }
    if !listing.files.contains(JournalPath.configName) && !listing.links.contains(JournalPath.configName) {
      // Only an in-memory journal can lack it; on disk it is how the journal was found.
      config = JournalConfig()
    }
    let ids = Set(listing.people).union(profiles.keys).union(sessions.keys).union(plans.keys)
    let people = ids.map { id in
      PersonRecord(
        id: id, folder: "\(JournalPath.peopleFolder)/\(id)", profile: profiles[id],
        sessions: sessions[id] ?? [], plans: plans[id] ?? [])
    }
    return LoadedJournal(
      journal: Journal(config: config, people: people), listing: listing,
      diagnostics: diagnostics, checkedFiles: checked)
  }

  /// Parses files in parallel; each worker reads, parses and drops a file's bytes in turn,
  /// so memory grows with the models, not with the files.
  static func parseAll(_ paths: [String], source: some JournalSource) -> [ParsedFile] {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
    let results = ResultSlots<ParsedFile>(count: paths.count)
    let next = Counter()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let start = next.take(16)
        guard start < paths.count else { return }
        for index in start..<min(start + 16, paths.count) {
          let path = paths[index]
          let kind = JournalPath.classify(path)
          guard DocumentParser.readsContent(of: kind) else {
            // Attachments and private notes are never opened; a misplaced note is only named.
            results.set(index, DocumentParser.parse(nil, path: path))
            continue
          }
          let parsed: ParsedFile
          switch source.read(path) {
          case .success(let bytes):
            parsed = DocumentParser.parse(bytes, path: path)
          case .failure(let problem):
            parsed = ParsedFile(path: path, kind: kind, document: nil, diagnostics: [problem])
          }
          results.set(index, parsed)
        }
      }
    }
    return results.values()
  }

}

/// Hands out batches of indexes to the workers.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func take(_ count: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    let current = value
    value += count
    return current
  }
}

/// One slot per file, each written by exactly one worker.
private final class ResultSlots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [Value] { slots.compactMap { $0 } }
}
