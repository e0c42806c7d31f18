import JournalModel
import JournalRules

/// `rating-scale`: every rating is a point of its rubric's scale.
public struct RatingScaleRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "rating-scale",
    summary: "Each rating is one of the points of its rubric's scale.",
    severity: .error,
    scope: .person,
    rationale:
      "Specificity: a point has an agreed meaning (its label); a number off the scale has none, and would skew the debrief's figures.",
    triggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: ↓5\n  communication: ↓2.5\n", body: ScorecardExample.fullBody)
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 1\n", body: ScorecardExample.fullBody)
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    context.scorecards.flatMap { session, rubric in
      session.ratings.filter { rubric.point($0.value) == nil }.map { rating in
        context.finding(
          description,
          "rating \(Wording.number(rating.value)) for `\(rating.category)` is not on the scale of rubric `\(rubric.name)`",
          file: session.file, at: rating.valueLocation,
          hint: "the scale is \(rubric.scaleDescription)")
      }
    }
  }
}
