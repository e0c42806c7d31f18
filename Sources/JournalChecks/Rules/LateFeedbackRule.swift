import JournalModel
import JournalRules

/// `late-feedback`: feedback is given soon after what it is about.
public struct LateFeedbackRule: MessageRule, PersonRule {
  public static let id = "late-feedback"
  public static let severity = Severity.warning

  public init() {}
  public let description = RuleDescription(
    id: LateFeedbackRule.id,
    summary:
      "A session is written within `max-days` of its `event-date`, a candidate's within `candidate-max-days`; a candidate does not wait longer than that for feedback.",
    severity: LateFeedbackRule.severity,
    rationale: "Timeliness: delayed feedback loses its impact and relevance, and the person cannot course-correct in time.",
    parameters: [
      RuleParameter(
        name: "max-days", summary: "The most days allowed between the event and the session.",
        defaultValue: .number(7)),
      RuleParameter(
        name: "candidate-max-days",
        summary:
          "The most days between an interview and its candidate feedback, or that a candidate (a profile with `relationship: candidate` and `since`, the interview) waits with none.",
        defaultValue: .number(2)),
    ],
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\nevent-date: ↓2026-11-02\n---\n")
        .expecting("feedback written 18 days after the event on 2026-11-02 (limit 7)"),
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\nevent-date: ↓2026-11-16\n---\n")
        .expecting("candidate feedback written 4 days after the interview on 2026-11-16 (limit 2)"),
      .file("mentees/alex/profile.md", "---\nname: Alex Kim\nrelationship: candidate\nsince: ↓2026-11-20\nretain-until: 2027-05-20\n---\n")
        .expecting("Alex Kim was interviewed on 2026-11-20 (6 days ago) and has no feedback yet (limit 2 days)"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\nevent-date: 2026-11-16\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\nevent-date: 2026-11-18\n---\n"),
      .file("mentees/alex/profile.md", "---\nname: Alex Kim\nrelationship: candidate\nsince: 2026-11-25\nretain-until: 2027-05-20\n---\n"),
    ])

  public func check(_ context: PersonContext) -> [Diagnostic] {
    let person = context.person
    let limit = context.settings.number("max-days", of: description)
    let candidateLimit = context.settings.number("candidate-max-days", of: description)
    let late = person.sessions.compactMap { session -> Diagnostic? in
      guard let event = session.eventDate else { return nil }
      let gap = event.days(to: session.date)
      let candidate = session.type == .candidateFeedback
      let allowed = candidate ? candidateLimit : limit
      guard gap > allowed else { return nil }
      return Diagnostic(
        Self.late(days: gap, event: "\(event)", limit: allowed, candidate: candidate), file: session.file,
        at: session.locations.value("event-date"))
    }
    guard let wait = CandidateWait(person, today: context.today, limit: candidateLimit), wait.isOverdue,
      let profile = person.profile
    else { return late }
    return late + [
      Diagnostic(
        Self.waiting(
          profile.name, interview: "\(wait.interview)", relative: Wording.relative(wait.interview, to: context.today),
          limit: candidateLimit, id: person.id),
        file: profile.file, at: profile.locations.value("since"))
    ]
  }
}

extension LateFeedbackRule {
  public static func late(days: Int, event: String, limit: Int, candidate: Bool) -> RuleMessage {
    message(
      "\(candidate ? "candidate feedback" : "feedback") written \(Wording.count(days, "day")) after the \(candidate ? "interview" : "event") on \(event) (limit \(limit))",
      hint: candidate
        ? "a candidate deserves feedback promptly, while the interview is fresh for both of you"
        : "give feedback while the event is fresh")
  }

  public static func waiting(_ name: String, interview: String, relative: String, limit: Int, id: String) -> RuleMessage {
    message(
      "\(name) was interviewed on \(interview) (\(relative)) and has no feedback yet (limit \(limit) days)",
      hint: "write the candidate-feedback session (`journal new session \(id) --type candidate-feedback`) and send the letter")
  }
}
