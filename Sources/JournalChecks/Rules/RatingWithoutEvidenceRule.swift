import JournalModel
import JournalRules

/// `rating-without-evidence`: every rating is backed by something seen.
public struct RatingWithoutEvidenceRule: MessageRule, PersonRule {
  public static let id = "rating-without-evidence"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: RatingWithoutEvidenceRule.id,
    summary:
      "Each rating has evidence: a Strengths or Improvements item that starts with its category, such as `- [communication] …`.",
    severity: RatingWithoutEvidenceRule.severity,
    rationale:
      "Specificity and actionability: a rating backed by a concrete observation can be explained to the candidate and defended in a debrief; a bare number can be neither.",
    triggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  ↓communication: 2\n",
        body: "## Strengths\n\n- [design] Split the queue by tenant and said why.\n").expecting("rating for `communication` has no evidence")
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n", body: ScorecardExample.fullBody)
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    context.scorecards.flatMap { session, rubric in
      session.ratings.filter { rubric.category($0.category) != nil && session.evidence(for: $0.category).isEmpty }
        .map { rating in
          Diagnostic(Self.noEvidence(category: rating.category), file: session.file, at: rating.location)
        }
    }
  }
}

extension RatingWithoutEvidenceRule {
  public static func noEvidence(category: String) -> RuleMessage {
    message(
      "rating for `\(category)` has no evidence",
      hint: "add a Strengths or Improvements item starting `[\(category)]` that says what you saw")
  }
}
