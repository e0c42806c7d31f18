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

  /// Runs every cross-file rule over a parsed journal, the rules side by side on every core,
  /// or one after another when the caller already keeps the cores busy.
  public static func check(_ context: CheckContext, concurrently: Bool = true) -> [Diagnostic] {
    concurrently ? allRules.concurrentFlatMap { run($0, context) } : allRules.flatMap { run($0, context) }
  }

  /// One rule's findings; in a debug build, a finding outside the rule's scope stops the run.
  /// Every caller that runs a rule goes through here, so none skips the scope check.
  public static func run(_ rule: any Rule, _ context: CheckContext) -> [Diagnostic] {
    let findings = rule.check(context)
    assert(
      outOfScope(findings, of: rule.description, in: context).isEmpty,
      "`\(rule.id)` reported outside its \(rule.description.scope.rawValue) scope")
    return findings
  }

  /// The findings that lie outside `rule`'s declared scope: a file-scoped rule's must name a
  /// note the journal holds (a profile, session or plan), a person-scoped rule's a path in one
  /// of its people's folders. A journal-scoped rule may name any path.
  public static func outOfScope(
    _ findings: [Diagnostic], of rule: RuleDescription, in context: CheckContext
  ) -> [Diagnostic] {
    switch rule.scope {
    case .journal:
      return []
    case .person:
      let folders = context.journal.people.map(\.folder)
      return findings.filter { finding in !folders.contains { JournalPath.isInside(finding.file, folder: $0) } }
    case .file:
      let notes = Set(
        context.journal.people.flatMap { person in
          (person.profile.map { [$0.file] } ?? []) + person.sessions.map(\.file) + person.plans.map(\.file)
        })
      return findings.filter { !notes.contains($0.file) }
    }
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
