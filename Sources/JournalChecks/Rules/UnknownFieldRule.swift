import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `unknown-field`: a key the format does not know is likely a typo.
public struct UnknownFieldRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.unknownField,
    summary: "Every front matter key is one the format defines; a near miss gets a suggestion.",
    severity: .warning,
    rationale: "A misspelt `folow-up` is silently ignored, and the follow-up it holds is never tracked.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n↓folow-up: 2026-12-01\n---\n"),
      .file("journal.yml", "title: Team journal\nrules:\n  ↓late-feedbak: off\n"),
    ],
    nonTriggering: [.session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2026-12-01\n---\n")])
}
