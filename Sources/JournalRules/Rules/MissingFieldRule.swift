import JournalModel

/// `missing-field`: required fields are present and not empty.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct MissingFieldRule: ParsingRule {
  public static let id = "missing-field"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: MissingFieldRule.id,
    summary: "Required fields are present: a session's `date` and `type`, a profile's `name`, a plan's `title` and `created`.",
    severity: MissingFieldRule.severity,
    rationale: "A session without a type, or a plan without a start, cannot be summarised or tracked.",
    triggering: [
      .session("↓---\ndate: 2026-11-20\n---\n").expecting("required field `type` is missing"),
      .file("mentees/alex/plans/growth.md", "↓---\ntitle: Grow into a tech lead\n---\n").expecting("required field `created` is missing"),
      .session("---\ndate: 2026-11-20\n↓type:\n---\n").expecting("required field `type` is empty"),
    ],
    nonTriggering: [
      .file("mentees/alex/plans/growth.md", "---\ntitle: Grow into a tech lead\ncreated: 2026-10-01\n---\n")
    ])
}

extension MissingFieldRule {
  public static func empty(_ key: String) -> RuleMessage { message("required field `\(key)` is empty") }

  public static func missing(_ key: String) -> RuleMessage { message("required field `\(key)` is missing") }

  /// `goal` is the goal's id, or nil when it has none.
  public static func metricWithoutTarget(goal: String?) -> RuleMessage {
    message(
      "goal `\(goal ?? "?")` has a metric but no `target`", hint: "a measurable goal says where it should get to")
  }
}

extension MissingFieldRule {
  public static func rubricWithoutScale(_ rubric: String) -> RuleMessage {
    message(
      "rubric `\(rubric)` has no `scale`", hint: "give each point and its label, such as `1: Strong no` … `4: Strong yes`")
  }

  public static func rubricWithoutCategories(_ rubric: String) -> RuleMessage {
    message("rubric `\(rubric)` has no `categories`", hint: "list each category as `- id: …` with `title: …` below it")
  }

  public static func scalePointWithoutLabel(_ point: Int) -> RuleMessage {
    message("scale point \(point) has no label", hint: "say what the point means, such as `\(point): Yes`")
  }
}
