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
    rationale: "Binary or mis-encoded files cannot be read reliably, and a huge file is not a note.",
    triggering: [.session("---\ndate: 2026-11-20↓\u{0}\ntype: career-development\n---\n").expecting("file holds a NUL byte; journal files are UTF-8 text")],
    nonTriggering: [.session("\u{FEFF}---\r\ndate: 2026-11-20\r\ntype: career-development\r\nmentor: Zoë\r\n---\r\n")])
}

extension EncodingRule {
  public static let nulByte = message("file holds a NUL byte; journal files are UTF-8 text")

  /// `byte` in two uppercase hex digits.
  public static func invalidUTF8(byte: String) -> RuleMessage {
    message("invalid UTF-8 (byte 0x\(byte)); save the file as UTF-8")
  }

  /// `size` and `limit` as people read them, such as `1.2 MiB`; `bytes` exactly.
  public static func fileTooLarge(size: String, bytes: Int, limit: String) -> RuleMessage {
    message(
      "file is \(size) (\(bytes) bytes); journal reads notes of at most \(limit)",
      hint: "a note is text of a few kilobytes; keep attachments in other formats")
  }

  /// `reason`, when known, is what the system said.
  public static func cannotRead(reason: String? = nil) -> RuleMessage {
    message("cannot read the file" + (reason.map { ": \($0)" } ?? ""))
  }

  public static let notARegularFile = message("not a regular file")
  public static let changedWhileRead = message("the file changed while it was read; check again")

  public static func cannotReadFolder(reason: String) -> RuleMessage {
    message("cannot read the folder: \(reason)")
  }
}
