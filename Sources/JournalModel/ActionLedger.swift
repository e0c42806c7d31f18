/// An action as it stands now: its latest mention, and where that is.
public struct TrackedAction: Sendable, Equatable {
  public enum Source: Sendable, Equatable {
    case session(Day)
    case plan(String)
  }

  public let item: ActionItem
  public let file: String
  public let source: Source
  /// The date of the session that first mentioned it, when a session did.
  public let firstMentioned: Day?

  public init(item: ActionItem, file: String, source: Source, firstMentioned: Day?) {
    self.item = item
    self.file = file
    self.source = source
    self.firstMentioned = firstMentioned
  }
}

extension PersonRecord {
  /// True when `session` holds nothing but what `journal new session` writes: a date, a type
  /// and perhaps a plan; no feedback, dialogue or notes; and no action but open ones carried
  /// over from an earlier session. Such a session was prepared, not held.
  public func isUntouchedTemplate(_ session: Session) -> Bool {
    guard !session.hasWriting, session.followUp == nil, session.eventDate == nil, session.metrics.isEmpty,
      session.objectives.isEmpty, session.duration == nil, session.medium == nil, session.mentor == nil,
      session.tags.isEmpty, session.project == nil
    else { return false }
    let earlier = sessions.filter { ($0.date, $0.file) < (session.date, session.file) }
    let carried = Set(earlier.flatMap { $0.actions.filter { $0.status == .open }.map(\.identity) })
    return session.actions.allSatisfy { $0.status == .open && carried.contains($0.identity) }
  }

  /// The latest session written: the last one that is not an untouched template. What a
  /// command means by "the last session" by default, as `summary` and `show` count it.
  public var lastWrittenSession: Session? { sessions.last { !isUntouchedTemplate($0) } }

  /// The person's actions, each once, in its latest state.
  ///
  /// An open action is carried over by repeating its text in the next session, so the latest
  /// session that mentions an action says where it stands; older mentions are history.
  /// A plan is edited in place, so each of its actions stands as written.
  public var currentActions: [TrackedAction] {
    // Each action's place in the result, by identity: one lookup an item, which hashes its
    // text once (a missing identity is given the next place as it is looked up).
    var place: [String: Int] = [:]
    var result: [TrackedAction] = []
    // Room for every mention once, so neither grows (and the table never rehashes) on the way.
    let mentions = sessions.reduce(0) { $0 + $1.actions.count }
    place.reserveCapacity(mentions)
    result.reserveCapacity(mentions + plans.reduce(0) { $0 + $1.actions.count })
    for session in sessions {
      for item in session.actions {
        let next = result.count
        let at = Self.value(&place[item.identity, default: next])
        let first = at < next ? result[at].firstMentioned : session.date
        let tracked = TrackedAction(
          item: item, file: session.file, source: .session(session.date), firstMentioned: first)
        if at < next { result[at] = tracked } else { result.append(tracked) }
      }
    }
    for plan in plans {
      for item in plan.actions {
        result.append(
          TrackedAction(item: item, file: plan.file, source: .plan(plan.slug), firstMentioned: nil))
      }
    }
    return result
  }

  /// The person's actions as `currentActions` has them, each named where it was last really
  /// written: a session only prepared (`isUntouchedTemplate`) repeats the open actions it
  /// carries over without anybody writing them, so the written session before it that
  /// mentions the action is its source. What an export names as an action's file and line.
  public var writtenActions: [TrackedAction] {
    let current = currentActions
    let prepared = Set(sessions.filter(isUntouchedTemplate).map(\.file))
    guard !prepared.isEmpty else { return current }
    return current.map { action in
      let identity = action.item.identity
      guard prepared.contains(action.file),
        let written = sessions.last(where: {
          !prepared.contains($0.file) && $0.actions.contains { $0.identity == identity }
        }),
        let item = written.actions.last(where: { $0.identity == identity })
      else { return action }
      return TrackedAction(
        item: item, file: written.file, source: .session(written.date), firstMentioned: action.firstMentioned)
    }
  }

  /// The value an in-out access reaches, so that `place[key, default: next]` inserts the
  /// default and reads it in one lookup.
  private static func value(_ value: inout Int) -> Int { value }
}
