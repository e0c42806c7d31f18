import JournalModel
import JournalRules

/// `retention`: a record is not kept past the date it must be deleted by.
public struct RetentionRule: MessageRule, FileRule {
  public static let id = "retention"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: RetentionRule.id,
    summary: "No record is kept past its profile's `retain-until` date.",
    severity: RetentionRule.severity,
    rationale:
      "Confidentiality: candidate feedback is personal data, kept only as long as agreed and then deleted. Deleting the folder is not enough in git, where every earlier commit keeps it: `journal forget ID` removes the person from the whole history.",
    triggering: [
      .file("mentees/alex/profile.md", "---\nname: Alex Kim\nrelationship: candidate\nretain-until: ↓2026-11-01\n---\n").expecting("Alex Kim's record was to be deleted by 2026-11-01")
    ],
    nonTriggering: [
      .file("mentees/alex/profile.md", "---\nname: Alex Kim\nrelationship: candidate\nretain-until: 2027-05-01\n---\n")
    ])

  public func check(_ file: FileContext) -> [Diagnostic] {
    guard case .profile(let profile) = file.note, let limit = profile.retainUntil, limit < file.today else { return [] }
    return [
      Diagnostic(
        Self.pastRetention(profile.name, person: profile.id, limit: "\(limit)"), file: profile.file,
        at: profile.locations.value("retain-until"))
    ]
  }
}

extension RetentionRule {
  public static func pastRetention(_ name: String, person: String, limit: String) -> RuleMessage {
    message(
      "\(name)'s record was to be deleted by \(limit)",
      hint:
        "run `journal forget \(person)` to delete the record from the whole history (docs/retention.md), or agree a new date with the person")
  }
}
