/// One recorded one-on-one session, from `mentees/<id>/sessions/YYYY-MM-DD[-slug].md`.
public struct Session: Sendable, Equatable {
  public struct Metric: Sendable, Equatable {
    public let id: String
    public let value: Double
    public let location: SourceLocation

    public init(id: String, value: Double, location: SourceLocation) {
      self.id = id
      self.value = value
      self.location = location
    }
  }

  /// A rating given to one category of the session's rubric, as written under `ratings:`.
  public struct Rating: Sendable, Equatable {
    public let category: String
    public let value: Double
    /// Where the category's key was written, and where its value was.
    public let location: SourceLocation
    public let valueLocation: SourceLocation

    public init(category: String, value: Double, location: SourceLocation, valueLocation: SourceLocation) {
      self.category = category
      self.value = value
      self.location = location
      self.valueLocation = valueLocation
    }
  }

  public let personID: String
  public let file: String
  public let date: Day
  public let type: SessionType
  public let mentor: String?
  public let duration: SessionLength?
  public let medium: Medium?
  public let objectives: [String]
  /// When the observed event or interview happened.
  public let eventDate: Day?
  public let metrics: [Metric]
  /// The slug of a plan of the same person.
  public let plan: String?
  public let followUp: Day?
  public let tags: [String]
  public let project: String?
  /// The name of the `journal.yml` rubric the candidate was assessed on.
  public let rubric: String?
  public let ratings: [Rating]
  public let strengths: [FeedbackItem]
  public let improvements: [FeedbackItem]
  /// The person's own view, in their words.
  public let dialogue: String?
  public let actions: [ActionItem]
  public let strengthsSection: SectionMark?
  public let improvementsSection: SectionMark?
  public let actionsSection: SectionMark?
  /// True when the body holds something written outside `## Actions` — feedback, dialogue or
  /// notes — rather than only headings and HTML comments, as `journal new session` writes.
  public let hasWriting: Bool
  public let locations: FieldLocations

  public init(
    personID: String, file: String, date: Day, type: SessionType, mentor: String? = nil,
    duration: SessionLength? = nil, medium: Medium? = nil, objectives: [String] = [],
    eventDate: Day? = nil, metrics: [Metric] = [], plan: String? = nil, followUp: Day? = nil,
    tags: [String] = [], project: String? = nil, rubric: String? = nil, ratings: [Rating] = [],
    strengths: [FeedbackItem] = [],
    improvements: [FeedbackItem] = [], dialogue: String? = nil, actions: [ActionItem] = [],
    strengthsSection: SectionMark? = nil, improvementsSection: SectionMark? = nil,
    actionsSection: SectionMark? = nil, hasWriting: Bool = true, locations: FieldLocations = FieldLocations()
  ) {
    self.personID = personID
    self.file = file
    self.date = date
    self.type = type
    self.mentor = mentor
    self.duration = duration
    self.medium = medium
    self.objectives = objectives
    self.eventDate = eventDate
    self.metrics = metrics
    self.plan = plan
    self.followUp = followUp
    self.tags = tags
    self.project = project
    self.rubric = rubric
    self.ratings = ratings
    self.strengths = strengths
    self.improvements = improvements
    self.dialogue = dialogue
    self.actions = actions
    self.strengthsSection = strengthsSection
    self.improvementsSection = improvementsSection
    self.actionsSection = actionsSection
    self.hasWriting = hasWriting
    self.locations = locations
  }
}

extension Session {
  /// The Strengths and Improvements items that give evidence for a rubric category.
  public func evidence(for category: String) -> [FeedbackItem] {
    (strengths + improvements).filter { $0.category == category }
  }
}
