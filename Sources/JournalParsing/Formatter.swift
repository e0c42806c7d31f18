import JournalModel

/// `journal fmt`: the canonical layout of a note, without changing what it says.
///
/// Front matter keys in the format's order (comments travel with the key below them), lists
/// in block style, dates unquoted; action items as `- [ ]`/`- [x]`/`- [-]` with their tokens
/// last, in the order due, owner, priority; LF line endings and one final newline. The rewrite
/// is line by line, and kept only if the note parses to the same meaning as before.
public enum Formatter {
  public enum Outcome: Equatable {
    case unchanged
    case formatted(String)
    /// The note has errors, or formatting would change what it says; it is left alone.
    case refused(String)
  }

  /// `sections` are the headings `journal.yml` gives the body's sections.
  public static func format(_ bytes: [UInt8], path: String, sections: SectionNames) -> Outcome {
    let kind = JournalPath.classify(path)
    let before = DocumentParser.parse(bytes, path: path, kind: kind, sections: sections)
    guard !before.diagnostics.contains(where: { $0.severity == .error }), let document = before.document else {
      return .refused("it has errors; run journal check")
    }
    guard case .success(let source) = SourceText.decode(bytes, file: path) else {
      return .refused("it is not UTF-8 text")
    }
    let fields: [FrontMatterSchema.Field]
    switch document {
    case .profile: fields = FrontMatterSchema.profile
    case .session: fields = FrontMatterSchema.session
    case .plan: fields = FrontMatterSchema.plan
    case .selfAssessment: fields = FrontMatterSchema.selfAssessment
    case .config: fields = FrontMatterSchema.config
    }
    var lines = source.lines.map(String.init)
    while lines.last == "" { lines.removeLast() }
    if case .config = document {
      lines = frontMatter(lines, fields: fields)
    } else if let close = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces() == "---" || $0.trimmingSpaces() == "..." }) {
      let body = Array(lines[(close + 1)...])
      // A self-assessment has no actions: its body is left as written.
      let isSelfAssessment = { if case .selfAssessment = document { true } else { false } }()
      lines =
        ["---"] + frontMatter(Array(lines[1..<close]), fields: fields) + ["---"]
        + (isSelfAssessment ? body : actions(body, sections: sections))
    }
    let text = trimmedAtEnd(lines).joined(separator: "\n") + "\n"
    let original = String(decoding: bytes, as: UTF8.self)
    if text == original { return .unchanged }
    let after = DocumentParser.parse(Array(text.utf8), path: path, kind: kind, sections: sections)
    guard let formatted = after.document, Meaning.of(formatted) == Meaning.of(document),
      !after.diagnostics.contains(where: { $0.severity == .error })
    else { return .refused("the canonical layout would change what it says") }
    return .formatted(text)
  }

  /// Top-level keys in the format's order, each with the comments just above it and the
  /// lines below it; unknown keys after, as they were.
  static func frontMatter(_ lines: [String], fields: [FrontMatterSchema.Field]) -> [String] {
    var preamble: [String] = []
    var blocks: [(key: String, lines: [String])] = []
    var pending: [String] = []
    for raw in lines {
      let line = raw.trailingSpacesRemoved()
      let isTopLevelKey = !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#") && !line.hasPrefix("-") && line.contains(":")
      if isTopLevelKey {
        let key = String(line.prefix { $0 != ":" }).trimmingSpaces()
        blocks.append((key, pending + [line]))
        pending = []
      } else if line.hasPrefix("#") || line.isEmpty {
        pending.append(line)
      } else if blocks.isEmpty {
        preamble += pending + [line]
        pending = []
      } else {
        blocks[blocks.count - 1].lines += pending + [line]
        pending = []
      }
    }
    if blocks.isEmpty { return trimmedAtEnd(preamble + pending) }
    let order = fields.map(\.name)
    let sorted = blocks.enumerated().sorted { left, right in
      let l = order.firstIndex(of: left.element.key) ?? order.count + left.offset
      let r = order.firstIndex(of: right.element.key) ?? order.count + right.offset
      return l < r
    }.map(\.element)
    var out = preamble
    for block in sorted {
      let field = fields.first { $0.name == block.key }
      out += canonical(block.lines, field: field)
    }
    return trimmedAtEnd(out + pending.filter { !$0.isEmpty })
  }

  /// Lines without the blank ones at the end, which a second pass would drop.
  static func trimmedAtEnd(_ lines: [String]) -> [String] {
    var lines = lines
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// A one-line flow list becomes a block list and a quoted date plain, when that is safe.
  static func canonical(_ lines: [String], field: FrontMatterSchema.Field?) -> [String] {
    guard let field, let last = lines.last, lines.filter({ !$0.hasPrefix("#") }).count == 1 else { return lines }
    let comments = Array(lines.dropLast())
    let key = field.name
    let value = String(last.dropFirst(key.count + 1)).trimmingSpaces()
    switch field.value {
    case .textList, .textOrList:
      guard value.hasPrefix("["), value.hasSuffix("]") else { return lines }
      let inner = value.dropFirst().dropLast()
      guard !inner.contains(where: { "\"'[]{}#&*!|>%@`".contains($0) }) else { return lines }
      let items = inner.split(separator: ",").map { String($0).trimmingSpaces() }
      guard !items.isEmpty, !items.contains(where: { $0.isEmpty }) else { return lines }
      return comments + ["\(key):"] + items.map { "  - \($0)" }
    case .date:
      guard value.count == 12, let quote = value.first, quote == "\"" || quote == "'", value.last == quote
      else { return lines }
      return comments + ["\(key): \(value.dropFirst().dropLast())"]
    default:
      return lines
    }
  }

  /// Action items with their box in lowercase and their tokens last, in a fixed order.
  static func actions(_ body: [String], sections: SectionNames) -> [String] {
    var inActions = false
    var inFence = false
    return body.map { line in
      if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
      if !inFence, line.hasPrefix("#") {
        let title = Array(line.utf8.drop { $0 == UInt8(ascii: "#") })
        let level = line.utf8.count - title.count
        if level <= 2 {
          inActions = level == 2 && title.withUnsafeBufferPointer { sections.part(of: $0, 0..<$0.count) } == .actions
        }
      }
      guard inActions, !inFence else { return line }
      return actionLine(line)
    }
  }

  static func actionLine(_ line: String) -> String {
    let markers = ["- [ ] ", "- [x] ", "- [X] ", "- [-] ", "* [ ] ", "* [x] ", "* [X] ", "* [-] ", "+ [ ] ", "+ [x] ", "+ [X] ", "+ [-] "]
    // A line with code spans is left as written: its words cannot be moved safely.
    guard let marker = markers.first(where: { line.hasPrefix($0) }), !line.contains("`") else { return line }
    let box = marker.dropFirst(2).prefix(3).lowercased()
    var words: [Substring] = []
    var tokens: [String: Substring] = [:]
    for word in ActionItemParser.words(String(line.dropFirst(marker.count))) {
      if let colon = ActionItemParser.tokenColon(word) {
        let key = String(word[..<colon])
        guard tokens[key] == nil else { return line }
        tokens[key] = word
      } else {
        words.append(word)
      }
    }
    let ordered = ["due", "owner", "priority"].compactMap { tokens[$0] }
    return "- \(box) " + (words + ordered).joined(separator: " ")
  }
}

/// What a note says, leaving out where it says it, to tell a layout change from a change of
/// meaning.
enum Meaning {
  static func of(_ value: Any) -> String {
    var out = ""
    write(value, into: &out)
    return out
  }

  private static let ignored: Set<String> = [
    "location", "locations", "file", "strengthsSection", "improvementsSection", "actionsSection",
    "valueLocation", "categoryLocation",
  ]

  private static func write(_ value: Any, into out: inout String) {
    let mirror = Mirror(reflecting: value)
    if mirror.children.isEmpty {
      out += "\(value);"
      return
    }
    out += "\(mirror.displayStyle.map { "\($0)" } ?? "")("
    for child in mirror.children where !ignored.contains(child.label ?? "") {
      out += (child.label ?? "") + "="
      write(child.value, into: &out)
    }
    out += ")"
  }
}

extension String {
  func trailingSpacesRemoved() -> String {
    var text = self
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}
