import JournalModel
import JournalRules

/// `unrated-category`: a scorecard rates every category of its rubric.
public struct UnratedCategoryRule: MessageRule, PersonRule {
  public static let id = "unrated-category"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: UnratedCategoryRule.id,
    summary: "A session with a `rubric` rates each of the rubric's categories.",
    severity: UnratedCategoryRule.severity,
    rationale:
      "Balance: a scorecard that leaves a category out cannot be compared with the others in a debrief, and the candidate's feedback misses what was not looked at.",
    triggering: [
      ScorecardExample.session("rubric: backend\n↓ratings:\n  design: 3\n", body: ScorecardExample.fullBody).expecting("1 category of rubric `backend` not rated: `communication`"),
      ScorecardExample.session("rubric: ↓backend\n", body: ScorecardExample.fullBody).expecting("2 categories of rubric `backend` not rated: `design`, `communication`"),
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n", body: ScorecardExample.fullBody)
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    context.scorecards.compactMap { session, rubric in
      let rated = Set(session.ratings.map(\.category))
      let missing = rubric.categories.filter { !rated.contains($0.id) }
      guard !missing.isEmpty else { return nil }
      return Diagnostic(
        Self.unrated(missing, rubric: rubric), file: session.file,
        at: session.ratings.isEmpty ? session.locations.value("rubric") : session.locations.key("ratings"))
    }
  }
}

extension UnratedCategoryRule {
  public static func unrated(_ missing: [Rubric.Category], rubric: Rubric) -> RuleMessage {
    let names = missing.map { "`\($0.id)`" }.joined(separator: ", ")
    return message(
      "\(Wording.count(missing.count, "category", "categories")) of rubric `\(rubric.name)` not rated: \(names)",
      hint: "rate " + missing.map { "`\($0.id)` (\($0.title))" }.joined(separator: ", ")
        + " under `ratings:`, on the scale \(rubric.scaleDescription)")
  }
}
