import Testing

@testable import JournalParsing

/// `SuggestionMarker.split` finds its marker by the colons `memchr` finds: random text, rich
/// in markers in either case, colons, white space and characters outside ASCII at every place,
/// must split as a reading scalar by scalar splits it. Seeded: a failure names its seed.
@Suite struct SuggestionMarkerScanTests {
  static let pieces: [String] = [
    "a", " ", "\t", "\n", ":", "suggestion:", "Suggestion:", "SUGGESTION:", "suggestion", "uggestion:",
    "sUgGeStIoN:", "é", "\u{A0}", "\u{2028}", "😀", "s", "x:", "\u{0B}", "\u{0C}", "\r",
  ]

  @Test func colonsReadAsScalarByScalar() {
    var random = HostileText()
    for _ in 0..<20_000 {
      let count = Int(random.next() % 12)
      var text = ""
      for _ in 0..<count { text += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
      let split = SuggestionMarker.split(text)
      let expected = Self.splitByScalars(text)
      #expect(
        split.statement == expected.statement && split.suggestion == expected.suggestion,
        "seed \(HostileText.seed): \(Array(text.unicodeScalars))")
    }
  }

  /// The marker looked for at every scalar, the text trimmed of white space scalar by scalar.
  static func splitByScalars(_ text: String) -> (statement: String, suggestion: String?) {
    let scalars = Array(text.unicodeScalars)
    let marker = Array("suggestion:".unicodeScalars)
    // White space as the model reads it: four ASCII scalars, and Unicode's White_Space beyond.
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII ? " \t\n\r".unicodeScalars.contains(scalar) : scalar.properties.isWhitespace
    }
    func trimmed(_ part: ArraySlice<Unicode.Scalar>) -> String {
      var part = part
      while let first = part.first, isSpace(first) { part = part.dropFirst() }
      while let last = part.last, isSpace(last) { part = part.dropLast() }
      var result = String.UnicodeScalarView()
      result.append(contentsOf: part)
      return String(result)
    }
    var index = 0
    while index + marker.count <= scalars.count {
      let atWordStart = index == 0 || (scalars[index - 1].isASCII && isSpace(scalars[index - 1]))
      let matches = (0..<marker.count).allSatisfy {
        let scalar = scalars[index + $0]
        return scalar.isASCII && Character(scalar).lowercased() == String(marker[$0])
      }
      if atWordStart && matches {
        let after = trimmed(scalars[(index + marker.count)...])
        guard !after.isEmpty else { break }
        return (trimmed(scalars[..<index]), after)
      }
      index += 1
    }
    return (text, nil)
  }
}
