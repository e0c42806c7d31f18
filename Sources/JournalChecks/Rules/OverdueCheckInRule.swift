import JournalModel
import JournalRules

/// `overdue-check-in`: people are met as often as their cadence says.
public struct OverdueCheckInRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "overdue-check-in",
    summary: "No more than the person's `cadence` has passed since their last session.",
    severity: .warning,
    scope: .person,
    rationale: "Personalised feedback works through regular check-ins; a person who is not met drifts from their plan unnoticed.",
    parameters: [
      RuleParameter(
        name: "grace-days", summary: "Days allowed past the cadence before a check-in is overdue.",
        defaultValue: .number(0))
    ],
    triggering: [
      RuleExample(files: [
        "mentees/alex/profile.md": "---\nname: Alex Kim\ncadence: ↓1w\n---\n",
        "mentees/alex/sessions/2026-11-10.md": "---\ndate: 2026-11-10\ntype: career-development\n---\n",
      ])
    ],
    nonTriggering: [
      RuleExample(files: [
        "mentees/alex/profile.md": "---\nname: Alex Kim\ncadence: 2w\n---\n",
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: career-development\n---\n",
      ])
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let grace = Int(context.number("grace-days", of: description))
    return context.journal.people.compactMap { person in
      guard let profile = person.profile, let cadence = profile.cadence,
        let last = person.lastSession?.date ?? profile.since
      else { return nil }
      let due = cadence.next(after: last)
      guard due.adding(days: grace) < context.today else { return nil }
      let days = last.days(to: context.today)
      let since = person.lastSession == nil ? "since \(last) with no session" : "since the last session on \(last)"
      return context.finding(
        description,
        "\(days) days \(since); \(profile.name)'s cadence is \(cadence), so a check-in was due \(due)",
        file: profile.file, at: profile.locations.value("cadence"),
        hint: "schedule a session, or change `cadence`")
    }
  }
}
