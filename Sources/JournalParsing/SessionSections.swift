import JournalModel

/// A session body read into its parts: strengths, improvements, dialogue and actions.
struct SessionSections {
  enum Part {
    case strengths, improvements, dialogue, actions

    /// The headings each part is known by, lowercase.
    static let titles: [(title: StaticString, part: Part)] = [
      ("strengths", .strengths), ("improvements", .improvements),
      ("areas for improvement", .improvements), ("dialogue", .dialogue), ("actions", .actions),
    ]

    /// The part a heading names, ignoring case, white space around it and a final `:`.
    init?(heading range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
      // Outside ASCII, lowercasing and white space follow Unicode's tables.
      guard TextBytes.isASCII(UnsafeBufferPointer(rebasing: bytes[range])) else {
        self.init(heading: TextBytes.string(bytes, range))
        return
      }
      var title = TextBytes.trimmed(bytes, range)
      if let last = title.last, bytes[last] == UInt8(ascii: ":") {
        title = TextBytes.trimmed(bytes, title.lowerBound..<last)
      }
      guard let known = Self.titles.first(where: { TextBytes.equalsIgnoringASCIICase(bytes, title, $0.title) })
      else { return nil }
      self = known.part
    }

    init?(heading: String) {
      var title = heading.lowercased().trimmingSpaces()
      if title.utf8.last == UInt8(ascii: ":") { title = String(title.utf8.dropLast())!.trimmingSpaces() }
      guard let known = Self.titles.first(where: { title == "\($0.title)" }) else { return nil }
      self = known.part
    }
  }

  var strengths: [FeedbackItem] = []
  var improvements: [FeedbackItem] = []
  var dialogue: String?
  var actions: [ActionItem] = []
  var strengthsSection: SectionMark?
  var improvementsSection: SectionMark?
  var actionsSection: SectionMark?
  /// True when the body holds something written outside `## Actions`: feedback, dialogue or
  /// notes, anything but headings and HTML comments.
  var hasWriting: Bool

  init(_ body: MarkdownBody, source: SourceText, file: String, diagnostics: inout [Diagnostic]) {
    hasWriting = body.hasWritingOutsideSections
    for section in body.sections {
      let part = body.withText { Part(heading: section.title, in: $0) }
      if part != .actions, section.hasWriting { hasWriting = true }
      switch part {
      case .strengths:
        strengthsSection = strengthsSection ?? Self.mark(section, in: body)
        strengths += section.items.map { FeedbackItem(text: body.string($0.text), location: $0.location) }
      case .improvements:
        improvementsSection = improvementsSection ?? Self.mark(section, in: body)
        improvements += section.items.map { FeedbackItem(text: body.string($0.text), location: $0.location) }
      case .dialogue:
        guard let lines = section.lines else { break }
        let text = source.bytes.withUnsafeBufferPointer { bytes in
          TextBytes.string(bytes, TextBytes.trimmed(bytes, source.range(lines: lines)))
        }
        if !text.isEmpty { dialogue = dialogue.map { $0 + "\n\n" + text } ?? text }
      case .actions:
        actionsSection = actionsSection ?? Self.mark(section, in: body)
        actions += Self.items(section, of: body, source: source, file: file, diagnostics: &diagnostics)
      case nil:
        break
      }
    }
  }

  private static func mark(_ section: MarkdownBody.Section, in body: MarkdownBody) -> SectionMark {
    SectionMark(title: body.string(section.title), location: section.location)
  }

  /// The action items of every `## Actions` section, for plans.
  static func actions(
    in body: MarkdownBody, source: SourceText, file: String, diagnostics: inout [Diagnostic]
  ) -> [ActionItem] {
    var actions: [ActionItem] = []
    for section in body.sections where body.withText({ Part(heading: section.title, in: $0) }) == .actions {
      actions += items(section, of: body, source: source, file: file, diagnostics: &diagnostics)
    }
    return actions
  }

  private static func items(
    _ section: MarkdownBody.Section, of body: MarkdownBody, source: SourceText, file: String,
    diagnostics: inout [Diagnostic]
  ) -> [ActionItem] {
    section.items.compactMap {
      ActionItemParser.parse($0, of: body, source: source, file: file, diagnostics: &diagnostics)
    }
  }
}
