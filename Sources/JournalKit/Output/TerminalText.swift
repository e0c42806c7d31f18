/// Text from notes, folder names and commits as a terminal should show it.
///
/// A terminal acts on what it is sent: ESC starts sequences that move the cursor, clear the
/// screen, set the window title or make links; other C0 and C1 controls ring, erase or
/// return; the bidirectional embedding, override and isolate controls reorder what is shown.
/// Each of them is shown as its code, `\u{1B}`, and every other character as it is.
public enum TerminalText {
  /// The text with every control shown as `\u{…}`; with `keepingLineBreaks`, line feeds and
  /// tabs stay (for messages of several lines).
  public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { code($0) != nil }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if let shown = code(scalar), !(keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
        out += shown
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `\u{1B}` for a scalar a terminal would act on or reorder by; nil for one it just shows.
  static func code(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
      "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    default:
      nil
    }
  }
}
