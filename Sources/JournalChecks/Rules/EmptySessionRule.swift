import JournalModel
import JournalRules

/// `empty-session`: a session file holds what was said, not only the template.
public struct EmptySessionRule: MessageRule, PersonRule {
  public static let id = "empty-session"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: EmptySessionRule.id,
    summary: "A session holds feedback, dialogue, notes or a new action, not only what `journal new session` writes. Until it does, it does not count for cadence or follow-ups.",
    severity: EmptySessionRule.severity,
    rationale: "A session prepared but never written up records nothing the person was told; counted as held, it would hide an overdue check-in and satisfy a follow-up that did not happen.",
    triggering: [
      .session(
        "---\ndate: ↓2026-11-20\ntype: career-development\n# duration: 45m\n# follow-up: 2026-12-04\n---\n\n## Strengths\n\n<!-- What went well: one item each, with an example. -->\n\n## Improvements\n\n<!-- What to change: the behaviour, an example, its effect. -->\n\n## Dialogue\n\n<!-- Their own view, in their words. -->\n\n## Actions\n\n<!-- - [ ] What will happen next due:2026-12-04 owner:alex -->\n"
      ).expecting("the session of 2026-11-20 holds only its template: no feedback, dialogue, notes or new action"),
      RuleExample(files: [
        "mentees/alex/sessions/2026-11-06.md":
          "---\ndate: 2026-11-06\ntype: career-development\n---\n## Strengths\n\n- Led the incident review calmly\n\n## Actions\n\n- [ ] Write the runbook due:2026-12-01\n",
        RuleExample.sessionPath:
          "---\ndate: ↓2026-11-20\ntype: career-development\n---\n## Strengths\n\n## Actions\n\n<!-- Carried over from earlier sessions: tick [x], drop [-], or keep open. -->\n- [ ] Write the runbook due:2026-12-01\n",
      ]).expecting("the session of 2026-11-20 holds only its template: no feedback, dialogue, notes or new action"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Dialogue\n\nAlex wants to lead the next migration.\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\nWe talked about the on-call rota.\n"),
      RuleExample(files: [
        "mentees/alex/sessions/2026-11-06.md":
          "---\ndate: 2026-11-06\ntype: career-development\n---\n## Strengths\n\n- Led the incident review calmly\n\n## Actions\n\n- [ ] Write the runbook due:2026-12-01\n",
        RuleExample.sessionPath:
          "---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [x] Write the runbook due:2026-12-01\n",
      ]),
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    return person.sessions.filter(person.isUntouchedTemplate).map { session in
      Diagnostic(Self.onlyTemplate(date: "\(session.date)"), file: session.file, at: session.locations.value("date"))
    }
  }
}

extension EmptySessionRule {
  public static func onlyTemplate(date: String) -> RuleMessage {
    message(
      "the session of \(date) holds only its template: no feedback, dialogue, notes or new action",
      hint: "write down what was said, or delete the file if the session did not take place")
  }
}
