import JournalModel
import JournalRules
import JournalParsing

/// `unknown-category`: ratings and evidence name categories of the session's rubric.
public struct UnknownCategoryRule: MessageRule, PersonRule {
  public static let id = "unknown-category"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: UnknownCategoryRule.id,
    summary: "Each rating and each `[category]` evidence tag names a category of the session's rubric.",
    severity: UnknownCategoryRule.severity,
    rationale:
      "Specificity: a rating or a piece of evidence filed under a category the rubric does not have is counted nowhere, in the scorecard or the debrief.",
    triggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n  ↓comunication: 2\n",
        body: ScorecardExample.fullBody).expecting("rubric `backend` has no category `comunication`"),
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n",
        body: ScorecardExample.fullBody + "- ↓[culture] Asked nothing about the team.\n").expecting("evidence for `culture`, which rubric `backend` does not have"),
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n", body: ScorecardExample.fullBody),
      // Without a rubric a leading bracket is only text.
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\n---\n## Strengths\n\n- [WIP] Kept the demo short.\n"),
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    context.scorecards.flatMap { session, rubric -> [Diagnostic] in
      let ids = rubric.categories.map(\.id)
      let ratings = session.ratings.filter { rubric.category($0.category) == nil }.map {
        Diagnostic(Self.unknownRated($0.category, rubric: rubric.name, ids: ids), file: session.file, at: $0.location)
      }
      let evidence = (session.strengths + session.improvements).compactMap { item -> Diagnostic? in
        guard let category = item.category, rubric.category(category) == nil else { return nil }
        return Diagnostic(
          Self.unknownEvidence(category, rubric: rubric.name, ids: ids), file: session.file,
          at: item.categoryLocation ?? item.location)
      }
      return ratings + evidence
    }
  }
}

extension UnknownCategoryRule {
  /// `ids` are the rubric's category ids, for the hint.
  public static func unknownRated(_ category: String, rubric: String, ids: [String]) -> RuleMessage {
    message("rubric `\(rubric)` has no category `\(category)`", hint: hint(category, rubric: rubric, ids: ids))
  }

  public static func unknownEvidence(_ category: String, rubric: String, ids: [String]) -> RuleMessage {
    message(
      "evidence for `\(category)`, which rubric `\(rubric)` does not have", hint: hint(category, rubric: rubric, ids: ids))
  }

  private static func hint(_ category: String, rubric: String, ids: [String]) -> String {
    Suggestion.closest(to: category, among: ids).map { "did you mean `\($0)`?" }
      ?? "rubric `\(rubric)` has " + ids.map { "`\($0)`" }.joined(separator: ", ")
  }
}
