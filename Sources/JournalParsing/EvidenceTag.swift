import JournalModel

/// The evidence syntax: a Strengths or Improvements item that starts with `[category]` is
/// evidence for that rubric category's rating, as in `- [communication] Walked us through…`.
///
/// Read over UTF-8 bytes: the tag is ASCII letters, digits, `-` and `_` between brackets,
/// followed by white space or the end of the item. Anything else is ordinary text.
enum EvidenceTag {
  /// The longest tag read; a longer bracket is text.
  static let maximumLength = 64

  /// The category a tag names and the text after it, or nil when the item has no tag.
  static func read(_ text: String) -> (category: String, statement: String)? {
    TextBytes.withBytes(of: text) { bytes -> (String, String)? in
      guard let length = tagLength(bytes, from: 0) else { return nil }
      var start = length
      while start < bytes.count {
        let space = TextBytes.spaceLength(in: bytes, at: start)
        if space == 0 { break }
        start += space
      }
      return (TextBytes.string(bytes, 1..<length - 1), TextBytes.string(bytes, start..<bytes.count))
    }
  }

  /// The length of a tag `[…]` starting at `start`, closing bracket included, if one is there.
  private static func tagLength(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return nil }
    var index = start + 1
    while index < bytes.count, index - start <= maximumLength, isTagByte(bytes[index]) { index += 1 }
    guard index > start + 1, index < bytes.count, bytes[index] == UInt8(ascii: "]") else { return nil }
    let after = index + 1
    guard after == bytes.count || TextBytes.spaceLength(in: bytes, at: after) > 0 else { return nil }
    return after - start
  }

  private static func isTagByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
  }

  /// Where the tag's `[` is in the file: on the item's line, after its list marker and the
  /// white space that follows it. The item's own location when the text starts elsewhere.
  static func location(ofItemAt item: SourceLocation, in source: SourceText) -> SourceLocation {
    let range = source.lineRange(item.line)
    return source.bytes.withUnsafeBufferPointer { bytes -> SourceLocation in
      var index = range.lowerBound
      var column = 1
      // Up to the marker, counting scalars.
      while index < range.upperBound, column < item.column {
        index += TextBytes.scalarLength(lead: bytes[index])
        column += 1
      }
      // The marker: `-`, `*`, `+`, or digits and `.` or `)`.
      while index < range.upperBound, TextBytes.spaceLength(in: bytes, at: index) == 0,
        bytes[index] != UInt8(ascii: "[")
      {
        index += 1
        column += 1
      }
      while index < range.upperBound {
        let space = TextBytes.spaceLength(in: bytes, at: index)
        if space == 0 { break }
        index += space
        column += 1
      }
      guard index < range.upperBound, bytes[index] == UInt8(ascii: "[") else { return item }
      return SourceLocation(line: item.line, column: column)
    }
  }

  /// A feedback item with its evidence tag and its suggestion, when it has them, read apart
  /// from what was observed.
  static func item(_ text: String, at location: SourceLocation, source: SourceText) -> FeedbackItem {
    let tag = read(text)
    let (statement, suggestion) = SuggestionMarker.split(tag?.statement ?? text)
    return FeedbackItem(
      text: text, location: location, category: tag?.category,
      categoryLocation: tag.map { _ in self.location(ofItemAt: location, in: source) }, statement: statement,
      suggestion: suggestion)
  }
}
