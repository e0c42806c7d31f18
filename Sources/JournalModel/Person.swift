/// A person in the journal, from `mentees/<id>/profile.md`.
public struct Person: Sendable, Equatable {
  /// The folder name under `mentees/`: lowercase letters, digits and `-`.
  public let id: String
  public let name: String
  public let role: String?
  public let relationship: Relationship?
  public let mentor: String?
  public let since: Day?
  /// The person's own career aspirations.
  public let goals: [String]
  public let learningStyle: String?
  public let cadence: Cadence?
  /// The day by which a candidate's record must be deleted.
  public let retainUntil: Day?
  public let file: String
  public let locations: FieldLocations

  public init(
    id: String, name: String, role: String? = nil, relationship: Relationship? = nil,
    mentor: String? = nil, since: Day? = nil, goals: [String] = [], learningStyle: String? = nil,
    cadence: Cadence? = nil, retainUntil: Day? = nil, file: String,
    locations: FieldLocations = FieldLocations()
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.relationship = relationship
    self.mentor = mentor
    self.since = since
    self.goals = goals
    self.learningStyle = learningStyle
    self.cadence = cadence
    self.retainUntil = retainUntil
    self.file = file
    self.locations = locations
  }

  /// The id pattern for person folders, plan slugs and session slugs.
  public static func isValidID(_ text: some StringProtocol) -> Bool {
    guard let first = text.first, let last = text.last, first != "-", last != "-" else {
      return false
    }
    return text.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
  }
}
