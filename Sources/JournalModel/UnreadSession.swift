/// A session file whose actions and follow-up could not be read: its front matter is broken,
/// its body is past the bounds journal reads, or it is saved under a name journal does not
/// read (`2026-11-18.MD`). The file has a finding of its own that says why.
public struct UnreadSession: Sendable, Equatable {
  public let file: String
  /// The date its file name gives, when it gives one.
  public let date: Day?

  public init(file: String, date: Day?) {
    self.file = file
    self.date = date
  }
}

extension PersonRecord {
  /// Whether a session that could not be read may be dated on or after `day`: what it says of
  /// the actions and follow-ups before it is unknown, so rules that judge those by the later
  /// sessions hold back until it is mended.
  public func mayHaveUnreadSession(onOrAfter day: Day) -> Bool {
    unreadSessions.contains { $0.date.map { $0 >= day } ?? true }
  }
}
