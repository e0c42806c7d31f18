import JournalModel
import JournalRules

/// `late-feedback`: feedback is given soon after what it is about.
public struct LateFeedbackRule: MessageRule {
  public static let id = "late-feedback"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: LateFeedbackRule.id,
    summary: "A session is written within `max-days` of its `event-date`.",
    severity: LateFeedbackRule.severity,
    scope: .file,
    rationale: "Timeliness: delayed feedback loses its impact and relevance, and the person cannot course-correct in time.",
    parameters: [
      RuleParameter(
        name: "max-days", summary: "The most days allowed between the event and the session.",
        defaultValue: .number(7))
    ],
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\nevent-date: ↓2026-11-02\n---\n").expecting("feedback written 18 days after the event on 2026-11-02 (limit 7)")
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\nevent-date: 2026-11-18\n---\n")
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let limit = Int(context.number("max-days", of: description))
    return context.journal.people.flatMap(\.sessions).compactMap { session in
      guard let event = session.eventDate else { return nil }
      let gap = event.days(to: session.date)
      guard gap > limit else { return nil }
      return Diagnostic(
        Self.late(days: gap, event: "\(event)", limit: limit), file: session.file,
        at: session.locations.value("event-date"))
    }
  }
}

extension LateFeedbackRule {
  public static func late(days: Int, event: String, limit: Int) -> RuleMessage {
    message(
      "feedback written \(days) days after the event on \(event) (limit \(limit))",
      hint: "give feedback while the event is fresh")
  }
}
