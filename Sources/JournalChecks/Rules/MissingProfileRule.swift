import JournalModel
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
      .file("mentees/sam/sessions/2026-11-20.md", "---\ndate: 2026-11-20\ntype: career-development\n---\n").expecting(inMissingFile: "mentees/sam/profile.md", "`mentees/sam` has no profile.md")
    ],
    nonTriggering: [.session("---\ndate: 2026-11-20\ntype: career-development\n---\n")])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    let path = "\(person.folder)/profile.md"
    guard person.profile == nil, !context.paths.contains(path) else { return [] }
    return [Diagnostic(Self.noProfile(folder: person.folder), file: path, at: .start)]
  }
}

extension MissingProfileRule {
  public static func noProfile(folder: String) -> RuleMessage {
    message("`\(folder)` has no profile.md", hint: "create it with a front matter holding at least `name:`")
  }
}
