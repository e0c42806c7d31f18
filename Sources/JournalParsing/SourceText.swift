import JournalModel
import JournalRules

/// A file's text, checked as UTF-8, with its line structure.
///
/// Line endings `\r\n` and a lone `\r` are read as `\n`, so line numbers agree with editors;
/// a leading UTF-8 byte-order mark is dropped. The text is kept as the file's bytes, not as a
/// `String`: the parser scans bytes and builds a `String` only for what a model holds.
public struct SourceText: Sendable {
  /// The text's UTF-8 bytes, every line ending as `\n`.
  public let bytes: [UInt8]
  /// The offset of each line's first byte.
  let lineStarts: [Int]

  /// The largest file `journal` reads; a note is a few kilobytes.
  public static let defaultSizeLimit = 1 << 20

  /// The finding for a file over the size limit, which is refused before it is read.
  public static func tooLarge(_ size: Int, limit: Int, file: String) -> Diagnostic {
    Diagnostic(
      EncodingRule.fileTooLarge(size: "\(ByteCount(size))", bytes: size, limit: "\(ByteCount(limit))"), file: file,
      at: .start)
  }

  /// Decodes bytes as UTF-8, or reports where they stop being text.
  public static func decode(_ bytes: [UInt8], file: String) -> ParseStep<SourceText> {
    let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    let scan = bytes.withUnsafeBufferPointer { Scan(UnsafeBufferPointer(rebasing: $0[start...])) }
    if let nul = scan.firstNUL {
      return .failure(
        encodingError(EncodingRule.nulByte, at: start + nul, in: bytes, from: start, file: file))
    }
    if let bad = scan.firstInvalid {
      return .failure(
        encodingError(
          EncodingRule.invalidUTF8(byte: hex(bytes[start + bad])),
          at: start + bad, in: bytes, from: start, file: file))
    }
    guard scan.hasCarriageReturn else {
      return .success(SourceText(bytes: start == 0 ? bytes : Array(bytes[start...]), lineStarts: scan.lineStarts))
    }
    var normalised = [UInt8]()
    normalised.reserveCapacity(bytes.count - start)
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0D {
        normalised.append(0x0A)
        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
      } else {
        normalised.append(byte)
      }
      index += 1
    }
    return .success(SourceText(normalised))
  }

  public init(text: String) {
    self.init(Array(text.utf8))
  }

  /// Text whose every line already ends in a lone `\n`.
  init(_ bytes: [UInt8]) {
    self.init(bytes: bytes, lineStarts: bytes.withUnsafeBufferPointer { Scan($0).lineStarts })
  }

  private init(bytes: [UInt8], lineStarts: [Int]) {
    self.bytes = bytes
    self.lineStarts = lineStarts
  }

  /// The text as a `String`.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// How many lines the text has; text that ends in `\n` has an empty last line.
  public var lineCount: Int { lineStarts.count }

  /// Each line without its ending.
  public var lines: [Substring] { (1...lineCount).map(line) }

  /// The bytes of a 1-based line, without its ending; an empty range past the end.
  func lineRange(_ number: Int) -> Range<Int> {
    guard number >= 1 && number <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[number - 1]
    let end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
    return start..<end
  }

  /// The bytes from the start of line `first` to the end of line `last`, without the ending.
  func range(lines: ClosedRange<Int>) -> Range<Int> {
    lineRange(lines.lowerBound).lowerBound..<lineRange(lines.upperBound).upperBound
  }

  /// The text of a 1-based line, or an empty string past the end.
  public func line(_ number: Int) -> Substring {
    let range = lineRange(number)
    return Substring(bytes.withUnsafeBufferPointer { TextBytes.string($0, range) })
  }

  /// Where a position falls given as a line and a UTF-8 byte column (as cmark reports them).
  public func location(line number: Int, byteColumn: Int) -> SourceLocation {
    let range = lineRange(number)
    let end = range.lowerBound + max(0, min(byteColumn - 1, range.count))
    let scalars = bytes.withUnsafeBufferPointer { TextBytes.scalarCount($0, range.lowerBound..<end) }
    return SourceLocation(line: number, column: scalars + 1)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return byte < 16 ? "0" + digits : digits
  }

  private static func encodingError(
    _ message: RuleMessage, at offset: Int, in bytes: [UInt8], from start: Int, file: String
  ) -> Diagnostic {
    Diagnostic(message, file: file, at: locations(ofBytes: [offset], in: bytes[start...])[0])
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

/// One pass over a file's bytes: where each line starts, whether a carriage return, a NUL
/// or a byte that is not well-formed UTF-8 occurs, and where.
///
/// Eight bytes are read at a time; a word of printable ASCII and tabs, the bulk of a note,
/// is passed over whole, and in a word holding a line feed, a carriage return, a NUL or a
/// byte of 0x80 or more, the bytes before the first such byte are passed over too.
private struct Scan {
  var lineStarts: [Int] = []
  var hasCarriageReturn = false
  var firstNUL: Int? = nil
  var firstInvalid: Int? = nil

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    // One allocation: the array written `[0]` was made, then made again with this room.
    lineStarts.reserveCapacity(bytes.count / 32 + 1)
    lineStarts.append(0)
    let count = bytes.count
    var index = 0
    while index < count {
      // No byte of 0x80 or more, and none below 0x0E (NUL, line feed, carriage return): such
      // words, and the bytes before the first other byte, are passed over.
      index = ByteWord.skip(bytes, from: index) { $0.nonASCII | $0.below(0x0E) }
      guard index < count else { break }
      let byte = bytes[index]
      if byte < 0x80 {
        switch byte {
        case 0x0A: lineStarts.append(index + 1)
        case 0x0D:
          hasCarriageReturn = true
          if index + 1 >= count || bytes[index + 1] != 0x0A { lineStarts.append(index + 1) }
        case 0x00:
          if firstNUL == nil { firstNUL = index }
        default: break
        }
        index += 1
        continue
      }
      guard let length = Self.sequenceLength(bytes, at: index) else {
        if firstInvalid == nil { firstInvalid = index }
        index += 1
        continue
      }
      index += length
    }
  }

  /// The length of the well-formed UTF-8 sequence a byte of 0x80 or more starts, or nil:
  /// overlong forms, surrogates and values past U+10FFFF are all refused.
  private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let lead = bytes[index]
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
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    let second = bytes[index + 1]
    guard second >= lower, second <= upper else { return nil }
    for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
      return nil
    }
    return length
  }
}
