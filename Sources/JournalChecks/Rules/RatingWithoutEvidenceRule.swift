import JournalModel
import JournalRules

/// `rating-without-evidence`: every rating is backed by something seen.
public struct RatingWithoutEvidenceRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "rating-without-evidence",
    summary:
      "Each rating has evidence: a Strengths or Improvements item that starts with its category, such as `- [communication] …`.",
    severity: .warning,
    scope: .person,
    rationale:
      "Specificity and actionability: a rating backed by a concrete observation can be explained to the candidate and defended in a debrief; a bare number can be neither.",
    triggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  ↓communication: 2\n",
        body: "## Strengths\n\n- [design] Split the queue by tenant and said why.\n")
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n", body: ScorecardExample.fullBody)
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    context.scorecards.flatMap { session, rubric in
      session.ratings.filter { rubric.category($0.category) != nil && session.evidence(for: $0.category).isEmpty }
        .map { rating in
          context.finding(
            description, "rating for `\(rating.category)` has no evidence", file: session.file,
            at: rating.location,
            hint:
              "add a Strengths or Improvements item starting `[\(rating.category)]` that says what you saw")
        }
    }
  }
}
