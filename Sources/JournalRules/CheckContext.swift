import JournalModel

/// What a cross-file rule sees: the journal, today's date and its own settings.
public struct CheckContext: Sendable {
  public let journal: Journal
  public let today: Day
  /// Every journal-relative path that exists, parsed or not.
  public let paths: Set<String>

  public init(journal: Journal, today: Day, paths: Set<String>) {
    self.journal = journal
    self.today = today
    self.paths = paths
  }

  /// A rule's parameter as `journal.yml` sets it, else its default: a value the parameter
  /// does not take is reported when the settings are read, and never used.
  public func parameter(_ name: String, of rule: RuleDescription) -> ParameterValue? {
    guard let parameter = rule.parameters.first(where: { $0.name == name }) else { return nil }
    if let value = journal.config.rules[rule.id]?.parameters[name], parameter.accepts(value) { return value }
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
