import JournalModel
import JournalRules

/// Reads `journal.yml`: the title and each rule's settings. Which rules and parameters exist
/// is for the checks to say; this only reads their shape.
enum ConfigParser {
  static let fields = FrontMatterSchema.config.map(\.name)

  static func parse(_ frontMatter: FrontMatter, file: String, diagnostics: inout [Diagnostic])
    -> JournalConfig?
  {
    var reader = FieldReader(frontMatter, file: file)
    let title = reader.text("title")
    var rules: [String: RuleSetting] = [:]
    for entry in reader.mapping("rules") {
      rules[entry.key] = setting(entry, reader: &reader)
    }
    let sections = sectionNames(reader.mapping("sections"), reader: &reader)
    let rubrics = RubricParser.rubrics(reader.mapping("rubrics"), reader: &reader)
    reader.reportUnknownKeys(known: fields, what: "journal.yml")
    diagnostics += reader.diagnostics
    return JournalConfig(title: title, rules: rules, sections: sections, rubrics: rubrics)
  }

  /// `sections:`, a mapping from a part to the headings it is also known by, each a text or a
  /// list of them. A heading that already names another part, or is given to two, is refused.
  private static func sectionNames(_ entries: [FrontMatter.Entry], reader: inout FieldReader) -> SectionNames {
    var added: [(heading: String, part: SectionPart)] = []
    var given: [String: SectionPart] = [:]
    for entry in entries {
      guard let part = SectionPart(rawValue: entry.key) else {
        let parts = SectionPart.allCases.map(\.rawValue)
        reader.report(
          UnknownFieldRule.unknownSection(entry.key, suggestion: Suggestion.hint(for: entry.key, among: parts)),
          at: entry.keyLocation)
        continue
      }
      let headings: [(String, SourceLocation)]
      switch entry.value.kind {
      case .sequence:
        headings = entry.value.items.compactMap { node in
          reader.textValue(node, field: entry.key, at: node.location).map { ($0, node.location) }
        }
      case .scalar:
        headings = Scalars.isNull(entry.value) ? [] : [(entry.value.text ?? "", entry.valueLocation)]
      default:
        reader.report(InvalidValueRule.sectionHeadingsShape(part), at: entry.valueLocation)
        continue
      }
      for (heading, location) in headings {
        let text = SectionNames.normalized(heading)
        if text.isEmpty {
          reader.report(InvalidValueRule.emptySectionHeading, at: location)
        } else if let other = SectionNames.builtInPart(of: text) ?? given[text], other != part {
          reader.report(InvalidValueRule.sectionHeadingTaken(heading, by: other, for: part), at: location)
        } else {
          given[text] = part
          added.append((text, part))
        }
      }
    }
    return SectionNames(added: added)
  }

  private static func setting(_ entry: FrontMatter.Entry, reader: inout FieldReader) -> RuleSetting {
    // `late-feedback:` with nothing after it changes nothing.
    if Scalars.isNull(entry.value) { return RuleSetting(location: entry.keyLocation) }
    // `late-feedback: off` sets only the level.
    if let text = entry.value.text {
      return RuleSetting(
        level: level(text, at: entry.valueLocation, reader: &reader), location: entry.keyLocation)
    }
    guard entry.value.kind == .mapping else {
      reader.report(InvalidValueRule.ruleSettingShape(entry.key), at: entry.valueLocation)
      return RuleSetting(location: entry.keyLocation)
    }
    var ruleLevel: RuleLevel? = nil
    var parameters: [String: ParameterValue] = [:]
    var locations: [String: SourceLocation] = [:]
    var valueLocations: [String: SourceLocation] = [:]
    for parameter in entry.value.entries {
      if parameter.key == "severity" {
        if Scalars.isNull(parameter.value) { continue }
        if let text = reader.textValue(parameter.value, field: "severity", at: parameter.valueLocation) {
          ruleLevel = level(text, at: parameter.valueLocation, reader: &reader)
        }
        continue
      }
      locations[parameter.key] = parameter.keyLocation
      valueLocations[parameter.key] = parameter.valueLocation
      switch parameter.value.kind {
      case .scalar:
        if let number = Scalars.number(parameter.value) {
          parameters[parameter.key] = .number(number)
        } else {
          parameters[parameter.key] = .text(parameter.value.text ?? "")
        }
      case .sequence:
        parameters[parameter.key] = .list(
          parameter.value.items.compactMap { reader.textValue($0, field: parameter.key, at: $0.location) })
      default:
        reader.report(InvalidValueRule.ruleParameterShape(parameter.key), at: parameter.valueLocation)
      }
    }
    return RuleSetting(
      level: ruleLevel, parameters: parameters, location: entry.keyLocation,
      parameterLocations: locations, valueLocations: valueLocations)
  }

  private static func level(_ text: String, at location: SourceLocation, reader: inout FieldReader)
    -> RuleLevel?
  {
    if let level = RuleLevel(rawValue: text) { return level }
    if let on = Scalars.yesOrNo(text) {
      reader.report(InvalidValueRule.ruleLevelYesOrNo(text, on: on), at: location)
      return nil
    }
    reader.report(
      InvalidValueRule.notARuleLevel(text, suggestion: Suggestion.hint(for: text, among: RuleLevel.allCases.map(\.rawValue))),
      at: location)
    return nil
  }
}
