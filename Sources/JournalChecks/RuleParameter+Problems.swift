import JournalModel
import JournalParsing
import JournalRules

extension RuleParameter {
  /// What is wrong with `value` for this setting of `rule`, or nil when the rule takes it.
  func problem(with value: ParameterValue, rule: String) -> RuleMessage? {
    guard !accepts(value) else { return nil }
    let fallback = Self.describe(defaultValue)
    switch (defaultValue, value) {
    case (.number, .text(let text)) where Scalars.number(text) != nil:
      return InvalidValueRule.settingQuotedNumber(name, of: rule, text: text, default: fallback)
    case (.number, .text(let text)):
      return InvalidValueRule.settingTextNotANumber(
        name, of: rule, text: text, largest: Self.largestNumber, default: fallback)
    case (.number, .list(let items)):
      let example = items.count == 1 && Scalars.number(items[0]) != nil ? items[0] : fallback
      return InvalidValueRule.settingListNotANumber(name, of: rule, example: example, default: fallback)
    case (.number, .number):
      return InvalidValueRule.settingOutOfRange(
        name, of: rule, found: Self.describe(value), largest: Self.largestNumber, default: fallback)
    default:
      return InvalidValueRule.settingNotAList(name, of: rule, found: Self.describe(value), default: fallback)
    }
  }
}
