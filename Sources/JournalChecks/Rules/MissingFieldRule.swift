import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `missing-field`: required fields are present and not empty.
public struct MissingFieldRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.missingField,
    summary: "Required fields are present: a session's `date` and `type`, a profile's `name`, a plan's `title` and `created`.",
    severity: .error,
    rationale: "A session without a type, or a plan without a start, cannot be summarised or tracked.",
    triggering: [
      .session("↓---\ndate: 2026-11-20\n---\n"),
      .file("mentees/alex/plans/growth.md", "↓---\ntitle: Grow into a tech lead\n---\n"),
      .session("---\ndate: 2026-11-20\n↓type:\n---\n"),
    ],
    nonTriggering: [
      .file("mentees/alex/plans/growth.md", "---\ntitle: Grow into a tech lead\ncreated: 2026-10-01\n---\n")
    ])
}
