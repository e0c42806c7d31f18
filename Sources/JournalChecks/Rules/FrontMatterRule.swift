import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `front-matter`: a note must open with a `---` block.
public struct FrontMatterRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.frontMatter,
    summary: "A note starts with a front matter block between two `---` lines.",
    severity: .error,
    rationale: "Without its front matter a note has no date or type, so it cannot be placed in anyone's history.",
    triggering: [
      .session("↓# Notes from Thursday\n\nWe talked about the release.\n"),
      .session("↓---\ndate: 2026-11-20\ntype: career-development\n\n## Strengths\n"),
    ],
    nonTriggering: [.session("---\ndate: 2026-11-20\ntype: career-development\n---\n")])
}
