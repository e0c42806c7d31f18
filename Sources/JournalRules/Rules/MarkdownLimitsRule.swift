import JournalModel

/// `markdown-limits`: a note's body is small and shallow enough to read in bounded time.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct MarkdownLimitsRule: ParsingRule {
  public static let id = "markdown-limits"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: MarkdownLimitsRule.id,
    summary: "A note's Markdown body is at most 32 KiB, with lists and block quotes nested at most 64 deep.",
    severity: MarkdownLimitsRule.severity,
    rationale: "The Markdown parser takes time that grows faster than a body's size on some patterns; past these bounds one note could stall every check. A refused body is not read.",
    triggering: [
      .session(
        "---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n"
          + String(repeating: "> ", count: 64) + "↓> Quoted too deep\n").expecting("lists and block quotes nested more than 64 deep")
    ],
    nonTriggering: [
      .session(
        "---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n> - Kept the incident review blameless\n>   > \"We fixed the process, not the person.\"\n"
      )
    ])
}

extension MarkdownLimitsRule {
  /// `size` and `limit` as people read them, such as `1.2 MiB`; `bytes` exactly.
  public static func bodyTooLarge(size: String, bytes: Int, limit: String) -> RuleMessage {
    message(
      "the body is \(size) (\(bytes) bytes); journal reads a body of at most \(limit)",
      hint: "split the note, or keep long material such as a transcript in `private/` or an attachment")
  }

  public static func nestedTooDeep(limit: Int) -> RuleMessage {
    message(
      "lists and block quotes nested more than \(limit) deep",
      hint: "nest lists and quotes at most \(limit) levels; deeper nesting makes Markdown slow to read")
  }
}
