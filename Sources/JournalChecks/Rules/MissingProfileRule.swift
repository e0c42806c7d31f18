import JournalModel
import JournalParsing
import JournalRules

/// `missing-profile`: every person folder has a `profile.md`.
public struct MissingProfileRule: MessageRule, PersonRule {
  public static let id = "missing-profile"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: MissingProfileRule.id,
    summary: "Every folder under `mentees/` holds a `profile.md` with at least the person's `name`.",
    severity: MissingProfileRule.severity,
    rationale: "Sessions without a profile belong to nobody a reader can name, and cannot carry a cadence or a retention date.",
    triggering: [
      .file("mentees/sam/sessions/2026-11-20.md", "---\ndate: 2026-11-20\ntype: career-development\n---\n").expecting(inMissingFile: "mentees/sam/profile.md", "`mentees/sam` has no profile.md"),
      // A profile saved under another name: the hint says which file to rename.
      .file("mentees/sam/profile.MD", "---\nname: Sam Lee\n---\n").expecting(inMissingFile: "mentees/sam/profile.md", "`mentees/sam` has no profile.md"),
    ],
    nonTriggering: [.session("---\ndate: 2026-11-20\ntype: career-development\n---\n")])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    let path = "\(person.folder)/profile.md"
    guard person.profile == nil, !context.paths.contains(path) else { return [] }
    // A profile saved as `profile.MD`, `profile.txt`… is what the person meant to write.
    let misnamed = context.paths.filter(JournalPath.isMisnamedProfile).map { String(JournalPath.components(of: $0).last!) }
    return [Diagnostic(Self.noProfile(folder: person.folder, misnamed: misnamed.sorted()), file: path, at: .start)]
  }
}

extension MissingProfileRule {
  /// `misnamed` are the files in the folder that are the profile under another name, sorted.
  public static func noProfile(folder: String, misnamed: [String] = []) -> RuleMessage {
    message(
      "`\(folder)` has no profile.md",
      hint: misnamed.isEmpty
        ? "create it with a front matter holding at least `name:`"
        : "rename \(misnamed.map { "`\($0)`" }.joined(separator: " or ")) to `profile.md`: journal reads the profile only under that name")
  }
}
