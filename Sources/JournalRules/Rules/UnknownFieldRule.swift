import JournalModel

/// `unknown-field`: a key the format does not know is likely a typo.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct UnknownFieldRule: ParsingRule {
  public static let id = "unknown-field"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: UnknownFieldRule.id,
    summary: "Every front matter key is one the format defines; a near miss gets a suggestion.",
    severity: UnknownFieldRule.severity,
    rationale: "A misspelt `folow-up` is silently ignored, and the follow-up it holds is never tracked.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n↓folow-up: 2026-12-01\n---\n").expecting("unknown field `folow-up` in a session"),
      .file("journal.yml", "title: Team journal\nrules:\n  ↓late-feedbak: off\n").expecting("unknown rule `late-feedbak`"),
      .session("---\n↓Date: 2026-11-20\ntype: career-development\n---\n").expecting("field `Date` is read as `date`: front matter keys are lowercase"),
      // A self-assessment holds the person's own words, not a session's details.
      .file("mentees/alex/sessions/2026-11-18-self-assessment.md", "---\ndate: 2026-11-18\ntype: self-assessment\n↓follow-up: 2026-12-01\n---\n").expecting("`follow-up` is a field of a session, not of a self-assessment"),
    ],
    nonTriggering: [.session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2026-12-01\n---\n")])
}

extension UnknownFieldRule {
  /// A key `what` (such as "a session") does not take; `known` are the keys it does, and
  /// `suggestion` the nearest of them, if any.
  public static func unknown(_ key: String, in what: String, suggestion: String?, known: [String]) -> RuleMessage {
    message(
      "unknown field `\(key)` in \(what)",
      hint: suggestion.map { "did you mean `\($0)`?" } ?? "known fields: " + known.map { "`\($0)`" }.joined(separator: ", "))
  }
}

extension UnknownFieldRule {
  /// A session's field (`mentor`, `follow-up`, …) in a self-assessment, which takes only its
  /// date and type: the person's view goes in its body.
  public static func sessionFieldInSelfAssessment(_ key: String) -> RuleMessage {
    message(
      "`\(key)` is a field of a session, not of a self-assessment",
      hint: "a self-assessment takes only `date` and `type`: write the rest in its body, in your own words")
  }

  /// A known key in other capitals (`Date`), which is read as `lowercase`.
  public static func capitalized(_ key: String, as lowercase: String) -> RuleMessage {
    message(
      "field `\(key)` is read as `\(lowercase)`: front matter keys are lowercase",
      hint: "write `\(lowercase):`")
  }
}

extension UnknownFieldRule {
  /// `suggestion` is the nearest rule id, if any.
  public static func unknownRule(_ id: String, suggestion: String?) -> RuleMessage {
    message("unknown rule `\(id)`", hint: suggestion.map { "did you mean `\($0)`?" } ?? "`journal rules` lists them")
  }

  /// `known` are the settings the rule takes besides `severity`; `suggestion` the nearest.
  public static func unknownSetting(_ name: String, of rule: String, suggestion: String?, known: [String])
    -> RuleMessage
  {
    message(
      "rule `\(rule)` has no setting `\(name)`",
      hint: suggestion.map { "did you mean `\($0)`?" }
        ?? (known.isEmpty
          ? "it takes only `severity`" : "it takes `severity`, " + known.map { "`\($0)`" }.joined(separator: ", ")))
  }
}

extension UnknownFieldRule {
  /// A key under `sections:` in journal.yml that names no section; `suggestion` is the hint.
  public static func unknownSection(_ key: String, suggestion: String) -> RuleMessage {
    message("unknown section `\(key)` in `sections`", hint: suggestion)
  }
}
