import Testing

@testable import JournalKit

/// `TerminalText.cells` counts every ASCII scalar as one cell without looking up its Unicode
/// properties: the properties must say the same of each.
@Suite struct ExcerptCellsTests {
  @Test func everyASCIIScalarIsOneCellByItsProperties() {
    for value in UInt8(0)..<0x80 {
      let scalar = Unicode.Scalar(value)
      #expect(TerminalText.cellsByProperties(scalar) == 1, "U+\(String(value, radix: 16))")
      #expect(TerminalText.cells(scalar) == 1)
    }
  }

  @Test func otherScalarsAreCountedByTheirProperties() {
    for scalar: Unicode.Scalar in ["é", "\u{301}", "\u{200B}", "日", "😀", "\u{AD}", "\u{FF21}"] {
      #expect(TerminalText.cells(scalar) == TerminalText.cellsByProperties(scalar))
    }
    #expect(TerminalText.cells("\u{301}") == 0)
    #expect(TerminalText.cells("日") == 2)
  }
}
