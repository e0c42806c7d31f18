import JournalModel

/// One note of a person's folder, as a file-scoped rule sees it.
public enum Note: Sendable, Equatable {
  case profile(Person)
  case session(Session)
  case plan(Plan)
  case selfAssessment(SelfAssessment)

  /// The note's path, relative to the journal.
  public var file: String {
    switch self {
    case .profile(let profile): profile.file
    case .session(let session): session.file
    case .plan(let plan): plan.file
    case .selfAssessment(let note): note.file
    }
  }
}

/// What a file-scoped rule is given: one note and the settings, and nothing that reaches
/// another note, so a rule that drew on a second file would not compile.
public struct FileContext: Sendable {
  public let note: Note
  public let settings: RuleSettings

  public init(_ note: Note, settings: RuleSettings) {
    self.note = note
    self.settings = settings
  }

  public var file: String { note.file }
  public var today: Day { settings.today }
}
