import JournalModel

/// One person's standing on a given day: sessions, follow-ups, feedback balance, actions and
/// progress on measurable goals.
public struct PersonSummary: Sendable {
  public struct GoalProgress: Sendable {
    public let goal: Goal
    public let plan: String
    /// Recorded values, oldest first.
    public let values: [(day: Day, value: Double)]
    /// The share of the way from baseline to target, 0 to 1 (or past 1), when both are known.
    public var progress: Double? {
      guard let baseline = goal.baseline, let target = goal.target, baseline != target,
        let latest = values.last?.value
      else { return nil }
      return (latest - baseline) / (target - baseline)
    }

    /// Whether the latest value has reached the target (or gone past it).
    public var reached: Bool? { progress.map { $0 >= 1 } }

    /// "61% of the way", or "target reached" once the latest value is at or past the target.
    public var progressText: String? {
      guard let progress else { return nil }
      return progress >= 1 ? "target reached" : "\(Int((progress * 100).rounded()))% of the way"
    }
  }

  /// What the report shows of the person's record; the sessions themselves are not kept, so
  /// a summary of a large journal holds figures, not notes.
  public let id: String
  public let displayName: String
  public let profile: Person?
  /// Sessions counted (within `since` and `until`).
  public let sessionCount: Int
  private let typeCounts: [SessionType: Int]
  /// Sessions per month, `YYYY-MM`, oldest first.
  public let sessionsByMonth: [(month: String, count: Int)]
  /// Actions first mentioned in each month, against those closed (done or dropped) in each
  /// month, by the date of the session that closed them; plan actions carry no dates.
  public let actionFlow: [(month: String, opened: Int, closed: Int)]
  public let lastSession: Day?
  public let daysSinceLast: Int?
  public let checkInDue: Day?
  public let nextFollowUp: Day?
  public let strengths: Int
  public let improvements: Int
  public let openActions: [TrackedAction]
  public let doneActions: Int
  public let droppedActions: Int
  public let overdueActions: Int
  public let goals: [GoalProgress]
  /// Session files of the period that could not be read (their own findings say why): named,
  /// since the figures above leave them out.
  public let unreadSessions: [String]
  /// The person's written self-assessments of the period, oldest first: their own words,
  /// listed beside the sessions and counted in none of the figures above.
  public let selfAssessments: [(day: Day, file: String)]

  public init(_ record: PersonRecord, today: Day, since: Day? = nil, until: Day? = nil) {
    id = record.id
    displayName = record.displayName
    profile = record.profile
    // An untouched `journal new session` template was prepared, not held (`empty-session`).
    let held = record.sessions.filter { !record.isUntouchedTemplate($0) }
    let sessions = held.filter { session in
      (since.map { session.date >= $0 } ?? true) && (until.map { session.date <= $0 } ?? true)
    }
    sessionCount = sessions.count
    selfAssessments = record.selfAssessments.filter { note in
      note.hasWriting && (since.map { note.date >= $0 } ?? true) && (until.map { note.date <= $0 } ?? true)
    }.map { (day: $0.date, file: $0.file) }
    unreadSessions = record.unreadSessions.filter { unread in
      guard let date = unread.date else { return true }
      return (since.map { date >= $0 } ?? true) && (until.map { date <= $0 } ?? true)
    }.map(\.file)
    var types: [SessionType: Int] = [:]
    var months: [String: Int] = [:]
    for session in sessions {
      types[session.type, default: 0] += 1
      months[session.date.monthKey, default: 0] += 1
    }
    typeCounts = types
    sessionsByMonth = months.sorted { $0.key < $1.key }.map { (month: $0.key, count: $0.value) }
    lastSession = held.last?.date
    daysSinceLast = lastSession.map { $0.days(to: today) }
    if let cadence = record.profile?.cadence, let last = lastSession ?? record.profile?.since {
      checkInDue = cadence.next(after: last)
    } else {
      checkInDue = nil
    }
    nextFollowUp = held.last?.followUp
    strengths = sessions.reduce(0) { $0 + $1.strengths.count }
    improvements = sessions.reduce(0) { $0 + $1.improvements.count }
    let actions = record.currentActions
    openActions = actions.filter { $0.item.status == .open }
    doneActions = actions.count { $0.item.status == .done }
    droppedActions = actions.count { $0.item.status == .dropped }
    overdueActions = openActions.count { ($0.item.due ?? today) < today }
    var opened: [String: Int] = [:]
    var closed: [String: Int] = [:]
    for action in actions {
      if let first = action.firstMentioned { opened[first.monthKey, default: 0] += 1 }
      if action.item.status != .open, case .session(let day) = action.source {
        closed[day.monthKey, default: 0] += 1
      }
    }
    actionFlow = Set(opened.keys).union(closed.keys).sorted().map {
      (month: $0, opened: opened[$0] ?? 0, closed: closed[$0] ?? 0)
    }
    goals = record.plans.flatMap { plan in
      plan.goals.compactMap { goal -> GoalProgress? in
        guard let metric = goal.metric else { return nil }
        let values = sessions.flatMap { session in
          session.metrics.filter { $0.id == metric }.map { (day: session.date, value: $0.value) }
        }
        return GoalProgress(goal: goal, plan: plan.slug, values: values)
      }
    }
  }

  /// Done actions as a share of those done or still open.
  public var completionRate: Double? {
    let total = doneActions + openActions.count
    return total == 0 ? nil : Double(doneActions) / Double(total)
  }

  public func sessions(of type: SessionType) -> Int { typeCounts[type] ?? 0 }

  /// "2026-10-30, 2026-11-24": the self-assessments' dates, as the reports list them.
  public var selfAssessmentsText: String { selfAssessments.map { "\($0.day)" }.joined(separator: ", ") }

  /// "4 (1 career-development, 3 project-specific)": the count, then by type.
  public var sessionsText: String {
    let types = SessionType.allCases.compactMap { type -> String? in
      let count = sessions(of: type)
      return count == 0 ? nil : "\(count) \(type.rawValue)"
    }
    return "\(sessionCount)" + (types.isEmpty ? "" : " (" + types.joined(separator: ", ") + ")")
  }
}
