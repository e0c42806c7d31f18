import JournalModel
import JournalParsing

// Applied by the parser while it reads a body (see BodyFinding in JournalParsing); this type
// carries the rule's description and examples.

/// `unread-text`: what is written where journal reads only items is reported, not dropped.
public struct UnreadTextRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.unreadText,
    summary: "An action item outside an actions section, and text that is not an item under Strengths, Improvements or Actions, is reported: journal does not read it.",
    severity: .warning,
    rationale: "Nothing a person wrote is ignored in silence: an action filed under Notes is never followed up, and a paragraph under Strengths is not counted in the balance.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Notes\n\n↓- [ ] Book the design review due:2026-12-01\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n↓Sam led the incident review and kept the timeline honest.\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n- Led the incident review and kept the timeline honest\n  ↓- wrote the summary the same afternoon\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Notes\n\n↓-[ ] Book the design review due:2026-12-01\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\nWritten after the call.\n\n## Strengths\n\n- Led the incident review and kept the timeline honest\n\n## Actions\n\n- [ ] Book the design review due:2026-12-01\n  - [ ] Send the agenda the day before\n\n## Notes\n\nSam asked about the rota.\n\n- talk to Jo first\n\n```\n- [ ] inside a code block is no action\n```\n")
    ])
}
