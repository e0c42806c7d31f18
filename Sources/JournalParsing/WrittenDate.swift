import JournalModel
import JournalRules

/// The days a date written otherwise than `YYYY-MM-DD` can be read as: digits in another order
/// or with another separator (`24/11/2026`, `24.11.2026`, `2026/11/24`, `2026-11-5`), or a
/// month's English name (`Nov 24, 2026`, `24 November 2026`). Read on UTF-8 bytes; only real
/// calendar days are kept, so `24/11/2026` reads one way and `03/04/2026` two.
enum WrittenDate {
  /// Which part of the date was taken to come first.
  enum Order: String, Sendable {
    case year = "year first"
    case day = "day first"
    case month = "month first"
  }

  struct Reading: Equatable {
    let day: Day
    let order: Order
  }

  /// Three groups of digits with one separator (`-`, `_`, `.`, `/` or a space), the same both
  /// times, or eight digits, at the start of `bytes`: year first when it has four digits
  /// (`2026-11-5`), year last when the last group has (`5-11-2026`, day or month first), and
  /// with two-digit groups every order, in this century (`26-11-05`). Each day once, with the
  /// number of bytes the date takes; none when the start is not such a date.
  static func numeric(_ bytes: UnsafeBufferPointer<UInt8>) -> (readings: [Reading], length: Int) {
    var groups: [Int] = []
    var lengths: [Int] = []
    var separator: UInt8? = nil
    var index = 0
    while groups.count < 3 {
      let start = index
      var value = 0
      while index < bytes.count, index - start < 8, isDigit(bytes[index]) {
        value = value * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      guard index > start else { return ([], 0) }
      groups.append(value)
      lengths.append(index - start)
      if groups.count == 3 { break }
      if groups.count == 1 && lengths[0] == 8 {
        groups = [value / 10_000, value / 100 % 100, value % 100]
        lengths = [4, 2, 2]
        break
      }
      guard index < bytes.count, separators.contains(bytes[index]), separator == nil || separator == bytes[index]
      else { return ([], 0) }
      separator = bytes[index]
      index += 1
    }
    if index < bytes.count, isDigit(bytes[index]) { return ([], 0) }
    let (a, b, c) = (groups[0], groups[1], groups[2])
    let orders: [(year: Int, month: Int, day: Int, order: Order)]
    switch (lengths[0], lengths[1], lengths[2]) {
    case (4, 1...2, 1...2): orders = [(a, b, c, .year)]
    case (1...2, 1...2, 4): orders = [(c, b, a, .day), (c, a, b, .month)]
    case (2, 1...2, 1...2), (1, 1...2, 2): orders = [(2000 + a, b, c, .year), (2000 + c, b, a, .day), (2000 + c, a, b, .month)]
    default: return ([], 0)
    }
    var readings: [Reading] = []
    for order in orders {
      if let day = Day(year: order.year, month: order.month, day: order.day), !readings.contains(where: { $0.day == day }) {
        readings.append(Reading(day: day, order: order.order))
      }
    }
    return (readings, index)
  }

  /// The days all of `text` can be read as: digits as `numeric` reads them, or a month by its
  /// English name or abbreviation with a day and a four-digit year, in either order, commas
  /// and a weekday allowed (`Nov 24, 2026`, `Tuesday 24 November 2026`, `24th Nov. 2026`).
  static func readings(of text: String) -> [Reading] {
    TextBytes.withBytes(of: text) { bytes in
      let (readings, length) = numeric(bytes)
      if length > 0 { return length == bytes.count ? readings : [] }
      return named(bytes).map { [$0] } ?? []
    }
  }

  /// A date with a month's name: words of letters or digits between spaces, commas and dots.
  private static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
    guard let words = words(bytes, count: 3), let year = number(bytes, words[2], digits: 4...4),
      let (month, day) = monthAndDay(bytes, words[0], words[1])
    else { return nil }
    return Day(year: year, month: month, day: day).map { Reading(day: $0, order: .month) }
  }

  /// A month by its name and a day, in either order, without a year (`Dec 4`, `4 December`,
  /// `Friday, Dec 4th`): the month (1 to 12) and the day, when that day is in that month in
  /// some year.
  static func monthAndDay(of text: String) -> (month: Int, day: Int)? {
    TextBytes.withBytes(of: text) { bytes in
      guard let words = words(bytes, count: 2), let (month, day) = monthAndDay(bytes, words[0], words[1]),
        Day(year: 2000, month: month, day: day) != nil
      else { return nil }
      return (month, day)
    }
  }

  /// The `count` words of `bytes`, letters or digits between spaces, commas and dots, after a
  /// weekday's name when one comes first; nil when there are other bytes or other counts.
  private static func words(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>]? {
    var words: [Range<Int>] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
        index += 1
        continue
      }
      let start = index
      while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index]) { index += 1 }
      guard index > start else { return nil }
      words.append(start..<index)
    }
    if words.count == count + 1, weekdays.contains(lowercased(bytes, words[0])) { words.removeFirst() }
    return words.count == count ? words : nil
  }

  /// A month's name (or its abbreviation of three letters or more) and a day of the month, in
  /// either order: the month's number and the day.
  private static func monthAndDay(_ bytes: UnsafeBufferPointer<UInt8>, _ first: Range<Int>, _ second: Range<Int>)
    -> (month: Int, day: Int)?
  {
    let day: Int
    let monthName: String
    if let number = dayOfMonth(bytes, first) {
      (day, monthName) = (number, lowercased(bytes, second))
    } else if let number = dayOfMonth(bytes, second) {
      (day, monthName) = (number, lowercased(bytes, first))
    } else {
      return nil
    }
    guard let month = months.firstIndex(where: { $0 == monthName || ($0.hasPrefix(monthName) && monthName.utf8.count >= 3) })
    else { return nil }
    return (month + 1, day)
  }

  /// The day `month` and `day` name nearest to `near`: in its year, the year before or the
  /// year after.
  static func nearest(month: Int, day: Int, to near: Day) -> Day? {
    [near.year, near.year - 1, near.year + 1].compactMap { Day(year: $0, month: month, day: day) }
      .min { abs(near.days(to: $0)) < abs(near.days(to: $1)) }
  }

  /// `24`, or `24th`, `1st`, `2nd`, `3rd`.
  private static func dayOfMonth(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int? {
    var digits = word
    if word.count > 2, !isDigit(bytes[word.upperBound - 1]) {
      let suffix = lowercased(bytes, (word.upperBound - 2)..<word.upperBound)
      guard ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
      digits = word.lowerBound..<(word.upperBound - 2)
    }
    return number(bytes, digits, digits: 1...2)
  }

  private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, digits: ClosedRange<Int>) -> Int? {
    guard digits.contains(word.count), word.allSatisfy({ isDigit(bytes[$0]) }) else { return nil }
    return word.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
  }

  private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> String {
    String(decoding: word.map { bytes[$0] | (isLetter(bytes[$0]) ? 0x20 : 0) }, as: UTF8.self)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

  private static let separators: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), 0x20]
  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]
  private static let weekdays: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  ]

  /// Why `YYYY-MM-DD` digits name no day: "November has 30 days", "there is no month 13".
  static func whyNotADay(year: Int, month: Int, day: Int) -> String {
    if year == 0 { return "years start at 0001" }
    if !(1...12).contains(month) { return "there is no month \(month): months run from 01 to 12" }
    if day == 0 { return "days of the month start at 01" }
    let name = months[month - 1].prefix(1).uppercased() + months[month - 1].dropFirst()
    if month == 2 {
      let days = Day.daysIn(month: 2, year: year)
      return "February \(year) has \(days) days" + (days == 28 ? ": \(year) is not a leap year" : "")
    }
    return "\(name) has \(Day.daysIn(month: month, year: year)) days"
  }

  /// The reason `text`, shaped `NNNN-NN-NN`, is not a real day.
  static func whyNotADay(_ text: String) -> String {
    let digits = Array(text.utf8).map { Int($0) - 0x30 }
    func value(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digits[$1] } }
    return whyNotADay(year: value(0..<4), month: value(5..<7), day: value(8..<10))
  }

  /// The day a date with a time after it names (`2026-11-20T10:00`, `2026-11-20 10:00`).
  static func dayBeforeTime(_ text: String) -> Day? {
    let bytes = text.utf8
    guard bytes.count > 11, let day = Day(isoBytes: bytes.prefix(10)) else { return nil }
    let next = bytes[bytes.index(bytes.startIndex, offsetBy: 10)]
    let after = bytes[bytes.index(bytes.startIndex, offsetBy: 11)]
    guard next == UInt8(ascii: "T") || next == UInt8(ascii: "t") || next == 0x20, isDigit(after) else { return nil }
    return day
  }
}

extension WrittenDate {
  /// The finding for `text`, a date field's value that is not `YYYY-MM-DD` (`found` as
  /// messages show it): digits that name no day, with why; a date with a time; a date written
  /// otherwise, with the day or days it can be read as; or no date at all.
  ///
  /// A month and a day without a year (`Dec 4`) are given the year of `file`'s name, when it
  /// is a session's with a date: the day nearest that date.
  static func problem(field: String, text: String, found: String, file: String? = nil) -> RuleMessage {
    if Day.looksLikeDate(text) {
      return InvalidValueRule.notARealDate(field: field, text: text, reason: whyNotADay(text))
    }
    if let day = dayBeforeTime(text) {
      return InvalidValueRule.dateWithTime(field: field, found: found, day: "\(day)")
    }
    let readings = readings(of: text)
    if readings.isEmpty, let (month, day) = monthAndDay(of: text) {
      if let file, case .session(_, let fileDate?) = JournalPath.classify(file),
        let meant = nearest(month: month, day: day, to: fileDate)
      {
        return InvalidValueRule.dateWithoutYear(field: field, found: found, day: "\(meant)")
      }
      let monthDay = (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
      return InvalidValueRule.dateWithoutYear(field: field, found: found, monthDay: monthDay)
    }
    guard !readings.isEmpty else { return InvalidValueRule.notADate(field: field, found: found) }
    return InvalidValueRule.notADate(
      field: field, found: found, readings: readings.map { (day: "\($0.day)", order: $0.order.rawValue) })
  }
}
