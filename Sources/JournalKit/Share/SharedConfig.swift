import JournalChecks
import JournalModel
import JournalRules

/// The `journal.yml` of a shared history, written by journal itself so that it holds the rule
/// settings and the section headings the journal adds, and nothing else, always in the same
/// bytes for the same settings. The headings go with the notes so that the person's own
/// `journal check`, the page journal writes for them and the check of what they send back
/// read a body as the journal does.
enum SharedConfig {
  static func text(_ config: JournalConfig) -> String {
    var lines = ["# One person's notes, shared from a mentor's journal with `journal share`."]
    var rules: [String] = []
    for (id, setting) in config.rules.sorted(by: { $0.key < $1.key }) {
      guard let rule = RuleRegistry.rule(id) else { continue }
      let known = Set(rule.description.parameters.map(\.name))
      let parameters = setting.parameters.filter { known.contains($0.key) }.sorted { $0.key < $1.key }
      if parameters.isEmpty {
        if let level = setting.level { rules.append("  \(id): \(level.rawValue)") }
        continue
      }
      rules.append("  \(id):")
      if let level = setting.level { rules.append("    severity: \(level.rawValue)") }
      for (name, value) in parameters { rules.append("    \(name): \(yaml(value))") }
    }
    if !rules.isEmpty { lines += ["rules:"] + rules }
    let added = config.sections.names.filter(\.isConfigured)
    let sections = SectionPart.allCases.compactMap { part -> String? in
      let headings = added.filter { $0.part == part }.map { JSONText.string($0.text) }
      return headings.isEmpty ? nil : "  \(part.rawValue): [" + headings.joined(separator: ", ") + "]"
    }
    if !sections.isEmpty { lines += ["sections:"] + sections }
    return lines.joined(separator: "\n") + "\n"
  }

  /// JSON's number and string forms, which YAML reads the same way.
  private static func yaml(_ value: ParameterValue) -> String {
    switch value {
    case .number(let number): JSONText.number(number)
    case .text(let text): JSONText.string(text)
    case .list(let items): "[" + items.map(JSONText.string).joined(separator: ", ") + "]"
    }
  }
}
