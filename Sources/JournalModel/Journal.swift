/// Everything `journal.yml` says: the title, each rule's settings, the section headings it
/// adds and the scorecards.
public struct JournalConfig: Sendable, Equatable {
  public let title: String?
  public let rules: [String: RuleSetting]
  /// The headings each body section is known by, built-in and added.
  public let sections: SectionNames
  /// The scorecards candidate-feedback sessions are rated on, in the order written.
  public let rubrics: [Rubric]

  public init(
    title: String? = nil, rules: [String: RuleSetting] = [:], sections: SectionNames = .standard,
    rubrics: [Rubric] = []
  ) {
    self.title = title
    self.rules = rules
    self.sections = sections
    self.rubrics = rubrics
  }

  public func rubric(_ name: String) -> Rubric? { rubrics.first { $0.name == name } }
}

/// A rule's level as `journal.yml` may set it.
public enum RuleLevel: String, Sendable, CaseIterable {
  case error, warning, off
}

/// A value given to a rule parameter in `journal.yml`.
public enum ParameterValue: Sendable, Equatable {
  case number(Double)
  case text(String)
  case list([String])
}

/// One rule's entry under `rules:` in `journal.yml`.
public struct RuleSetting: Sendable, Equatable {
  public let level: RuleLevel?
  public let parameters: [String: ParameterValue]
  /// Where the rule's id was written, where each parameter's name was, and its value.
  public let location: SourceLocation
  public let parameterLocations: [String: SourceLocation]
  public let valueLocations: [String: SourceLocation]

  public init(
    level: RuleLevel? = nil, parameters: [String: ParameterValue] = [:],
    location: SourceLocation = .start, parameterLocations: [String: SourceLocation] = [:],
    valueLocations: [String: SourceLocation] = [:]
  ) {
    self.level = level
    self.parameters = parameters
    self.location = location
    self.parameterLocations = parameterLocations
    self.valueLocations = valueLocations
  }
}

/// One person's record: the profile, the sessions oldest first, the plans by slug.
public struct PersonRecord: Sendable, Equatable {
  public let id: String
  /// `mentees/<id>`, relative to the journal.
  public let folder: String
  public let profile: Person?
  /// The sessions held, oldest first. A self-assessment is not one.
  public let sessions: [Session]
  /// The person's own self-assessments, oldest first.
  public let selfAssessments: [SelfAssessment]
  public let plans: [Plan]
  /// Session files whose actions and follow-up could not be read, by file.
  public let unreadSessions: [UnreadSession]

  public init(
    id: String, folder: String, profile: Person?, sessions: [Session], plans: [Plan],
    unreadSessions: [UnreadSession] = [], selfAssessments: [SelfAssessment] = []
  ) {
    self.id = id
    self.folder = folder
    self.profile = profile
    self.sessions = sessions.sorted { ($0.date, $0.file) < ($1.date, $1.file) }
    self.selfAssessments = selfAssessments.sorted { ($0.date, $0.file) < ($1.date, $1.file) }
    self.plans = plans.sorted { $0.slug < $1.slug }
    self.unreadSessions = unreadSessions.sorted { $0.file < $1.file }
  }

  public var lastSession: Session? { sessions.last }

  public func plan(_ slug: String) -> Plan? { plans.first { $0.slug == slug } }

  /// The person's display name: the profile's `name`, else the id.
  public var displayName: String { profile?.name ?? id }
}

/// A parsed journal: its settings and every person's record.
public struct Journal: Sendable, Equatable {
  public let config: JournalConfig
  /// People by id.
  public let people: [PersonRecord]

  public init(config: JournalConfig, people: [PersonRecord]) {
    self.config = config
    self.people = people.sorted { $0.id < $1.id }
  }

  public func person(_ id: String) -> PersonRecord? { people.first { $0.id == id } }
}
