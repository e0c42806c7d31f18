/// A calendar date without a time or a time zone, as written in a journal: `2026-11-26`.
///
/// Journal dates name days, not instants, so they never pass through `Date` and a time zone.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a day when the three numbers name a real date of the proleptic Gregorian calendar.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`; anything else, or a date that does not exist, gives nil.
  @inlinable
  public init?(iso text: some StringProtocol) {
    // A native string's bytes are read in place; stepping its UTF-8 view costs far more.
    if let day = text.utf8.withContiguousStorageIfAvailable({ Day(isoBytes: $0) }) {
      guard let day else { return nil }
      self = day
    } else {
      self.init(isoBytes: text.utf8)
    }
  }

  /// Parses exactly `YYYY-MM-DD` given as UTF-8 bytes.
  @inlinable
  public init?(isoBytes bytes: some Collection<UInt8>) {
    guard bytes.count == 10 else { return nil }
    var numbers = (0, 0, 0)
    for (offset, byte) in zip(0..<10, bytes) {
      switch offset {
      case 4, 7:
        guard byte == UInt8(ascii: "-") else { return nil }
      default:
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        let digit = Int(byte - UInt8(ascii: "0"))
        if offset < 4 {
          numbers.0 = numbers.0 * 10 + digit
        } else if offset < 7 {
          numbers.1 = numbers.1 * 10 + digit
        } else {
          numbers.2 = numbers.2 * 10 + digit
        }
      }
    }
    self.init(year: numbers.0, month: numbers.1, day: numbers.2)
  }

  /// True when the text has the shape `NNNN-NN-NN`, whether or not the date exists.
  @inlinable
  public static func looksLikeDate(_ text: some StringProtocol) -> Bool {
    let bytes = text.utf8
    guard bytes.count == 10 else { return false }
    for (index, byte) in zip(0..<10, bytes) {
      if index == 4 || index == 7 {
        if byte != UInt8(ascii: "-") { return false }
      } else if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
        return false
      }
    }
    return true
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (negative before it); the civil-from-days algorithm of H. Hinnant.
  public var ordinal: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = (month + 9) % 12
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  /// The day `ordinal` days after 1970-01-01.
  public init(ordinal: Int) {
    let z = ordinal + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

  /// The same day of the month `months` later, clamped to the month's last day (Jan 31 + 1m = Feb 28).
  public func adding(months: Int) -> Day {
    let total = year * 12 + (month - 1) + months
    let newYear = total / 12
    let newMonth = total % 12 + 1
    let newDay = min(day, Day.daysIn(month: newMonth, year: newYear))
    return Day(year: newYear, month: newMonth, day: newDay) ?? self
  }

  /// Whole days from `self` to `other`: positive when `other` is later.
  public func days(to other: Day) -> Int { other.ordinal - ordinal }

  /// `YYYY-MM`, the month this day falls in.
  public var monthKey: String {
    "\(Day.pad(year, 4))-\(Day.pad(month, 2))"
  }

  public var description: String {
    "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
