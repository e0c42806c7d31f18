/// Text from notes written into journal's Markdown, which GitHub and other CommonMark readers
/// render: inline, in a heading, a paragraph, a list item or a table cell.
enum MarkdownText {
  /// The text with a backslash before each character that could mean something inline —
  /// emphasis, strikethrough, code, links, images, raw HTML, entities, table cells, GitHub's
  /// math, a heading's closing `#`s, and the `http:` and `www.` that GitHub turns into links
  /// — and before a first character that could start a block (a list, a quote, a heading, a
  /// thematic break or an ordered list's `1.`). Line breaks and other controls become numeric
  /// character references, so a note's line can never become a line of the page, and so does
  /// white space at either end, which a reader would trim. NUL becomes U+FFFD, as CommonMark reads
  /// it. Punctuation that cannot mean anything where journal writes text (`,.;!?'"()-` and
  /// the like in mid-line) is left alone, so the page reads well as plain text too.
  ///
  /// One thing stays: GitHub's Markdown links an e-mail address written in plain text (its
  /// `autolink` extension looks for one in text after escapes are read), showing the same
  /// text.
  static func escape(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    // White space at either end, Unicode's too, is written as a reference: a reader trims
    // ASCII white space there, and a `**` next to any white space would not be bold.
    let first = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.count
    let last = scalars.lastIndex { !$0.properties.isWhitespace } ?? -1
    let marker = orderedListMarker(scalars, from: first)
    var out = ""
    for (index, scalar) in scalars.enumerated() {
      switch scalar.value {
      case 0:
        out += "\u{FFFD}"
      case 0x01...0x1F, 0x7F...0x9F:
        out += "&#\(scalar.value);"
      case _ where index < first || index > last:
        out += "&#\(scalar.value);"
      default:
        let escaped =
          inline.contains(scalar) || index == marker || (index == first && isPunctuation(scalar))
          || (scalar == "." && index >= 3 && scalars[index - 3..<index].allSatisfy { $0 == "w" || $0 == "W" })
        if escaped { out += "\\" }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Characters that mean something anywhere in a line of GitHub's Markdown.
  private static let inline: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "~", "[", "]", "<", ">", "&", "|", "$", "#", ":"]

  /// CommonMark's ASCII punctuation, any of which may be backslash-escaped.
  private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
    default: false
    }
  }

  /// Where `.` or `)` follows one to nine digits at the start: an ordered list's marker.
  private static func orderedListMarker(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    var index = start
    while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
    guard index > start, index - start <= 9, index < scalars.count, scalars[index] == "." || scalars[index] == ")"
    else { return nil }
    return index
  }
}
