import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `GIT_AUTHOR_DATE` and `GIT_COMMITTER_DATE` read as git reads them: a port of git's
/// `parse_date_basic` (`date.c`), which takes git's own `@<seconds> <zone>`, RFC 2822, ISO
/// 8601 and many looser orders of day, month, year, time, zone names and am/pm, guesses what
/// each number is as git guesses it, and refuses what git refuses (a date without a full day
/// and time, years outside 1970–2099, git's relative forms such as `yesterday`). A date
/// without a zone is local time. Numbers are read with the C library's `strtol` and friends,
/// as git reads them.
enum GitDate {
  struct Value: Equatable {
    /// Seconds since 1970-01-01 UTC, and minutes east of UTC.
    let time: Int64
    let offset: Int32
  }

  enum Outcome: Equatable {
    case date(Value)
    /// git refuses it: "invalid date format".
    case invalid
    /// git takes it but writes a time that does not fit its own signed timestamps (before
    /// 1970 once the zone is applied, or past 2^63 seconds), which its `fsck` then rejects
    /// (`badDateOverflow`).
    case outOfRange
  }

  static func now() -> Value {
    let seconds = time(nil)
    return Value(time: Int64(seconds), offset: localOffset(at: seconds))
  }

  static func parse(_ text: String) -> Outcome {
    var parser = Parser(text)
    guard let (timestamp, offset) = parser.parse() else { return .invalid }
    guard timestamp <= UInt64(Int64.max) else { return .outOfRange }
    return .date(Value(time: Int64(timestamp), offset: Int32(truncatingIfNeeded: offset)))
  }

  /// The local zone's offset from UTC at `seconds`, in minutes.
  static func localOffset(at seconds: time_t) -> Int32 {
    var copy = seconds
    var parts = tm()
    localtime_r(&copy, &parts)
    return Int32(parts.tm_gmtoff / 60)
  }
}

/// `parse_date_basic`, kept close to git's C, over the date's bytes with a NUL at the end.
private struct Parser {
  /// `struct tm`'s fields as git fills them; -1 is "not seen".
  struct Fields {
    var year = -1, month = -1, day = -1, hour = -1, minute = -1, second = -1
    var weekday = 0
  }

  let s: [CChar]
  var fields = Fields()
  /// Minutes east of UTC; -1 until a zone is seen (git's own sentinel, so `-0001` is lost
  /// as in git).
  var offset = -1
  var tmGMT = false

  init(_ text: String) { s = Array(text.utf8CString) }

  private func byte(_ index: Int) -> UInt8 { UInt8(bitPattern: s[index]) }
  private func isDigit(_ index: Int) -> Bool { (0x30...0x39).contains(byte(index)) }
  private func isAlpha(_ index: Int) -> Bool {
    (0x41...0x5A).contains(byte(index)) || (0x61...0x7A).contains(byte(index))
  }

  /// The C library's `strtol`, `strtoul` or `strtoumax` at `index`: the value and the index
  /// where it stopped.
  private func long(at index: Int) -> (Int, Int) {
    s.withUnsafeBufferPointer { buffer in
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtol(buffer.baseAddress! + index, &end, 10)
      return (value, end.map { $0 - UnsafeMutablePointer(mutating: buffer.baseAddress!) } ?? index)
    }
  }

  private func unsignedLong(at index: Int) -> (UInt, Int) {
    s.withUnsafeBufferPointer { buffer in
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtoul(buffer.baseAddress! + index, &end, 10)
      return (value, end.map { $0 - UnsafeMutablePointer(mutating: buffer.baseAddress!) } ?? index)
    }
  }

  /// git's `parse_timestamp`: `strtoumax`.
  private func timestamp(at index: Int) -> (UInt64, Int) {
    s.withUnsafeBufferPointer { buffer in
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtoumax(buffer.baseAddress! + index, &end, 10)
      return (UInt64(value), end.map { $0 - UnsafeMutablePointer(mutating: buffer.baseAddress!) } ?? index)
    }
  }

  /// The seconds (as git's unsigned `timestamp_t`) and the offset in minutes, or nil.
  mutating func parse() -> (UInt64, Int)? {
    if byte(0) == UInt8(ascii: "@"), let header = objectHeaderDate(1) { return header }
    var index = 0
    while true {
      let c = byte(index)
      // Stop at the end, or at a newline.
      if c == 0 || c == UInt8(ascii: "\n") { break }
      var match = 0
      if isAlpha(index) {
        match = matchAlpha(index)
      } else if isDigit(index) {
        match = matchDigit(index)
      } else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && isDigit(index + 1) {
        match = matchZone(index)
      }
      index += match == 0 ? 1 : match
    }
    let time = tmToTime(fields)
    if time == -1 { return nil }
    var stamp = UInt64(bitPattern: Int64(time))
    if offset == -1 {
      var parts = tm()
      parts.tm_year = Int32(truncatingIfNeeded: fields.year)
      parts.tm_mon = Int32(truncatingIfNeeded: fields.month)
      parts.tm_mday = Int32(truncatingIfNeeded: fields.day)
      parts.tm_hour = Int32(truncatingIfNeeded: fields.hour)
      parts.tm_min = Int32(truncatingIfNeeded: fields.minute)
      parts.tm_sec = Int32(truncatingIfNeeded: fields.second)
      parts.tm_wday = Int32(truncatingIfNeeded: fields.weekday)
      parts.tm_isdst = -1
      let local = Int(mktime(&parts))
      offset = time > local ? (time - local) / 60 : -((local - time) / 60)
    }
    if !tmGMT { stamp = stamp &- UInt64(bitPattern: Int64(offset * 60)) }
    return (stamp, offset)
  }

  /// `@<seconds> <+|-><hhmm>`, and nothing after but a newline.
  private func objectHeaderDate(_ start: Int) -> (UInt64, Int)? {
    guard isDigit(start) else { return nil }
    let (stamp, end) = timestamp(at: start)
    guard byte(end) == UInt8(ascii: " "), stamp != UInt64.max,
      byte(end + 1) == UInt8(ascii: "+") || byte(end + 1) == UInt8(ascii: "-")
    else { return nil }
    let zoneStart = end + 2
    let (zone, zoneEnd) = long(at: zoneStart)
    guard byte(zoneEnd) == 0 || byte(zoneEnd) == UInt8(ascii: "\n"), zoneEnd == zoneStart + 4 else { return nil }
    var minutes = (zone / 100) * 60 + zone % 100
    if byte(zoneStart - 1) == UInt8(ascii: "-") { minutes = -minutes }
    return (stamp, minutes)
  }

  // MARK: Words

  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  ]
  static let weekdays = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"]
  /// git's table of zone names, with its own idea of summer time (one hour added).
  static let zones: [(name: String, hours: Int, summer: Int)] = [
    ("IDLW", -12, 0), ("NT", -11, 0), ("CAT", -10, 0), ("HST", -10, 0), ("HDT", -10, 1), ("YST", -9, 0),
    ("YDT", -9, 1), ("PST", -8, 0), ("PDT", -8, 1), ("MST", -7, 0), ("MDT", -7, 1), ("CST", -6, 0), ("CDT", -6, 1),
    ("EST", -5, 0), ("EDT", -5, 1), ("AST", -3, 0), ("ADT", -3, 1), ("WAT", -1, 0), ("GMT", 0, 0), ("UTC", 0, 0),
    ("Z", 0, 0), ("WET", 0, 0), ("BST", 0, 1), ("CET", 1, 0), ("MET", 1, 0), ("MEWT", 1, 0), ("MEST", 1, 1),
    ("CEST", 1, 1), ("MESZ", 1, 1), ("FWT", 1, 0), ("FST", 1, 1), ("EET", 2, 0), ("EEST", 2, 1), ("WAST", 7, 0),
    ("WADT", 7, 1), ("CCT", 8, 0), ("JST", 9, 0), ("EAST", 10, 0), ("EADT", 10, 1), ("GST", 10, 0), ("NZT", 12, 0),
    ("NZST", 12, 0), ("NZDT", 12, 1), ("IDLE", 12, 0),
  ]

  /// git's `match_string`: how many bytes at `index` spell the start of `word`, any case,
  /// up to the first byte that is neither equal nor alphanumeric; 0 on a mismatch.
  private func matchString(_ index: Int, _ word: String) -> Int {
    let word = Array(word.utf8) + [0]
    var count = 0
    while byte(index + count) != 0 {
      let d = byte(index + count)
      let w = word[min(count, word.count - 1)]
      if d == w || Self.upper(d) == Self.upper(w) {
        count += 1
        continue
      }
      let alphanumeric = (0x30...0x39).contains(d) || (0x41...0x5A).contains(d) || (0x61...0x7A).contains(d)
      if !alphanumeric { break }
      return 0
    }
    return count
  }

  private static func upper(_ byte: UInt8) -> UInt8 { (0x61...0x7A).contains(byte) ? byte - 0x20 : byte }

  /// A month, a weekday, a zone name, or am/pm; anything else is skipped as a word.
  private mutating func matchAlpha(_ index: Int) -> Int {
    for (number, name) in Self.months.enumerated() {
      let match = matchString(index, name)
      if match >= 3 {
        fields.month = number
        return match
      }
    }
    for (number, name) in Self.weekdays.enumerated() {
      let match = matchString(index, name)
      if match >= 3 {
        fields.weekday = number
        return match
      }
    }
    for zone in Self.zones {
      let match = matchString(index, zone.name)
      if match >= 3 || match == zone.name.utf8.count {
        // The name's offset only when nothing better is known.
        if offset == -1 { offset = 60 * (zone.hours + zone.summer) }
        return match
      }
    }
    if matchString(index, "PM") == 2 {
      fields.hour = (fields.hour % 12) + 12
      return 2
    }
    if matchString(index, "AM") == 2 {
      fields.hour = (fields.hour % 12) + 0
      return 2
    }
    var count = 1
    while isAlpha(index + count) { count += 1 }
    return count
  }

  // MARK: Numbers

  /// Seconds since 1970, a date, a time, a year, a zone or a day, as git guesses.
  private mutating func matchDigit(_ index: Int) -> Int {
    let (number, end) = timestamp(at: index)
    // Seconds since 1970 have nine digits or more (eight could be YYYYMMDD).
    if number >= 100_000_000 && noDate, let parts = Self.gmtime(number) {
      fields = parts
      tmGMT = true
      return end - index
    }
    let separator = byte(end)
    if separator == UInt8(ascii: ":") || separator == UInt8(ascii: ".") || separator == UInt8(ascii: "/")
      || separator == UInt8(ascii: "-"), isDigit(end + 1)
    {
      let match = matchMultiNumber(number, separator, index, end)
      if match != 0 { return match }
    }
    var digits = 1
    while isDigit(index + digits) { digits += 1 }
    // Eight digits: YYYYMMDD; six: HHMMSS (ISO 8601's compact forms).
    if digits == 8 || digits == 6 {
      let (first, second, third) = (Int(number / 10000), Int((number % 10000) / 100), Int(number % 100))
      var stop = end
      if digits == 8 {
        _ = setDate(first, second, third, now: nil)
      } else if setTime(first, second, third), byte(end) == UInt8(ascii: "."), isDigit(end + 1) {
        stop = unsignedLong(at: end + 1).1
      }
      return stop - index
    }
    // A four-digit year, or a zone.
    if digits == 4 {
      if number <= 1400 && offset == -1 {
        offset = Int(number / 100) * 60 + Int(number % 100)
      } else if number > 1900 && number < 2100 {
        fields.year = Int(number) - 1900
      }
      return digits
    }
    if digits > 2 { return digits }
    // A day of the month first, then a two-digit year, then a month.
    if number > 0 && number < 32 && fields.day < 0 {
      fields.day = Int(number)
      return digits
    }
    if digits == 2 && fields.year < 0 {
      if number < 10 && fields.day >= 0 {
        fields.year = Int(number) + 100
        return digits
      }
      if number >= 70 {
        fields.year = Int(number)
        return digits
      }
    }
    if number > 0 && number < 13 && fields.month < 0 { fields.month = Int(number) - 1 }
    return digits
  }

  /// `num[-./:]num[same]num`: a time or a date, in git's order of guesses.
  private mutating func matchMultiNumber(_ first: UInt64, _ separator: UInt8, _ index: Int, _ firstEnd: Int) -> Int {
    var (second, end) = long(at: firstEnd + 1)
    var third = -1
    if byte(end) == separator && isDigit(end + 1) { (third, end) = long(at: end + 1) }
    let num = Int(truncatingIfNeeded: first)
    switch separator {
    case UInt8(ascii: ":"):
      if third < 0 { third = 0 }
      guard setTime(num, second, third) else { return 0 }
      // A fraction of a second after a known date.
      if byte(end) == UInt8(ascii: "."), isDigit(end + 1), fields.year != -1, fields.month != -1, fields.day != -1 {
        end = long(at: end + 1).1
      }
    default:
      let now = time(nil)
      var nowParts = tm()
      var copy = now
      let refuseFuture = gmtime_r(&copy, &nowParts) != nil ? Fields(nowParts) : nil
      if num > 70 {
        if setDate(num, second, third, now: nil, at: now) == 0 { break }  // yyyy-mm-dd
        if setDate(num, third, second, now: nil, at: now) == 0 { break }  // yyyy-dd-mm
      }
      // mm/dd/yy first, unless the separator is '.' (dd.mm.yy in Europe).
      if separator != UInt8(ascii: "."), setDate(third, num, second, now: refuseFuture, at: now) == 0 { break }
      if setDate(third, second, num, now: refuseFuture, at: now) == 0 { break }
      if separator == UInt8(ascii: "."), setDate(third, num, second, now: refuseFuture, at: now) == 0 { break }
      return 0
    }
    return end - index
  }

  /// git's `set_date`: 0 when taken, -1 when not (1 for a date without a year and no `now`).
  /// Without `now` it writes into the date directly, even before it refuses a year, as git's
  /// does; with `now` (the current UTC date), a year left out is this year's, and a date more
  /// than ten days ahead is refused.
  @discardableResult
  private mutating func setDate(_ year: Int, _ month: Int, _ day: Int, now: Fields?, at nowTime: time_t = time(nil)) -> Int {
    // C's `int` parameters.
    let (year, month, day) = (Int(Int32(truncatingIfNeeded: year)), Int(Int32(truncatingIfNeeded: month)), Int(Int32(truncatingIfNeeded: day)))
    guard month > 0 && month < 13 && day > 0 && day < 32 else { return -1 }
    var date = fields
    date.month = month - 1
    date.day = day
    if now == nil {
      fields.month = date.month
      fields.day = date.day
    }
    if year == -1 {
      guard let now else { return 1 }
      date.year = now.year
    } else if year >= 1970 && year < 2100 {
      date.year = year - 1900
    } else if year > 70 && year < 100 {
      date.year = year
    } else if year < 38 {
      date.year = year + 100
    } else {
      return -1
    }
    guard now != nil else {
      fields.year = date.year
      return 0
    }
    // A commit or author time more than ten days ahead makes no sense.
    let specified = tmToTime(date)
    if specified != -1 && Int(nowTime) + 10 * 24 * 3600 < specified { return -1 }
    fields.month = date.month
    fields.day = date.day
    if year != -1 { fields.year = date.year }
    return 0
  }

  /// git's `set_time`, which takes a 61st second for leap seconds.
  private mutating func setTime(_ hour: Int, _ minute: Int, _ second: Int) -> Bool {
    guard 0 <= hour && hour <= 24 && 0 <= minute && minute < 60 && 0 <= second && second <= 60 else { return false }
    fields.hour = hour
    fields.minute = minute
    fields.second = second
    return true
  }

  /// `+hhmm`, `+hh:mm` or `+hh`; anything else is skipped.
  private mutating func matchZone(_ index: Int) -> Int {
    // C's `int`s.
    var (value, end) = unsignedLong(at: index + 1)
    var hour = Int(Int32(truncatingIfNeeded: value))
    let digits = end - (index + 1)
    var minute = 0
    if digits == 4 {
      minute = hour % 100
      hour /= 100
    } else if digits != 2 {
      minute = 99
    } else if byte(end) == UInt8(ascii: ":") {
      (value, end) = unsignedLong(at: end + 1)
      minute = Int(Int32(truncatingIfNeeded: value))
      if end - (index + 1) != 5 { minute = 99 }
    }
    if minute < 60 && hour < 24 {
      offset = hour * 60 + minute
      if byte(index) == UInt8(ascii: "-") { offset = -offset }
    }
    return end - index
  }

  /// Nothing of the date or time seen yet.
  private var noDate: Bool { (fields.year & fields.month & fields.day & fields.hour & fields.minute & fields.second) < 0 }

  private static func gmtime(_ seconds: UInt64) -> Fields? {
    var time = time_t(truncatingIfNeeded: seconds)
    var parts = tm()
    guard gmtime_r(&time, &parts) != nil else { return nil }
    return Fields(parts)
  }

  /// git's `tm_to_time_t`: 1970 to 2099 only, without the C library's normalising.
  private func tmToTime(_ tm: Fields) -> Int {
    let days = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    let year = fields.year - 70
    var day = fields.day
    guard year >= 0 && year <= 129, fields.month >= 0 && fields.month <= 11 else { return -1 }
    if fields.month < 2 || (year + 2) % 4 != 0 { day -= 1 }
    guard fields.hour >= 0 && fields.minute >= 0 && fields.second >= 0 else { return -1 }
    return (year * 365 + (year + 1) / 4 + days[fields.month] + day) * 86400 + fields.hour * 3600 + fields.minute * 60 + fields.second
  }
}

extension Parser.Fields {
  init(_ parts: tm) {
    self.init(
      year: Int(parts.tm_year), month: Int(parts.tm_mon), day: Int(parts.tm_mday), hour: Int(parts.tm_hour),
      minute: Int(parts.tm_min), second: Int(parts.tm_sec), weekday: Int(parts.tm_wday))
  }
}
