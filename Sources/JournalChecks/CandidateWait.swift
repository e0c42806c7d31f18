import JournalModel
import JournalRules

/// A candidate waiting for feedback: a profile with `relationship: candidate` whose `since`
/// (the interview) has passed and who has no candidate-feedback session yet.
public struct CandidateWait: Sendable, Equatable {
  public let person: String
  public let name: String
  public let interview: Day
  public let days: Int
  /// The most days `late-feedback` allows (`candidate-max-days`).
  public let limit: Int

  public var isOverdue: Bool { days > limit }

  public init?(_ person: PersonRecord, today: Day, limit: Int) {
    guard let profile = person.profile, profile.relationship == .candidate, let interview = profile.since,
      interview <= today, !person.sessions.contains(where: { $0.type == .candidateFeedback })
    else { return nil }
    self.person = person.id
    self.name = profile.name
    self.interview = interview
    self.days = interview.days(to: today)
    self.limit = limit
  }

  /// `late-feedback`'s `candidate-max-days` as the journal sets it.
  public static func limit(_ config: JournalConfig) -> Int {
    RuleSettings(config: config, today: Day(ordinal: 0)).number("candidate-max-days", of: LateFeedbackRule().description)
  }
}
