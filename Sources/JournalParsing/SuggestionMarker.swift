#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import JournalModel

/// An improvement's suggestion: the part of the item after a word `Suggestion:` (any case),
/// usually on a line of its own under the observation:
///
/// ```markdown
/// - [communication] Started coding before restating the problem.
///   Suggestion: restate the problem in one sentence and check it before designing.
/// ```
///
/// Found over UTF-8 bytes; the marker counts only at the start of the text or after white space.
enum SuggestionMarker {
  static let word: StaticString = "suggestion:"

  /// The text before the marker and the suggestion after it, both trimmed; the whole text and
  /// nil when there is no marker or nothing after it.
  static func split(_ text: String) -> (statement: String, suggestion: String?) {
    TextBytes.withBytes(of: text) { bytes -> (String, String?) in
      guard let index = first(in: bytes) else { return (text, nil) }
      let before = TextBytes.trimmed(bytes, 0..<index)
      let after = TextBytes.trimmed(bytes, index + word.utf8CodeUnitCount..<bytes.count)
      guard !after.isEmpty else { return (text, nil) }
      return (TextBytes.string(bytes, before), TextBytes.string(bytes, after))
    }
  }

  /// Where the first marker starts: at the start or after an ASCII space. Every marker ends
  /// with a `:`, so the colons are found with `memchr` (most items have none) and the bytes
  /// before each compared: markers start in the order their colons come.
  static func first(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let length = word.utf8CodeUnitCount
    var from = length - 1
    while from < bytes.count {
      guard let found = memchr(base + from, Int32(UInt8(ascii: ":")), bytes.count - from) else { return nil }
      let colon = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      let start = colon + 1 - length
      if start == 0 || TextBytes.isASCIISpace(bytes[start - 1]),
        TextBytes.equalsIgnoringASCIICase(bytes, start..<colon + 1, word)
      {
        return start
      }
      from = colon + 1
    }
    return nil
  }
}
