import JournalModel
import JournalParsing

// Applied by the parser while it reads a file (see JournalParsing); this type carries
// the rule's description and examples.

/// `file-name`: files are named and placed as the format says.
public struct FileNameRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: RuleID.fileName,
    summary: "Session files are named `YYYY-MM-DD[-slug].md` after their `date`; notes end in `.md` and sit in `sessions/`, `plans/` or `private/`.",
    severity: .error,
    rationale: "The file name is how people find a session in their editor; it must agree with the date inside.",
    triggering: [
      .session("---\ndate: ↓2026-11-21\ntype: career-development\n---\n"),
      .file("mentees/alex/notes.md", "↓Loose notes.\n"),
      .file("mentees/alex/sessions/2026-11-20-Retro.md", "↓---\ndate: 2026-11-20\ntype: project-specific\n---\n"),
      .file("mentees/alex/sessions/2026-11-5.md", "↓---\ndate: 2026-11-05\ntype: project-specific\n---\n"),
      .file("mentees/alex/sessions/2026-11-20.MD", "↓---\ndate: 2026-11-20\ntype: project-specific\n---\n"),
    ],
    nonTriggering: [
      .file("mentees/alex/sessions/2026-11-20-retro.md", "---\ndate: 2026-11-20\ntype: project-specific\n---\n")
    ])
}
