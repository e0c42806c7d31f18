import Ccmark
import JournalModel

/// A file's Markdown body, parsed by cmark-gfm and cut into its level-2 sections.
///
/// The text of headings and list items is gathered from cmark's nodes as UTF-8 into one
/// buffer, `text`, which sections and items refer to by byte ranges; code spans are byte
/// ranges too. A `String` is made only for what a model keeps.
struct MarkdownBody {
  enum TaskMarker {
    case open, done, dropped
  }

  struct ListItem {
    /// The item's own paragraphs as plain text, a range of `text`: line breaks read as
    /// spaces, without a task marker or nested lists, without white space at either end.
    let text: Range<Int>
    /// The code spans written in the item, as indices of `codeSpans`: what is written as code
    /// is never read as an action's token.
    let code: Range<Int>
    let location: SourceLocation
    let task: TaskMarker?
    /// The file lines the item spans, nested lists included.
    let lines: ClosedRange<Int>
  }

  struct Section {
    /// The heading's plain text, a range of `text`.
    let title: Range<Int>
    let location: SourceLocation
    var items: [ListItem] = []
    /// The file line after the heading.
    let contentStart: Int
    /// The file lines after the heading up to the next section; nil when there are none.
    var lines: ClosedRange<Int>? = nil
    /// True when the section holds a block other than an HTML comment or a lower heading:
    /// something a person wrote, not only what a template put there.
    var hasWriting = false
  }

  /// The text of every heading and list item read, one after another.
  private(set) var text: [UInt8] = []
  /// Each code span of the items, as a range of `text`, in order.
  private(set) var codeSpans: [Range<Int>] = []
  /// Sections in order; text before the first level-2 heading is in none.
  private(set) var sections: [Section] = []
  /// True when a block other than a heading or an HTML comment lies outside every section:
  /// before the first level-2 heading, or under a level-1 heading.
  private(set) var hasWritingOutsideSections = false

  /// Registered once for the process: cmark-gfm's extension registry is global.
  nonisolated(unsafe) private static let tasklist: OpaquePointer? = {
    cmark_gfm_core_extensions_ensure_registered()
    return cmark_find_syntax_extension("tasklist")
  }()

  /// Calls `body` with the bytes of `text`.
  func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try text.withUnsafeBufferPointer(body)
  }

  /// The text of a range of `text`.
  func string(_ range: Range<Int>) -> String {
    withText { TextBytes.string($0, range) }
  }

  /// Parses a file's body, or reports why it is not read (`MarkdownLimits`) and reads none.
  static func parse(
    _ split: FrontMatterSplit, source: SourceText, file: String, diagnostics: inout [Diagnostic]
  ) -> MarkdownBody {
    var body = MarkdownBody()
    source.bytes.withUnsafeBufferPointer { bytes in
      let markdown = UnsafeBufferPointer(rebasing: bytes[split.body])
      if let refused = MarkdownLimits.check(markdown, firstLine: split.bodyFirstLine, file: file) {
        diagnostics.append(refused)
        // Unread is not empty: whatever the body holds was written by someone.
        body.hasWritingOutsideSections = true
        return
      }
      guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return }
      defer { cmark_parser_free(parser) }
      if let tasklist { cmark_parser_attach_syntax_extension(parser, tasklist) }
      markdown.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
      guard let document = cmark_parser_finish(parser) else { return }
      defer { cmark_node_free(document) }
      body.read(document, offset: split.bodyFirstLine - 1, source: source)
    }
    return body
  }

  /// Walks the document's top-level blocks into sections and their list items.
  private mutating func read(_ document: OpaquePointer, offset: Int, source: SourceText) {
    func location(_ node: OpaquePointer) -> SourceLocation {
      source.location(
        line: Int(cmark_node_get_start_line(node)) + offset,
        byteColumn: Int(cmark_node_get_start_column(node)))
    }
    var current: Section? = nil
    var node = cmark_node_first_child(document)
    while let block = node {
      let type = cmark_node_get_type(block)
      let startLine = Int(cmark_node_get_start_line(block)) + offset
      if type == CMARK_NODE_HEADING, cmark_node_get_heading_level(block) <= 2 {
        if var finished = current {
          finished.lines = Self.closeRange(finished, before: startLine)
          sections.append(finished)
        }
        current = nil
        if cmark_node_get_heading_level(block) == 2 {
          let start = text.count
          appendPlainText(block, markingCode: false)
          current = Section(title: start..<text.count, location: location(block), contentStart: startLine + 1)
        }
      } else {
        let isWriting = type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HEADING
        if current == nil {
          hasWritingOutsideSections = hasWritingOutsideSections || isWriting
        } else if isWriting {
          current?.hasWriting = true
        }
        if type == CMARK_NODE_LIST, current != nil {
          var itemNode = cmark_node_first_child(block)
          while let item = itemNode {
            current?.items.append(listItem(item, location: location(item), offset: offset))
            itemNode = cmark_node_next(item)
          }
        }
      }
      node = cmark_node_next(block)
    }
    if var finished = current {
      finished.lines = Self.closeRange(finished, before: source.lineCount + 1)
      sections.append(finished)
    }
  }

  private static func closeRange(_ section: Section, before line: Int) -> ClosedRange<Int>? {
    line - 1 >= section.contentStart ? section.contentStart...(line - 1) : nil
  }

  private mutating func listItem(_ item: OpaquePointer, location: SourceLocation, offset: Int) -> ListItem {
    var start = text.count
    let firstCode = codeSpans.count
    var paragraphs = 0
    var child = cmark_node_first_child(item)
    while let block = child {
      if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH {
        if paragraphs > 0 { text.append(UInt8(ascii: " ")) }
        paragraphs += 1
        appendPlainText(block, markingCode: true)
      }
      child = cmark_node_next(block)
    }
    var end = text.count
    let code = firstCode..<codeSpans.count
    var task: TaskMarker? = nil
    if cmark_node_get_syntax_extension(item) != nil {
      task = cmark_gfm_extensions_get_tasklist_item_checked(item) ? .done : .open
    } else if end - start >= 3, code.isEmpty || codeSpans[code.lowerBound].lowerBound > start + 3,
      text[start] == UInt8(ascii: "["), text[start + 1] == UInt8(ascii: "-"), text[start + 2] == UInt8(ascii: "]"),
      end == start + 3 || text[start + 3] == UInt8(ascii: " ")
    {
      // `- [-] …`, a dropped action: cmark-gfm's task lists know only `[ ]` and `[x]`.
      task = .dropped
      start += 3
    }
    // White space is taken off both ends, but never from inside a code span: code is text as
    // written, and its edges stop the trimming.
    let leadingLimit = code.isEmpty ? end : codeSpans[code.lowerBound].lowerBound
    let trailingLimit = code.isEmpty ? start : codeSpans[code.upperBound - 1].upperBound
    text.withUnsafeBufferPointer { bytes in
      while start < leadingLimit {
        let length = TextBytes.spaceLength(in: bytes, at: start)
        if length == 0 { break }
        start += length
      }
      while end > max(start, trailingLimit) {
        let last = TextBytes.scalarStart(in: bytes, before: end)
        if TextBytes.spaceLength(in: bytes, at: last) == 0 { break }
        end = last
      }
    }
    let first = Int(cmark_node_get_start_line(item)) + offset
    let last = max(first, Int(cmark_node_get_end_line(item)) + offset)
    return ListItem(text: start..<end, code: code, location: location, task: task, lines: first...last)
  }

  /// Appends the literal text under a node, with line breaks read as spaces; with
  /// `markingCode`, each code span's range is recorded. cmark's iterator walks without
  /// recursion, so deeply nested inlines cost no stack.
  private mutating func appendPlainText(_ node: OpaquePointer, markingCode: Bool) {
    guard let iterator = cmark_iter_new(node) else { return }
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let current = cmark_iter_get_node(iterator)
      else { continue }
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
        guard let literal = cmark_node_get_literal(current) else { continue }
        let start = text.count
        literal.withMemoryRebound(to: UInt8.self, capacity: 1) { pointer in
          var count = 0
          while pointer[count] != 0 { count += 1 }
          text.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        }
        if markingCode && type == CMARK_NODE_CODE { codeSpans.append(start..<text.count) }
      } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
        text.append(UInt8(ascii: " "))
      }
    }
  }
}
