import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `action-syntax`: action items are task-list items with well-formed tokens.
public struct ActionSyntaxRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.actionSyntax,
    summary: "Action items are `- [ ]`, `- [x]` or `- [-]` items whose `due:`, `owner:` and `priority:` tokens are well-formed.",
    severity: .error,
    rationale: "An action whose due date cannot be read is never reported overdue.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓due:2026-13-01\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓priority:urgent\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n↓- Book the design review\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review ↓due:“2026-12-01”\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Book the design review due:2026-12-01 owner:alex priority:high\n- [x] Share the notes\n- [-] Visit the Lisbon office\n\n```\n- [ ] inside a code block is no action\n```\n")
    ])
}
