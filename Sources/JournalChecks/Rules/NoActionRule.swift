import JournalModel
import JournalRules

/// `no-action`: constructive feedback leads to something to do.
public struct NoActionRule: MessageRule, FileRule {
  public static let id = "no-action"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: NoActionRule.id,
    summary: "A session with improvements has actions, or links the plan that holds them.",
    severity: NoActionRule.severity,
    rationale: "Actionability: feedback without agreed next steps leaves the person unsure what to do.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\n---\n## Strengths\n\n- Paired with Jo on the flaky checkout test and found the race in a day\n\n↓## Improvements\n\n- The retry handler in PR #41 swallowed timeouts without logging them\n").expecting("improvements but no actions and no plan")
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\n---\n## Strengths\n\n- Paired with Jo on the flaky checkout test and found the race in a day\n\n## Improvements\n\n- The retry handler in PR #41 swallowed timeouts without logging them\n\n## Actions\n\n- [ ] Add logging to the retry path due:2026-12-01\n"),
      // A self-assessment is the person's own words, not a mentor's feedback.
      .file("mentees/alex/sessions/2026-11-24-self-assessment.md", "---\ndate: 2026-11-24\ntype: self-assessment\n---\n## Challenges\n\n- Needs to improve\n\n## Improvements\n\n- Be more proactive\n"),
    ])

  public func check(_ file: FileContext) -> [Diagnostic] {
    guard case .session(let session) = file.note, !session.improvements.isEmpty, session.actions.isEmpty,
      session.plan == nil
    else { return [] }
    return [
      Diagnostic(
        Self.noAction(actionsHeading: session.actionsSection?.title), file: session.file,
        at: session.improvementsSection?.location ?? session.improvements[0].location)
    ]
  }
}

extension NoActionRule {
  /// `actionsHeading` is the heading the person gave their actions section, if any.
  public static func noAction(actionsHeading: String?) -> RuleMessage {
    message(
      "improvements but no actions and no plan",
      hint: actionsHeading.map { "add `- [ ] …` items under `## \($0)`, or link a plan with `plan:`" }
        ?? "add `## Actions` with `- [ ] …` items, or link a plan with `plan:`")
  }
}
