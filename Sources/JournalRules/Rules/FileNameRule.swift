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
      .session("---\ndate: ↓2026-11-21\ntype: career-development\n---\n").expecting("`date` is 2026-11-21 but the file name says 2026-11-20"),
      .file("mentees/alex/notes.md", "↓Loose notes.\n").expecting("`notes.md` is not where journal looks for notes"),
      .file("mentees/alex/sessions/2026-11-20-Retro.md", "↓---\ndate: 2026-11-20\ntype: project-specific\n---\n").expecting("session file name `2026-11-20-Retro.md` has a malformed suffix"),
    ],
    nonTriggering: [
      .file("mentees/alex/sessions/2026-11-20-retro.md", "---\ndate: 2026-11-20\ntype: project-specific\n---\n")
    ])
}

extension FileNameRule {
  /// `date` and `fileDate` as written, YYYY-MM-DD.
  public static func dateDisagrees(date: String, fileDate: String) -> RuleMessage {
    message("`date` is \(date) but the file name says \(fileDate)", hint: "rename the file or correct the date")
  }
}

extension FileNameRule {
  /// `suggested` is the nearest valid id.
  public static func personFolderNotAnID(_ person: String, suggested: String) -> RuleMessage {
    message(
      "person folder `\(person)` is not a valid id",
      hint: "use lowercase letters, digits and `-`, as in `\(suggested)`")
  }

  static let sessionNameHint = "name sessions `YYYY-MM-DD.md` or `YYYY-MM-DD-topic.md`"

  public static func sessionDateNotReal(_ datePart: String) -> RuleMessage {
    message("session file name starts with \(datePart), which is not a real calendar date", hint: sessionNameHint)
  }

  public static func sessionWithoutDate(_ name: String) -> RuleMessage {
    message("session file name `\(name)` does not start with a date", hint: sessionNameHint)
  }

  public static func malformedSuffix(_ name: String) -> RuleMessage {
    message(
      "session file name `\(name)` has a malformed suffix",
      hint: "after the date, write `-` and lowercase letters, digits and `-`")
  }

  /// `suggested` is the nearest valid slug.
  public static func planNotASlug(_ slug: String, suggested: String) -> RuleMessage {
    message(
      "plan file name `\(slug).md` is not a valid slug", hint: "use lowercase letters, digits and `-`, as in `\(suggested).md`")
  }

  public static func misplaced(_ name: String) -> RuleMessage {
    message(
      "`\(name)` is not where journal looks for notes",
      hint: "sessions go in `mentees/<id>/sessions/`, plans in `plans/`, the mentor's own notes in `private/`")
  }

  public static let symbolicLink = message(
    "is a symbolic link; journal does not follow links", hint: "keep the note itself inside the journal")
}
