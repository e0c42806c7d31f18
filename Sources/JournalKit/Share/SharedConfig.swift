import JournalChecks
import JournalModel
import JournalRules

/// The `journal.yml` of a shared history, written by journal itself so that it holds the rule
/// settings, the section headings the journal adds and the rubrics the shared notes name, and
/// nothing else, always in the same bytes for the same settings. The headings go with the
/// notes so that the person's own `journal check`, the page journal writes for them and the
/// check of what they send back read a body as the journal does; the rubrics, so that those
/// checks read a scorecard's ratings against the rubric it was given on.
///
/// Only the rubrics `named` go: the journal's other scorecards are other interviews' (a role
/// not yet announced, what the team looks for in someone else), none of this person's.
enum SharedConfig {
  static func text(_ config: JournalConfig, rubrics named: Set<String> = []) -> String {
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
    let rubrics = config.rubrics.filter { named.contains($0.name) }.sorted { $0.name < $1.name }
    if !rubrics.isEmpty { lines += ["rubrics:"] + rubrics.flatMap(self.rubric) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A rubric as `journal.yml` defines one: every value in JSON's string form, which YAML reads
  /// the same way (a plain `null` would read as nothing); the keys, a rubric's name (lowercase
  /// letters, digits and `-`) and the scale's whole numbers, plain, since journal reads keys as
  /// written. The categories keep their order, the scale goes lowest first.
  private static func rubric(_ rubric: Rubric) -> [String] {
    var lines = ["  \(rubric.name):"]
    if let title = rubric.title { lines.append("    title: \(JSONText.string(title))") }
    lines.append("    scale:")
    lines += rubric.scale.map { "      \($0.value): \(JSONText.string($0.label))" }
    lines.append("    categories:")
    for category in rubric.categories {
      lines.append("      - id: \(JSONText.string(category.id))")
      lines.append("        title: \(JSONText.string(category.title))")
      if let good = category.good { lines.append("        good: \(JSONText.string(good))") }
    }
    return lines
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
