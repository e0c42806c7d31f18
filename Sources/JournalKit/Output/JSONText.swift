/// Just enough JSON writing to keep keys in a documented order.
enum JSONText {
  /// A JSON string, which is also a YAML double-quoted scalar: the characters YAML does not
  /// allow raw (DEL, C1 controls) or reads as line breaks (U+2028, U+2029), and U+FEFF, are
  /// escaped too.
  static func string(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case let c
      where c.value < 0x20 || (0x7F...0x9F).contains(c.value) || c.value == 0x2028 || c.value == 0x2029
        || c.value == 0xFEFF:
        let hex = String(c.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// An object from ordered pairs whose values are already JSON.
  static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

  /// A string, or `null` when there is none.
  static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

  static func bool(_ value: Bool) -> String { value ? "true" : "false" }
}
