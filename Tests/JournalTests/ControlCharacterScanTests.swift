import Testing

@testable import JournalParsing

/// `ControlCharacters.find` and `ControlCharacters.isPlainASCII` read eight bytes at a time and
/// pass over the bytes before the first one they must look at: random text, rich in controls,
/// DEL, backslashes and characters outside ASCII at every place in a word, must give what a
/// reading scalar by scalar gives. Seeded: a failure names its seed.
@Suite struct ControlCharacterScanTests {
  static let alphabet: [Unicode.Scalar] = [
    "a", " ", "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{1F}", "\u{7E}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
    "\u{A0}", "\\", "é", "\u{2028}", "\u{2029}", "\u{202E}", "\u{2066}", "\u{201C}", "\u{FFFE}", "\u{FFFF}",
    "\u{FEFF}", "😀",
  ]

  @Test func wordAtATimeReadsAsScalarByScalar() {
    var random = HostileText()
    for _ in 0..<20_000 {
      let count = Int(random.next() % 40)
      // Mostly plain text, so that whole words are passed over too.
      var text = String.UnicodeScalarView()
      for _ in 0..<count {
        text.append(random.next() % 3 == 0 ? Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] : "a")
      }
      let bytes = Array(String(text).utf8)
      var expected: [(offset: Int, length: Int, value: UInt32)] = []
      var offset = 0
      for scalar in text {
        let length = String(scalar).utf8.count
        if ControlCharacters.isRefusedInText(scalar.value) { expected.append((offset, length, scalar.value)) }
        offset += length
      }
      let plain = text.allSatisfy { $0 == "\t" || $0 == "\n" || ($0.value >= 0x20 && $0.value < 0x7F && $0 != "\\") }
      bytes.withUnsafeBufferPointer { buffer in
        let found = ControlCharacters.find(in: buffer, ControlCharacters.isRefusedInText)
        #expect(
          found.map { [$0.offset, $0.length, Int($0.value)] } == expected.map { [$0.offset, $0.length, Int($0.value)] },
          "seed \(HostileText.seed): \(bytes)")
        #expect(ControlCharacters.isPlainASCII(buffer) == plain, "seed \(HostileText.seed): \(bytes)")
      }
    }
  }
}
