/// A length of time written as `45m`, `1h30m` or `2h`: a session's duration.
public struct SessionLength: Sendable, Hashable, CustomStringConvertible {
  public let minutes: Int

  public init(minutes: Int) { self.minutes = minutes }

  /// Parses `1h`, `45m`, `1h30m`; hours and minutes are whole numbers, at least one is present.
  public init?(_ text: String) {
    var hours: Int?
    var minutes: Int?
    var digits: Int? = nil
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let value = (digits ?? 0).multipliedReportingOverflow(by: 10)
        guard !value.overflow else { return nil }
        digits = value.partialValue + Int(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "h") where hours == nil && minutes == nil && digits != nil:
        hours = digits
        digits = nil
      case UInt8(ascii: "m") where minutes == nil && digits != nil:
        minutes = digits
        digits = nil
      default:
        return nil
      }
    }
    guard digits == nil, hours != nil || minutes != nil else { return nil }
    let hourMinutes = (hours ?? 0).multipliedReportingOverflow(by: 60)
    guard !hourMinutes.overflow else { return nil }
    let total = hourMinutes.partialValue.addingReportingOverflow(minutes ?? 0)
    guard !total.overflow, total.partialValue > 0, total.partialValue <= 24 * 60 else { return nil }
    self.minutes = total.partialValue
  }

  public var description: String {
    switch (minutes / 60, minutes % 60) {
    case (0, let m): "\(m)m"
    case (let h, 0): "\(h)h"
    case (let h, let m): "\(h)h\(m)m"
    }
  }
}

/// How often a person expects to meet: `1w`, `2w`, `10d`, `1m`.
public struct Cadence: Sendable, Hashable, CustomStringConvertible {
  public enum Unit: Character, Sendable {
    case day = "d"
    case week = "w"
    case month = "m"
  }

  public let count: Int
  public let unit: Unit

  public init?(_ text: String) {
    let bytes = text.utf8
    guard let last = bytes.last, let unit = Unit(rawValue: Character(Unicode.Scalar(last))), bytes.count > 1
    else { return nil }
    var count = 0
    for byte in bytes.dropLast() {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count <= 366 else { return nil }
      count = count * 10 + Int(byte - UInt8(ascii: "0"))
    }
    guard (1...366).contains(count) else { return nil }
    self.count = count
    self.unit = unit
  }

  /// The day a check-in is next due, one cadence after `day`.
  public func next(after day: Day) -> Day {
    switch unit {
    case .day: day.adding(days: count)
    case .week: day.adding(days: 7 * count)
    case .month: day.adding(months: count)
    }
  }

  public var description: String { "\(count)\(unit.rawValue)" }
}
