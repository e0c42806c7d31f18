import JournalModel
import JournalRules

/// `rating-scale`: every rating is a point of its rubric's scale.
public struct RatingScaleRule: MessageRule, PersonRule {
  public static let id = "rating-scale"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: RatingScaleRule.id,
    summary: "Each rating is one of the points of its rubric's scale.",
    severity: RatingScaleRule.severity,
    rationale:
      "Specificity: a point has an agreed meaning (its label); a number off the scale has none, and would skew the debrief's figures.",
    triggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: ↓5\n  communication: ↓2.5\n", body: ScorecardExample.fullBody).expecting("rating 5 for `design` is not on the scale of rubric `backend`", "rating 2.5 for `communication` is not on the scale of rubric `backend`")
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 1\n", body: ScorecardExample.fullBody)
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    context.scorecards.flatMap { session, rubric in
      session.ratings.filter { rubric.point($0.value) == nil }.map { rating in
        Diagnostic(
          Self.offScale(rating.value, category: rating.category, rubric: rubric), file: session.file,
          at: rating.valueLocation)
      }
    }
  }
}

extension RatingScaleRule {
  public static func offScale(_ value: Double, category: String, rubric: Rubric) -> RuleMessage {
    message(
      "rating \(Wording.number(value)) for `\(category)` is not on the scale of rubric `\(rubric.name)`",
      hint: "the scale is \(rubric.scaleDescription)")
  }
}
