import JournalGit
import JournalModel
import JournalParsing

/// A change to a journal file, in the words a person would write in a commit message.
public struct JournalChange: Sendable, Equatable {
  public let kind: FileChange.Kind
  /// The path relative to the journal.
  public let path: String
  /// The person the file belongs to, if any.
  public let person: String?
  /// "session with alice on 2026-11-26 (career-development)", "update plan growth for alice".
  public let phrase: String

  /// Describes a change; `document` is the file as it now stands, when it could be parsed.
  public init(kind: FileChange.Kind, path: String, document: Document?) {
    self.kind = kind
    self.path = path
    let verb: String? =
      switch kind {
      case .added: nil
      case .modified: "update"
      case .deleted: "remove"
      }
    func phrase(_ text: String, addedVerb: String? = nil) -> String {
      if let verb { return verb + " " + text }
      return addedVerb.map { $0 + " " + text } ?? text
    }
    switch JournalPath.classify(path) {
    case .config:
      person = nil
      self.phrase = kind == .added ? "create the journal" : phrase("journal settings")
    case .profile(let id):
      person = id
      if kind == .added, case .profile(let profile)? = document {
        self.phrase = "new person \(id) (\(profile.name))"
      } else {
        self.phrase = phrase("profile of \(id)", addedVerb: "add")
      }
    case .session(let id, let date):
      person = id
      var text = "session with \(id)" + (date.map { " on \($0)" } ?? "")
      if case .selfAssessment? = document { text = "self-assessment of \(id)" + (date.map { " on \($0)" } ?? "") }
      if kind == .added, case .session(let session)? = document { text += " (\(session.type.rawValue))" }
      self.phrase = phrase(text)
    case .plan(let id, let slug):
      person = id
      self.phrase = phrase("plan \(slug) for \(id)")
    case .privateNote(let id):
      person = id
      self.phrase = phrase("private notes of \(id)", addedVerb: "add")
    case .misplaced, .ignored:
      person = JournalPath.person(of: path)
      self.phrase = phrase(path, addedVerb: "add")
    }
  }
}

extension JournalChange {
  /// A change between two trees of `repository`, described as `journal commit` describes it:
  /// an added file is read from `tree`, at its path (which is `prefix` and the journal's path),
  /// with the journal's `sections`, for the words only a note gives (a new person's name, a
  /// session's type).
  init(_ change: FileChange, prefix: String = "", in tree: ObjectID, of repository: Repository, sections: SectionNames)
    throws
  {
    let path = String(change.path.dropFirst(prefix.count))
    var document: Document? = nil
    if change.kind == .added, let entry = try repository.treeEntry(change.path, in: tree) {
      document = DocumentParser.parse(try repository.blobContent(entry.id), path: path, sections: sections).document
    }
    self.init(kind: change.kind, path: path, document: document)
  }
}

/// The message `journal commit` writes when none is given.
///
/// The subject says what the commit holds, as `git log --oneline` shows it: each change
/// outside people's folders (`update journal settings`) by itself, and people's changes
/// counted for them (`2 changes for alice`), a person's only change by itself.
public enum CommitMessage {
  public static func make(_ changes: [JournalChange]) -> String {
    guard changes.count > 1 else { return "journal: " + (changes.first?.phrase ?? "no changes") + "\n" }
    var people: [String] = []
    var others: [String] = []
    var ofPeople: [JournalChange] = []
    for change in changes {
      guard let person = change.person else {
        others.append(change.phrase)
        continue
      }
      ofPeople.append(change)
      if !people.contains(person) { people.append(person) }
    }
    var parts = others.count > 2 ? ["\(others.count) changes outside people's folders"] : others
    if ofPeople.count == 1 {
      parts.append(ofPeople[0].phrase)
    } else if !ofPeople.isEmpty {
      let named = people.prefix(3).joined(separator: ", ")
      parts.append(
        "\(ofPeople.count) changes for " + named + (people.count > 3 ? " and \(people.count - 3) more" : ""))
    }
    let subject = "journal: " + parts.joined(separator: "; ")
    return subject + "\n\n" + changes.map { "- " + $0.phrase }.joined(separator: "\n") + "\n"
  }
}
