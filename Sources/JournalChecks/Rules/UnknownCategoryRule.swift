import JournalModel
import JournalRules
import JournalParsing

/// `unknown-category`: ratings and evidence name categories of the session's rubric.
public struct UnknownCategoryRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "unknown-category",
    summary: "Each rating and each `[category]` evidence tag names a category of the session's rubric.",
    severity: .error,
    scope: .person,
    rationale:
      "Specificity: a rating or a piece of evidence filed under a category the rubric does not have is counted nowhere, in the scorecard or the debrief.",
    triggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n  ↓comunication: 2\n",
        body: ScorecardExample.fullBody),
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n",
        body: ScorecardExample.fullBody + "- ↓[culture] Asked nothing about the team.\n"),
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n", body: ScorecardExample.fullBody),
      // Without a rubric a leading bracket is only text.
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\n---\n## Strengths\n\n- [WIP] Kept the demo short.\n"),
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    context.scorecards.flatMap { session, rubric -> [Diagnostic] in
      let ids = rubric.categories.map(\.id)
      func finding(_ message: String, _ category: String, at location: SourceLocation) -> Diagnostic {
        context.finding(
          description, message, file: session.file, at: location,
          hint: Suggestion.closest(to: category, among: ids).map { "did you mean `\($0)`?" }
            ?? "rubric `\(rubric.name)` has " + ids.map { "`\($0)`" }.joined(separator: ", "))
      }
      let ratings = session.ratings.filter { rubric.category($0.category) == nil }.map {
        finding("rubric `\(rubric.name)` has no category `\($0.category)`", $0.category, at: $0.location)
      }
      let evidence = (session.strengths + session.improvements).compactMap { item -> Diagnostic? in
        guard let category = item.category, rubric.category(category) == nil else { return nil }
        return finding(
          "evidence for `\(category)`, which rubric `\(rubric.name)` does not have", category,
          at: item.categoryLocation ?? item.location)
      }
      return ratings + evidence
    }
  }
}
