import JournalModel

/// Reads a task-list item of an `## Actions` section into an `ActionItem`.
///
/// Only `due:`, `owner:` and `priority:` are read from the text, each written `key:value`
/// as one word; everything else is the action's description.
enum ActionItemParser {

  static func parse(
    _ item: MarkdownBody.ListItem, source: SourceText, file: String,
    diagnostics: inout [Diagnostic]
  ) -> ActionItem? {
    func report(_ message: String, at location: SourceLocation, hint: String? = nil) {
      diagnostics.append(
        Diagnostic(
          rule: RuleID.actionSyntax, severity: .error, message: message, file: file,
          location: location, hint: hint))
    }
    let status: ActionStatus
    switch item.task {
    case .open: status = .open
    case .done: status = .done
    case .dropped: status = .dropped
    case nil:
      report(
        "an item under Actions must be a task-list item", at: item.location,
        hint: "write `- [ ] …` for an open action, `- [x] …` when done, `- [-] …` when dropped")
      return nil
    }

    var due: Day?
    var owner: String?
    var priority: Priority?
    var seen: Set<String> = []
    var words: [Substring] = []
    // Words split by bytes, and tokens told by their first bytes: this runs for every action
    // of every file, and splitting by grapheme would cost more than the rest of the parse.
    var inCode = false
    for word in Self.words(item.markedText) {
      // A word written as code, even partly, is text: `due:2026-01-01` in backticks is no date.
      let touchesCode = inCode || word.contains(MarkdownBody.codeStart) || word.contains(MarkdownBody.codeEnd)
      for character in word where character == MarkdownBody.codeStart || character == MarkdownBody.codeEnd {
        inCode = character == MarkdownBody.codeStart
      }
      guard !touchesCode, let colon = Self.tokenColon(word) else {
        words.append(word)
        continue
      }
      let key = String(word[..<colon])
      let value = String(word[word.index(after: colon)...])
      let location = locate(String(word), in: item, source: source)
      if seen.contains(key) {
        report("`\(key):` is given more than once", at: location)
        continue
      }
      seen.insert(key)
      switch key {
      case "due":
        if let day = Day(iso: value) {
          due = day
        } else if value.isEmpty {
          report(
            "`due:` needs a date right after the colon", at: location,
            hint: "write `due:2026-12-15`, with no space after the colon")
        } else if Day.looksLikeDate(value) {
          report("`due:\(value)` is not a real calendar date", at: location)
        } else {
          report("`due:\(value)` is not a date", at: location, hint: "write `due:YYYY-MM-DD`")
        }
      case "owner":
        if value.isEmpty {
          report(
            "`owner:` needs a name right after the colon", at: location,
            hint: "write `owner:alice`, with no space after the colon")
        } else {
          owner = value
        }
      default:
        if let level = Priority(rawValue: value) {
          priority = level
        } else {
          report(
            value.isEmpty ? "`priority:` needs a level right after the colon" : "`\(value)` is not a priority",
            at: location, hint: Suggestion.hint(for: value, among: Priority.allCases.map(\.rawValue)))
        }
      }
    }
    let text = String(words.joined(separator: " ").filter { $0 != MarkdownBody.codeStart && $0 != MarkdownBody.codeEnd })
    if text.isEmpty {
      report("action has no text, only tokens", at: item.location)
      return nil
    }
    return ActionItem(
      text: text, status: status, due: due, owner: owner, priority: priority,
      location: item.location)
  }

  /// The text's space-separated words.
  static func words(_ text: String) -> [Substring] {
    var words: [Substring] = []
    let utf8 = text.utf8
    var start: String.Index? = nil
    var index = utf8.startIndex
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
        if let begin = start { words.append(text[begin..<index]) }
        start = nil
      } else if start == nil {
        start = index
      }
      index = utf8.index(after: index)
    }
    if let begin = start { words.append(text[begin..<utf8.endIndex]) }
    return words
  }

  /// The index of the colon when the word is `due:`, `owner:` or `priority:` and a value.
  static func tokenColon(_ word: Substring) -> String.Index? {
    let utf8 = word.utf8
    for key in ["due:", "owner:", "priority:"] where utf8.starts(with: key.utf8) {
      return utf8.index(utf8.startIndex, offsetBy: key.utf8.count - 1)
    }
    return nil
  }

  /// Where a token was written: the first line of the item that holds it.
  private static func locate(_ token: String, in item: MarkdownBody.ListItem, source: SourceText)
    -> SourceLocation
  {
    for lineNumber in item.lines {
      let line = source.line(lineNumber)
      if let range = line.range(of: token) {
        return SourceLocation(
          line: lineNumber, column: line.unicodeScalars[..<range.lowerBound].count + 1)
      }
    }
    return item.location
  }
}

extension Substring {
  /// The first occurrence of `needle`, compared byte by byte in UTF-8.
  func range(of needle: String) -> Range<Index>? {
    let haystack = Array(utf8)
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
    for start in 0...(haystack.count - pattern.count)
    where haystack[start] == pattern[0] && haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
      let lower = utf8.index(utf8.startIndex, offsetBy: start)
      return lower..<utf8.index(lower, offsetBy: pattern.count)
    }
    return nil
  }
}
