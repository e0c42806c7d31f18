import JournalModel
import JournalRules

/// Reads a task-list item of an `## Actions` section into an `ActionItem`.
///
/// Only `due:`, `owner:` and `priority:` are read from the text, each written `key:value`
/// as one word; everything else is the action's description. Words are split and tokens told
/// on the item's UTF-8 bytes: this runs for every action of every file.
enum ActionItemParser {
  /// The keys of an action's tokens.
  enum Key: Int, CaseIterable {
    case due, owner, priority

    var name: StaticString {
      switch self {
      case .due: "due"
      case .owner: "owner"
      case .priority: "priority"
      }
    }

    /// The key a word starts with in another case, such as `Due:` or `OWNER:`.
    static func ofAnyCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Key? {
      // Most words start with another letter: one look at the first byte settles them.
      guard let first = word.first else { return nil }
      switch bytes[first] | 0x20 {
      case UInt8(ascii: "d"), UInt8(ascii: "o"), UInt8(ascii: "p"): break
      default: return nil
      }
      return allCases.first { key in
        let colon = word.lowerBound + key.name.utf8CodeUnitCount
        return colon < word.upperBound && bytes[colon] == UInt8(ascii: ":")
          && TextBytes.equalsIgnoringASCIICase(bytes, word.lowerBound..<colon, key.name)
      }
    }

    /// The key a word starts with, written `key:`, if any.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Key? {
      guard let first = word.first else { return nil }
      let key: Key
      switch bytes[first] {
      case UInt8(ascii: "d"): key = .due
      case UInt8(ascii: "o"): key = .owner
      case UInt8(ascii: "p"): key = .priority
      default: return nil
      }
      let name = key.name
      let colon = word.lowerBound + name.utf8CodeUnitCount
      guard colon < word.upperBound, bytes[colon] == UInt8(ascii: ":") else { return nil }
      for offset in 1..<name.utf8CodeUnitCount where bytes[first + offset] != name.utf8Start[offset] {
        return nil
      }
      return key
    }
  }

  static func parse(
    _ item: MarkdownBody.ListItem, of body: MarkdownBody, source: SourceText, file: String,
    diagnostics: inout [Diagnostic]
  ) -> ActionItem? {
    func report(_ message: RuleMessage, at location: SourceLocation) {
      diagnostics.append(Diagnostic(message, file: file, at: location))
    }
    let status: ActionStatus
    switch item.task {
    case .open: status = .open
    case .done: status = .done
    case .dropped: status = .dropped
    case nil:
      report(ActionSyntaxRule.notATask, at: item.location)
      return nil
    }

    var due: Day?
    var owner: String?
    var priority: Priority?
    var seen = 0
    let text: String = body.withText { bytes in
      var words = body.codeSpans.withUnsafeBufferPointer {
        Self.words(bytes, item.text, code: UnsafeBufferPointer(rebasing: $0[item.code]))
      }
      // By index: iterating `words.enumerated()` would hold the array while a word is marked
      // as a token below, and copy it whole.
      for index in words.indices {
        let word = words[index]
        // A word written as code, even partly, is text: `due:2026-01-01` in backticks is no date.
        guard !word.touchesCode else { continue }
        guard let key = Key.of(bytes, word.range) else {
          if let key = Key.ofAnyCase(bytes, word.range) {
            let token = UnsafeBufferPointer(rebasing: bytes[word.range])
            let written = String(decoding: token.prefix(key.name.utf8CodeUnitCount + 1), as: UTF8.self)
            let value = String(decoding: token.dropFirst(key.name.utf8CodeUnitCount + 1), as: UTF8.self)
            report(
              ActionSyntaxRule.tokenCase(written, fix: "\(key.name):\(value.isEmpty ? Self.example(key) : value)"),
              at: locate(token, in: item, source: source))
          }
          continue
        }
        words[index].isToken = true
        let token = UnsafeBufferPointer(rebasing: bytes[word.range])
        var value = UnsafeBufferPointer(
          rebasing: bytes[(word.range.lowerBound + key.name.utf8CodeUnitCount + 1)..<word.range.upperBound])
        // Where the token was written is searched for only when a finding needs it.
        let location = { locate(token, in: item, source: source) }
        guard seen & (1 << key.rawValue) == 0 else {
          report(ActionSyntaxRule.repeated(token: "\(key.name)"), at: location())
          continue
        }
        seen |= 1 << key.rawValue
        // `due:“2026-12-15”`: reported, and read as meant.
        if let inner = CurlyQuotes.inner(0..<value.count, of: value) ?? CurlyQuotes.straightInner(value) {
          value = UnsafeBufferPointer(rebasing: value[inner])
          report(
            ActionSyntaxRule.quotedValue(
              token: String(decoding: token, as: UTF8.self), key: "\(key.name)", value: String(decoding: value, as: UTF8.self)),
            at: location())
        }
        switch key {
        case .due:
          if let day = Day(isoBytes: value) {
            due = day
          } else if value.isEmpty {
            let next = Self.nextWord(after: index, in: words, bytes)
            report(ActionSyntaxRule.dueWithoutDate(suggesting: next.flatMap(Self.dueForm)), at: location())
          } else if Day.looksLikeDate(String(decoding: value, as: UTF8.self)) {
            let written = String(decoding: value, as: UTF8.self)
            report(ActionSyntaxRule.dueNotARealDate(written, reason: WrittenDate.whyNotADay(written)), at: location())
          } else {
            let written = String(decoding: value, as: UTF8.self)
            report(ActionSyntaxRule.dueNotADate(written, suggesting: Self.dueForm(written)), at: location())
          }
        case .owner:
          if value.isEmpty {
            let next = Self.nextWord(after: index, in: words, bytes)
            report(ActionSyntaxRule.ownerWithoutName(suggesting: next), at: location())
          } else {
            owner = String(decoding: value, as: UTF8.self)
          }
        case .priority:
          let level = String(decoding: value, as: UTF8.self)
          if let known = Priority(rawValue: level) {
            priority = known
          } else {
            report(
              ActionSyntaxRule.notAPriority(
                level, suggestion: Suggestion.hint(for: level, among: Priority.allCases.map(\.rawValue))),
              at: location())
          }
        }
      }
      // The words that are not tokens, one space between each.
      return String(unsafeUninitializedCapacity: item.text.count) { out in
        var count = 0
        var written = 0
        for word in words where !word.isToken {
          if written > 0 {
            out[count] = UInt8(ascii: " ")
            count += 1
          }
          written += 1
          for index in word.range {
            out[count] = bytes[index]
            count += 1
          }
        }
        return count
      }
    }
    if text.isEmpty {
      report(ActionSyntaxRule.onlyTokens, at: item.location)
      return nil
    }
    return ActionItem(
      text: text, status: status, due: due, owner: owner, priority: priority, location: item.location)
  }

  /// A value written in a token's place, for a hint: `owner:sam`, `due:2026-12-01`.
  static func example(_ key: Key) -> String {
    switch key {
    case .due: "YYYY-MM-DD"
    case .owner: "NAME"
    case .priority: "high"
    }
  }

  /// The word after `index`, when it is plain text, for a hint that shows it back.
  static func nextWord(after index: Int, in words: [Word], _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard index + 1 < words.count, !words[index + 1].touchesCode, !words[index + 1].range.isEmpty else { return nil }
    return TextBytes.string(bytes, words[index + 1].range)
  }

  /// A date as `due:` takes it, from one written otherwise that reads as one day only
  /// (`2026-12-1`, `2026/12/01`, `24/11/2026`: `WrittenDate`); nil when it is no date, or one
  /// that reads two ways (`03/04/2026`).
  static func dueForm(_ written: String) -> String? {
    let readings = WrittenDate.readings(of: written)
    return readings.count == 1 ? "\(readings[0].day)" : nil
  }

  /// A word of an item: its bytes, and whether it is written as code, even in part. Each
  /// blank that ends a word is a byte of the item, so the words joined by single spaces are
  /// never longer than the item.
  struct Word {
    let range: Range<Int>
    let touchesCode: Bool
    /// Read as a token, so not part of the action's text.
    var isToken = false
  }

  /// The words of `range`, split at spaces and tabs. Each code span's edges count as
  /// characters of no width that are not blanks: a word that touches a span, or lies inside
  /// one, is written as code; a span that starts or ends with a blank makes a word of its
  /// edge alone, with no bytes.
  static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, code: UnsafeBufferPointer<Range<Int>>)
    -> [Word]
  {
    var words: [Word] = []
    // Room for words of four bytes with their blanks, so prose seldom grows the array.
    words.reserveCapacity(range.count / 4 + 4)
    if code.isEmpty {
      // Most items hold no code: their words are the runs of bytes between blanks.
      var position = range.lowerBound
      while true {
        while position < range.upperBound, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        guard position < range.upperBound else { return words }
        let begin = position
        while position < range.upperBound, bytes[position] != 0x20, bytes[position] != 0x09 { position += 1 }
        words.append(Word(range: begin..<position, touchesCode: false))
      }
    }
    var start: Int? = nil
    var touches = false
    var inCode = false
    var nextEdge = 0
    func close(at end: Int) {
      guard let begin = start else { return }
      words.append(Word(range: begin..<end, touchesCode: touches))
      start = nil
    }
    var position = range.lowerBound
    while true {
      // The edges at this position, in order: a span's end before the next one's start.
      while nextEdge < 2 * code.count {
        let span = code[nextEdge / 2]
        let edge = nextEdge % 2 == 0 ? span.lowerBound : span.upperBound
        guard edge <= position else { break }
        if start == nil {
          start = position
          touches = inCode
        }
        touches = true
        inCode = nextEdge % 2 == 0
        nextEdge += 1
      }
      guard position < range.upperBound else { break }
      let byte = bytes[position]
      if byte == 0x20 || byte == 0x09 {
        close(at: position)
      } else if start == nil {
        start = position
        touches = inCode
      }
      position += 1
    }
    close(at: range.upperBound)
    return words
  }

  /// The text's words, split at spaces and tabs.
  static func words(_ text: String) -> [Substring] {
    TextBytes.withBytes(of: text) { bytes in
      var words: [Substring] = []
      let utf8 = text.utf8
      TextBytes.forEachWord(in: bytes, 0..<bytes.count, separatedBy: .blanks) { word in
        words.append(
          text[utf8.index(utf8.startIndex, offsetBy: word.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: word.upperBound)])
      }
      return words
    }
  }

  /// The index of the colon when the word is `due:`, `owner:` or `priority:` and a value.
  static func tokenColon(_ word: Substring) -> String.Index? {
    TextBytes.withBytes(of: word) { bytes in
      Key.of(bytes, 0..<bytes.count).map { word.utf8.index(word.utf8.startIndex, offsetBy: $0.name.utf8CodeUnitCount) }
    }
  }

  /// Where a token was written: the first line of the item that holds it.
  private static func locate(_ token: UnsafeBufferPointer<UInt8>, in item: MarkdownBody.ListItem, source: SourceText)
    -> SourceLocation
  {
    source.bytes.withUnsafeBufferPointer { bytes in
      for lineNumber in item.lines {
        let line = source.lineRange(lineNumber)
        if let found = TextBytes.firstRange(of: token, in: bytes, within: line) {
          return SourceLocation(
            line: lineNumber, column: TextBytes.scalarCount(bytes, line.lowerBound..<found.lowerBound) + 1)
        }
      }
      return item.location
    }
  }
}
