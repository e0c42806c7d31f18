import JournalModel
import JournalRules

/// `unrated-category`: a scorecard rates every category of its rubric.
public struct UnratedCategoryRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "unrated-category",
    summary: "A session with a `rubric` rates each of the rubric's categories.",
    severity: .warning,
    scope: .person,
    rationale:
      "Balance: a scorecard that leaves a category out cannot be compared with the others in a debrief, and the candidate's feedback misses what was not looked at.",
    triggering: [
      ScorecardExample.session("rubric: backend\n↓ratings:\n  design: 3\n", body: ScorecardExample.fullBody),
      ScorecardExample.session("rubric: ↓backend\n", body: ScorecardExample.fullBody),
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n", body: ScorecardExample.fullBody)
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    context.scorecards.compactMap { session, rubric in
      let rated = Set(session.ratings.map(\.category))
      let missing = rubric.categories.filter { !rated.contains($0.id) }
      guard !missing.isEmpty else { return nil }
      let names = missing.map { "`\($0.id)`" }.joined(separator: ", ")
      return context.finding(
        description,
        "\(Wording.count(missing.count, "category", "categories")) of rubric `\(rubric.name)` not rated: \(names)",
        file: session.file,
        at: session.ratings.isEmpty ? session.locations.value("rubric") : session.locations.key("ratings"),
        hint: "rate " + missing.map { "`\($0.id)` (\($0.title))" }.joined(separator: ", ")
          + " under `ratings:`, on the scale \(rubric.scaleDescription)")
    }
  }
}
