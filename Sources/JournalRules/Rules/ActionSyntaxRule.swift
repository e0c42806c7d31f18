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
    rationale: "An action whose due date cannot be read is never reported overdue.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓due:2026-13-01\n").expecting("`due:2026-13-01` is not a real calendar date"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓priority:urgent\n").expecting("`urgent` is not a priority"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n↓- Book the design review\n").expecting("an item under Actions must be a task-list item"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓due:“2026-12-01”\n").expecting("`due:“2026-12-01”` has quotes around its value"),
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

  /// `date` is the person's own date, from the word after the colon, in the form `due:` takes.
  public static func dueWithoutDate(suggesting date: String?) -> RuleMessage {
    message(
      "`due:` needs a date right after the colon",
      hint: "write `due:\(date ?? "YYYY-MM-DD")`, with no space after the colon")
  }

  /// `reason` says why the digits name no day ("November has 30 days").
  public static func dueNotARealDate(_ value: String, reason: String) -> RuleMessage {
    message("`due:\(value)` is not a real calendar date", hint: reason)
  }

  /// `date` is the value read as a date in the form `due:` takes (`2026-12-4` as
  /// `2026-12-04`), when it reads as one day only.
  public static func dueNotADate(_ value: String, suggesting date: String?) -> RuleMessage {
    message("`due:\(value)` is not a date", hint: "write `due:\(date ?? "YYYY-MM-DD")`")
  }

  /// `name` is the word after the colon, if any.
  public static func ownerWithoutName(suggesting name: String?) -> RuleMessage {
    message(
      "`owner:` needs a name right after the colon", hint: "write `owner:\(name ?? "NAME")`, with no space after the colon")
  }

  /// A token's key in another case (`Due:`); `fix` is the token in lowercase.
  public static func tokenCase(_ written: String, fix: String) -> RuleMessage {
    message("`\(written)` is not read: tokens are written in lowercase", hint: "write `\(fix)`")
  }

  /// A line under an actions section that looks like an action but is not a list item:
  /// `marker` as written (`-[ ]`, `• [ ]`), `fix` the line as it should be.
  public static func looseAction(_ marker: String, fix: String) -> RuleMessage {
    let scalars = Array(marker.unicodeScalars)
    let hint = "write `\(fix)` on a line of its own"
    if scalars.first == "•" { return message("`•` is not a Markdown list marker, so `\(marker)` is not an action", hint: hint) }
    if scalars.count > 1, scalars[1] == "[" {
      return message("`\(marker)` is not an action: Markdown needs a space after `\(scalars[0])`", hint: hint)
    }
    return message("`\(marker)` continues the line above instead of starting an action", hint: hint)
  }

  /// `suggestion` is the hint for the nearest known level, if any.
  public static func notAPriority(_ level: String, suggestion: String?) -> RuleMessage {
    message(
      level.isEmpty ? "`priority:` needs a level right after the colon" : "`\(level)` is not a priority",
      hint: suggestion)
  }

  public static let onlyTokens = message("action has no text, only tokens")

  /// `due:“2026-12-01”` or `owner:"sam"`: `token` as written, `value` without the quotes,
  /// which is read.
  public static func quotedValue(token: String, key: String, value: String) -> RuleMessage {
    message("`\(token)` has quotes around its value", hint: "write `\(key):\(value)`, without quotes")
  }
}
