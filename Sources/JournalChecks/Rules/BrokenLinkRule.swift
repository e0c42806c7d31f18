import JournalModel
import JournalRules
import JournalParsing

/// `broken-link`: a session's `plan:` and metrics refer to things that exist.
public struct BrokenLinkRule: MessageRule, PersonRule {
  public static let id = "broken-link"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: BrokenLinkRule.id,
    summary: "A session's `plan:` names a plan of the same person, and each of its metrics is declared by a goal of that person's plans.",
    severity: BrokenLinkRule.severity,
    rationale: "Progress is tracked against measurable goals; a value recorded under an undeclared metric is progress toward nothing.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\nplan: ↓code-quality\n---\n").expecting("plan `code-quality` does not exist for alex"),
      RuleExample(files: [
        "mentees/alex/plans/code-quality.md":
          "---\ntitle: Code quality\ncreated: 2026-10-01\ngoals:\n  - id: rework\n    description: Fewer PRs sent back\n    metric: rework-rate\n    baseline: 40\n    target: 15\n---\n",
        RuleExample.sessionPath:
          "---\ndate: 2026-11-20\ntype: performance-improvement\nplan: code-quality\nmetrics:\n  ↓rework: 30\n---\n",
      ]).expecting("metric `rework` is not declared by any goal of alex's plans"),
    ],
    nonTriggering: [
      RuleExample(files: [
        "mentees/alex/plans/code-quality.md":
          "---\ntitle: Code quality\ncreated: 2026-10-01\ngoals:\n  - id: rework\n    description: Fewer PRs sent back\n    metric: rework-rate\n    baseline: 40\n    target: 15\n---\n",
        RuleExample.sessionPath:
          "---\ndate: 2026-11-20\ntype: performance-improvement\nplan: code-quality\nmetrics:\n  rework-rate: 30\n---\n",
      ])
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    var findings: [Diagnostic] = []
    let declared = Set(person.plans.flatMap { $0.goals.compactMap(\.metric) })
    // Sessions in a row mostly name the same plan: the last one looked up is remembered.
    var lastPlan: (slug: String, exists: Bool)? = nil
    func exists(_ plan: String) -> Bool {
      if let last = lastPlan, last.slug == plan { return last.exists }
      let exists = context.paths.contains("\(person.folder)/plans/\(plan).md")
      lastPlan = (plan, exists)
      return exists
    }
    for session in person.sessions {
      if let plan = session.plan, !exists(plan) {
        findings.append(
          Diagnostic(
            Self.noSuchPlan(plan, person: person.id, folder: person.folder, known: person.plans.map(\.slug)),
            file: session.file, at: session.locations.value("plan")))
      }
      for metric in session.metrics where !declared.contains(metric.id) {
        findings.append(
          Diagnostic(
            Self.undeclaredMetric(
              metric.id, person: person.id, suggestion: Suggestion.closest(to: metric.id, among: declared.sorted())),
            file: session.file, at: metric.location))
      }
    }
    return findings
  }
}

extension BrokenLinkRule {
  /// `known` are the slugs of the person's plans.
  public static func noSuchPlan(_ plan: String, person: String, folder: String, known: [String]) -> RuleMessage {
    message(
      "plan `\(plan)` does not exist for \(person)",
      hint: known.isEmpty
        ? "create `\(folder)/plans/\(plan).md`"
        : "plans of \(person): " + known.map { "`\($0)`" }.joined(separator: ", "))
  }

  /// `suggestion` is the nearest declared metric, if any.
  public static func undeclaredMetric(_ metric: String, person: String, suggestion: String?) -> RuleMessage {
    message(
      "metric `\(metric)` is not declared by any goal of \(person)'s plans",
      hint: suggestion.map { "did you mean `\($0)`?" } ?? "add a goal with `metric: \(metric)` to one of \(person)'s plans")
  }
}
