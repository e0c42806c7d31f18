import JournalModel

/// `unknown-section`: a heading meant as a known section is not left as free notes.
///
/// The parser applies it while it reads a body; its findings are made from the messages below.
public struct UnknownSectionRule: ParsingRule {
  public static let id = "unknown-section"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: UnknownSectionRule.id,
    summary: "A heading near a known section (`## Strenghts`, `## Actions for next week`, `# Actions`) is reported, not read as free notes in silence.",
    severity: UnknownSectionRule.severity,
    rationale: "What a person files under a misspelt heading is not counted: its strengths are missing from the balance and its actions are never followed up.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n↓## Strenghts\n\n- Paired with Jo on the flaky checkout test and found the race in a day\n").expecting("`## Strenghts` is read as free notes, not as Strengths"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n↓## Actions for next week\n\n- [ ] Book the design review due:2026-12-01\n").expecting("`## Actions for next week` is read as free notes, not as Actions"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n↓# Actions\n\n- [ ] Book the design review due:2026-12-01\n").expecting("`# Actions` is a level-1 heading: only level-2 headings start a section"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## What went well\n\n- Paired with Jo on the flaky checkout test and found the race in a day\n\n## Next steps\n\n- [ ] Book the design review due:2026-12-01\n\n## Context\n\nSam asked to talk about the on-call rota.\n\n## Reactions\n\nThe team liked the demo.\n"),
      RuleExample(files: [
        "journal.yml": "title: Example journal\nsections:\n  actions: [Homework]\n",
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: career-development\n---\n## Homework\n\n- [ ] Book the design review due:2026-12-01\n",
      ]),
    ])
}

extension UnknownSectionRule {
  /// A level-2 heading near the heading of `part`, read as free notes.
  public static func near(_ title: String, part: SectionPart) -> RuleMessage {
    message(
      "`## \(title)` is read as free notes, not as \(part.heading)",
      hint: "did you mean `## \(part.heading)`? To keep the heading, add it to `sections: \(part.rawValue):` in journal.yml")
  }

  /// A heading of `level` other than 2 whose title names a section.
  public static func level(_ level: Int, title: String) -> RuleMessage {
    message(
      level == 1
        ? "`# \(title)` is a level-1 heading: only level-2 headings start a section"
        : "`\(String(repeating: "#", count: level)) \(title)` is not a section of its own: only level-2 headings start one",
      hint: "write `## \(title)`")
  }
}
