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
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓due:2026-13-01\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓priority:urgent\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n↓- Book the design review\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review due:2026-12-01 owner:alex priority:high\n- [x] Share the notes\n- [-] Visit the Lisbon office\n\n```\n- [ ] inside a code block is no action\n```\n")
    ])
}
