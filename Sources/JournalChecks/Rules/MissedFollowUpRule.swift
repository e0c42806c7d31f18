import JournalModel
import JournalRules

/// `missed-follow-up`: an agreed follow-up happens.
public struct MissedFollowUpRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "missed-follow-up",
    summary: "When a session's `follow-up` date has passed, a later session exists.",
    severity: .warning,
    scope: .person,
    rationale: "Regular follow-ups keep an action plan alive; a missed one is the first sign that feedback is not being followed through.",
    parameters: [
      RuleParameter(
        name: "grace-days", summary: "Days allowed after the follow-up date before it counts as missed.",
        defaultValue: .number(0))
    ],
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: ↓2026-11-24\n---\n")
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2026-12-01\n---\n")
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let grace = Int(context.number("grace-days", of: description))
    return context.journal.people.compactMap { person in
      guard let last = person.lastSession, let followUp = last.followUp,
        followUp.adding(days: grace) < context.today
      else { return nil }
      let days = followUp.days(to: context.today)
      return context.finding(
        description,
        "follow-up with \(person.displayName) was due \(followUp) (\(days) day\(days == 1 ? "" : "s") ago) and no later session is recorded",
        file: last.file, at: last.locations.value("follow-up"),
        hint: "record the follow-up session, or move the date")
    }
  }
}
