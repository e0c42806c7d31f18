import JournalModel

/// The fields of each kind of front matter: the one list the parsers and the JSON Schemas
/// are both made from, so they cannot drift apart.
public enum FrontMatterSchema {
  public enum Kind: String, Sendable, CaseIterable {
    case profile, session, plan
    case selfAssessment = "self-assessment"
    case config = "journal"
  }

  /// What a field's value must be.
  public indirect enum Value: Sendable {
    case text
    case date
    case choice([String])
    /// Text matching a regular expression, such as `1h30m`.
    case pattern(String, example: String)
    case textList
    /// One line of text or a list of them.
    case textOrList
    /// A mapping of ids to plain numbers.
    case numbers
    case number
    case goals
    case rules
    /// A mapping of rubric category ids to ratings.
    case ratings
    case rubrics
    /// A mapping of whole numbers to labels.
    case scale
    case categories
    /// A mapping from a body section to the headings it is also known by.
    case sections
  }

  public struct Field: Sendable {
    public let name: String
    public let value: Value
    public let required: Bool
    public let summary: String

    init(_ name: String, _ value: Value, required: Bool = false, _ summary: String) {
      self.name = name
      self.value = value
      self.required = required
      self.summary = summary
    }
  }

  static let id = "^[a-z0-9]+(-[a-z0-9]+)*$"
  /// The pattern of ids: lowercase letters, digits and `-`.
  public static let idPattern = id

  public static func fields(_ kind: Kind) -> [Field] {
    switch kind {
    case .profile: profile
    case .session: session
    case .plan: plan
    case .selfAssessment: selfAssessment
    case .config: config
    }
  }

  public static let profile: [Field] = [
    Field("name", .text, required: true, "The person's name."),
    Field("role", .text, "Their role."),
    Field("relationship", .choice(Relationship.allCases.map(\.rawValue)), "What they are to you."),
    Field("mentor", .text, "Who mentors or manages them."),
    Field("since", .date, "When the relationship began."),
    Field("goals", .textOrList, "Their own career aspirations."),
    Field("learning-style", .text, "How they prefer to learn and receive feedback."),
    Field("cadence", .pattern("^[0-9]+[dwm]$", example: "2w"), "How often you meet: 1w, 2w, 1m."),
    Field("retain-until", .date, "The date by which a candidate's record must be deleted."),
    Field("email", .pattern("^[^\\s<>()\\[\\],;:\"\\\\@]+@[^\\s<>()\\[\\],;:\"\\\\@.][^\\s<>()\\[\\],;:\"\\\\@]*\\.[^\\s<>()\\[\\],;:\"\\\\@]+$", example: "alex@example.com"), "Where `journal letter --format eml` addresses the person's feedback."),
  ]

  public static let session: [Field] = [
    Field("date", .date, required: true, "The session's date; the file name starts with it."),
    Field(
      "type", .choice(NoteType.allCases.map(\.rawValue)), required: true,
      "The kind of session, or `self-assessment` for the person's own note before one."),
    Field("mentor", .text, "Who held the session."),
    Field("duration", .pattern("^(?=[0-9])([0-9]+h)?([0-9]+m)?$", example: "45m"), "How long it took: 45m, 1h30m."),
    Field("medium", .choice(Medium.allCases.map(\.rawValue)), "How it was held."),
    Field("objectives", .textList, "What the session set out to do."),
    Field("event-date", .date, "When the observed event or interview happened."),
    Field("metrics", .numbers, "Values of measurable goals, by metric id."),
    Field("plan", .pattern(id, example: "code-quality"), "A plan of the same person, by file name."),
    Field("follow-up", .date, "The date of the next check-in."),
    Field("tags", .textList, "Free labels."),
    Field("project", .text, "The project the feedback is about."),
    Field("rubric", .pattern(id, example: "backend-engineer"), "The journal.yml rubric a candidate was assessed on."),
    Field("ratings", .ratings, "A rating on the rubric's scale for each of its categories, by category id."),
  ]

  /// A self-assessment: the person's own note in `sessions/`, kept small. What it says is
  /// its body, in the person's own headings.
  public static let selfAssessment: [Field] = [
    Field("date", .date, required: true, "When it was written; the file name starts with it."),
    Field("type", .choice([SelfAssessment.type]), required: true, "`self-assessment`."),
  ]

  public static let plan: [Field] = [
    Field("title", .text, required: true, "The plan's title."),
    Field("created", .date, required: true, "When the plan was agreed."),
    Field("status", .choice(PlanStatus.allCases.map(\.rawValue)), "Where the plan stands."),
    Field("review", .date, "When the plan is next reviewed."),
    Field("goals", .goals, "Measurable goals."),
  ]

  public static let goal: [Field] = [
    Field("id", .pattern(id, example: "fewer-rework-cycles"), required: true, "The goal's id, unique in the plan."),
    Field("description", .text, required: true, "What the goal is."),
    Field("metric", .pattern(id, example: "review-rework-rate"), "The metric sessions record values under."),
    Field("baseline", .number, "Where the metric started."),
    Field("target", .number, "Where it should get to; below the baseline, the goal counts down."),
    Field("due", .date, "When the target should be reached."),
  ]

  public static let config: [Field] = [
    Field("title", .text, "The journal's title."),
    Field("rules", .rules, "Each rule's level (error, warning, off) and settings."),
    Field("sections", .sections, "More headings for each body section: strengths, improvements, dialogue, actions."),
    Field("rubrics", .rubrics, "Scorecards for candidate feedback: categories and a rating scale, by name."),
  ]

  /// The fields of one rubric under `rubrics:`.
  public static let rubric: [Field] = [
    Field("title", .text, "The rubric's title, such as the role it hires for."),
    Field("scale", .scale, required: true, "Each point of the rating scale and its label, such as `1: Strong no`."),
    Field("categories", .categories, required: true, "The categories a candidate is rated on."),
  ]

  /// The fields of one category of a rubric.
  public static let category: [Field] = [
    Field("id", .pattern(id, example: "communication"), required: true, "The id ratings and evidence name it by."),
    Field("title", .text, required: true, "The category's title."),
    Field("good", .text, "What good looks like."),
  ]
}
