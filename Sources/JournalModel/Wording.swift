/// Counts and days in the words people read: the one place human output gets its plurals
/// and its "today".
public enum Wording {
  /// "1 improvement", "2 improvements"; `plural` for a word that does not just take an s
  /// ("1 person", "2 people").
  public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
  }

  /// A number as people write it: `3`, not `3.0`; `2.5` as it is.
  public static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// How far `day` is from `today`: "today", "yesterday", "tomorrow", "3 days ago", "in 3 days".
  public static func relative(_ day: Day, to today: Day) -> String {
    let days = day.days(to: today)
    switch days {
    case 0: return "today"
    case 1: return "yesterday"
    case -1: return "tomorrow"
    case 2...: return count(days, "day") + " ago"
    default: return "in " + count(-days, "day")
    }
  }
}
