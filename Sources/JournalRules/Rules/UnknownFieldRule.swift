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
    scope: .file,
    rationale: "A misspelt `folow-up` is silently ignored, and the follow-up it holds is never tracked.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n↓folow-up: 2026-12-01\n---\n"),
      .file("journal.yml", "title: Team journal\nrules:\n  ↓late-feedbak: off\n"),
    ],
    nonTriggering: [.session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2026-12-01\n---\n")])
}
