import JournalModel

/// `duplicate-id`: a key or a goal id is given once.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct DuplicateIDRule: ParsingRule {
  public static let id = "duplicate-id"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: DuplicateIDRule.id,
    summary: "A front matter key appears once, and goal ids are unique within a plan.",
    severity: DuplicateIDRule.severity,
    rationale: "With two values for one key, or two goals of one id, a reader cannot tell which one counts.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\n↓type: project-specific\n---\n").expecting("key `type` is given more than once; the first is on line 3"),
      .file(
        "mentees/alex/plans/growth.md",
        "---\ntitle: Growth\ncreated: 2026-10-01\ngoals:\n  - id: reviews\n    description: Review two PRs a week\n  - id: ↓reviews\n    description: Review design docs\n---\n"
      ).expecting("goal id `reviews` is used twice in this plan; the first is on line 5"),
    ],
    nonTriggering: [
      .file(
        "mentees/alex/plans/growth.md",
        "---\ntitle: Growth\ncreated: 2026-10-01\ngoals:\n  - id: reviews\n    description: Review two PRs a week\n  - id: design-docs\n    description: Review design docs\n---\n"
      )
    ])
}

extension DuplicateIDRule {
  public static func goalUsedTwice(_ id: String, firstOnLine line: Int) -> RuleMessage {
    message("goal id `\(id)` is used twice in this plan; the first is on line \(line)")
  }
}

extension DuplicateIDRule {
  public static func keyGivenTwice(_ key: String, firstOnLine line: Int) -> RuleMessage {
    message(
      "key `\(key)` is given more than once; the first is on line \(line)",
      hint: "keep one `\(key)`; the later one is ignored")
  }
}

extension DuplicateIDRule {
  public static func categoryUsedTwice(_ id: String, firstOnLine line: Int) -> RuleMessage {
    message("category id `\(id)` is used twice in this rubric; the first is on line \(line)")
  }
}
