import JournalModel
import JournalParsing

/// Which values a rule's setting takes, and what is said of one it does not. A rule never runs
/// with a value it does not take: it keeps its default (`CheckContext.parameter`), so a
/// setting written wrong is one finding, not a flood of them.
extension RuleParameter {
  /// The largest number a setting takes: days and word counts, far past any sensible value,
  /// and small enough for any date arithmetic.
  public static let largestNumber = 100_000

  /// Whether a rule can run with `value` for this setting.
  public func accepts(_ value: ParameterValue) -> Bool {
    switch (defaultValue, value) {
    case (.number, .number(let number)):
      number >= 0 && number <= Double(Self.largestNumber) && number == number.rounded()
    case (.list, .list), (.list, .text), (.text, .text): true
    default: false
    }
  }

  /// What is wrong with `value` for this setting of `rule`, or nil when it takes it.
  func problem(with value: ParameterValue, rule: String) -> (message: String, hint: String)? {
    guard !accepts(value) else { return nil }
    let subject = "`\(name)` of rule `\(rule)`"
    let fallback = "until then the rule uses its default, \(Self.describe(defaultValue))"
    switch (defaultValue, value) {
    case (.number, .text(let text)):
      if Scalars.number(text) != nil {
        return (
          "\(subject) is the text `\"\(text)\"`, not a number",
          "write `\(name): \(text)`, without quotes; \(fallback)"
        )
      }
      return (
        "\(subject) is the text `\(text)`, not a number",
        "write a whole number from 0 to \(Self.largestNumber), as in `\(name): \(Self.describe(defaultValue))`; \(fallback)"
      )
    case (.number, .list(let items)):
      let example = items.count == 1 && Scalars.number(items[0]) != nil ? items[0] : Self.describe(defaultValue)
      return ("\(subject) is a list, not a number", "write one number, as in `\(name): \(example)`; \(fallback)")
    case (.number, .number(let number)):
      return (
        "\(subject) must be a whole number from 0 to \(Self.largestNumber), found \(Self.describe(.number(number)))",
        fallback
      )
    default:
      return (
        "\(subject) must be a list of text, found \(Self.describe(value))",
        "write a list, as in `\(name): [first, second]`; \(fallback)"
      )
    }
  }

  /// A setting's value as a message shows it.
  static func describe(_ value: ParameterValue) -> String {
    switch value {
    case .number(let number):
      number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    case .text(let text): "`\(text)`"
    case .list(let items): items.isEmpty ? "an empty list" : "[" + items.joined(separator: ", ") + "]"
    }
  }
}
