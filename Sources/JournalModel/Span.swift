/// A length of time written as `45m`, `1h30m` or `2h`: a session's duration.
public struct SessionLength: Sendable, Hashable, CustomStringConvertible {
  public let minutes: Int

  public init(minutes: Int) { self.minutes = minutes }

  /// Parses `1h`, `45m`, `1h30m`; hours and minutes are whole numbers, at least one is present.
  public init?(_ text: String) {
    var hours: Int?
    var minutes: Int?
    var digits = ""
    for character in text {
      if let _ = character.wholeNumberValue, character.isASCII {
        digits.append(character)
      } else if character == "h", hours == nil, minutes == nil, let value = Int(digits) {
        hours = value
        digits = ""
      } else if character == "m", minutes == nil, let value = Int(digits) {
        minutes = value
        digits = ""
      } else {
        return nil
      }
    }
    guard digits.isEmpty, hours != nil || minutes != nil else { return nil }
    let total = (hours ?? 0) * 60 + (minutes ?? 0)
    guard total > 0, total <= 24 * 60 else { return nil }
    self.minutes = total
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
    guard let last = text.last, let unit = Unit(rawValue: last) else { return nil }
    let digits = text.dropLast()
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let count = Int(digits), (1...366).contains(count)
    else { return nil }
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
