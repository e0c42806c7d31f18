#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
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
    /// For a nested item, the index of the top-level item it sits under in its section's
    /// `items`; nil for a top-level item.
    var parent: Int? = nil
  }

  /// A line that looks like an action item but is not a list item: `-[ ] …` without the
  /// space, `• [ ] …`, or `- [ ] …` read as the text of the line above.
  struct LooseAction {
    let location: SourceLocation
    /// The marker as written, such as `-[ ]` or `• [x]`.
    let marker: String
    /// The marker in Markdown's form, such as `- [ ]`.
    let fix: String
    /// The text after the marker, trimmed, for the hint.
    let text: String
  }

  /// A block of text that is neither a heading nor a list: a paragraph, a quote, or code
  /// made by indenting.
  struct Block {
    let location: SourceLocation
    let lines: ClosedRange<Int>
    /// Code made by indenting four spaces, often items indented too far.
    let isIndentedCode: Bool
    /// Starts with a `LooseAction`, which is reported on its own.
    var startsWithLooseAction = false
  }

  /// A heading of level 1, or of level 3 or more, kept for telling a misplaced section
  /// heading.
  struct OtherHeading {
    let title: Range<Int>
    let level: Int
    let location: SourceLocation
  }

  struct Section {
    /// The heading's plain text, a range of `text`.
    let title: Range<Int>
    let location: SourceLocation
    var items: [ListItem] = []
    /// Items of lists nested in the items, in order, each with its top-level `parent`.
    var nested: [ListItem] = []
    /// Paragraphs, quotes and indented code.
    var blocks: [Block] = []
    var looseActions: [LooseAction] = []
    /// Headings of level 3 or more in the section.
    var subheadings: [OtherHeading] = []
    /// The file line after the heading.
    let contentStart: Int
    /// The file lines after the heading up to the next section; nil when there are none.
    var lines: ClosedRange<Int>? = nil
    /// True when the section holds a block other than an HTML comment or a lower heading:
    /// something a person wrote, not only what a template put there.
    var hasWriting = false
    /// The file lines of each HTML block that holds only comments, in order.
    var comments: [ClosedRange<Int>] = []
  }

  /// The text of every heading and list item read, one after another.
  private(set) var text: [UInt8] = []
  /// Each code span of the items, as a range of `text`, in order.
  private(set) var codeSpans: [Range<Int>] = []
  /// Sections in order; text before the first level-2 heading is in none.
  private(set) var sections: [Section] = []
  /// What lies outside every section: before the first level-2 heading, and under level-1
  /// headings. Its title is empty.
  private(set) var outside = Section(title: 0..<0, location: .start, contentStart: 1)
  /// Headings of level 1, and of level 3 or more outside a section.
  private(set) var otherHeadings: [OtherHeading] = []
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
      // What is gathered is some of the body's text: one allocation holds it.
      body.text.reserveCapacity(markdown.count)
      // A note has a handful of sections: room for them once, not grown one by one.
      body.sections.reserveCapacity(8)
      // The parser, the document and all they hold live in the arena until `withParse`
      // returns, and go with it, unfreed one by one: the walk copies out what it keeps.
      MarkdownArena.withParse { allocator in
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, allocator) else { return }
        if let tasklist { cmark_parser_attach_syntax_extension(parser, tasklist) }
        markdown.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        guard let document = cmark_parser_finish(parser) else { return }
        body.read(document, offset: split.bodyFirstLine - 1, source: source)
      }
    }
    return body
  }

  /// Walks the document's top-level blocks into sections, their list items (nested ones
  /// too) and their other blocks.
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
      let level = type == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(block)) : 0
      // Anything but a heading or an HTML comment is something a person wrote; HTML that is
      // not only comments (`<details>…`) is too.
      let isComment =
        type == CMARK_NODE_HTML_BLOCK && cmark_node_get_literal(block).map(HTMLComment.isOnlyComments) ?? true
      if type != CMARK_NODE_HEADING && !isComment {
        if current == nil { hasWritingOutsideSections = true } else { current?.hasWriting = true }
      }
      if isComment, current != nil {
        current?.comments.append(startLine...max(startLine, Int(cmark_node_get_end_line(block)) + offset))
      }
      if level == 2 || level == 1 {
        // Taken, not copied: a copy of a section retains each of its arrays.
        if var finished = current.take() {
          finished.lines = Self.closeRange(finished, before: startLine)
          sections.append(finished)
        }
        let start = text.count
        appendPlainText(block, markingCode: false)
        if level == 2 {
          current = Section(title: start..<text.count, location: location(block), contentStart: startLine + 1)
        } else {
          otherHeadings.append(OtherHeading(title: start..<text.count, level: level, location: location(block)))
        }
      } else if level > 2 {
        let start = text.count
        appendPlainText(block, markingCode: false)
        let heading = OtherHeading(title: start..<text.count, level: level, location: location(block))
        if current != nil { current?.subheadings.append(heading) } else { otherHeadings.append(heading) }
      } else if type == CMARK_NODE_LIST {
        // Room for the list's items at once: a section's few items grew the array at each one.
        var count = 0
        var itemNode = cmark_node_first_child(block)
        while let item = itemNode {
          count += 1
          itemNode = cmark_node_next(item)
        }
        withSection(&current) { _, section in
          let needed = section.items.count + count
          if needed > section.items.capacity { section.items.reserveCapacity(max(needed, 2 * section.items.capacity)) }
        }
        itemNode = cmark_node_first_child(block)
        while let item = itemNode {
          withSection(&current) { body, section in
            let index = section.items.count
            let read = body.listItem(item, location: location(item), offset: offset, source: source, into: &section)
            section.items.append(read)
            body.readNested(item, parent: index, offset: offset, source: source, into: &section)
          }
          itemNode = cmark_node_next(item)
        }
      } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_BLOCK_QUOTE
        || type == CMARK_NODE_CODE_BLOCK && !Self.isFenced(block)
      {
        // Fenced code, HTML and rules are written as such on purpose, and are not text to read.
        let last = max(startLine, Int(cmark_node_get_end_line(block)) + offset)
        var found = Block(
          location: location(block), lines: startLine...last, isIndentedCode: type == CMARK_NODE_CODE_BLOCK)
        withSection(&current) { body, section in
          if !found.isIndentedCode {
            let before = section.looseActions.count
            // A quote's own lines are quoted; a line without `>` continues it lazily, as written.
            body.scanLooseActions(
              block, offset: offset, source: source, from: startLine, into: &section.looseActions,
              skippingQuoted: type == CMARK_NODE_BLOCK_QUOTE)
            found.startsWithLooseAction =
              section.looseActions.count > before && section.looseActions[before].location.line == startLine
          }
          section.blocks.append(found)
        }
      }
      node = cmark_node_next(block)
    }
    if var finished = current.take() {
      finished.lines = Self.closeRange(finished, before: source.lineCount + 1)
      sections.append(finished)
    }
  }

  /// Calls `change` with the section being read, or with `outside` when there is none, in
  /// place: a copy would copy its arrays on the first append.
  private mutating func withSection(
    _ current: inout Section?, _ change: (inout MarkdownBody, inout Section) -> Void
  ) {
    if current != nil {
      change(&self, &current!)
    } else {
      var section = outside
      outside = Section(title: 0..<0, location: .start, contentStart: 1)
      change(&self, &section)
      outside = section
    }
  }

  /// Whether a code block is fenced; cmark writes all three outputs, so none may be nil.
  private static func isFenced(_ block: OpaquePointer) -> Bool {
    var length: Int32 = 0
    var offset: Int32 = 0
    var character: CChar = 0
    return cmark_node_get_fenced(block, &length, &offset, &character) != 0
  }

  /// Every item of the lists nested in a top-level item, at any depth, in order. A stack
  /// instead of recursion: `MarkdownLimits` bounds the depth, but the stack costs nothing.
  private mutating func readNested(
    _ item: OpaquePointer, parent: Int, offset: Int, source: SourceText, into section: inout Section
  ) {
    // Most items hold no list: they cost one look at their children.
    var child = cmark_node_first_child(item)
    while let block = child, cmark_node_get_type(block) != CMARK_NODE_LIST { child = cmark_node_next(block) }
    guard child != nil else { return }
    var pending: [OpaquePointer] = []
    func pushLists(of node: OpaquePointer) {
      var lists: [OpaquePointer] = []
      var child = cmark_node_first_child(node)
      while let block = child {
        if cmark_node_get_type(block) == CMARK_NODE_LIST { lists.append(block) }
        child = cmark_node_next(block)
      }
      for list in lists.reversed() {
        var items: [OpaquePointer] = []
        var entry = cmark_node_first_child(list)
        while let next = entry {
          items.append(next)
          entry = cmark_node_next(next)
        }
        pending += items.reversed()
      }
    }
    pushLists(of: item)
    while let next = pending.popLast() {
      let location = source.location(
        line: Int(cmark_node_get_start_line(next)) + offset, byteColumn: Int(cmark_node_get_start_column(next)))
      var nested = listItem(next, location: location, offset: offset, source: source, into: &section)
      nested.parent = parent
      section.nested.append(nested)
      pushLists(of: next)
    }
  }

  private static func closeRange(_ section: Section, before line: Int) -> ClosedRange<Int>? {
    line - 1 >= section.contentStart ? section.contentStart...(line - 1) : nil
  }

  /// An item's own paragraphs, read up to the first line that is a `LooseAction`: that line
  /// and the rest are reported, not read as the item's text.
  private mutating func listItem(
    _ item: OpaquePointer, location: SourceLocation, offset: Int, source: SourceText, into section: inout Section
  ) -> ListItem {
    var start = text.count
    let firstCode = codeSpans.count
    var paragraphs = 0
    var cut: Int? = nil
    var child = cmark_node_first_child(item)
    while let block = child {
      if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH {
        let paragraphStart = text.count
        if paragraphs > 0 { text.append(UInt8(ascii: " ")) }
        paragraphs += 1
        var breaks: [Int] = []
        appendPlainText(block, markingCode: true, breaks: &breaks)
        let firstLine = Int(cmark_node_get_start_line(block)) + offset
        let found = section.looseActions.count
        // The first line of an item's first paragraph follows the item's own marker.
        scanLooseActions(
          block, offset: offset, source: source, from: paragraphs == 1 ? firstLine + 1 : firstLine,
          into: &section.looseActions)
        if cut == nil, section.looseActions.count > found {
          let line = section.looseActions[found].location.line
          cut = line == firstLine ? paragraphStart : breaks[min(line - firstLine, breaks.count) - 1]
        }
      }
      child = cmark_node_next(block)
    }
    var end = cut ?? text.count
    var lastCode = codeSpans.count
    while lastCode > firstCode, codeSpans[lastCode - 1].lowerBound >= end { lastCode -= 1 }
    let code = firstCode..<lastCode
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
  /// `markingCode`, each code span's range is recorded.
  private mutating func appendPlainText(_ node: OpaquePointer, markingCode: Bool) {
    var breaks: [Int] = []
    appendPlainText(node, markingCode: markingCode, breaks: &breaks)
  }

  /// As above, recording in `breaks` where each line break's space was put. The inlines are
  /// visited in document order through cmark's child, sibling and parent links: no recursion,
  /// so deeply nested inlines cost no stack, and no iterator to allocate for every heading
  /// and paragraph.
  private mutating func appendPlainText(_ node: OpaquePointer, markingCode: Bool, breaks: inout [Int]) {
    var next: OpaquePointer? = cmark_node_first_child(node)
    while let current = next {
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
        if let literal = cmark_node_get_literal(current) {
          let start = text.count
          // `strlen` passes over a word at a time, where a loop here went byte by byte.
          let count = strlen(literal)
          literal.withMemoryRebound(to: UInt8.self, capacity: count) { pointer in
            text.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
          }
          if markingCode && type == CMARK_NODE_CODE { codeSpans.append(start..<text.count) }
        }
      } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
        breaks.append(text.count)
        text.append(UInt8(ascii: " "))
      }
      // The first child, else the next sibling of this node or of the nearest ancestor below
      // `node` that has one.
      next = cmark_node_first_child(current)
      var climbing: OpaquePointer? = current
      while next == nil, let at = climbing, at != node {
        next = cmark_node_next(at)
        climbing = cmark_node_parent(at)
      }
    }
  }

  /// The lines of a paragraph or quote, from `firstLine` on, that start with what looks like an action
  /// item but is not one: `-[ ]`, `*[x]`, `•[ ]`, `• [ ]`, or `- [ ]` continuing the line
  /// above. Read on the source's bytes; a paragraph's lines are its start line to its end line.
  private func scanLooseActions(
    _ paragraph: OpaquePointer, offset: Int, source: SourceText, from firstLine: Int,
    into found: inout [LooseAction], skippingQuoted: Bool = false
  ) {
    let last = Int(cmark_node_get_end_line(paragraph)) + offset
    guard firstLine <= last else { return }
    source.bytes.withUnsafeBufferPointer { bytes in
      for number in firstLine...last {
        let line = source.lineRange(number)
        if skippingQuoted, let first = line.first(where: { bytes[$0] != 0x20 && bytes[$0] != 0x09 }),
          bytes[first] == UInt8(ascii: ">")
        {
          continue
        }
        guard let match = Self.looseAction(bytes, line) else { continue }
        found.append(
          LooseAction(
            location: SourceLocation(
              line: number, column: TextBytes.scalarCount(bytes, line.lowerBound..<match.marker.lowerBound) + 1),
            marker: TextBytes.string(bytes, match.marker), fix: "- [\(match.box)]",
            text: TextBytes.string(bytes, TextBytes.trimmed(bytes, match.marker.upperBound..<line.upperBound))))
      }
    }
  }

  /// A line's action marker: blanks, then `-`, `*`, `+` or `•`, blanks or none, then `[ ]`,
  /// `[x]`, `[X]` or `[-]`; the marker's bytes and the box's letter.
  static func looseAction(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (marker: Range<Int>, box: Character)? {
    var index = line.lowerBound
    while index < line.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    let start = index
    guard index < line.upperBound else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"): index += 1
    case 0xE2 where index + 2 < line.upperBound && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA2: index += 3
    default: return nil
    }
    while index < line.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    guard index + 2 < line.upperBound, bytes[index] == UInt8(ascii: "["), bytes[index + 2] == UInt8(ascii: "]")
    else { return nil }
    let box: Character
    switch bytes[index + 1] {
    case 0x20: box = " "
    case UInt8(ascii: "x"), UInt8(ascii: "X"): box = "x"
    case UInt8(ascii: "-"): box = "-"
    default: return nil
    }
    return (start..<(index + 3), box)
  }
}
