/// A person's own reflection before a session, from `mentees/<id>/sessions/YYYY-MM-DD[-slug].md`
/// with `type: self-assessment`: their achievements, their challenges and what they want from
/// the next session, in their words. It is no session: nobody held it, so it never counts as
/// one for cadence, follow-ups, carried-over actions or a summary's session counts, and the
/// rules about a mentor's feedback do not judge it.
public struct SelfAssessment: Sendable, Equatable {
  public let personID: String
  public let file: String
  public let date: Day
  /// True when the body holds something written, rather than only the template's headings and
  /// HTML comments.
  public let hasWriting: Bool
  public let locations: FieldLocations

  public init(
    personID: String, file: String, date: Day, hasWriting: Bool = true,
    locations: FieldLocations = FieldLocations()
  ) {
    self.personID = personID
    self.file = file
    self.date = date
    self.hasWriting = hasWriting
    self.locations = locations
  }

  /// What `type:` says of one.
  public static let type = "self-assessment"
}
