import Foundation
import JournalModel
import Mustache

/// The wording of a letter: a Mustache template, journal's own or the journal's
/// `templates/letter.md`. Its first line, `Subject: …`, is the message's subject.
///
/// Values are escaped for the format written: Markdown's escaper for `markdown`, nothing for
/// `text` and `eml`, whose readers take text as it is.
public struct LetterTemplate: Sendable {
  /// Where a journal overrides the wording, relative to the journal.
  public static let overridePath = "templates/letter.md"

  public let text: String
  /// Where it came from, for messages: the override's path, or nil for journal's own.
  public let path: String?

  public init(text: String, path: String? = nil) {
    self.text = text
    self.path = path
  }

  /// journal's own wording, which `journal letter --template` prints to start an override from.
  public static let standard = LetterTemplate(
    text: """
      Subject: Your interview{{#role}} for {{role}}{{/role}}: our feedback

      Dear {{name}},

      Thank you for the time you gave us on {{interviewDate}}{{#role}} when you interviewed for {{role}}{{/role}}. We promised you feedback, and here it is: what stood out, where you could grow, and what comes next.

      ## What went well

      {{#strengths}}
      - {{#category}}{{category}}: {{/category}}{{text}}
      {{/strengths}}

      ## Where you could grow

      {{#improvements}}
      - {{#category}}{{category}}: {{/category}}{{text}}{{#suggestion}}
        Suggestion: {{suggestion}}{{/suggestion}}
      {{/improvements}}
      {{^improvements}}
      Nothing we would single out: keep doing what you did.
      {{/improvements}}

      ## Next steps

      {{#actions}}
      - {{text}}{{#due}} (by {{due}}){{/due}}
      {{/actions}}
      {{^actions}}
      We will be in touch about the next stage of the process.
      {{/actions}}

      ## Your view

      We would like to hear how the process felt from your side: what worked, what did not, and what we could do better. Reply to this message; every answer is read.

      With best wishes,
      {{#sender}}
      {{sender}}
      {{/sender}}

      """)

  /// The journal's override when it has one, else the standard wording.
  public static func forJournal(at root: String) throws -> LetterTemplate {
    let path = root + "/" + overridePath
    guard FileManager.default.fileExists(atPath: path) else { return standard }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw JournalError("cannot read \(overridePath)")
    }
    guard var bytes = String(validating: data, as: UTF8.self).map({ Array($0.utf8) }) else {
      throw JournalError("\(overridePath) is not UTF-8 text")
    }
    // Lines end as `\n`, however the editor wrote them, so the letter's lines are the same.
    bytes = lineFeeds(bytes)
    return LetterTemplate(text: String(decoding: bytes, as: UTF8.self), path: overridePath)
  }

  /// `\r\n` and a lone `\r` as `\n`.
  static func lineFeeds(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for (index, byte) in bytes.enumerated() {
      if byte == UInt8(ascii: "\r") {
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { continue }
        out.append(UInt8(ascii: "\n"))
      } else {
        out.append(byte)
      }
    }
    return out
  }

  /// Renders the template for `values`, escaping them for `format`.
  func render(_ values: [String: Any], escapingFor format: LetterFormat) throws -> String {
    Self.registerContentTypes
    let pragma = format == .markdown ? "{{% CONTENT_TYPE: JOURNAL_MARKDOWN}}" : "{{% CONTENT_TYPE: JOURNAL_TEXT}}"
    do {
      return try MustacheTemplate(string: pragma + text).render(values)
    } catch {
      throw JournalError("\(path ?? "the letter template") is not a template journal can read: \(error)")
    }
  }

  private struct MarkdownContent: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
  }

  private struct PlainContent: MustacheContentType {
    func escapeText(_ text: String) -> String { text }
  }

  private static let registerContentTypes: Void = {
    MustacheContentTypes.register(MarkdownContent(), named: "JOURNAL_MARKDOWN")
    MustacheContentTypes.register(PlainContent(), named: "JOURNAL_TEXT")
  }()
}
