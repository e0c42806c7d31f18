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

  /// The fields, held once in a shared, immutable box: every rule and report walks a person's
  /// sessions, and a copy of a session is then one reference instead of two dozen fields.
  private struct Fields: Sendable, Equatable {
    let personID: String
    let file: String
    let date: Day
    let type: SessionType
    let mentor: String?
    let duration: SessionLength?
    let medium: Medium?
    let objectives: [String]
    let eventDate: Day?
    let metrics: [Metric]
    let plan: String?
    let followUp: Day?
    let tags: [String]
    let project: String?
    let rubric: String?
    let ratings: [Rating]
    let strengths: [FeedbackItem]
    let improvements: [FeedbackItem]
    let dialogue: String?
    let actions: [ActionItem]
    let strengthsSection: SectionMark?
    let improvementsSection: SectionMark?
    let actionsSection: SectionMark?
    let hasWriting: Bool
    let locations: FieldLocations
  }

  private final class Storage: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private let storage: Storage

  public var personID: String { storage.fields.personID }
  public var file: String { storage.fields.file }
  public var date: Day { storage.fields.date }
  public var type: SessionType { storage.fields.type }
  public var mentor: String? { storage.fields.mentor }
  public var duration: SessionLength? { storage.fields.duration }
  public var medium: Medium? { storage.fields.medium }
  public var objectives: [String] { storage.fields.objectives }
  /// When the observed event or interview happened.
  public var eventDate: Day? { storage.fields.eventDate }
  public var metrics: [Metric] { storage.fields.metrics }
  /// The slug of a plan of the same person.
  public var plan: String? { storage.fields.plan }
  public var followUp: Day? { storage.fields.followUp }
  public var tags: [String] { storage.fields.tags }
  public var project: String? { storage.fields.project }
  /// The name of the `journal.yml` rubric the candidate was assessed on.
  public var rubric: String? { storage.fields.rubric }
  public var ratings: [Rating] { storage.fields.ratings }
  public var strengths: [FeedbackItem] { storage.fields.strengths }
  public var improvements: [FeedbackItem] { storage.fields.improvements }
  /// The person's own view, in their words.
  public var dialogue: String? { storage.fields.dialogue }
  public var actions: [ActionItem] { storage.fields.actions }
  public var strengthsSection: SectionMark? { storage.fields.strengthsSection }
  public var improvementsSection: SectionMark? { storage.fields.improvementsSection }
  public var actionsSection: SectionMark? { storage.fields.actionsSection }
  /// True when the body holds something written outside `## Actions` — feedback, dialogue or
  /// notes — rather than only headings and HTML comments, as `journal new session` writes.
  public var hasWriting: Bool { storage.fields.hasWriting }
  public var locations: FieldLocations { storage.fields.locations }

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
    storage = Storage(
      Fields(
        personID: personID,
        file: file,
        date: date,
        type: type,
        mentor: mentor,
        duration: duration,
        medium: medium,
        objectives: objectives,
        eventDate: eventDate,
        metrics: metrics,
        plan: plan,
        followUp: followUp,
        tags: tags,
        project: project,
        rubric: rubric,
        ratings: ratings,
        strengths: strengths,
        improvements: improvements,
        dialogue: dialogue,
        actions: actions,
        strengthsSection: strengthsSection,
        improvementsSection: improvementsSection,
        actionsSection: actionsSection,
        hasWriting: hasWriting,
        locations: locations))
  }
}

extension Session {
  public static func == (lhs: Session, rhs: Session) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  /// The Strengths and Improvements items that give evidence for a rubric category.
  public func evidence(for category: String) -> [FeedbackItem] {
    (strengths + improvements).filter { $0.category == category }
  }
}
