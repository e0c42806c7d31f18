/// A length of time spelt out in words (`45 min`, `1 hour 30 minutes`, `1.5 hours`, `2 weeks`,
/// `fortnightly`) as the short notation journal's fields take (`45m`, `1h30m`, `2w`), for a
/// hint. Read on ASCII bytes; the caller checks the result with the field's own parser.
enum WrittenSpan {
  /// The units a session's `duration` is spelt in, by the letter its notation gives them.
  static let durationUnits: [String: String] = [
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m",
  ]
  /// The units a profile's `cadence` is spelt in.
  static let cadenceUnits: [String: String] = [
    "d": "d", "day": "d", "days": "d", "w": "w", "wk": "w", "wks": "w", "week": "w", "weeks": "w",
    "m": "m", "mo": "m", "month": "m", "months": "m",
  ]
  /// Words that are a cadence alone.
  static let cadenceWords: [String: String] = [
    "daily": "1d", "weekly": "1w", "fortnightly": "2w", "biweekly": "2w", "monthly": "1m",
  ]

  /// `text` in the notation: numbers each followed by a unit of `units`, in the order written,
  /// with spaces, commas and `and` between them (`1.5 hours` is `1h30m`, `an hour` is `1h`); or
  /// one of `words`.
  static func notation(_ text: String, units: [String: String], words: [String: String] = [:]) -> String? {
    let bytes = Array(text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    var parts: [String] = []
    var number: (whole: Int, half: Bool)? = nil
    var index = 0
    while index < bytes.count {
      let start = index
      let byte = bytes[index]
      if byte == 0x20 || byte == UInt8(ascii: ",") {
        index += 1
      } else if byte >= 0x30 && byte <= 0x39 {
        guard number == nil else { return nil }
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 4 { index += 1 }
        let whole = bytes[start..<index].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let half = index + 1 < bytes.count && bytes[index] == UInt8(ascii: ".") && bytes[index + 1] == UInt8(ascii: "5")
        if half { index += 2 }
        number = (whole, half)
      } else if byte >= 0x61 && byte <= 0x7A {
        while index < bytes.count, bytes[index] >= 0x61, bytes[index] <= 0x7A { index += 1 }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        if let alone = words[word], parts.isEmpty, number == nil, bytes[index...].allSatisfy({ $0 == 0x20 }) {
          return alone
        }
        if word == "and", number == nil { continue }
        if word == "a" || word == "an", number == nil {
          number = (1, false)
          continue
        }
        guard let given = number, let unit = units[word] else { return nil }
        if given.half {
          // Half an hour is 30 minutes; half of another unit has no notation.
          guard unit == "h" else { return nil }
          parts.append(given.whole > 0 ? "\(given.whole)h30m" : "30m")
        } else {
          parts.append("\(given.whole)\(unit)")
        }
        number = nil
      } else {
        return nil
      }
    }
    guard number == nil, !parts.isEmpty else { return nil }
    return parts.joined()
  }
}
