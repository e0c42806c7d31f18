import JournalModel
import JournalRules

/// `overdue-check-in`: people are met as often as their cadence says.
public struct OverdueCheckInRule: MessageRule, PersonRule {
  public static let id = "overdue-check-in"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: OverdueCheckInRule.id,
    summary: "No more than the person's `cadence` has passed since their last session.",
    severity: OverdueCheckInRule.severity,
    rationale: "Personalised feedback works through regular check-ins; a person who is not met drifts from their plan unnoticed.",
    parameters: [
      RuleParameter(
        name: "grace-days", summary: "Days allowed past the cadence before a check-in is overdue.",
        defaultValue: .number(0))
    ],
    triggering: [
      RuleExample(files: [
        "mentees/alex/profile.md": "---\nname: Alex Kim\ncadence: ↓1w\n---\n",
        "mentees/alex/sessions/2026-11-10.md": "---\ndate: 2026-11-10\ntype: career-development\n---\nTalked through the roadmap.\n",
      ]).expecting("16 days since the last session on 2026-11-10; Alex Kim's cadence is 1w, so a check-in was due 2026-11-17"),
      // An untouched template and a session dated a year ahead by mistake are not held.
      RuleExample(files: [
        "mentees/alex/profile.md": "---\nname: Alex Kim\ncadence: ↓1w\n---\n",
        "mentees/alex/sessions/2026-11-10.md": "---\ndate: 2026-11-10\ntype: career-development\n---\nTalked through the roadmap.\n",
        "mentees/alex/sessions/2026-11-24.md": "---\ndate: 2026-11-24\ntype: career-development\n---\n## Strengths\n\n<!-- What went well -->\n",
        "mentees/alex/sessions/2027-11-20.md": "---\ndate: 2027-11-20\ntype: career-development\n---\nTalked about the move.\n",
      ]).expecting("16 days since the last session on 2026-11-10; Alex Kim's cadence is 1w, so a check-in was due 2026-11-17"),
      // A self-assessment is written by the person alone: no check-in was held.
      RuleExample(files: [
        "mentees/alex/profile.md": "---\nname: Alex Kim\ncadence: ↓1w\n---\n",
        "mentees/alex/sessions/2026-11-10.md": "---\ndate: 2026-11-10\ntype: career-development\n---\nTalked through the roadmap.\n",
        "mentees/alex/sessions/2026-11-24-self-assessment.md": "---\ndate: 2026-11-24\ntype: self-assessment\n---\n## Challenges\n\nThe migration slipped a week.\n",
      ]).expecting("16 days since the last session on 2026-11-10; Alex Kim's cadence is 1w, so a check-in was due 2026-11-17"),
    ],
    nonTriggering: [
      RuleExample(files: [
        "mentees/alex/profile.md": "---\nname: Alex Kim\ncadence: 2w\n---\n",
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: career-development\n---\nTalked through the roadmap.\n",
      ])
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    let grace = context.settings.number("grace-days", of: description)
    // A later session that could not be read may be the check-in.
    let lastHeld = context.heldSessions.last
    guard let profile = person.profile, let cadence = profile.cadence,
      let last = lastHeld?.date ?? profile.since, !person.mayHaveUnreadSession(onOrAfter: last)
    else { return [] }
    let due = cadence.next(after: last)
    guard due.adding(days: grace) < context.today else { return [] }
    let days = last.days(to: context.today)
    return [
      Diagnostic(
        Self.overdue(
          days: days, since: "\(last)", hadSession: lastHeld != nil, name: profile.name, cadence: "\(cadence)",
          due: "\(due)"),
        file: profile.file, at: profile.locations.value("cadence"))
    ]
  }
}

extension OverdueCheckInRule {
  /// `since` is the last held session's date, or the profile's `since` when `hadSession` is false.
  public static func overdue(
    days: Int, since: String, hadSession: Bool, name: String, cadence: String, due: String
  ) -> RuleMessage {
    let from = hadSession ? "since the last session on \(since)" : "since \(since) with no session"
    return message(
      "\(days) days \(from); \(name)'s cadence is \(cadence), so a check-in was due \(due)",
      hint: "schedule a session, or change `cadence`")
  }
}
