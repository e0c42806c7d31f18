import JournalModel

/// The formats `journal letter` writes.
public enum LetterFormat: String, Sendable, CaseIterable {
  case text, markdown, eml
}

/// The feedback message for a candidate (or anyone) from one session: thanks, strengths,
/// improvements with their suggestions, next steps and an invitation to reply.
///
/// It is made only from what the letter is for: the person's name, role and address, the
/// session's dates, its Strengths and Improvements items (evidence tags taken off) and its
/// open actions. Ratings, rubric scores, the dialogue, free-note sections and `private/` are
/// never read into it, and a letter that names another person of the journal is refused.
public struct Letter: Sendable, Equatable {
  public let subject: String
  /// The body, in the format asked for (`text` for `eml`).
  public let body: String
  /// The person's name and address, for the message's `To`.
  public let recipientName: String
  public let recipientEmail: String?

  /// The rules whose findings stop a letter unless it is forced: the article's elements, and
  /// a session that holds only its template, which has nothing to send.
  public static let blockingRules: Set<String> = ["vague-feedback", "unbalanced-feedback", "empty-session"]

  /// Findings that stop a letter: the session's errors, its vague or unbalanced feedback, and
  /// a session nobody wrote in.
  public static func blockers(in diagnostics: [Diagnostic], session: Session) -> [Diagnostic] {
    diagnostics.filter { $0.file == session.file && ($0.severity == .error || blockingRules.contains($0.rule)) }
  }

  /// Writes the letter for `session` of `person`.
  ///
  /// - Parameters:
  ///   - categories: Name each item's rubric category by its title (never its rating).
  ///   - others: Everyone else in the journal: a letter naming one of them is refused.
  public static func write(
    person: PersonRecord, session: Session, rubric: Rubric?, template: LetterTemplate,
    format: LetterFormat, categories: Bool = false, sender: String? = nil, others: [PersonRecord] = []
  ) throws -> Letter {
    func title(_ item: FeedbackItem) -> String? {
      guard categories, let id = item.category else { return nil }
      return rubric?.category(id)?.title
    }
    func feedback(_ items: [FeedbackItem]) -> [[String: Any]] {
      items.map { item in
        var values: [String: Any] = ["text": item.statement]
        if let suggestion = item.suggestion { values["suggestion"] = suggestion }
        if let category = title(item) { values["category"] = category }
        return values
      }
    }
    var values: [String: Any] = [
      "name": person.displayName,
      "date": session.date.description,
      "interviewDate": (session.eventDate ?? session.date).description,
      "strengths": feedback(session.strengths),
      "improvements": feedback(session.improvements),
      "actions": session.actions.filter { $0.status == .open }.map { action -> [String: Any] in
        var values: [String: Any] = ["text": action.text]
        if let due = action.due { values["due"] = due.description }
        return values
      },
    ]
    if let role = person.profile?.role { values["role"] = role }
    if let sender = sender ?? session.mentor { values["sender"] = sender }

    let rendered = try template.render(values, escapingFor: format == .eml ? .text : format)
    let (subject, body) = splitSubject(rendered)
    if let leak = Self.mention(of: others, in: (subject ?? "") + "\n" + body, besides: person) {
      throw JournalError(
        "the letter names \(leak), who is someone else in the journal; reword \(session.file) so it speaks of \(person.displayName) alone")
    }
    return Letter(
      subject: subject ?? "Feedback on your interview", body: body, recipientName: person.displayName,
      recipientEmail: person.profile?.email)
  }

  /// The letter as `text` or `markdown` prints it: the subject line, then the body.
  public var document: String {
    "Subject: \(subject)\n\n" + body
  }

  /// Takes a first line `Subject: …` off the rendered template.
  static func splitSubject(_ rendered: String) -> (String?, String) {
    let marker: StaticString = "subject:"
    return TextBytes.withBytes(of: rendered) { bytes -> (String?, String) in
      guard bytes.count >= marker.utf8CodeUnitCount,
        TextBytes.equalsIgnoringASCIICase(bytes, 0..<marker.utf8CodeUnitCount, marker)
      else { return (nil, rendered) }
      let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
      let subject = TextBytes.string(bytes, TextBytes.trimmed(bytes, marker.utf8CodeUnitCount..<end))
      var start = end
      while start < bytes.count, bytes[start] == UInt8(ascii: "\n") { start += 1 }
      return (subject, TextBytes.string(bytes, start..<bytes.count))
    }
  }

  /// The first other person whose name, first name or id the text holds as a whole word.
  static func mention(of others: [PersonRecord], in text: String, besides person: PersonRecord) -> String? {
    let own = Set(words(of: person.displayName))
    for other in others where other.id != person.id {
      var names = [other.displayName, other.id]
      if let first = words(of: other.displayName).first, !own.contains(first), first.utf8.count > 1 {
        names.append(first)
      }
      for name in names where !name.isEmpty && containsWord(name, in: text) {
        return "`\(name)`"
      }
    }
    return nil
  }

  private static func words(of name: String) -> [String] {
    name.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).map {
      String(String.UnicodeScalarView($0))
    }
  }

  /// Whether `word` occurs in `text` with no letter or digit right before or after it,
  /// compared as UTF-8 bytes.
  static func containsWord(_ word: String, in text: String) -> Bool {
    TextBytes.withBytes(of: text) { bytes in
      TextBytes.withBytes(of: word) { needle in
        var from = 0
        while let range = TextBytes.firstRange(of: needle, in: bytes, within: from..<bytes.count) {
          let before = range.lowerBound == 0 ? nil : TextBytes.scalar(in: bytes, at: TextBytes.scalarStart(in: bytes, before: range.lowerBound)).0
          let after = range.upperBound == bytes.count ? nil : TextBytes.scalar(in: bytes, at: range.upperBound).0
          let isWordScalar = { (scalar: Unicode.Scalar?) in
            scalar.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
          }
          if !isWordScalar(before) && !isWordScalar(after) { return true }
          from = range.lowerBound + 1
        }
        return false
      }
    }
  }
}
