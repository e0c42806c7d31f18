import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `markdown-limits`: a note's body is small and shallow enough to read in bounded time.
public struct MarkdownLimitsRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.markdownLimits,
    summary: "A note's Markdown body is at most 32 KiB, with lists and block quotes nested at most 64 deep.",
    severity: .error,
    rationale: "The Markdown parser takes time that grows faster than a body's size on some patterns; past these bounds one note could stall every check. A refused body is not read.",
    triggering: [
      .session(
        "---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n"
          + String(repeating: "> ", count: 64) + "↓> Quoted too deep\n")
    ],
    nonTriggering: [
      .session(
        "---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n> - Kept the incident review blameless\n>   > \"We fixed the process, not the person.\"\n"
      )
    ])
}
