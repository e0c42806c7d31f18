import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `invalid-value`: each value has the type and form its field takes.
public struct InvalidValueRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.invalidValue,
    summary: "Values have the right type and form: real calendar dates, known session types and media, numbers for metrics, and no control characters.",
    severity: .error,
    rationale: "A misspelt type or an impossible date would silently drop a session from every summary; a control character in a name can rewrite a terminal or make text read differently than it is stored.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: ↓carrer-development\n---\n"),
      .session("---\ndate: ↓2026-11-31\ntype: career-development\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nduration: ↓an hour\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nevent-date: ↓2026-11-22\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmentor: ↓\"Sam\\e[2J\"\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmentor: ↓“Hannah Reyes”\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: ↓2026-11-18\n---\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: project-specific\nduration: 1h30m\nmedium: video\nproject: no\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: project-specific\nmentor: Sam “Sammy” O’Brien\n---\n"),
    ])
}
