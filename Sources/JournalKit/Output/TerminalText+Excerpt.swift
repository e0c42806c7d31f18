extension TerminalText {
  /// The widest source line an excerpt shows whole, in terminal cells; a wider one is cut to a
  /// window around the caret, so that the caret stays on the row below the text it points at.
  public static let excerptWidth = 160

  /// A source line as `journal check` quotes it (tabs as spaces, controls as their codes), and
  /// how many terminal cells come before `column` (1-based, in Unicode scalars) on it: the
  /// caret's indent. Counted in cells as a terminal draws them, so a wide character (`日`, an
  /// emoji) before the column moves the caret two cells and a combining accent none.
  public static func excerpt(_ line: some StringProtocol, column: Int, width: Int = excerptWidth) -> (text: String, caret: Int) {
    var pieces: [String] = []
    var cells: [Int] = []
    for scalar in line.unicodeScalars {
      // A tab and a control's code are as wide as their scalars; anything else as drawn.
      if scalar == "\t" {
        pieces.append(" ")
        cells.append(1)
      } else if let shown = code(scalar) {
        pieces.append(shown)
        cells.append(shown.unicodeScalars.count)
      } else {
        pieces.append(String(scalar))
        cells.append(Self.cells(scalar))
      }
    }
    let caret = min(max(column - 1, 0), pieces.count)
    guard cells.reduce(0, +) > width else {
      return (pieces.joined(), cells[..<caret].reduce(0, +))
    }
    // A third of the window before the caret, the rest after; `…` where the line is cut.
    var start = caret
    var before = 0
    while start > 0, before + cells[start - 1] <= width / 3 {
      start -= 1
      before += cells[start]
    }
    var end = start
    var used = start > 0 ? 1 : 0
    while end < pieces.count, used + cells[end] <= width - 1 {
      used += cells[end]
      end += 1
    }
    let text = (start > 0 ? "…" : "") + pieces[start..<end].joined() + (end < pieces.count ? "…" : "")
    return (text, (start > 0 ? 1 : 0) + before)
  }

  /// The cells a terminal gives a scalar, as `wcwidth` counts them: none for a combining mark or
  /// a zero-width format character, two for an East Asian wide or fullwidth character or an
  /// emoji shown as one, else one.
  static func cells(_ scalar: Unicode.Scalar) -> Int {
    // Every ASCII scalar is one cell by the properties below (`ExcerptCellsTests` checks it),
    // and most of a note is ASCII: looking the properties up cost about 770 instructions a
    // scalar, a quarter of the report of a small journal's check.
    if scalar.isASCII { return 1 }
    return cellsByProperties(scalar)
  }

  /// `cells`, from the scalar's Unicode properties alone.
  static func cellsByProperties(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if scalar.properties.isEmojiPresentation { return 2 }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}
