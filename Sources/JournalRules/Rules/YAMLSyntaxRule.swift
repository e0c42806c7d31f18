import JournalModel

/// `yaml-syntax`: the front matter must be well-formed YAML of bounded size.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct YAMLSyntaxRule: ParsingRule {
  public static let id = "yaml-syntax"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: YAMLSyntaxRule.id,
    summary: "The front matter is valid YAML of at most 64 KiB, without tabs, anchors, aliases, tags or deep nesting.",
    severity: YAMLSyntaxRule.severity,
    scope: .file,
    rationale: "A note that cannot be read cannot be checked; anchors, aliases and deep nesting let a few lines cost unbounded work, and a tag would read a value otherwise than as written.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: [career-development\n↓---\n"),
      .session("---\ndate: 2026-11-20\n↓\ttype: career-development\n---\n"),
      .session("---\ndate: ↓&day 2026-11-20\ntype: career-development\nfollow-up: *day\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmetrics: ↓!!map {reviews: 3}\n---\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\nproject: \"Apollo: phase 2\"\n---\n")
    ])
}
