/// Text as UTF-8 bytes: the one scanner journal splits, trims, lowercases and searches text
/// with below the level of `String`.
///
/// A Swift `Character` is a grapheme cluster (`"\r\n"`, or `"` followed by a combining mark),
/// so comparing `Character`s misses separators and costs grapheme breaking on every step.
/// Here text is bytes: ASCII, the bulk of any note, costs a comparison a byte, and only a
/// byte of 0x80 or more is decoded into the scalar it starts, to ask Unicode's tables. Every
/// function takes well-formed UTF-8 (a `String`'s bytes, or bytes `SourceText` has checked)
/// and byte offsets into it; results are offsets too, so a `String` is built once, at the end.
public enum TextBytes {
  /// Calls `body` with a string's UTF-8 bytes, without copying them when the string is native.
  @inlinable
  public static func withBytes<Result>(
    of text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return try Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// The text of a range of bytes.
  @inlinable
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The scalar that starts at `index`, and its length in bytes.
  @inlinable
  public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    scalar: Unicode.Scalar, length: Int
  ) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = scalarLength(lead: lead)
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<length where index + offset < bytes.count {
      value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The length in bytes of the scalar a lead byte starts.
  @inlinable
  public static func scalarLength(lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// Whether a byte is ASCII white space as journal reads it: space, tab, line feed, carriage
  /// return.
  @inlinable
  public static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Whether a scalar is white space: the four ASCII ones, or any other scalar with Unicode's
  /// White_Space property (no-break space, the ideographic space, U+2028…).
  @inlinable
  public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? isASCIISpace(UInt8(scalar.value)) : scalar.properties.isWhitespace
  }

  /// Whether an ASCII byte is punctuation or a symbol (`!` to `/`, `:` to `@`, `[` to `` ` ``,
  /// `{` to `~`).
  @inlinable
  public static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
  }

  /// Whether a scalar is punctuation: ASCII punctuation and symbols, or a scalar of one of
  /// Unicode's punctuation categories.
  @inlinable
  public static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isASCIIPunctuation(UInt8(scalar.value)) }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default:
      return false
    }
  }

  /// The length in bytes of the white space that starts at `index`, or 0.
  @inlinable
  public static func spaceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 { return isASCIISpace(byte) ? 1 : 0 }
    let (scalar, length) = Self.scalar(in: bytes, at: index)
    return scalar.properties.isWhitespace ? length : 0
  }

  /// The start of the scalar that ends at `end`.
  @inlinable
  public static func scalarStart(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
    var start = end - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }

  /// `range` without white space at either end.
  @inlinable
  public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    while start < range.upperBound {
      let length = spaceLength(in: bytes, at: start)
      if length == 0 { break }
      start += length
    }
    var end = range.upperBound
    while end > start {
      let last = scalarStart(in: bytes, before: end)
      if spaceLength(in: bytes, at: last) == 0 { break }
      end = last
    }
    return start..<end
  }

  /// Whether every byte is ASCII; eight bytes at a time.
  @inlinable
  public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= bytes.count {
      if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      index += 8
    }
    while index < bytes.count {
      if bytes[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }

  /// A byte lowercased if it is an ASCII capital.
  @inlinable
  public static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }

  /// Whether a range of bytes is exactly some ASCII text.
  @inlinable
  public static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
    guard range.count == text.utf8CodeUnitCount else { return false }
    let other = text.utf8Start
    for offset in 0..<range.count where bytes[range.lowerBound + offset] != other[offset] { return false }
    return true
  }

  /// Whether a range of bytes equals ASCII text, ignoring the case of ASCII letters.
  @inlinable
  public static func equalsIgnoringASCIICase(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString
  ) -> Bool {
    guard range.count == text.utf8CodeUnitCount else { return false }
    let other = text.utf8Start
    for offset in 0..<range.count where lowercased(bytes[range.lowerBound + offset]) != lowercased(other[offset]) {
      return false
    }
    return true
  }

  /// How many scalars a range holds: its bytes that do not continue a scalar.
  @inlinable
  public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var count = 0
    for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// The first occurrence of `needle` within `range`, compared byte by byte.
  @inlinable
  public static func firstRange(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, within range: Range<Int>
  ) -> Range<Int>? {
    guard let first = needle.first, needle.count <= range.count else { return nil }
    var start = range.lowerBound
    let last = range.upperBound - needle.count
    while start <= last {
      if bytes[start] == first {
        var offset = 1
        while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return start..<(start + needle.count) }
      }
      start += 1
    }
    return nil
  }

  /// What separates words.
  public enum Separator: Sendable {
    /// Spaces and tabs.
    case blanks
    /// Any white space (`isSpace`).
    case whitespace
  }

  /// Calls `body` with the range of each word: each longest run of bytes without a separator.
  @inlinable
  public static func forEachWord(
    in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separatedBy separator: Separator,
    _ body: (Range<Int>) throws -> Void
  ) rethrows {
    var start: Int? = nil
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      let length: Int
      switch separator {
      case .blanks: length = byte == 0x20 || byte == 0x09 ? 1 : 0
      case .whitespace: length = spaceLength(in: bytes, at: index)
      }
      if length > 0 {
        if let begin = start { try body(begin..<index) }
        start = nil
        index += length
      } else {
        if start == nil { start = index }
        index += byte < 0x80 ? 1 : scalarLength(lead: byte)
      }
    }
    if let begin = start { try body(begin..<range.upperBound) }
  }
}
