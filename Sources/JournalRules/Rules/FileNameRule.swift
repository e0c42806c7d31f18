import JournalModel

/// `file-name`: files are named and placed as the format says.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct FileNameRule: ParsingRule {
  public static let id = "file-name"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: FileNameRule.id,
    summary: "Session files are named `YYYY-MM-DD[-slug].md` after their `date`; notes sit in `sessions/`, `plans/` or `private/`.",
    severity: FileNameRule.severity,
    scope: .file,
    rationale: "The file name is how people find a session in their editor; it must agree with the date inside.",
    triggering: [
      .session("---\ndate: ↓2026-11-21\ntype: career-development\n---\n"),
      .file("mentees/alex/notes.md", "↓Loose notes.\n"),
      .file("mentees/alex/sessions/2026-11-20-Retro.md", "↓---\ndate: 2026-11-20\ntype: project-specific\n---\n"),
    ],
    nonTriggering: [
      .file("mentees/alex/sessions/2026-11-20-retro.md", "---\ndate: 2026-11-20\ntype: project-specific\n---\n")
    ])
}
