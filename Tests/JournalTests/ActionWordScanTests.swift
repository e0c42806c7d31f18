import Testing

@testable import JournalParsing

/// `ActionItemParser.words` reads an item without code spans by runs of bytes between blanks:
/// random text, rich in spaces, tabs, other white space and characters outside ASCII, must
/// give the words a reading scalar by scalar gives. Seeded: a failure names its seed.
@Suite struct ActionWordScanTests {
  static let alphabet: [Unicode.Scalar] = [
    "a", "Z", " ", "\t", "\n", "\r", "\u{0B}", ":", "\u{A0}", "\u{2003}", "é", "😀", "\u{0}",
  ]

  @Test func blanksReadAsScalarByScalar() {
    var random = HostileText()
    for _ in 0..<20_000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int(random.next() % 24) {
        text.append(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))])
      }
      let scalars = Array(text)
      // A range that starts and ends between scalars, as an item's text does.
      let first = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
      let last = first + Int(random.next() % UInt64(scalars.count - first + 1))
      let offset = { (index: Int) in scalars[..<index].reduce(0) { $0 + String($1).utf8.count } }
      var expected: [Range<Int>] = []
      var start: Int? = nil
      for index in first..<last {
        if scalars[index] == " " || scalars[index] == "\t" {
          if let begin = start { expected.append(offset(begin)..<offset(index)) }
          start = nil
        } else if start == nil {
          start = index
        }
      }
      if let begin = start { expected.append(offset(begin)..<offset(last)) }
      let bytes = Array(String(text).utf8)
      let words = bytes.withUnsafeBufferPointer { buffer in
        ActionItemParser.words(buffer, offset(first)..<offset(last), code: UnsafeBufferPointer(start: nil, count: 0))
      }
      #expect(words.map(\.range) == expected, "seed \(HostileText.seed): \(bytes)")
      #expect(words.allSatisfy { !$0.touchesCode && !$0.isToken }, "seed \(HostileText.seed): \(bytes)")
    }
  }
}
