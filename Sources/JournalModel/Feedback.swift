/// One list item of a session's `## Strengths` or `## Improvements` section.
public struct FeedbackItem: Sendable, Equatable {
  public let text: String
  public let location: SourceLocation

  public init(text: String, location: SourceLocation) {
    self.text = text
    self.location = location
  }
}

/// A task-list item of an `## Actions` section: `- [ ] text due:2026-12-15 owner:alice priority:high`.
public struct ActionItem: Sendable, Equatable {
  /// The text without its `due:`, `owner:` and `priority:` tokens.
  public let text: String
  public let status: ActionStatus
  public let due: Day?
  public let owner: String?
  public let priority: Priority?
  public let location: SourceLocation

  public init(
    text: String, status: ActionStatus, due: Day? = nil, owner: String? = nil,
    priority: Priority? = nil, location: SourceLocation
  ) {
    self.text = text
    self.status = status
    self.due = due
    self.owner = owner
    self.priority = priority
    self.location = location
    self.identity = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// What makes two mentions the same action when it is carried over to a later session:
  /// the text, ignoring case, spacing and its tokens. Computed once, where files are parsed.
  public let identity: String
}

/// A section heading as it was written, for findings about a whole section.
public struct SectionMark: Sendable, Equatable {
  public let title: String
  public let location: SourceLocation

  public init(title: String, location: SourceLocation) {
    self.title = title
    self.location = location
  }
}
