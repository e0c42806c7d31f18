/// The four kinds of one-on-one session the source articles describe.
public enum SessionType: String, Sendable, CaseIterable {
  case performanceImprovement = "performance-improvement"
  case careerDevelopment = "career-development"
  case projectSpecific = "project-specific"
  case candidateFeedback = "candidate-feedback"
}

/// How a session was held.
public enum Medium: String, Sendable, CaseIterable {
  case inPerson = "in-person"
  case video, phone, email, chat
}

/// What the person is to the journal's owner.
public enum Relationship: String, Sendable, CaseIterable {
  case mentee, report, candidate
}

/// Where an action plan stands.
public enum PlanStatus: String, Sendable, CaseIterable {
  case active, completed, abandoned
}

/// An action item's state: `- [ ]`, `- [x]` or `- [-]`.
public enum ActionStatus: String, Sendable, CaseIterable {
  case open, done, dropped
}

/// An action item's `priority:` token.
public enum Priority: String, Sendable, CaseIterable, Comparable {
  case low, medium, high

  private var rank: Int {
    switch self {
    case .low: 0
    case .medium: 1
    case .high: 2
    }
  }

  public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
