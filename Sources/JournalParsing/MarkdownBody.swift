import Ccmark
import JournalModel

/// A file's Markdown body, parsed by cmark-gfm and cut into its level-2 sections.
struct MarkdownBody {
  enum TaskMarker {
    case open, done, dropped
  }

  struct ListItem {
    /// The item's own paragraphs as plain text, without a task marker or nested lists.
    let text: String
    /// The same, with each code span between `MarkdownBody.codeStart` and `codeEnd`, so that
    /// what is written as code is never read as an action's token.
    let markedText: String
    let location: SourceLocation
    let task: TaskMarker?
    /// The file lines the item spans, nested lists included.
    let lines: ClosedRange<Int>
  }

  struct Section {
    let title: String
    let location: SourceLocation
    var items: [ListItem] = []
    /// The file line after the heading.
    let contentStart: Int
    /// The file lines after the heading up to the next section; nil when there are none.
    var lines: ClosedRange<Int>? = nil
  }

  /// Sections in order; text before the first level-2 heading is in none.
  let sections: [Section]

  /// Registered once for the process: cmark-gfm's extension registry is global.
  nonisolated(unsafe) private static let tasklist: OpaquePointer? = {
    cmark_gfm_core_extensions_ensure_registered()
    return cmark_find_syntax_extension("tasklist")
  }()

  /// Parses a file's body, or reports why it is not read (`MarkdownLimits`) and reads none.
  static func parse(
    _ split: FrontMatterSplit, source: SourceText, file: String, diagnostics: inout [Diagnostic]
  ) -> MarkdownBody {
    let offset = split.bodyFirstLine - 1
    var body = split.body
    let refused = body.withUTF8 { bytes in
      MarkdownLimits.check(bytes, firstLine: split.bodyFirstLine, file: file)
    }
    if let refused {
      diagnostics.append(refused)
      return MarkdownBody(sections: [])
    }
    guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return MarkdownBody(sections: []) }
    defer { cmark_parser_free(parser) }
    if let tasklist { cmark_parser_attach_syntax_extension(parser, tasklist) }
    body.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    guard let document = cmark_parser_finish(parser) else { return MarkdownBody(sections: []) }
    defer { cmark_node_free(document) }

    func location(_ node: OpaquePointer) -> SourceLocation {
      source.location(
        line: Int(cmark_node_get_start_line(node)) + offset,
        byteColumn: Int(cmark_node_get_start_column(node)))
    }

    var sections: [Section] = []
    var current: Section? = nil
    var node = cmark_node_first_child(document)
    while let block = node {
      let type = cmark_node_get_type(block)
      let startLine = Int(cmark_node_get_start_line(block)) + offset
      if type == CMARK_NODE_HEADING, cmark_node_get_heading_level(block) <= 2 {
        if var finished = current {
          finished.lines = closeRange(finished, before: startLine)
          sections.append(finished)
        }
        current =
          cmark_node_get_heading_level(block) == 2
          ? Section(title: plainText(block), location: location(block), contentStart: startLine + 1)
          : nil
      } else if type == CMARK_NODE_LIST, current != nil {
        var itemNode = cmark_node_first_child(block)
        while let item = itemNode {
          current?.items.append(listItem(item, location: location(item), offset: offset))
          itemNode = cmark_node_next(item)
        }
      }
      node = cmark_node_next(block)
    }
    if var finished = current {
      finished.lines = closeRange(finished, before: source.lines.count + 1)
      sections.append(finished)
    }
    return MarkdownBody(sections: sections)
  }

  private static func closeRange(_ section: Section, before line: Int) -> ClosedRange<Int>? {
    line - 1 >= section.contentStart ? section.contentStart...(line - 1) : nil
  }

  private static func listItem(_ item: OpaquePointer, location: SourceLocation, offset: Int)
    -> ListItem
  {
    var parts: [String] = []
    var child = cmark_node_first_child(item)
    while let block = child {
      if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH { parts.append(plainText(block, markingCode: true)) }
      child = cmark_node_next(block)
    }
    var marked = parts.joined(separator: " ")
    var task: TaskMarker? = nil
    if cmark_node_get_syntax_extension(item) != nil {
      task = cmark_gfm_extensions_get_tasklist_item_checked(item) ? .done : .open
    } else if marked.hasPrefix("[-]") && (marked.count == 3 || marked.dropFirst(3).first == " ") {
      task = .dropped
      marked = String(marked.dropFirst(3))
    }
    marked = marked.trimmingSpaces()
    let text = String(marked.filter { $0 != codeStart && $0 != codeEnd })
    let first = Int(cmark_node_get_start_line(item)) + offset
    let last = max(first, Int(cmark_node_get_end_line(item)) + offset)
    return ListItem(text: text, markedText: marked, location: location, task: task, lines: first...last)
  }

  /// The literal text under a node, with line breaks read as spaces. cmark's iterator walks
  /// without recursion, so deeply nested inlines cost no stack.
  static let codeStart: Character = "\u{E000}"
  static let codeEnd: Character = "\u{E001}"

  static func plainText(_ node: OpaquePointer, markingCode: Bool = false) -> String {
    var result = ""
    guard let iterator = cmark_iter_new(node) else { return result }
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let current = cmark_iter_get_node(iterator)
      else { continue }
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
        if let literal = cmark_node_get_literal(current) {
          let code = markingCode && type == CMARK_NODE_CODE
          if code { result.append(codeStart) }
          result += String(cString: literal)
          if code { result.append(codeEnd) }
        }
      } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
        result += " "
      }
    }
    return result
  }
}

extension String {
  func trimmingSpaces() -> String {
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      s.isASCII ? (s == " " || s == "\t" || s == "\n" || s == "\r") : s.properties.isWhitespace
    }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
    return String(scalars[first...last])
  }
}
