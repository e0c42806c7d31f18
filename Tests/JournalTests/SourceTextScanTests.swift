import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// `SourceText.decode` reads eight bytes at a time and passes over the bytes before the first
/// one it must look at: random bytes, rich in line endings, NULs and bytes outside ASCII at
/// every place in a word, must give the lines and findings a byte-by-byte reading gives.
/// Seeded: a failure names its seed.
@Suite struct SourceTextScanTests {
  static let alphabet: [UInt8] = [
    0x61, 0x20, 0x09, 0x0A, 0x0D, 0x00, 0x0C, 0x0E, 0x7F, 0xC3, 0xA9, 0xE2, 0x80, 0x9C, 0xED, 0xA0, 0xF0, 0x9F,
    0x98, 0x80, 0xFF, 0xC0,
  ]

  @Test func wordAtATimeReadsAsByteByByte() {
    var random = HostileText()
    for _ in 0..<20_000 {
      let count = Int(random.next() % 40)
      // Mostly plain text, so that whole words are passed over too.
      let bytes = (0..<count).map { _ in
        random.next() % 3 == 0 ? Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] : 0x61
      }
      let expected = Self.byteByByte(bytes)
      switch SourceText.decode(bytes, file: "note.md") {
      case .success(let text):
        #expect(expected.failure == nil, "seed \(HostileText.seed): \(bytes) read, expected \(expected)")
        #expect(text.lineStarts == expected.lineStarts, "seed \(HostileText.seed): \(bytes)")
      case .failure(let diagnostic):
        #expect(
          diagnostic.rule == expected.failure?.rule && diagnostic.location == expected.failure?.location,
          "seed \(HostileText.seed): \(bytes) gave \(diagnostic), expected \(expected)")
      }
    }
  }

  /// The lines, or the first NUL or ill-formed byte, found one byte at a time with Swift's own
  /// UTF-8 parser.
  static func byteByByte(_ file: [UInt8]) -> (lineStarts: [Int], failure: (rule: String, location: JournalModel.SourceLocation)?) {
    let start = file.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let bytes = Array(file[start...])
    func location(_ offset: Int) -> JournalModel.SourceLocation {
      SourceText.locations(ofBytes: [offset], in: bytes)[0]
    }
    if let nul = bytes.firstIndex(of: 0) { return ([], (EncodingRule.id, location(nul))) }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error: return ([], (EncodingRule.id, location(offset)))
      case .emptyInput: break loop
      }
    }
    var normalised: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D {
        normalised.append(0x0A)
        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
      } else {
        normalised.append(bytes[index])
      }
      index += 1
    }
    return ([0] + normalised.indices.filter { normalised[$0] == 0x0A }.map { $0 + 1 }, nil)
  }
}
