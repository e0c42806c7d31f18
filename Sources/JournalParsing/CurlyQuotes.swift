/// Curly quotes (“ ” ‘ ’ „ ‚), which editors and phones type for `"` and `'`: YAML and
/// journal's tokens take them as text, so a value written in them is not what was meant.
/// Found on UTF-8 bytes: each is E2 80 and one byte more.
enum CurlyQuotes {
  /// The last byte of “ ” „ and of ‘ ’ ‚.
  private static let double: ClosedRange<UInt8> = 0x9C...0x9E
  private static let single: ClosedRange<UInt8> = 0x98...0x9A

  /// The width of the curly quote at `offset` (3), or 0; `double` says which kind it is.
  static func quote(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (width: Int, double: Bool) {
    guard offset + 2 < bytes.count, bytes[offset] == 0xE2, bytes[offset + 1] == 0x80 else { return (0, false) }
    let last = bytes[offset + 2]
    if double.contains(last) { return (3, true) }
    if single.contains(last) { return (3, false) }
    return (0, false)
  }

  /// The range inside the curly quotes that wrap `range` of `bytes`, or nil when it is not so
  /// wrapped. A double one opens it, or single ones both open and close it: `’90s` and
  /// `O’Brien` are text.
  static func inner(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    let opening = quote(at: range.lowerBound, in: bytes)
    guard opening.width > 0, range.count >= 3 else { return nil }
    let closingStart = range.upperBound - 3
    let closing = closingStart > range.lowerBound ? quote(at: closingStart, in: bytes) : (width: 0, double: false)
    guard opening.double || closing.width > 0 else { return nil }
    return (range.lowerBound + 3)..<(closing.width > 0 ? closingStart : range.upperBound)
  }

  /// The range inside the straight quotes (`"` or `'`, the same at both ends) that wrap all of
  /// `bytes`, or nil.
  static func straightInner(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    guard bytes.count >= 2, let first = bytes.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'"),
      bytes[bytes.count - 1] == first
    else { return nil }
    return 1..<(bytes.count - 1)
  }

  /// The offset of the first curly quote in `range`, if any.
  static func first(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var offset = range.lowerBound
    while offset + 2 < range.upperBound {
      if quote(at: offset, in: bytes).width > 0 { return offset }
      offset += 1
    }
    return nil
  }

  /// `text` as YAML reads it in straight quotes: double, unless it holds `"` or `\`.
  static func straightQuoted(_ text: String) -> String {
    if !text.utf8.contains(UInt8(ascii: "\"")) && !text.utf8.contains(UInt8(ascii: "\\")) { return "\"\(text)\"" }
    var quoted = "'"
    for scalar in text.unicodeScalars {
      if scalar == "'" { quoted += "'" }
      quoted.unicodeScalars.append(scalar)
    }
    return quoted + "'"
  }
}
