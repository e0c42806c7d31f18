import JournalModel
import JournalRules

/// A file's front matter: its top-level `key: value` entries, each with its place in the file.
struct FrontMatter {
  struct Entry {
    let key: String
    let keyLocation: SourceLocation
    let value: YAMLValue
    var valueLocation: SourceLocation { value.location }
  }

  let entries: [Entry]
  /// The keys whose value YAML read as a comment (`date: #x`), already reported as such:
  /// their emptiness is not reported again.
  var valuesReadAsComments: Set<String> = []

  /// The most YAML journal reads from one file; front matter holds a note's fields, a few
  /// hundred bytes, and the bound keeps any file's YAML cheap to read.
  static let maximumBytes = 64 * 1024

  /// Reads the YAML of a split file into a front matter, with every problem found on the way;
  /// `fields` are the fields of the file's kind, which shape a finding's hint.
  static func compose(
    _ split: FrontMatterSplit, source: SourceText, file: String, fields: [FrontMatterSchema.Field]
  ) -> (FrontMatter?, [Diagnostic]) {
    source.bytes.withUnsafeBufferPointer { bytes in
      read(UnsafeBufferPointer(rebasing: bytes[split.yaml]), firstLine: split.yamlFirstLine, file: file, fields: fields)
    }
  }

  private static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, file: String, fields: [FrontMatterSchema.Field]
  ) -> (FrontMatter?, [Diagnostic]) {
    if bytes.count > maximumBytes {
      let problem = Diagnostic(
        YAMLSyntaxRule.tooLarge(
          size: "\(ByteCount(bytes.count))", bytes: bytes.count, limit: "\(ByteCount(maximumBytes))"),
        file: file, at: SourceText.locations(ofBytes: [maximumBytes], in: bytes, firstLine: firstLine)[0])
      return (nil, [problem])
    }

    // What libyaml cannot take as written, or would read as a line break where the file has
    // none, is reported where it is and read as U+FFFD, so the rest is read as editors show it.
    // An invisible character an editor pasted (U+FEFF) is reported where it is and read as if
    // it were not there, so the value is read as the person sees it.
    var unreadable = ControlCharacters.find(in: bytes) {
      ControlCharacters.isUnreadableInYAML($0) || ControlCharacters.isInvisible($0)
    }
    var invisible: [(offset: Int, length: Int, value: UInt32)] = []
    if unreadable.contains(where: { ControlCharacters.isInvisible($0.value) }) {
      invisible = unreadable.filter { ControlCharacters.isInvisible($0.value) }
      unreadable.removeAll { ControlCharacters.isInvisible($0.value) }
    }
    var diagnostics = zip(
      unreadable, SourceText.locations(ofBytes: unreadable.map(\.offset), in: bytes, firstLine: firstLine)
    ).map { character, location in
      let value = character.value
      let separator = value == 0x2028 || value == 0x2029
      return Diagnostic(
        InvalidValueRule.unreadableCharacter(
          name: ControlCharacters.name(value), lineSeparator: separator, hint: ControlCharacters.hint(value)),
        file: file, at: location)
    }
    let replaced =
      unreadable.map { (range: $0.offset..<$0.offset + $0.length, with: [UInt8]([0xEF, 0xBF, 0xBD])) }
      + invisible.map { (range: $0.offset..<$0.offset + $0.length, with: [UInt8]()) }
    let (nodes, problems) =
      replaced.isEmpty
      ? YAMLReader.read(bytes, firstLine: firstLine, file: file)
      : replacing(replaced.sorted { $0.range.lowerBound < $1.range.lowerBound }, in: bytes).withUnsafeBufferPointer {
        YAMLReader.read($0, firstLine: firstLine, file: file)
      }
    let invisibleAt = SourceText.locations(ofBytes: invisible.map(\.offset), in: bytes, firstLine: firstLine)
    /// Each invisible character's finding, naming the top-level key on whose lines it is.
    func invisibleFindings(_ entries: [Entry]) -> [Diagnostic] {
      zip(invisible, invisibleAt).map { character, location in
        let key = entries.last { $0.keyLocation.line <= location.line }?.key
        return Diagnostic(
          InvalidValueRule.invisibleCharacter(name: ControlCharacters.name(character.value), key: key),
          file: file, at: location)
      }
    }
    diagnostics += problems
    guard let nodes else { return (nil, diagnostics + invisibleFindings([])) }
    guard let root = nodes.indices.first.map({ YAMLValue(nodes, at: $0) }), !Scalars.isNull(root) else {
      return (FrontMatter(entries: []), diagnostics + invisibleFindings([]))
    }
    guard root.kind == .mapping else {
      diagnostics.append(
        Diagnostic(InvalidValueRule.frontMatterNotAMapping(found: Scalars.describe(root)), file: file, at: root.location))
      return (nil, diagnostics + invisibleFindings([]))
    }
    let entries = root.entries
    if !invisible.isEmpty { diagnostics += invisibleFindings(entries) }
    var commented: Set<String> = []
    for entry in entries where entry.value.kind == .scalar && entry.value.isPlain && entry.value.text?.isEmpty == true {
      if let comment = comment(afterKeyOn: entry.keyLocation.line - firstLine, in: bytes) {
        commented.insert(entry.key)
        diagnostics.append(
          Diagnostic(commentFinding(entry.key, comment: comment, fields: fields), file: file, at: entry.keyLocation))
      }
    }
    return (FrontMatter(entries: entries, valuesReadAsComments: commented), diagnostics)
  }

  /// The finding for a key whose value YAML read as `comment`, with a hint in the shape its
  /// field takes: text in quotes, a list of the hashtags (or of the comment) in brackets, or,
  /// for a field of indented entries, none to copy.
  private static func commentFinding(_ key: String, comment: String, fields: [FrontMatterSchema.Field]) -> RuleMessage {
    let shown = Scalars.shown(comment)
    // As the field is read: `Tags` is `tags`.
    let name = FieldReader.lowercased(key)
    switch fields.first(where: { $0.name == name })?.value {
    case .textList?:
      // `#growth #review` and `#growth, #review` are two hashtags.
      let words = comment.unicodeScalars.split { $0 == " " || $0 == "\t" || $0 == "," }
        .map { String(String.UnicodeScalarView($0)) }
      let hashtags = words.allSatisfy { $0.unicodeScalars.count > 1 && $0.unicodeScalars.first == "#" }
      let items = hashtags ? words : [comment]
      let bare = hashtags ? items.map { String($0.unicodeScalars.dropFirst()) } : []
      return InvalidValueRule.listIsComment(
        key, comment: shown, asList: "[" + items.map(CurlyQuotes.straightQuoted).joined(separator: ", ") + "]",
        withoutHash: hashtags && bare.allSatisfy(isBareFlowItem) ? "[" + bare.joined(separator: ", ") + "]" : nil)
    case .numbers?, .goals?, .rules?, .ratings?, .rubrics?, .scale?, .categories?, .sections?:
      return InvalidValueRule.entriesAreComment(key, comment: shown)
    default:
      return InvalidValueRule.valueIsComment(key, comment: shown, quoted: CurlyQuotes.straightQuoted(comment))
    }
  }

  /// Whether `item`, written bare in a `[a, b]` list, is read back as that text: no character
  /// YAML gives a meaning there, and not a word it reads as no value.
  private static func isBareFlowItem(_ item: String) -> Bool {
    guard let first = item.utf8.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "?"),
      !["~", "null", "Null", "NULL"].contains(item)
    else { return false }
    return !item.utf8.contains { "[]{},:#&*!|>%@`\"'".utf8.contains($0) }
  }

  /// The comment that follows the first `: ` on the YAML's line `number` (from 0), when
  /// nothing else does and its `#` starts a word: `tags: #growth #review` is a key with no
  /// value, whose value YAML reads as a comment.
  private static func comment(afterKeyOn number: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var start = 0
    for _ in 0..<number {
      guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return nil }
      start = newline + 1
    }
    let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
    guard let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")) else { return nil }
    var hash = colon + 1
    while hash < end, bytes[hash] == 0x20 || bytes[hash] == 0x09 { hash += 1 }
    // `# later` is a comment meant as one; `#growth` is a hashtag meant as the value.
    guard hash > colon + 1, hash + 1 < end, bytes[hash] == UInt8(ascii: "#"), bytes[hash + 1] != 0x20,
      bytes[hash + 1] != 0x09
    else { return nil }
    var last = end
    while last > hash, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[hash..<last]), as: UTF8.self)
  }

  /// The bytes with each character (given as its byte range, in order) replaced: by U+FFFD,
  /// one scalar for one, so libyaml's columns stay the file's; or by nothing.
  private static func replacing(
    _ characters: [(range: Range<Int>, with: [UInt8])], in bytes: UnsafeBufferPointer<UInt8>
  ) -> [UInt8] {
    var copy: [UInt8] = []
    copy.reserveCapacity(bytes.count + 2 * characters.count)
    var next = 0
    for character in characters {
      copy += bytes[next..<character.range.lowerBound]
      copy += character.with
      next = character.range.upperBound
    }
    copy += bytes[next...]
    return copy
  }
}
