import JournalModel
import JournalRules
import JournalParsing

/// `unknown-rubric`: a session's `rubric` is one `journal.yml` defines.
public struct UnknownRubricRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "unknown-rubric",
    summary: "A session's `rubric` names a rubric of `journal.yml`, and `ratings` come with a `rubric`.",
    severity: .error,
    scope: .person,
    rationale:
      "Specificity: a rating means something only against the categories and scale it was given on; without the rubric it is a bare number.",
    triggering: [
      ScorecardExample.session("rubric: ↓backnd\nratings:\n  design: 3\n", body: ScorecardExample.fullBody),
      ScorecardExample.session("↓ratings:\n  design: 3\n", body: ScorecardExample.fullBody),
    ],
    nonTriggering: [
      ScorecardExample.session(
        "rubric: backend\nratings:\n  design: 3\n  communication: 2\n", body: ScorecardExample.fullBody),
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\n---\n"),
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let names = context.journal.config.rubrics.map(\.name)
    return context.journal.people.flatMap(\.sessions).compactMap { session in
      guard let name = session.rubric else {
        guard !session.ratings.isEmpty else { return nil }
        return context.finding(
          description, "`ratings` given without a `rubric`", file: session.file,
          at: session.locations.key("ratings"),
          hint: names.isEmpty
            ? "define the rubric under `rubrics:` in journal.yml and name it with `rubric:`"
            : "name the rubric rated on, such as `rubric: \(names[0])`")
      }
      guard context.journal.config.rubric(name) == nil else { return nil }
      return context.finding(
        description, "no rubric `\(name)` in journal.yml", file: session.file,
        at: session.locations.value("rubric"),
        hint: Suggestion.closest(to: name, among: names).map { "did you mean `\($0)`?" }
          ?? (names.isEmpty
            ? "define it under `rubrics:` in journal.yml (docs/candidates.md)"
            : "journal.yml defines " + names.map { "`\($0)`" }.joined(separator: ", ")))
    }
  }
}
