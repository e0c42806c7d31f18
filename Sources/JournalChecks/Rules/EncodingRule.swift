import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `encoding`: a note is UTF-8 text of a sensible size.
public struct EncodingRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.encoding,
    summary: "A note is UTF-8 text without NUL bytes, no larger than 1 MiB.",
    severity: .error,
    rationale: "Binary or mis-encoded files cannot be read reliably, and a huge file is not a note.",
    triggering: [.session("---\ndate: 2026-11-20↓\u{0}\ntype: career-development\n---\n")],
    nonTriggering: [.session("\u{FEFF}---\r\ndate: 2026-11-20\r\ntype: career-development\r\nmentor: Zoë\r\n---\r\n")])
}
