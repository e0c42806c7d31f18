import JournalModel

/// `encoding`: a note is UTF-8 text of a sensible size.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct EncodingRule: ParsingRule {
  public static let id = "encoding"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: EncodingRule.id,
    summary: "A note is UTF-8 text without NUL bytes, no larger than 1 MiB.",
    severity: EncodingRule.severity,
    scope: .file,
    rationale: "Binary or mis-encoded files cannot be read reliably, and a huge file is not a note.",
    triggering: [.session("---\ndate: 2026-11-20↓\u{0}\ntype: career-development\n---\n")],
    nonTriggering: [.session("\u{FEFF}---\r\ndate: 2026-11-20\r\ntype: career-development\r\nmentor: Zoë\r\n---\r\n")])
}
