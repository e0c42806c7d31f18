/// One list item of a session's `## Strengths` or `## Improvements` section.
public struct FeedbackItem: Sendable, Equatable {
  /// The item as written, evidence tag included.
  public let text: String
  public let location: SourceLocation
  /// The rubric category a leading `[category]` names: the item is evidence for its rating.
  public let category: String?
  /// Where that `[` was written.
  public let categoryLocation: SourceLocation?
  /// The text without its evidence tag and suggestion: what was observed.
  public let statement: String
  /// What the person could do about it: the item's text after `Suggestion:`.
  public let suggestion: String?

  public init(
    text: String, location: SourceLocation, category: String? = nil,
    categoryLocation: SourceLocation? = nil, statement: String? = nil, suggestion: String? = nil
  ) {
    self.text = text
    self.location = location
    self.category = category
    self.categoryLocation = categoryLocation
    self.statement = statement ?? text
    self.suggestion = suggestion
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

  /// Lowercased, with runs of white space as one space and none at either end. ASCII text,
  /// the usual case, is done byte by byte into the new string; other text scalar by scalar,
  /// lowercased by Unicode's rules. Every action of every file goes through it.
  static func normalise(_ text: String) -> String {
    let ascii: String? = TextBytes.withBytes(of: text) { bytes in
      guard TextBytes.isASCII(bytes) else { return nil }
      return String(unsafeUninitializedCapacity: bytes.count) { out in
        var count = 0
        var pendingSpace = false
        for byte in bytes {
          if TextBytes.isASCIISpace(byte) {
            pendingSpace = count > 0
            continue
          }
          if pendingSpace {
            out[count] = UInt8(ascii: " ")
            count += 1
            pendingSpace = false
          }
          out[count] = TextBytes.lowercased(byte)
          count += 1
        }
        return count
      }
    }
    if let ascii { return ascii }
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if TextBytes.isSpace(scalar) {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(scalar)
    }
    return String(result).lowercased()
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
