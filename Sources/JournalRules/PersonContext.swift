import JournalModel

/// What a person-scoped rule is given: one person's notes, the paths in their folder and the
/// settings, and no other person.
public struct PersonContext: Sendable {
  public let person: PersonRecord
  /// Every path in the person's folder that exists, parsed or not, and the links there.
  public let paths: Set<String>
  public let settings: RuleSettings

  public init(_ person: PersonRecord, paths: Set<String>, settings: RuleSettings) {
    self.person = person
    self.paths = paths
    self.settings = settings
  }

  public var today: Day { settings.today }
}
