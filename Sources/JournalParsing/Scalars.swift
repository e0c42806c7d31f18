/// How journal fields read YAML scalars: as written, never through YAML's implicit typing.
enum Scalars {
  /// A plain `~`, `null` or nothing at all.
  static func isNull(_ text: String) -> Bool {
    text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
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

  static func number(_ text: String) -> Double? {
    var sawDigit = false
    var sawDot = false
    var sawExponent = false
    for (offset, character) in text.enumerated() {
      switch character {
      case "0"..."9": sawDigit = true
      case "+", "-":
        if offset != 0 {
          let previous = text[text.index(text.startIndex, offsetBy: offset - 1)]
          if previous != "e" && previous != "E" { return nil }
        }
      case ".":
        if sawDot || sawExponent { return nil }
        sawDot = true
      case "e", "E":
        if sawExponent || !sawDigit { return nil }
        sawExponent = true
      default: return nil
      }
    }
    guard sawDigit, let value = Double(text), value.isFinite else { return nil }
    return value
  }

  /// Words for what a value is, for messages: "a list", "a mapping", "nothing".
  static func describe(_ value: YAMLValue) -> String {
    switch value.kind {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar:
      if isNull(value) { return "nothing" }
      let text = value.text ?? ""
      let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
      return "`\(shown)`"
    }
  }
}
