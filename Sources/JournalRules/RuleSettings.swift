import JournalModel

/// What every rule may read whatever its scope: today's date and the journal's settings
/// (`journal.yml`), its own among them. It holds no note.
public struct RuleSettings: Sendable {
  public let config: JournalConfig
  public let today: Day

  public init(config: JournalConfig, today: Day) {
    self.config = config
    self.today = today
  }

  /// A rule's parameter as `journal.yml` sets it, else its default: a value the parameter
  /// does not take is reported when the settings are read, and never used.
  public func parameter(_ name: String, of rule: RuleDescription) -> ParameterValue? {
    guard let parameter = rule.parameters.first(where: { $0.name == name }) else { return nil }
    if let value = config.rules[rule.id]?.parameters[name], parameter.accepts(value) { return value }
    return parameter.defaultValue
  }

  /// A whole-number parameter, from 0 to `RuleParameter.largestNumber`.
  public func number(_ name: String, of rule: RuleDescription) -> Int {
    if case .number(let value) = parameter(name, of: rule) { return Int(value) }
    return 0
  }

  public func list(_ name: String, of rule: RuleDescription) -> [String] {
    switch parameter(name, of: rule) {
    case .list(let items): items
    case .text(let item): [item]
    default: []
    }
  }
}
