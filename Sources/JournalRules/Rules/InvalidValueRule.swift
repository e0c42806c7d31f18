import JournalModel

/// `invalid-value`: each value has the type and form its field takes.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct InvalidValueRule: ParsingRule {
  public static let id = "invalid-value"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: InvalidValueRule.id,
    summary: "Values have the right type and form: real calendar dates, known session types and media, numbers for metrics, and no control characters.",
    severity: InvalidValueRule.severity,
    scope: .file,
    rationale: "A misspelt type or an impossible date would silently drop a session from every summary; a control character in a name can rewrite a terminal or make text read differently than it is stored.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: ↓carrer-development\n---\n"),
      .session("---\ndate: ↓2026-11-31\ntype: career-development\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nduration: ↓an hour\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nevent-date: ↓2026-11-22\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmentor: ↓\"Sam\\e[2J\"\n---\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: project-specific\nduration: 1h30m\nmedium: video\nproject: no\n---\n")
    ])
}
