import JournalModel

/// `leftover-file`: no temporary file of a write that was stopped lies in the journal.
///
/// journal writes a note (`new`, `fmt`) into a hidden `.<name>.journal-XXXXXX` file beside it
/// and then moves it into place; a process stopped in between leaves that file. The walk of
/// the journal reports it with the message below.
public struct LeftoverFileRule: ParsingRule {
  public static let id = "leftover-file"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: LeftoverFileRule.id,
    summary: "No hidden `.<name>.journal-XXXXXX` file, left by a write of `<name>` that was stopped before it finished, lies in a person's folder.",
    severity: LeftoverFileRule.severity,
    rationale: "It holds a copy of a note, maybe cut short, that no editor shows and journal never reads or commits, but that `git add` of the folder would commit.",
    triggering: [
      .file("mentees/sam/sessions/.2026-11-20.md.journal-AbC123", "↓---\ndate: 2026-11-20\n").expecting("`.2026-11-20.md.journal-AbC123` is a copy of `2026-11-20.md` that journal was writing when it was stopped"),
      RuleExample(files: [
        "mentees/sam/profile.md": "---\nname: Sam Lee\n---\n",
        "mentees/sam/.profile.md.journal-x7Yz09": "↓---\nname: Sam Lee\n---\n",
      ]).expecting("`.profile.md.journal-x7Yz09` is a copy of `profile.md` that journal was writing when it was stopped"),
    ],
    nonTriggering: [
      RuleExample(files: [
        "mentees/sam/profile.md": "---\nname: Sam Lee\n---\n",
        "mentees/sam/.profile.md.swp": "swap",
        "mentees/sam/.profile.md.journal-x7Yz0": "five letters",
        "mentees/sam/.drafts/.profile.md.journal-x7Yz09": "in a hidden folder",
      ])
    ])
}

extension LeftoverFileRule {
  /// `name` is the leftover file's name, `original` the name of the file it was written for,
  /// beside it; `originalExists` whether that file is there.
  public static func leftover(_ name: String, of original: String, originalExists: Bool) -> RuleMessage {
    message(
      "`\(name)` is a copy of `\(original)` that journal was writing when it was stopped",
      hint: originalExists
        ? "delete it: `\(original)` is whole; run the stopped command again if its change is missing"
        : "`\(original)` was not written: rename this copy to `\(original)` if it holds the whole note, or delete it and run the command again")
  }
}
