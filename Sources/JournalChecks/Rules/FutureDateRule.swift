import JournalModel
import JournalRules

/// `future-date`: notes are dated no further ahead than a plan can reach.
public struct FutureDateRule: MessageRule, FileRule {
  public static let id = "future-date"
  public static let severity = Severity.warning

  /// The rule with its settings' defaults; a check uses `configured(by:)`'s.
  public init() {
    let defaults = configured(by: RuleSettings(config: JournalConfig(), today: RuleExample.defaultToday))
    maxDays = defaults.maxDays
    horizon = defaults.horizon
  }
  public let description = RuleDescription(
    id: FutureDateRule.id,
    summary: "A session or a self-assessment is dated no more than `max-days` after today, and a `follow-up` or action `due:` no more than `horizon-days`. A session dated further ahead does not count for cadence or follow-ups.",
    severity: FutureDateRule.severity,
    rationale: "A session is written after it is held; one dated ahead is most often a mistyped year, and taken as the last session it would keep every check-in and follow-up from ever coming due. A follow-up or due date years away is a promise nobody will track.",
    parameters: [
      RuleParameter(
        name: "max-days", summary: "The most days after today a session or a self-assessment may be dated.", defaultValue: .number(1)),
      RuleParameter(
        name: "horizon-days", summary: "The most days after today a `follow-up` or `due:` date may be.",
        defaultValue: .number(365)),
    ],
    triggering: [
      .file("mentees/alex/sessions/2027-11-20.md", "---\ndate: ↓2027-11-20\ntype: career-development\n---\n")
        .expecting("the session is dated 2027-11-20, 359 days after today (2026-11-26)"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: ↓2028-01-08\n---\n")
        .expecting("`follow-up` 2028-01-08 is 408 days after today (2026-11-26), more than 365"),
      .session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n↓- [ ] Book the conference due:2029-03-01\n")
        .expecting("action \"Book the conference\" is due 2029-03-01, 826 days after today (2026-11-26), more than 365"),
      .file("mentees/alex/sessions/2027-11-18-self-assessment.md", "---\ndate: ↓2027-11-18\ntype: self-assessment\n---\n")
        .expecting("the self-assessment is dated 2027-11-18, 357 days after today (2026-11-26)"),
    ],
    nonTriggering: [
      .file("mentees/alex/sessions/2026-11-27.md", "---\ndate: 2026-11-27\ntype: career-development\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2027-05-20\n---\n## Actions\n\n- [ ] Book the conference due:2027-09-01\n"),
    ])

  /// The settings, read once per check.
  private var maxDays = 0
  private var horizon = 0

  public func configured(by settings: RuleSettings) -> FutureDateRule {
    var rule = self
    rule.maxDays = settings.number("max-days", of: description)
    rule.horizon = settings.number("horizon-days", of: description)
    return rule
  }

  public func check(_ file: FileContext) -> [Diagnostic] {
    let today = file.today
    var findings: [Diagnostic] = []
    let actions: [ActionItem]
    switch file.note {
    case .session(let session):
      let ahead = today.days(to: session.date)
      if ahead > maxDays {
        findings.append(
          Diagnostic(
            Self.sessionAhead(date: "\(session.date)", days: ahead, today: "\(today)", limit: maxDays),
            file: session.file, at: session.locations.value("date")))
      }
      if let followUp = session.followUp, today.days(to: followUp) > horizon {
        findings.append(
          Diagnostic(
            Self.followUpAhead("\(followUp)", days: today.days(to: followUp), today: "\(today)", limit: horizon),
            file: session.file, at: session.locations.value("follow-up")))
      }
      actions = session.actions
    case .plan(let plan):
      actions = plan.actions
    case .selfAssessment(let note):
      // Its date alone: it sets no follow-up and holds no action.
      let ahead = today.days(to: note.date)
      guard ahead > maxDays else { return [] }
      let message = Self.selfAssessmentAhead(date: "\(note.date)", days: ahead, today: "\(today)", limit: maxDays)
      return [Diagnostic(message, file: note.file, at: note.locations.value("date"))]
    case .profile:
      return []
    }
    for action in actions {
      guard let due = action.due, today.days(to: due) > horizon else { continue }
      findings.append(
        Diagnostic(
          Self.dueAhead(action.text, due: "\(due)", days: today.days(to: due), today: "\(today)", limit: horizon),
          file: file.file, at: action.location))
    }
    return findings
  }
}

extension FutureDateRule {
  /// The rule's description, made once, for the settings other rules read through it.
  static let described = FutureDateRule().description

  public static func sessionAhead(date: String, days: Int, today: String, limit: Int) -> RuleMessage {
    message(
      "the session is dated \(date), \(Wording.count(days, "day")) after today (\(today))",
      hint: "a session is written once held; correct the year if it is a typo (allowed: \(Wording.count(limit, "day")) ahead)")
  }

  public static func selfAssessmentAhead(date: String, days: Int, today: String, limit: Int) -> RuleMessage {
    message(
      "the self-assessment is dated \(date), \(Wording.count(days, "day")) after today (\(today))",
      hint: "date it the day it is written; correct the year if it is a typo (allowed: \(Wording.count(limit, "day")) ahead)")
  }

  public static func followUpAhead(_ followUp: String, days: Int, today: String, limit: Int) -> RuleMessage {
    message(
      "`follow-up` \(followUp) is \(Wording.count(days, "day")) after today (\(today)), more than \(limit)",
      hint: "agree a nearer date, or correct the year if it is a typo")
  }

  public static func dueAhead(_ text: String, due: String, days: Int, today: String, limit: Int) -> RuleMessage {
    message(
      "action \"\(text)\" is due \(due), \(Wording.count(days, "day")) after today (\(today)), more than \(limit)",
      hint: "split it into a nearer step, or correct the year if it is a typo")
  }
}

extension PersonContext {
  /// The person's sessions that count as held, for cadence and follow-ups: neither an
  /// untouched template (`empty-session`) nor dated beyond `future-date`'s `max-days`.
  var heldSessions: [Session] {
    let ahead = settings.number("max-days", of: FutureDateRule.described)
    return person.sessions.filter { session in
      today.days(to: session.date) <= ahead && !person.isUntouchedTemplate(session)
    }
  }
}
