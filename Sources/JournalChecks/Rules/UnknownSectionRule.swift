import JournalModel
import JournalParsing

// Applied by the parser while it reads a body (see BodyFinding in JournalParsing); this type
// carries the rule's description and examples.

/// `unknown-section`: a heading meant as a known section is not left as free notes.
public struct UnknownSectionRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.unknownSection,
    summary: "A heading near a known section (`## Strenghts`, `## Actions for next week`, `# Actions`) is reported, not read as free notes in silence.",
    severity: .warning,
    rationale: "What a person files under a misspelt heading is not counted: its strengths are missing from the balance and its actions are never followed up.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n↓## Strenghts\n\n- Paired with Jo on the flaky checkout test and found the race in a day\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n↓## Actions for next week\n\n- [ ] Book the design review due:2026-12-01\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n↓# Actions\n\n- [ ] Book the design review due:2026-12-01\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## What went well\n\n- Paired with Jo on the flaky checkout test and found the race in a day\n\n## Next steps\n\n- [ ] Book the design review due:2026-12-01\n\n## Context\n\nSam asked to talk about the on-call rota.\n\n## Reactions\n\nThe team liked the demo.\n"),
      RuleExample(files: [
        "journal.yml": "title: Example journal\nsections:\n  actions: [Homework]\n",
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: career-development\n---\n## Homework\n\n- [ ] Book the design review due:2026-12-01\n",
      ]),
    ])
}
