import JournalModel
import JournalRules
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
  LeftoverFileRule(),
  UnbalancedFeedbackRule(),
  NoActionRule(),
  EmptySessionRule(),
  FutureDateRule(),
  VagueFeedbackRule(),
  LateFeedbackRule(),
  OverdueActionRule(),
  MissedFollowUpRule(),
  OverdueCheckInRule(),
  RetentionRule(),
  MissingRetentionRule(),
  UnknownRubricRule(),
  UnknownCategoryRule(),
  RatingScaleRule(),
  UnratedCategoryRule(),
  RatingWithoutEvidenceRule(),
]

public enum RuleRegistry {
  public static func rule(_ id: String) -> (any Rule)? { allRules.first { $0.id == id } }

  public static var ids: [String] { allRules.map(\.id) }

  /// Every rule that looks at parsed notes, ready for one check with `settings`.
  public static func schedule(_ settings: RuleSettings) -> RuleSchedule {
    RuleSchedule(allRules, settings: settings)
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
            UnknownFieldRule.unknownRule(id, suggestion: Suggestion.closest(to: id, among: ids)), file: file,
            at: setting.location))
        continue
      }
      for (name, value) in setting.parameters.sorted(by: { $0.key < $1.key }) {
        let location = setting.parameterLocations[name] ?? setting.location
        guard let parameter = rule.description.parameters.first(where: { $0.name == name }) else {
          let known = rule.description.parameters.map(\.name)
          findings.append(
            Diagnostic(
              UnknownFieldRule.unknownSetting(
                name, of: id, suggestion: Suggestion.closest(to: name, among: known), known: known),
              file: file, at: location))
          continue
        }
        if let problem = parameter.problem(with: value, rule: id) {
          findings.append(Diagnostic(problem, file: file, at: setting.valueLocations[name] ?? location))
        }
      }
    }
    return findings
  }
}
