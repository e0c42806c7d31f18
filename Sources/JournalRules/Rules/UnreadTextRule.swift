import JournalModel

/// `unread-text`: what is written where journal reads only items is reported, not dropped.
///
/// The parser applies it while it reads a body; its findings are made from the messages below.
public struct UnreadTextRule: ParsingRule {
  public static let id = "unread-text"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: UnreadTextRule.id,
    summary: "An action item outside an actions section, and text that is not an item under Strengths, Improvements or Actions, is reported: journal does not read it.",
    severity: UnreadTextRule.severity,
    rationale: "Nothing a person wrote is ignored in silence: an action filed under Notes is never followed up, and a paragraph under Strengths is not counted in the balance.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Notes\n\n↓- [ ] Book the design review due:2026-12-01\n").expecting("`- [ ]` outside an actions section is not read as an action"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n↓Sam led the incident review and kept the timeline honest.\n").expecting("text under `## Strengths` is not read: only its list items are"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n- Led the incident review and kept the timeline honest\n  ↓- wrote the summary the same afternoon\n").expecting("a nested item under `## Strengths` is not counted"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Notes\n\n↓-[ ] Book the design review due:2026-12-01\n").expecting("`-[ ]` outside an actions section is not read as an action"),
      .file("mentees/alex/sessions/2026-11-18-self-assessment.md", "---\ndate: 2026-11-18\ntype: self-assessment\n---\n## Actions\n\n↓- [ ] Ask for a stretch project\n").expecting("`- [ ]` in a self-assessment is not read as an action: a self-assessment's items are not followed up"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\nWritten after the call.\n\n## Strengths\n\n- Led the incident review and kept the timeline honest\n\n## Actions\n\n- [ ] Book the design review due:2026-12-01\n  - [ ] Send the agenda the day before\n\n## Notes\n\nSam asked about the rota.\n\n- talk to Jo first\n\n```\n- [ ] inside a code block is no action\n```\n"),
      .file("mentees/alex/sessions/2026-11-18-self-assessment.md", "---\ndate: 2026-11-18\ntype: self-assessment\n---\n## Achievements\n\nShipped the billing export.\n\n## Strengths\n\nI explain trade-offs well.\n\n## Next session\n\n- Talk about the on-call rota\n"),
    ])
}

extension UnreadTextRule {
  static let indentHint =
    "start an item at the line's start, or indent it two spaces under the item it belongs to; fence code with ```"

  /// `marker` is the action's box as written: `- [ ]`, `-[x]`, `• [ ]`.
  public static func strayAction(_ marker: String) -> RuleMessage {
    message("`\(marker)` outside an actions section is not read as an action", hint: "move it under `## Actions`")
  }

  /// A nested item under a strengths or improvements item; `heading` as the person wrote it.
  public static func nestedItem(under heading: String) -> RuleMessage {
    message(
      "a nested item under `## \(heading)` is not counted",
      hint: "write it as an item of its own, or on the line of the item above it")
  }

  /// An action item in a self-assessment, which has no actions section: what the person would
  /// like to do is agreed in a session.
  public static func actionInSelfAssessment(_ marker: String) -> RuleMessage {
    message(
      "`\(marker)` in a self-assessment is not read as an action: a self-assessment's items are not followed up",
      hint: "write it as a `- ` item, and agree the action in the session, where it goes under `## Actions`")
  }

  public static let nestedUnderAction = message(
    "a nested item under an action is not read",
    hint: "write it on the action's line, or make it an action of its own with `- [ ]`")

  /// A paragraph or quote under a section that reads only list items.
  public static func text(under heading: String) -> RuleMessage {
    message(
      "text under `## \(heading)` is not read: only its list items are",
      hint: "write it as a `- ` item, or under a heading of its own such as `## Notes`")
  }

  public static func indentedCode(under heading: String) -> RuleMessage {
    message("lines indented four spaces under `## \(heading)` are read as code, not as items", hint: indentHint)
  }

  public static let textUnderActions = message(
    "text under an actions section is not read: only its `- [ ]` items are",
    hint: "write it as an action, or under a heading of its own such as `## Notes`")

  public static let indentedCodeUnderActions = message(
    "lines indented four spaces under an actions section are read as code, not as actions", hint: indentHint)
}
