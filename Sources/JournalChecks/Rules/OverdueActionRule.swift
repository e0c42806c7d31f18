import JournalModel
import JournalRules

/// `overdue-action`: open actions are done, dropped or re-dated by their due date.
public struct OverdueActionRule: MessageRule, PersonRule {
  public static let id = "overdue-action"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: OverdueActionRule.id,
    summary: "No open action is past its `due:` date. An action's latest mention counts, so one carried over and ticked later is done; while a later session cannot be read, its actions are not judged.",
    severity: OverdueActionRule.severity,
    rationale: "Follow-through: an action plan is only as good as its tracking; a forgotten action tells the person the plan does not matter.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n↓- [ ] Draft the migration plan due:2026-11-22 owner:alex\n").expecting("action \"Draft the migration plan\" was due 2026-11-22 (4 days ago)")
    ],
    nonTriggering: [
      RuleExample(files: [
        RuleExample.sessionPath:
          "---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Draft the migration plan due:2026-11-22 owner:alex\n",
        "mentees/alex/sessions/2026-11-24.md":
          "---\ndate: 2026-11-24\ntype: career-development\n---\n## Actions\n\n- [x] Draft the migration plan due:2026-11-22 owner:alex\n",
      ]),
      // The later session cannot be read (a `yaml-syntax` error): what it says is unknown.
      RuleExample(files: [
        RuleExample.sessionPath:
          "---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Draft the migration plan due:2026-11-22 owner:alex\n",
        "mentees/alex/sessions/2026-11-24.md":
          "---\ndate: 2026-11-24\ntype: [career-development\n---\n## Actions\n\n- [x] Draft the migration plan due:2026-11-22 owner:alex\n",
      ]),
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    return person.currentActions.compactMap { action in
      guard action.item.status == .open, let due = action.item.due, due < context.today else {
        return nil
      }
      // A later session that could not be read may tick it; that file's own finding says
      // why it was not read, and once it is mended this rule judges it.
      if case .session(let mentioned) = action.source, person.mayHaveUnreadSession(onOrAfter: mentioned) {
        return nil
      }
      let days = due.days(to: context.today)
      return Diagnostic(
        Self.overdue(action.item.text, due: "\(due)", daysAgo: days), file: action.file, at: action.item.location)
    }
  }
}

extension OverdueActionRule {
  public static func overdue(_ text: String, due: String, daysAgo: Int) -> RuleMessage {
    message(
      "action \"\(text)\" was due \(due) (\(Wording.count(daysAgo, "day")) ago)",
      hint: "tick it `[x]`, drop it `[-]`, or agree a new `due:` date")
  }
}
