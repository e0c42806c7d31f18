import JournalModel
import JournalRules

/// What `type:` may say in a note of `sessions/`: one of the session types, or
/// `self-assessment`, the person's own note before a session.
enum NoteType: RawRepresentable, CaseIterable, Equatable {
  case session(SessionType)
  case selfAssessment

  static var allCases: [NoteType] { SessionType.allCases.map(NoteType.session) + [.selfAssessment] }

  init?(rawValue: String) {
    if rawValue == SelfAssessment.type {
      self = .selfAssessment
    } else if let type = SessionType(rawValue: rawValue) {
      self = .session(type)
    } else {
      return nil
    }
  }

  var rawValue: String {
    switch self {
    case .session(let type): type.rawValue
    case .selfAssessment: SelfAssessment.type
    }
  }

  var sessionType: SessionType? {
    if case .session(let type) = self { type } else { nil }
  }
}

/// Reads a self-assessment's front matter: its date, and its type. A field of a session the
/// mentor held (`mentor`, `follow-up`, `metrics`, …) is reported as unknown, and not read.
enum SelfAssessmentParser {
  static let fields = FrontMatterSchema.selfAssessment.map(\.name)

  /// Whether the front matter's `type` is `self-assessment`, read as every field is read.
  static func isSelfAssessment(_ reader: FieldReader) -> Bool {
    reader.entry("type")?.value.text == SelfAssessment.type
  }

  static func parse(
    _ reader: FieldReader, hasWriting: Bool, person: String, fileDate: Day?, file: String,
    diagnostics: inout [Diagnostic]
  ) -> SelfAssessment? {
    var reader = reader
    let date = reader.day("date", required: true)
    // A session's field is named as one, and not read: nothing of a session the mentor held
    // (a follow-up, metrics) is taken from the person's own note.
    let sessionFields = SessionParser.fields.filter { !fields.contains($0) }
    for field in sessionFields {
      if let entry = reader.entry(field) {
        reader.report(UnknownFieldRule.sessionFieldInSelfAssessment(entry.key), at: entry.keyLocation)
      }
    }
    reader.reportUnknownKeys(known: fields, what: "a self-assessment", reported: sessionFields)
    if let date, let fileDate, date != fileDate {
      reader.report(
        FileNameRule.dateDisagrees(date: "\(date)", fileDate: "\(fileDate)"), at: reader.locations.value("date"))
    }
    diagnostics += reader.diagnostics
    guard let day = date ?? fileDate else { return nil }
    return SelfAssessment(
      personID: person, file: file, date: day, hasWriting: hasWriting, locations: reader.locations)
  }
}
