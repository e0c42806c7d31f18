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
    self.identity = ActionItem.normalise(text)
  }

  /// Lowercased, with runs of white space as one space; scalar by scalar, with the character
  /// tables consulted only outside ASCII, since every action of every file goes through it.
  static func normalise(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    var ascii = true
    for scalar in text.unicodeScalars {
      let isSpace = scalar.isASCII ? (scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r") : scalar.properties.isWhitespace
      if isSpace {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      if scalar.isASCII {
        result.append(scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar)
      } else {
        ascii = false
        result.append(scalar)
      }
    }
    return ascii ? String(result) : String(result).lowercased()
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
