/// Characters a name, id or value may not hold, and the ones YAML cannot read as written.
///
/// Both scans walk UTF-8 bytes: printable ASCII, the bulk of any note, costs one comparison a
/// byte, and only a lead byte that can start a refused character is decoded.
enum ControlCharacters {
  /// C0 controls other than tab and line feed (which a block scalar may hold), DEL, C1
  /// controls, the line and paragraph separators, and the bidirectional embeddings,
  /// overrides and isolates that can make text read differently on screen than it is stored.
  static func isRefusedInText(_ value: UInt32) -> Bool {
    switch value {
    case 0x09, 0x0A: false
    case 0x00..<0x20, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// What libyaml refuses in its input (C0 but tab, line feed and carriage return, DEL, C1
  /// but U+0085, U+FFFE, U+FFFF) and what it reads as a line break where a file's lines and
  /// an editor's do not (U+0085, U+2028, U+2029).
  static func isUnreadableInYAML(_ value: UInt32) -> Bool {
    switch value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// Characters that show as nothing at all and mean nothing in a value, which an editor
  /// pastes with other text: a byte-order mark (U+FEFF) past the file's start, a zero-width
  /// space (U+200B), a word joiner (U+2060). Zero-width joiners are left alone: an emoji
  /// sequence needs them.
  static func isInvisible(_ value: UInt32) -> Bool {
    value == 0xFEFF || value == 0x200B || value == 0x2060
  }

  /// The byte offset, length in bytes and value of each character of `bytes` (well-formed
  /// UTF-8) that `refused` selects.
  static func find(in bytes: UnsafeBufferPointer<UInt8>, _ refused: (UInt32) -> Bool)
    -> [(offset: Int, length: Int, value: UInt32)]
  {
    var found: [(offset: Int, length: Int, value: UInt32)] = []
    var index = 0
    let count = bytes.count
    while index < count {
      // A word of printable ASCII (0x20 to 0x7E), most of any front matter, is passed over
      // whole, and so are the bytes before the first other one.
      index = ByteWord.skip(bytes, from: index) { $0.nonASCII | $0.below(0x20) | $0.equal(to: 0x7F) }
      guard index < count else { break }
      let lead = bytes[index]
      if lead >= 0x20 && lead < 0x7F {
        index += 1
        continue
      }
      let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      // Every character selected by any set is below U+10000, and those above U+007F start
      // with 0xC2 (C1), 0xE2 (U+200B to U+2069) or 0xEF (U+FEFF, U+FFFE, U+FFFF).
      if length == 1 || ((lead == 0xC2 || lead == 0xE2 || lead == 0xEF) && index + length <= count) {
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
        for offset in 1..<max(1, length) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        if refused(value) { found.append((index, length, value)) }
      }
      index += length
    }
    return found
  }

  /// Whether every byte is printable ASCII, a tab or a line feed, and none is `\`. YAML read
  /// from such bytes has values made of those bytes, spaces and line feeds alone (only a
  /// quoted escape, which needs a `\`, makes any other character), so no value can hold a
  /// character `isRefusedInText` selects or a curly quote.
  static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
      // As in `find`, with `\` too; tabs and line feeds are looked at one by one.
      index = ByteWord.skip(bytes, from: index) {
        $0.nonASCII | $0.below(0x20) | $0.equal(to: 0x7F) | $0.equal(to: UInt8(ascii: "\\"))
      }
      guard index < count else { break }
      let byte = bytes[index]
      guard byte == 0x09 || byte == 0x0A || (byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\")) else {
        return false
      }
      index += 1
    }
    return true
  }

  /// How a finding names a character: "control character U+001B".
  static func name(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    switch value {
    case 0x2028: return "line separator \(code)"
    case 0x2029: return "paragraph separator \(code)"
    case 0x202A...0x202E, 0x2066...0x2069: return "bidirectional control \(code)"
    case 0xFFFE, 0xFFFF: return "noncharacter \(code)"
    case 0xFEFF: return "byte-order mark (\(code))"
    case 0x200B: return "zero-width space (\(code))"
    case 0x2060: return "word joiner (\(code))"
    default: return "control character \(code)"
    }
  }

  static func hint(_ value: UInt32) -> String {
    switch value {
    case 0x2028, 0x2029: "delete it, or start a new line"
    case 0x202A...0x202E, 0x2066...0x2069:
      "delete it: it can make text read differently on screen than it is written"
    default: "delete it: a control character can rewrite a terminal or hide text from a reader"
    }
  }
}
