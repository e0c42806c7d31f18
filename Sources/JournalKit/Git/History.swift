import Foundation
import JournalGit
import JournalModel
import JournalParsing

/// `journal log`: who changed which notes, and when, from the git history.
public enum History {
  public struct Entry: Sendable {
    public let commit: String
    public let author: String
    public let email: String
    /// Seconds since 1970-01-01 UTC, and the author's offset from UTC in minutes.
    public let time: Int64
    public let offset: Int32
    public let summary: String
    public let changes: [JournalChange]
  }

  /// The history of the whole journal, or of one person's folder, newest first.
  public static func entries(_ location: JournalLocation, person: String?, since: Day?) throws -> [Entry] {
    let journal = try JournalRepository.open(location)
    let paths =
      person.map { [journal.prefix + JournalPath.peopleFolder + "/\($0)/"] } ?? journal.journalPaths
    let sinceTime = since.map { Int64($0.ordinal) * 86_400 }
    let records = try git { try journal.repository.history(under: paths, since: sinceTime) }
    return records.map { record in
      Entry(
        commit: record.id.description, author: record.author.name, email: record.author.email,
        time: record.author.time, offset: record.author.offset, summary: record.summary,
        changes: record.changes.map {
          JournalChange(kind: $0.kind, path: journal.journalPath($0.path), document: nil)
        })
    }
  }
}
