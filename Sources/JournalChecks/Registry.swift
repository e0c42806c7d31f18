import JournalModel
import JournalParsing

/// Every rule, in the order `journal rules` lists them: the parser's errors, the journal's
/// errors, then the warnings drawn from the practice of feedback.
public let allRules: [any Rule] = [
  FrontMatterRule(),
  YAMLSyntaxRule(),
  MissingFieldRule(),
  InvalidValueRule(),
  FileNameRule(),
  MissingProfileRule(),
  BrokenLinkRule(),
  DuplicateIDRule(),
  ActionSyntaxRule(),
  EncodingRule(),
  MarkdownLimitsRule(),
  UnknownFieldRule(),
  UnknownSectionRule(),
  UnreadTextRule(),
  UnbalancedFeedbackRule(),
  NoActionRule(),
  VagueFeedbackRule(),
  LateFeedbackRule(),
  OverdueActionRule(),
  MissedFollowUpRule(),
  OverdueCheckInRule(),
  RetentionRule(),
  MissingRetentionRule(),
]

public enum RuleRegistry {
  public static func rule(_ id: String) -> (any Rule)? { allRules.first { $0.id == id } }

  public static var ids: [String] { allRules.map(\.id) }

  /// Runs every cross-file rule over a parsed journal, the rules side by side on every core,
  /// or one after another when the caller already keeps the cores busy.
  public static func check(_ context: CheckContext, concurrently: Bool = true) -> [Diagnostic] {
    concurrently ? allRules.concurrentFlatMap { $0.check(context) } : allRules.flatMap { $0.check(context) }
  }

  /// Gives each finding the severity `journal.yml` asks for, dropping those of rules set `off`.
  public static func applySettings(_ diagnostics: [Diagnostic], config: JournalConfig) -> [Diagnostic] {
    diagnostics.compactMap { diagnostic in
      switch config.rules[diagnostic.rule]?.level {
      case .off?: nil
      case .error?: diagnostic.with(severity: .error)
      case .warning?: diagnostic.with(severity: .warning)
      case nil: diagnostic
      }
    }
  }

  /// Findings about `journal.yml`'s `rules:`: unknown rules and parameters, and values of the
  /// wrong kind.
  public static func validate(_ config: JournalConfig, file: String) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (id, setting) in config.rules.sorted(by: { $0.key < $1.key }) {
      guard let rule = rule(id) else {
        findings.append(
          Diagnostic(
            rule: RuleID.unknownField, severity: .warning, message: "unknown rule `\(id)`",
            file: file, location: setting.location,
            hint: Suggestion.closest(to: id, among: ids).map { "did you mean `\($0)`?" }
              ?? "`journal rules` lists them"))
        continue
      }
      for (name, value) in setting.parameters.sorted(by: { $0.key < $1.key }) {
        let location = setting.parameterLocations[name] ?? setting.location
        guard let parameter = rule.description.parameters.first(where: { $0.name == name }) else {
          let known = rule.description.parameters.map(\.name)
          findings.append(
            Diagnostic(
              rule: RuleID.unknownField, severity: .warning,
              message: "rule `\(id)` has no setting `\(name)`", file: file, location: location,
              hint: Suggestion.closest(to: name, among: known).map { "did you mean `\($0)`?" }
                ?? (known.isEmpty
                  ? "it takes only `severity`"
                  : "it takes `severity`, " + known.map { "`\($0)`" }.joined(separator: ", "))))
          continue
        }
        switch (parameter.defaultValue, value) {
        case (.number, .number(let number)) where number >= 0 && number == number.rounded(): break
        case (.list, .list), (.list, .text), (.text, .text): break
        case (.number, _):
          findings.append(
            Diagnostic(
              rule: RuleID.invalidValue, severity: .error,
              message: "`\(name)` of rule `\(id)` must be a whole number of zero or more",
              file: file, location: location))
        default:
          findings.append(
            Diagnostic(
              rule: RuleID.invalidValue, severity: .error,
              message: "`\(name)` of rule `\(id)` must be a list of text", file: file,
              location: location))
        }
      }
    }
    return findings
  }
}
