import JournalModel

/// Which values a rule's setting takes. A rule never runs with a value it does not take: it
/// keeps its default (`RuleSettings.parameter`), so a setting written wrong is one finding
/// (`RuleRegistry.validate`), not a flood of them.
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

  /// A setting's value as a message shows it.
  public static func describe(_ value: ParameterValue) -> String {
    switch value {
    case .number(let number):
      number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    case .text(let text): "`\(text)`"
    case .list(let items): items.isEmpty ? "an empty list" : "[" + items.joined(separator: ", ") + "]"
    }
  }
}
