/// How journal fields read YAML scalars: as written, never through YAML's implicit typing.
public enum Scalars {
  /// A plain `~`, `null` or nothing at all.
  static func isNull(_ text: String) -> Bool {
    // Most values are longer than any of these: their byte count, which a `String` keeps, settles them.
    text.utf8.count <= 4 && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
  }

  static func isNull(_ value: YAMLValue) -> Bool {
    guard let text = value.text, value.isPlain else { return false }
    return isNull(text)
  }

  /// A number written plainly: `12`, `-3`, `0.75`, `1e3`. Quoted text is not a number.
  static func number(_ value: YAMLValue) -> Double? {
    guard let text = value.text, value.isPlain else { return nil }
    return number(text)
  }

  public static func number(_ text: String) -> Double? {
    var sawDigit = false
    var sawDot = false
    var sawExponent = false
    var previous: UInt8 = 0
    for (offset, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        if offset != 0 && previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E") { return nil }
      case UInt8(ascii: "."):
        if sawDot || sawExponent { return nil }
        sawDot = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        if sawExponent || !sawDigit { return nil }
        sawExponent = true
      default: return nil
      }
      previous = byte
    }
    guard sawDigit, let value = Double(text), value.isFinite else { return nil }
    return value
  }

  /// Whether `text` is a yes (true) or a no (false) as YAML 1.1 wrote booleans (`yes`, `No`,
  /// `TRUE`, `on`, `n`), which journal reads as text; `off` and its capitals are left out, as
  /// a rule level is spelt so.
  static func yesOrNo(_ text: String) -> Bool? {
    guard text.utf8.count <= 5 else { return nil }
    switch String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self) {
    case "yes", "y", "true", "on": return true
    case "no", "n", "false": return false
    default: return nil
    }
  }

  /// The most scalars of a value a message shows.
  static let shownScalars = 40

  /// Words for what a value is, for messages: "a list", "a mapping", "nothing".
  static func describe(_ value: YAMLValue) -> String {
    switch value.kind {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar:
      if isNull(value) { return "nothing" }
      return "`\(shown(value.text ?? ""))`"
    }
  }

  /// Text as a message shows it: its first `shownScalars` scalars.
  static func shown(_ text: String) -> String {
    let scalars = text.unicodeScalars
    return scalars.count > shownScalars
      ? String(String.UnicodeScalarView(scalars.prefix(shownScalars))) + "…" : text
  }
}
