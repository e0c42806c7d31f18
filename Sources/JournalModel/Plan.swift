/// A measurable goal of an action plan.
public struct Goal: Sendable, Equatable {
  public let id: String
  public let description: String
  /// The metric id sessions record values under.
  public let metric: String?
  public let baseline: Double?
  public let target: Double?
  public let due: Day?
  public let location: SourceLocation

  public init(
    id: String, description: String, metric: String? = nil, baseline: Double? = nil,
    target: Double? = nil, due: Day? = nil, location: SourceLocation
  ) {
    self.id = id
    self.description = description
    self.metric = metric
    self.baseline = baseline
    self.target = target
    self.due = due
    self.location = location
  }
}

/// An action plan, from `mentees/<id>/plans/<slug>.md`.
public struct Plan: Sendable, Equatable {
  public let personID: String
  /// The file name without `.md`; what a session's `plan:` names.
  public let slug: String
  public let file: String
  public let title: String
  public let created: Day
  public let status: PlanStatus?
  public let review: Day?
  public let goals: [Goal]
  public let actions: [ActionItem]
  public let locations: FieldLocations

  public init(
    personID: String, slug: String, file: String, title: String, created: Day,
    status: PlanStatus? = nil, review: Day? = nil, goals: [Goal] = [], actions: [ActionItem] = [],
    locations: FieldLocations = FieldLocations()
  ) {
    self.personID = personID
    self.slug = slug
    self.file = file
    self.title = title
    self.created = created
    self.status = status
    self.review = review
    self.goals = goals
    self.actions = actions
    self.locations = locations
  }
}
