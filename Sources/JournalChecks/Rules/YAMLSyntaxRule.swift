import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `yaml-syntax`: the front matter must be well-formed YAML of bounded size.
public struct YAMLSyntaxRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.yamlSyntax,
    summary: "The front matter is valid YAML of at most 64 KiB, without tabs, anchors, aliases, tags or deep nesting.",
    severity: .error,
    rationale: "A note that cannot be read cannot be checked; anchors, aliases and deep nesting let a few lines cost unbounded work, and a tag would read a value otherwise than as written.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: [career-development\n↓---\n"),
      .session("---\ndate: 2026-11-20\n↓\ttype: career-development\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\ntags:\n  - growth\n↓\t- review\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nproject: ↓“Apollo: phase 2”\n---\n"),
      .session("---\ndate: ↓&day 2026-11-20\ntype: career-development\nfollow-up: *day\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmetrics: ↓!!map {reviews: 3}\n---\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\nproject: \"Apollo: phase 2\"\n---\n"),
      .session("---\ndate:\t2026-11-20\ntype: career-development\n---\n"),
    ])
}
