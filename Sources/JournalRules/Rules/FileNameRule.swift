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
    summary: "Session files are named `YYYY-MM-DD[-slug].md` after their `date`; notes end in `.md` and sit in `sessions/`, `plans/` or `private/`.",
    severity: FileNameRule.severity,
    rationale: "The file name is how people find a session in their editor; it must agree with the date inside.",
    triggering: [
      .session("---\ndate: ↓2026-11-21\ntype: career-development\n---\n").expecting("`date` is 2026-11-21 but the file name says 2026-11-20"),
      .file("mentees/alex/notes.md", "↓Loose notes.\n").expecting("`notes.md` is not where journal looks for notes"),
      .file("mentees/alex/sessions/2026-11-20-Retro.md", "↓---\ndate: 2026-11-20\ntype: project-specific\n---\n").expecting("session file name `2026-11-20-Retro.md` has a malformed suffix"),
      .file("mentees/alex/sessions/2026-11-5.md", "↓---\ndate: 2026-11-05\ntype: project-specific\n---\n").expecting("session file name `2026-11-5.md` does not write its date as YYYY-MM-DD"),
      .file("mentees/alex/sessions/2026-11-20.MD", "↓---\ndate: 2026-11-20\ntype: project-specific\n---\n").expecting("`2026-11-20.MD` is not read: journal reads notes whose names end in `.md`"),
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

  /// `rename` is the name the file was meant to have, read from its date.
  public static func sessionDateMiswritten(_ name: String, rename: String) -> RuleMessage {
    message("session file name `\(name)` does not write its date as YYYY-MM-DD", hint: "rename it to `\(rename)`")
  }

  /// `readings` are the names the date could be meant as, when nothing tells which.
  public static func sessionDateAmbiguous(_ name: String, readings: [String]) -> RuleMessage {
    message(
      "session file name `\(name)` does not write its date as YYYY-MM-DD",
      hint: sessionNameHint + ": " + readings.map { "`\($0)`" }.joined(separator: " or ") + "?")
  }

  /// A note in `sessions/` or `plans/` saved under another extension; `rename` is the name to
  /// give it, when its name says.
  public static func notMarkdown(_ name: String, rename: String?) -> RuleMessage {
    message(
      "`\(name)` is not read: journal reads notes whose names end in `.md`",
      hint: rename.map { "rename it to `\($0)`" } ?? "rename it to `YYYY-MM-DD.md` or `YYYY-MM-DD-topic.md`")
  }

  /// A file of another kind in `sessions/` or `plans/` (`folder`); `personFolder` is where it
  /// belongs, `mentees/<id>/`.
  public static func attachmentAmongNotes(_ name: String, folder: String, personFolder: String?) -> RuleMessage {
    message(
      "`\(name)` is not a note, and `\(folder)/` holds only notes",
      hint: "move it to `\(personFolder ?? "the person's folder")`: attachments belong beside `sessions/` and `plans/`, not in them")
  }

  /// A backup of `original` an editor or a merge tool left in `sessions/` or `plans/` (`folder`).
  public static func backupAmongNotes(_ name: String, of original: String, folder: String) -> RuleMessage {
    message(
      "`\(name)` is a backup copy of `\(original)`, and `\(folder)/` holds only notes",
      hint: "delete it once `\(original)` holds what you mean to keep")
  }

  /// A file of another kind in `sessions/` named as a session; `rename` is the session's name
  /// as a note, `personFolder` where an attachment belongs, `mentees/<id>/`.
  public static func sessionNotAsNote(_ name: String, rename: String, personFolder: String) -> RuleMessage {
    message(
      "`\(name)` is named as a session, but journal reads sessions only as Markdown notes",
      hint: "write the session as `\(rename)`; an attachment belongs in `\(personFolder)`, beside `sessions/`")
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

  /// A folder that is a git repository of its own: a submodule, or a clone.
  public static let repositoryInside = message(
    "is a git repository inside the journal; git commits it as a link to another repository (a gitlink),"
      + " never its notes",
    hint: "move its notes into the person's folder, or the repository out of the journal")

  public static let symbolicLink = message(
    "is a symbolic link; journal does not follow links", hint: "keep the note itself inside the journal")
}
