import JournalModel

/// A file's text, decoded and checked, with its line structure.
///
/// Line endings `\r\n` and a lone `\r` are read as `\n`, so line numbers agree with editors;
/// a leading UTF-8 byte-order mark is dropped.
public struct SourceText: Sendable {
  /// The text with every line ending as `\n`.
  public let text: String
  /// Each line without its ending.
  public let lines: [Substring]

  /// The largest file `journal` reads; a note is a few kilobytes.
  public static let defaultSizeLimit = 1 << 20

  /// The finding for a file over the size limit, which is refused before it is read.
  public static func tooLarge(_ size: Int, limit: Int, file: String) -> Diagnostic {
    Diagnostic(
      rule: RuleID.encoding, severity: .error,
      message: "file is \(ByteCount(size)) (\(size) bytes); journal reads notes of at most \(ByteCount(limit))",
      file: file, location: .start, hint: "a note is text of a few kilobytes; keep attachments in other formats")
  }

  /// Decodes bytes as UTF-8, or reports where they stop being text.
  public static func decode(_ bytes: [UInt8], file: String) -> ParseStep<SourceText> {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    let body = bytes[start...]
    if let nul = body.firstIndex(of: 0) {
      return .failure(
        encodingError(
          "file holds a NUL byte; journal files are UTF-8 text", at: nul, in: bytes, from: start,
          file: file))
    }
    if let bad = UTF8Check.firstInvalidOffset(body) {
      return .failure(
        encodingError(
          "invalid UTF-8 (byte 0x\(hex(bytes[bad]))); save the file as UTF-8",
          at: bad, in: bytes, from: start, file: file))
    }
    guard body.contains(0x0D) else {
      return .success(SourceText(text: String(decoding: body, as: UTF8.self)))
    }
    var normalised = [UInt8]()
    normalised.reserveCapacity(body.count)
    var index = body.startIndex
    while index < body.endIndex {
      let byte = body[index]
      if byte == 0x0D {
        normalised.append(0x0A)
        if index + 1 < body.endIndex, body[index + 1] == 0x0A { index += 1 }
      } else {
        normalised.append(byte)
      }
      index += 1
    }
    let text = String(decoding: normalised, as: UTF8.self)
    return .success(SourceText(text: text))
  }

  public init(text: String) {
    self.text = text
    self.lines = SourceText.lines(of: text)
  }

  /// The lines of a text, split at `\n` by bytes rather than by characters (a `\r\n` pair
  /// is one character, but by now every line ends in a lone `\n`).
  static func lines(of text: String) -> [Substring] {
    var lines: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == 0x0A {
        lines.append(text[start..<index])
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    lines.append(text[start..<utf8.endIndex])
    return lines
  }

  /// The text of a 1-based line, or an empty string past the end.
  public func line(_ number: Int) -> Substring {
    number >= 1 && number <= lines.count ? lines[number - 1] : ""
  }

  /// Where a position falls given as a line and a UTF-8 byte column (as cmark reports them).
  public func location(line number: Int, byteColumn: Int) -> SourceLocation {
    let text = line(number)
    let utf8 = text.utf8
    let end = utf8.index(utf8.startIndex, offsetBy: max(0, min(byteColumn - 1, utf8.count)))
    let scalars = text.unicodeScalars[..<end].count
    return SourceLocation(line: number, column: scalars + 1)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return byte < 16 ? "0" + digits : digits
  }

  private static func encodingError(
    _ message: String, at offset: Int, in bytes: [UInt8], from start: Int, file: String
  ) -> Diagnostic {
    Diagnostic(
      rule: RuleID.encoding, severity: .error, message: message, file: file,
      location: locations(ofBytes: [offset], in: bytes[start...])[0])
  }

  /// Where each of some byte offsets (in ascending order) falls in text, found in one pass:
  /// `\n`, `\r\n` and a lone `\r` each end a line, and columns count scalars (continuation
  /// bytes do not start a column). `firstLine` is the file line the bytes start on.
  static func locations<Bytes: RandomAccessCollection<UInt8>>(
    ofBytes offsets: [Int], in bytes: Bytes, firstLine: Int = 1
  ) -> [SourceLocation] where Bytes.Index == Int {
    var locations: [SourceLocation] = []
    locations.reserveCapacity(offsets.count)
    var line = firstLine
    var column = 1
    var index = bytes.startIndex
    for offset in offsets {
      while index < min(offset, bytes.endIndex) {
        let byte = bytes[index]
        if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.endIndex || bytes[index + 1] != 0x0A)) {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 && byte != 0x0D {
          column += 1
        }
        index += 1
      }
      locations.append(SourceLocation(line: line, column: column))
    }
    return locations
  }
}

/// A strict UTF-8 validator that says where the first bad byte is.
enum UTF8Check {
  /// The index of the first byte that does not belong to a well-formed UTF-8 sequence:
  /// overlong forms, surrogates and values past U+10FFFF are all refused.
  static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; upper = 0x9F
      case 0xF0: length = 4; lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; upper = 0x8F
      default: return index
      }
      guard index + length <= end else { return index }
      let second = bytes[index + 1]
      guard second >= lower, second <= upper else { return index }
      for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
        return index
      }
      index += length
    }
    return nil
  }
}
