import JournalModel
import JournalRules

/// `overdue-action`: open actions are done, dropped or re-dated by their due date.
public struct OverdueActionRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "overdue-action",
    summary: "No open action is past its `due:` date. An action's latest mention counts, so one carried over and ticked later is done.",
    severity: .warning,
    scope: .person,
    rationale: "Follow-through: an action plan is only as good as its tracking; a forgotten action tells the person the plan does not matter.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n↓- [ ] Draft the migration plan due:2026-11-22 owner:alex\n")
    ],
    nonTriggering: [
      RuleExample(files: [
        RuleExample.sessionPath:
          "---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Draft the migration plan due:2026-11-22 owner:alex\n",
        "mentees/alex/sessions/2026-11-24.md":
          "---\ndate: 2026-11-24\ntype: career-development\n---\n## Actions\n\n- [x] Draft the migration plan due:2026-11-22 owner:alex\n",
      ])
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    context.journal.people.flatMap { person in
      person.currentActions.compactMap { action in
        guard action.item.status == .open, let due = action.item.due, due < context.today else {
          return nil
        }
        let days = due.days(to: context.today)
        return context.finding(
          description,
          "action \"\(action.item.text)\" was due \(due) (\(days) day\(days == 1 ? "" : "s") ago)",
          file: action.file, at: action.item.location,
          hint: "tick it `[x]`, drop it `[-]`, or agree a new `due:` date")
      }
    }
  }
}
