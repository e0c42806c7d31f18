import JournalModel
import JournalRules
import JournalParsing

/// `broken-link`: a session's `plan:` and metrics refer to things that exist.
public struct BrokenLinkRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "broken-link",
    summary: "A session's `plan:` names a plan of the same person, and each of its metrics is declared by a goal of that person's plans.",
    severity: .error,
    scope: .person,
    rationale: "Progress is tracked against measurable goals; a value recorded under an undeclared metric is progress toward nothing.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\nplan: ↓code-quality\n---\n"),
      RuleExample(files: [
        "mentees/alex/plans/code-quality.md":
          "---\ntitle: Code quality\ncreated: 2026-10-01\ngoals:\n  - id: rework\n    description: Fewer PRs sent back\n    metric: rework-rate\n    baseline: 40\n    target: 15\n---\n",
        RuleExample.sessionPath:
          "---\ndate: 2026-11-20\ntype: performance-improvement\nplan: code-quality\nmetrics:\n  ↓rework: 30\n---\n",
      ]),
    ],
    nonTriggering: [
      RuleExample(files: [
        "mentees/alex/plans/code-quality.md":
          "---\ntitle: Code quality\ncreated: 2026-10-01\ngoals:\n  - id: rework\n    description: Fewer PRs sent back\n    metric: rework-rate\n    baseline: 40\n    target: 15\n---\n",
        RuleExample.sessionPath:
          "---\ndate: 2026-11-20\ntype: performance-improvement\nplan: code-quality\nmetrics:\n  rework-rate: 30\n---\n",
      ])
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for person in context.journal.people {
      let declared = Set(person.plans.flatMap { $0.goals.compactMap(\.metric) })
      for session in person.sessions {
        if let plan = session.plan, !context.paths.contains("\(person.folder)/plans/\(plan).md") {
          let known = person.plans.map(\.slug)
          findings.append(
            context.finding(
              description, "plan `\(plan)` does not exist for \(person.id)", file: session.file,
              at: session.locations.value("plan"),
              hint: known.isEmpty
                ? "create `\(person.folder)/plans/\(plan).md`"
                : "plans of \(person.id): " + known.map { "`\($0)`" }.joined(separator: ", ")))
        }
        for metric in session.metrics where !declared.contains(metric.id) {
          let suggestion = Suggestion.closest(to: metric.id, among: declared.sorted())
          findings.append(
            context.finding(
              description, "metric `\(metric.id)` is not declared by any goal of \(person.id)'s plans",
              file: session.file, at: metric.location,
              hint: suggestion.map { "did you mean `\($0)`?" }
                ?? "add a goal with `metric: \(metric.id)` to one of \(person.id)'s plans"))
        }
      }
    }
    return findings
  }
}
