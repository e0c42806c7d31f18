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
      let length = word.utf8CodeUnitCount
      var index = 0
      while index + length <= bytes.count {
        // One look at the byte settles most places: the marker starts with `s` in either case.
        guard bytes[index] | 0x20 == UInt8(ascii: "s") else {
          index += 1
          continue
        }
        let atWordStart = index == 0 || TextBytes.isASCIISpace(bytes[index - 1])
        if atWordStart, TextBytes.equalsIgnoringASCIICase(bytes, index..<index + length, word) {
          let before = TextBytes.trimmed(bytes, 0..<index)
          let after = TextBytes.trimmed(bytes, index + length..<bytes.count)
          guard !after.isEmpty else { break }
          return (TextBytes.string(bytes, before), TextBytes.string(bytes, after))
        }
        index += 1
      }
      return (text, nil)
    }
  }
}
