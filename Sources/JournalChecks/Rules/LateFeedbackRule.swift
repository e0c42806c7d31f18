import JournalModel
import JournalRules

/// `late-feedback`: feedback is given soon after what it is about.
public struct LateFeedbackRule: Rule {
  public init() {}
  public let description = RuleDescription(
    id: "late-feedback",
    summary:
      "A session is written within `max-days` of its `event-date`, a candidate's within `candidate-max-days`; a candidate does not wait longer than that for feedback.",
    severity: .warning,
    scope: .person,
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
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\nevent-date: ↓2026-11-02\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\nevent-date: ↓2026-11-16\n---\n"),
      .file("mentees/alex/profile.md", "---\nname: Alex Kim\nrelationship: candidate\nsince: ↓2026-11-20\nretain-until: 2027-05-20\n---\n"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\nevent-date: 2026-11-16\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: candidate-feedback\nevent-date: 2026-11-18\n---\n"),
      .file("mentees/alex/profile.md", "---\nname: Alex Kim\nrelationship: candidate\nsince: 2026-11-25\nretain-until: 2027-05-20\n---\n"),
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let limit = context.number("max-days", of: description)
    let candidateLimit = context.number("candidate-max-days", of: description)
    let late = context.journal.people.flatMap(\.sessions).compactMap { session -> Diagnostic? in
      guard let event = session.eventDate else { return nil }
      let gap = event.days(to: session.date)
      let candidate = session.type == .candidateFeedback
      let allowed = candidate ? candidateLimit : limit
      guard gap > allowed else { return nil }
      return context.finding(
        description,
        "\(candidate ? "candidate feedback" : "feedback") written \(Wording.count(gap, "day")) after the \(candidate ? "interview" : "event") on \(event) (limit \(allowed))",
        file: session.file, at: session.locations.value("event-date"),
        hint: candidate
          ? "a candidate deserves feedback promptly, while the interview is fresh for both of you"
          : "give feedback while the event is fresh")
    }
    let waiting = context.journal.people.compactMap { person -> Diagnostic? in
      guard let wait = CandidateWait(person, today: context.today, limit: candidateLimit), wait.isOverdue,
        let profile = person.profile
      else { return nil }
      return context.finding(
        description,
        "\(profile.name) was interviewed on \(wait.interview) (\(Wording.relative(wait.interview, to: context.today))) and has no feedback yet (limit \(candidateLimit) days)",
        file: profile.file, at: profile.locations.value("since"),
        hint: "write the candidate-feedback session (`journal new session \(person.id) --type candidate-feedback`) and send the letter")
    }
    return late + waiting
  }
}
