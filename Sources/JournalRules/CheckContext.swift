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

  /// A rule's parameter as `journal.yml` sets it, else its default.
  public func parameter(_ name: String, of rule: RuleDescription) -> ParameterValue? {
    if let value = journal.config.rules[rule.id]?.parameters[name] { return value }
    return rule.parameters.first { $0.name == name }?.defaultValue
  }

  public func number(_ name: String, of rule: RuleDescription) -> Double {
    if case .number(let value) = parameter(name, of: rule) { return value }
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
