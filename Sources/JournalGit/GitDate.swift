import Foundation

/// The dates git accepts in `GIT_AUTHOR_DATE` and `GIT_COMMITTER_DATE` that people and CI
/// systems write: git's own `@<seconds> <zone>` and `<seconds> <zone>`, RFC 2822
/// (`Fri, 20 Nov 2026 09:00:00 -0500`) and ISO 8601 (`2026-11-20T10:11:12+02:00`,
/// `2026-11-20 10:11:12 +0200`, `Z`, fractions of a second). A date without a zone is local
/// time, as in git.
enum GitDate {
  struct Value: Equatable {
    /// Seconds since 1970-01-01 UTC, and minutes east of UTC.
    let time: Int64
    let offset: Int32
  }

  static func now() -> Value {
    let seconds = time(nil)
    return Value(time: Int64(seconds), offset: localOffset(at: seconds))
  }

  static func parse(_ text: String) -> Value? {
    let words = text.split(separator: " ").map(String.init)
    // git's internal form, with or without the @.
    if let first = words.first, words.count <= 2 {
      let digits = first.hasPrefix("@") ? String(first.dropFirst()) : first
      if let seconds = Int64(digits), first.hasPrefix("@") || digits.count >= 9 {
        if words.count == 1 { return Value(time: seconds, offset: 0) }
        if let offset = zone(words[1]) { return Value(time: seconds, offset: offset) }
      }
    }
    return iso8601(text) ?? rfc2822(words)
  }

  /// `+0200`, `-05:00`, `Z`, `UTC`, `GMT`: minutes east of UTC.
  static func zone(_ text: String) -> Int32? {
    if ["Z", "UTC", "GMT"].contains(text.uppercased()) { return 0 }
    let scalars = Array(text.unicodeScalars)
    guard let sign = scalars.first, sign == "+" || sign == "-" else { return nil }
    let digits = scalars.dropFirst().filter { $0 != ":" }
    guard digits.count == 4, digits.allSatisfy({ $0.properties.numericType != nil && $0.isASCII }),
      let value = Int32(String(String.UnicodeScalarView(digits)))
    else { return nil }
    let minutes = value / 100 * 60 + value % 100
    return sign == "-" ? -minutes : minutes
  }

  private static func iso8601(_ text: String) -> Value? {
    let pattern = #"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)? ?(Z|[+-]\d{2}:?\d{2})?$"#
    guard let expression = try? NSRegularExpression(pattern: pattern),
      let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    func group(_ index: Int) -> String? {
      Range(match.range(at: index), in: text).map { String(text[$0]) }
    }
    let numbers = (1...6).map { group($0).flatMap { Int($0) } ?? 0 }
    return make(numbers, zone: group(7))
  }

  private static func rfc2822(_ words: [String]) -> Value? {
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    var parts = words
    if let first = parts.first, first.hasSuffix(",") || Int(first) == nil && first.count == 3 && parts.count == 5 || first.hasSuffix(",") {
      parts.removeFirst()
    }
    guard parts.count >= 4, let day = Int(parts[0]),
      let month = months.firstIndex(of: parts[1].prefix(3).lowercased()), let year = Int(parts[2])
    else { return nil }
    let clock = parts[3].split(separator: ":").compactMap { Int($0) }
    guard clock.count >= 2 else { return nil }
    return make([year, month + 1, day, clock[0], clock[1], clock.count > 2 ? clock[2] : 0], zone: parts.count > 4 ? parts[4] : nil)
  }

  /// A calendar date and time in `zone` (local time without one).
  private static func make(_ numbers: [Int], zone text: String?) -> Value? {
    let (year, month, day, hour, minute, second) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
    // Days from 1970-01-01 to the date, in the proleptic Gregorian calendar.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    let wall = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    if let text {
      guard let offset = zone(text) else { return nil }
      return Value(time: wall - Int64(offset) * 60, offset: offset)
    }
    // Local time: the offset in force at that moment.
    let guess = time_t(wall) - time_t(localOffset(at: time_t(wall))) * 60
    let offset = localOffset(at: guess)
    return Value(time: wall - Int64(offset) * 60, offset: offset)
  }

  static func localOffset(at seconds: time_t) -> Int32 {
    var copy = seconds
    var parts = tm()
    localtime_r(&copy, &parts)
    return Int32(parts.tm_gmtoff / 60)
  }
}
