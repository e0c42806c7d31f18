import JournalModel
import JournalRules

/// `missed-follow-up`: an agreed follow-up happens.
public struct MissedFollowUpRule: MessageRule, PersonRule {
  public static let id = "missed-follow-up"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: MissedFollowUpRule.id,
    summary: "When a session's `follow-up` date has passed, a later session exists (one that cannot be read may be it, so it holds the rule back).",
    severity: MissedFollowUpRule.severity,
    rationale: "Regular follow-ups keep an action plan alive; a missed one is the first sign that feedback is not being followed through.",
    parameters: [
      RuleParameter(
        name: "grace-days", summary: "Days allowed after the follow-up date before it counts as missed.",
        defaultValue: .number(0))
    ],
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: ↓2026-11-24\n---\n")
        .expecting("follow-up with Alex Kim was due 2026-11-24 (2 days ago) and no later session is recorded"),
      // A self-assessment written since is no follow-up: nobody met.
      RuleExample(files: [
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: career-development\nfollow-up: ↓2026-11-24\n---\n",
        "mentees/alex/sessions/2026-11-25-self-assessment.md": "---\ndate: 2026-11-25\ntype: self-assessment\n---\n## Challenges\n\nThe migration slipped a week.\n",
      ]).expecting("follow-up with Alex Kim was due 2026-11-24 (2 days ago) and no later session is recorded"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2026-12-01\n---\n"),
      // The follow-up was saved as `.MD` (a `file-name` error): a later session exists.
      RuleExample(files: [
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2026-11-24\n---\n",
        "mentees/alex/sessions/2026-11-24.MD": "---\ndate: 2026-11-24\ntype: career-development\n---\n",
      ]),
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    let grace = context.settings.number("grace-days", of: description)
    // A later session that could not be read may be the follow-up.
    guard let last = context.heldSessions.last, let followUp = last.followUp,
      followUp.adding(days: grace) < context.today, !person.mayHaveUnreadSession(onOrAfter: last.date)
    else { return [] }
    let days = followUp.days(to: context.today)
    return [
      Diagnostic(
        Self.missed(person: person.displayName, followUp: "\(followUp)", daysAgo: days), file: last.file,
        at: last.locations.value("follow-up"))
    ]
  }
}

extension MissedFollowUpRule {
  public static func missed(person: String, followUp: String, daysAgo: Int) -> RuleMessage {
    message(
      "follow-up with \(person) was due \(followUp) (\(Wording.count(daysAgo, "day")) ago) and no later session is recorded",
      hint: "record the follow-up session, or move the date")
  }
}
