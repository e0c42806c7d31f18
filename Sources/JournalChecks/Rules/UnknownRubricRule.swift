import JournalModel
import JournalRules
import JournalParsing

/// `unknown-rubric`: a session's `rubric` is one `journal.yml` defines.
public struct UnknownRubricRule: MessageRule, PersonRule {
  public static let id = "unknown-rubric"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: UnknownRubricRule.id,
    summary: "A session's `rubric` names a rubric of `journal.yml`, and `ratings` come with a `rubric`.",
    severity: UnknownRubricRule.severity,
    rationale:
      "Specificity: a rating means something only against the categories and scale it was given on; without the rubric it is a bare number.",
    triggering: [
      ScorecardExample.session("rubric: ↓backnd\nratings:\n  design: 3\n", body: ScorecardExample.fullBody).expecting("no rubric `backnd` in journal.yml"),
      ScorecardExample.session("↓ratings:\n  design: 3\n", body: ScorecardExample.fullBody).expecting("`ratings` given without a `rubric`"),
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n", body: ScorecardExample.fullBody),
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\n---\n"),
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let config = context.settings.config
    let names = config.rubrics.map(\.name)
    return context.person.sessions.compactMap { session in
      guard let name = session.rubric else {
        guard !session.ratings.isEmpty else { return nil }
        return Diagnostic(
          Self.ratingsWithoutRubric(rubrics: names), file: session.file, at: session.locations.key("ratings"))
      }
      guard config.rubric(name) == nil else { return nil }
      return Diagnostic(
        Self.noRubric(name, rubrics: names), file: session.file, at: session.locations.value("rubric"))
    }
  }
}

extension UnknownRubricRule {
  /// `rubrics` are the names `journal.yml` defines.
  public static func ratingsWithoutRubric(rubrics: [String]) -> RuleMessage {
    message(
      "`ratings` given without a `rubric`",
      hint: rubrics.isEmpty
        ? "define the rubric under `rubrics:` in journal.yml and name it with `rubric:`"
        : "name the rubric rated on, such as `rubric: \(rubrics[0])`")
  }

  public static func noRubric(_ name: String, rubrics: [String]) -> RuleMessage {
    message(
      "no rubric `\(name)` in journal.yml",
      hint: Suggestion.closest(to: name, among: rubrics).map { "did you mean `\($0)`?" }
        ?? (rubrics.isEmpty
          ? "define it under `rubrics:` in journal.yml (docs/candidates.md)"
          : "journal.yml defines " + rubrics.map { "`\($0)`" }.joined(separator: ", ")))
  }
}
