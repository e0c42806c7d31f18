import JournalModel

/// `leftover-file`: no temporary file of a write that was stopped lies in the journal.
///
/// journal writes a file (a note from `new` or `fmt`, `journal.yml` from `init`, a report from
/// `--output`) into a hidden `.<name>.journal-XXXXXX` file beside it and then moves it into
/// place; a process stopped in between leaves that file. The walk of the journal reports it
/// with the message below, in a person's folder and in the other folders journal writes in:
/// the journal's root, `mentees/` and `templates/`.
public struct LeftoverFileRule: ParsingRule {
  public static let id = "leftover-file"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: LeftoverFileRule.id,
    summary: "No hidden `.<name>.journal-XXXXXX` file, left by a write of `<name>` that was stopped before it finished, lies in a person's folder, `mentees/`, `templates/` or the journal's root.",
    severity: LeftoverFileRule.severity,
    rationale: "It holds a copy of a note or other file, maybe cut short, that no editor shows and journal never reads or commits, but that `git add` of the folder would commit.",
    triggering: [
      .file("mentees/sam/sessions/.2026-11-20.md.journal-AbC123", "↓---\ndate: 2026-11-20\n").expecting("`.2026-11-20.md.journal-AbC123` is a copy of `2026-11-20.md` that journal was writing when it was stopped"),
      RuleExample(files: [
        "mentees/sam/profile.md": "---\nname: Sam Lee\n---\n",
        "mentees/sam/.profile.md.journal-x7Yz09": "↓---\nname: Sam Lee\n---\n",
      ]).expecting("`.profile.md.journal-x7Yz09` is a copy of `profile.md` that journal was writing when it was stopped"),
      RuleExample(files: [
        "journal.yml": "title: Team notes\n",
        ".journal.yml.journal-Qw3rTy": "↓title: Team notes\n",
        "mentees/.SUMMARY.md.journal-Ab12Cd": "↓# Summary\n",
        "templates/.letter.md.journal-Ef34Gh": "↓Subject: Thank you\n",
      ]).expecting(
        "`.journal.yml.journal-Qw3rTy` is a copy of `journal.yml` that journal was writing when it was stopped",
        "`.SUMMARY.md.journal-Ab12Cd` is a copy of `SUMMARY.md` that journal was writing when it was stopped",
        "`.letter.md.journal-Ef34Gh` is a copy of `letter.md` that journal was writing when it was stopped"),
    ],
    nonTriggering: [
      RuleExample(files: [
        "mentees/sam/profile.md": "---\nname: Sam Lee\n---\n",
        "mentees/sam/.profile.md.swp": "swap",
        "mentees/sam/.profile.md.journal-x7Yz0": "five letters",
        "mentees/sam/.drafts/.profile.md.journal-x7Yz09": "in a hidden folder",
        // Folders journal never writes in unless told to with `--output`: not looked in.
        "reports/.SUMMARY.md.journal-Ab12Cd": "# Summary\n",
        "templates/old/.letter.md.journal-Ef34Gh": "Subject: Thank you\n",
      ])
    ])
}

extension LeftoverFileRule {
  /// `name` is the leftover file's name, `original` the name of the file it was written for,
  /// beside it; `originalExists` whether that file is there; `note` whether it is a note (in
  /// a person's folder) rather than another file.
  public static func leftover(_ name: String, of original: String, originalExists: Bool, note: Bool = true)
    -> RuleMessage
  {
    message(
      "`\(name)` is a copy of `\(original)` that journal was writing when it was stopped",
      hint: originalExists
        ? "delete it: `\(original)` is whole; run the stopped command again if its change is missing"
        : "`\(original)` was not written: rename this copy to `\(original)` if it holds the whole \(note ? "note" : "file"), or delete it and run the command again")
  }
}
