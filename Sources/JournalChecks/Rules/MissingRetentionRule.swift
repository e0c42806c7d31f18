import JournalModel
import JournalRules

/// `missing-retention`: a candidate's record says when it must be deleted.
public struct MissingRetentionRule: MessageRule, PersonRule {
  public static let id = "missing-retention"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: MissingRetentionRule.id,
    summary: "A candidate, or a person with candidate-feedback sessions, has a `retain-until` date.",
    severity: MissingRetentionRule.severity,
    rationale:
      "Confidentiality: interview notes about someone who is not on the team are personal data kept for an agreed time only. Without a `retain-until` date the `retention` rule can never say the record is due for deletion, and it is kept for ever by default.",
    triggering: [
      .file("mentees/alex/profile.md", "---\nname: Alex Kim\nrelationship: ↓candidate\n---\n").expecting("Alex Kim is a candidate, but the profile has no `retain-until` date"),
      RuleExample(files: [
        "mentees/alex/profile.md": "---\n↓name: Alex Kim\n---\n",
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: candidate-feedback\n---\n",
      ]).expecting("Alex Kim has candidate feedback (mentees/alex/sessions/2026-11-20.md), but the profile has no `retain-until` date"),
    ],
    nonTriggering: [
      .file("mentees/alex/profile.md", "---\nname: Alex Kim\nrelationship: candidate\nretain-until: 2027-05-01\n---\n"),
      RuleExample(files: [
        "mentees/alex/profile.md": "---\nname: Alex Kim\nrelationship: report\n---\n",
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: career-development\n---\n",
      ]),
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    guard let profile = person.profile, profile.retainUntil == nil else { return [] }
    if profile.relationship == .candidate {
      return [
        Diagnostic(
          Self.candidateWithoutDate(profile.name), file: profile.file, at: profile.locations.value("relationship"))
      ]
    }
    guard let session = person.sessions.first(where: { $0.type == .candidateFeedback }) else { return [] }
    return [
      Diagnostic(
        Self.candidateFeedbackWithoutDate(profile.name, session: session.file), file: profile.file,
        at: profile.locations.key("name"))
    ]
  }
}

extension MissingRetentionRule {
  static let hint = "add `retain-until: YYYY-MM-DD` to the profile, the date agreed with the person (docs/retention.md)"

  public static func candidateWithoutDate(_ name: String) -> RuleMessage {
    message("\(name) is a candidate, but the profile has no `retain-until` date", hint: hint)
  }

  /// `session` is the path of the first candidate-feedback session.
  public static func candidateFeedbackWithoutDate(_ name: String, session: String) -> RuleMessage {
    message("\(name) has candidate feedback (\(session)), but the profile has no `retain-until` date", hint: hint)
  }
}
