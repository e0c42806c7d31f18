import JournalModel

/// `front-matter`: a note must open with a `---` block.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct FrontMatterRule: ParsingRule {
  public static let id = "front-matter"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: FrontMatterRule.id,
    summary: "A note starts with a front matter block between two `---` lines.",
    severity: FrontMatterRule.severity,
    rationale: "Without its front matter a note has no date or type, so it cannot be placed in anyone's history.",
    triggering: [
      .session("↓# Notes from Thursday\n\nWe talked about the release.\n").expecting("file does not start with front matter"),
      .session("↓---\ndate: 2026-11-20\ntype: career-development\n\n## Strengths\n").expecting("front matter opened here is never closed"),
      .session("↓\n\n").expecting("file is empty"),
    ],
    nonTriggering: [.session("---\ndate: 2026-11-20\ntype: career-development\n---\n")])
}

extension FrontMatterRule {
  public static let missing = message(
    "file does not start with front matter",
    hint: "begin the file with a `---` line, the YAML fields, then another `---` line")

  /// A note with nothing in it, or only blank lines; `command` writes it from its template.
  public static func empty(command: String) -> RuleMessage {
    message(
      "file is empty", hint: "delete it; `\(command)` then starts the note from its template")
  }

  public static let notClosed = message(
    "front matter opened here is never closed", hint: "add a line holding only `---` after the last YAML field")
}
