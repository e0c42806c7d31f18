import Clibyaml
import JournalModel
import JournalRules

/// Reads YAML into `YAMLNode`s from libyaml's events, refusing at the event what journal's
/// front matter never needs and what would let a few bytes cost unbounded work: anchors,
/// aliases, tags, and nesting deeper than `maximumDepth`. Repeated keys are found in the same
/// pass: a small mapping's earlier keys are searched in turn, a large one's are hashed.
struct YAMLReader {
  static let maximumDepth = 64

  /// The file line of the YAML's first line: libyaml's 0-based marks plus this are file lines.
  private let firstLine: Int
  private let file: String
  /// The YAML is printable ASCII, tabs and line feeds, without `\` (`ControlCharacters.isPlainASCII`):
  /// no value can hold a refused character or curly quotes, so none is searched for them.
  private let plainASCII: Bool
  private var nodes: [YAMLNode] = []
  private var open: [Collection] = []
  private var diagnostics: [Diagnostic] = []

  /// An open collection, and for a mapping what is known of its current entry.
  private struct Collection {
    let index: Int
    let isMapping: Bool
    /// The key this collection is the value of, or an item of, for findings.
    let field: String?
    /// Inside an entry that is dropped: nothing in it is reported.
    let ignored: Bool
    var expectsKey = true
    var key: String? = nil
    /// Where the current entry starts when it is dropped: its key is repeated or not text.
    var dropFrom: Int? = nil
    var keyCount = 0
    /// The line of each key, once the mapping has too many keys to search them in turn.
    var keyLines: [String: Int]? = nil
  }

  /// Up to this many keys, a mapping's earlier keys are searched in turn, without allocating.
  private static let keysSearchedInTurn = 16

  /// Reads the YAML in `bytes`: its nodes (none for an empty document), or nil when it is
  /// refused, with every finding on the way.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, file: String)
    -> (nodes: [YAMLNode]?, diagnostics: [Diagnostic])
  {
    var reader = YAMLReader(firstLine: firstLine, file: file, plainASCII: ControlCharacters.isPlainASCII(bytes))
    // A note's front matter is a few dozen nodes.
    reader.nodes.reserveCapacity(64)
    // Its mappings and lists nest two or three deep; the stack was grown at each.
    reader.open.reserveCapacity(8)
    let nodes = reader.run(bytes)
    return (nodes, reader.diagnostics)
  }

  private init(firstLine: Int, file: String, plainASCII: Bool) {
    self.firstLine = firstLine
    self.file = file
    self.plainASCII = plainASCII
  }

  private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> [YAMLNode]? {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      report(YAMLSyntaxRule.outOfMemory, at: .start)
      return nil
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, base, bytes.count)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

    var documents = 0
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        syntaxError(parser, bytes)
        return nil
      }
      defer { yaml_event_delete(&event) }
      let at = location(event.start_mark)
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return nodes
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          report(YAMLSyntaxRule.secondDocument, at: at)
          return nil
        }
      case YAML_ALIAS_EVENT:
        report(YAMLSyntaxRule.alias, at: at)
        return nil
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        guard accepts(anchor: scalar.anchor, tag: scalar.tag, at: at) else { return nil }
        let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        var text = String(decoding: value, as: UTF8.self)
        if !plainASCII {
          if scalar.style == YAML_PLAIN_SCALAR_STYLE, let inner = CurlyQuotes.inner(0..<value.count, of: value) {
            text = reportCurlyQuotes(around: text, inner: String(decoding: value[inner], as: UTF8.self), at: at) ?? text
          }
          checkControls(in: value, at: at)
        }
        nodes.append(
          YAMLNode(
            kind: .scalar, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, text: text, location: at,
            end: nodes.count + 1))
        completed(nodes.count - 1)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
        let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
        guard accepts(anchor: anchor, tag: tag, at: at) else { return nil }
        guard open.count < Self.maximumDepth else {
          report(YAMLSyntaxRule.nestedTooDeep(limit: Self.maximumDepth), at: at)
          return nil
        }
        let parent = open.last
        open.append(
          Collection(
            index: nodes.count, isMapping: isMapping, field: parent.flatMap(Self.field),
            ignored: parent.map { $0.ignored || $0.dropFrom != nil } ?? false))
        nodes.append(
          YAMLNode(kind: isMapping ? .mapping : .sequence, plain: false, text: "", location: at, end: 0))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        let collection = open.removeLast()
        nodes[collection.index].end = nodes.count
        completed(collection.index)
      default:
        break
      }
    }
  }


  /// The key a value in this collection belongs to.
  private static func field(_ collection: Collection) -> String? {
    collection.isMapping ? collection.key : collection.field
  }

  private mutating func accepts(
    anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
    at location: SourceLocation
  ) -> Bool {
    // The event's mark is its first property, whichever it is.
    if anchor != nil && tag != nil {
      report(YAMLSyntaxRule.anchorAndTag, at: location)
      return false
    }
    if anchor != nil {
      report(YAMLSyntaxRule.anchor, at: location)
      return false
    }
    if tag != nil {
      report(YAMLSyntaxRule.tag, at: location)
      return false
    }
    return true
  }

  /// A node is whole: as a mapping's key it is checked for repeats, and once the value after
  /// a dropped key is whole, the entry leaves the array. The open mapping is changed where it
  /// is, so its table of keys is never copied.
  private mutating func completed(_ index: Int) {
    guard let top = open.indices.last, open[top].isMapping else { return }
    guard open[top].expectsKey else {
      open[top].expectsKey = true
      if let start = open[top].dropFrom {
        nodes.removeSubrange(start...)
        open[top].dropFrom = nil
      }
      return
    }
    open[top].expectsKey = false
    let key = nodes[index]
    guard key.kind == .scalar else {
      open[top].dropFrom = index
      if !open[top].ignored {
        report(
          InvalidValueRule.keyNotText(in: open[top].field, found: key.kind == .mapping ? "a mapping" : "a list"),
          at: key.location)
      }
      return
    }
    if let first = earlierLine(of: key.text, before: index, in: top) {
      open[top].dropFrom = index
      if !open[top].ignored {
        report(DuplicateIDRule.keyGivenTwice(key.text, firstOnLine: first), at: key.location)
      }
      return
    }
    open[top].key = key.text
    open[top].keyCount += 1
    if open[top].keyLines != nil {
      open[top].keyLines![key.text] = key.location.line
    } else if open[top].keyCount > Self.keysSearchedInTurn {
      var lines: [String: Int] = [:]
      forEachKey(in: top, before: nodes.count) { key in
        lines[nodes[key].text] = nodes[key].location.line
        return true
      }
      open[top].keyLines = lines
    }
  }

  /// The line of an earlier key with this text in the mapping open at `top`, if any.
  private func earlierLine(of text: String, before index: Int, in top: Int) -> Int? {
    if let lines = open[top].keyLines { return lines[text] }
    var line: Int? = nil
    // Byte counts first, which a `String` keeps: most keys differ in length.
    let count = text.utf8.count
    forEachKey(in: top, before: index) { key in
      guard nodes[key].text.utf8.count == count, nodes[key].text == text else { return true }
      line = nodes[key].location.line
      return false
    }
    return line
  }

  /// Calls `body` with the index of each key of the mapping open at `top` that starts before
  /// `end`, until it returns false; kept entries sit in the array as key, value, key, value.
  private func forEachKey(in top: Int, before end: Int, _ body: (Int) -> Bool) {
    var key = open[top].index + 1
    while key < end {
      guard body(key) else { return }
      let value = nodes[key].end
      guard value < end else { return }
      key = nodes[value].end
    }
  }

  /// Reports a scalar that holds a control character, where the scalar starts: such text
  /// comes from a quoted escape (`"\e"`) or is a bidirectional control written as it is.
  private mutating func checkControls(in text: UnsafeBufferPointer<UInt8>, at location: SourceLocation) {
    guard let first = ControlCharacters.find(in: text, ControlCharacters.isRefusedInText).first else { return }
    let holder: String
    if let top = open.indices.last {
      if open[top].ignored || open[top].dropFrom != nil { return }
      holder = open[top].isMapping && open[top].expectsKey
        ? "a key" : Self.field(open[top]).map { "`\($0)`" } ?? "a value"
    } else {
      holder = "the front matter"
    }
    report(
      InvalidValueRule.controlCharacter(
        holder: holder, name: ControlCharacters.name(first.value), hint: ControlCharacters.hint(first.value)),
      at: location)
  }

  /// Reports a value written in curly quotes, which YAML keeps as part of it, and gives the
  /// text inside them to read as meant; nil for a key, or inside an entry that is dropped.
  private mutating func reportCurlyQuotes(around text: String, inner: String, at location: SourceLocation) -> String? {
    guard let top = open.indices.last, !open[top].ignored, open[top].dropFrom == nil,
      !(open[top].isMapping && open[top].expectsKey), let field = Self.field(open[top])
    else { return nil }
    report(
      InvalidValueRule.curlyQuotes(
        field: field, isItem: !open[top].isMapping, written: Scalars.shown(text),
        straight: CurlyQuotes.straightQuoted(inner)),
      at: location)
    return inner
  }

  /// libyaml counts a mark's line and column from 0, the column in characters, which for UTF-8
  /// input are Unicode scalars as journal's columns are; its lines are the file's, since
  /// `FrontMatter` hands it no line break but `\n`.
  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(line: mark.line + firstLine, column: mark.column + 1)
  }

  private mutating func report(_ message: RuleMessage, at location: SourceLocation) {
    diagnostics.append(Diagnostic(message, file: file, at: location))
  }

  /// What libyaml could not read, where the person wrote it (`YAMLSyntaxError`).
  private mutating func syntaxError(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) {
    let finding = YAMLSyntaxError(bytes: bytes, firstLine: firstLine).finding(parser)
    if finding.replacesValueFinding {
      diagnostics.removeAll { $0.location == finding.location && $0.rule == InvalidValueRule.id }
    }
    report(finding.message, at: finding.location)
  }
}
