import JournalModel

/// `action-syntax`: action items are task-list items with well-formed tokens.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct ActionSyntaxRule: ParsingRule {
  public static let id = "action-syntax"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: ActionSyntaxRule.id,
    summary: "Action items are `- [ ]`, `- [x]` or `- [-]` items whose `due:`, `owner:` and `priority:` tokens are well-formed.",
    severity: ActionSyntaxRule.severity,
    scope: .file,
    rationale: "An action whose due date cannot be read is never reported overdue.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓due:2026-13-01\n").expecting("`due:2026-13-01` is not a real calendar date"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓priority:urgent\n").expecting("`urgent` is not a priority"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n↓- Book the design review\n").expecting("an item under Actions must be a task-list item"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review due:2026-12-01 owner:alex priority:high\n- [x] Share the notes\n- [-] Visit the Lisbon office\n\n```\n- [ ] inside a code block is no action\n```\n")
    ])
}

extension ActionSyntaxRule {
  public static let notATask = message(
    "an item under Actions must be a task-list item",
    hint: "write `- [ ] …` for an open action, `- [x] …` when done, `- [-] …` when dropped")

  public static func repeated(token name: String) -> RuleMessage {
    message("`\(name):` is given more than once")
  }

  public static let dueWithoutDate = message(
    "`due:` needs a date right after the colon", hint: "write `due:2026-12-15`, with no space after the colon")

  public static func dueNotARealDate(_ value: String) -> RuleMessage {
    message("`due:\(value)` is not a real calendar date")
  }

  public static func dueNotADate(_ value: String) -> RuleMessage {
    message("`due:\(value)` is not a date", hint: "write `due:YYYY-MM-DD`")
  }

  public static let ownerWithoutName = message(
    "`owner:` needs a name right after the colon", hint: "write `owner:alice`, with no space after the colon")

  /// `suggestion` is the hint for the nearest known level, if any.
  public static func notAPriority(_ level: String, suggestion: String?) -> RuleMessage {
    message(
      level.isEmpty ? "`priority:` needs a level right after the colon" : "`\(level)` is not a priority",
      hint: suggestion)
  }

  public static let onlyTokens = message("action has no text, only tokens")
}
