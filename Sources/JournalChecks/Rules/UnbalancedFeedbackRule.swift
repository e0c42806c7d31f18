import JournalModel
import JournalRules

/// `unbalanced-feedback`: constructive feedback comes with recognised strengths.
public struct UnbalancedFeedbackRule: MessageRule, FileRule {
  public static let id = "unbalanced-feedback"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: UnbalancedFeedbackRule.id,
    summary: "A session with improvements also records at least one strength.",
    severity: UnbalancedFeedbackRule.severity,
    rationale: "Balance is one of the five elements of constructive feedback: acknowledge strengths as well as areas to improve, or the session demotivates.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\n---\n↓## Improvements\n\n- The retry handler in PR #41 swallowed timeouts without logging them\n\n## Actions\n\n- [ ] Add logging to the retry path due:2026-12-01\n").expecting("1 improvement but no strengths")
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\n---\n## Strengths\n\n- Paired with Jo on the flaky checkout test and found the race in a day\n\n## Improvements\n\n- The retry handler in PR #41 swallowed timeouts without logging them\n\n## Actions\n\n- [ ] Add logging to the retry path due:2026-12-01\n"),
      // A self-assessment is the person's own words, not a mentor's feedback.
      .file("mentees/alex/sessions/2026-11-24-self-assessment.md", "---\ndate: 2026-11-24\ntype: self-assessment\n---\n## Challenges\n\n- Needs to improve\n\n## Improvements\n\n- Be more proactive\n"),
    ])

  public func check(_ file: FileContext) -> [Diagnostic] {
    guard case .session(let session) = file.note, !session.improvements.isEmpty, session.strengths.isEmpty else {
      return []
    }
    return [
      Diagnostic(
        Self.noStrengths(improvements: session.improvements.count, strengthsHeading: session.strengthsSection?.title),
        file: session.file, at: session.improvementsSection?.location ?? session.improvements[0].location)
    ]
  }
}

extension UnbalancedFeedbackRule {
  /// `strengthsHeading` is the heading the person gave their strengths section, if any.
  public static func noStrengths(improvements: Int, strengthsHeading: String?) -> RuleMessage {
    message(
      "\(Wording.count(improvements, "improvement")) but no strengths",
      hint: strengthsHeading.map { "add `- ` items under `## \($0)`: what went well, specifically" }
        ?? "add a `## Strengths` section: what went well, specifically")
  }
}
