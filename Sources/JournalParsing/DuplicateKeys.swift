import Yams

/// Finds the later copies of a repeated key in block-style YAML.
enum DuplicateKeys {
  struct Repeat {
    let key: String
    let line: Int
    let column: Int
    let firstLine: Int
    /// The lines the repeated entry spans, to be blanked.
    let lines: [Int]
  }

  /// `firstMark` is where Yams saw one of the keys first; every repeat sits in the same
  /// mapping, so at the same column, in the block of lines around it.
  static func locate(_ keys: [String], firstMark: Mark, in lines: [Substring]) -> [Repeat] {
    let column = firstMark.column
    let anchorLine = firstMark.line
    guard anchorLine >= 1, anchorLine <= lines.count else { return [] }

    func keyAt(_ lineNumber: Int) -> String? {
      let scalars = Array(lines[lineNumber - 1].unicodeScalars)
      guard scalars.count >= column,
        scalars[..<(column - 1)].allSatisfy({ $0 == " " || $0 == "-" })
      else { return nil }
      var rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
      var key: String
      if let quote = rest.first, quote == "\"" || quote == "'" {
        rest.removeFirst()
        guard let close = rest.firstIndex(of: quote) else { return nil }
        key = String(rest[..<close])
        rest = String(rest[rest.index(after: close)...])
      } else {
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        key = String(rest[..<colon])
        rest = String(rest[colon...])
        while key.last == " " { key.removeLast() }
      }
      rest = String(rest.drop(while: { $0 == " " }))
      guard rest.hasPrefix(":") else { return nil }
      return key
    }
    func indent(_ lineNumber: Int) -> Int? {
      let line = lines[lineNumber - 1]
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
      return line.count - trimmed.count
    }

    // The mapping's lines: those around the anchor that are not less indented than its keys.
    // A mapping that is a sequence item starts on its `- key:` line; any other extends up
    // to the first line indented less than its keys.
    var start = anchorLine
    let startsItem = lines[anchorLine - 1].unicodeScalars.prefix(column - 1).contains("-")
    while !startsItem, start > 1 {
      if let level = indent(start - 1), level < column - 1 {
        if keyAt(start - 1) != nil { start -= 1 }
        break
      }
      start -= 1
    }
    var end = anchorLine
    while end < lines.count, (indent(end + 1) ?? column) >= column - 1 { end += 1 }

    var firstSeen: [String: Int] = [:]
    var repeats: [Repeat] = []
    var lineNumber = start
    while lineNumber <= end {
      guard let key = keyAt(lineNumber), keys.contains(key) else {
        lineNumber += 1
        continue
      }
      guard let first = firstSeen[key] else {
        firstSeen[key] = lineNumber
        lineNumber += 1
        continue
      }
      var span = [lineNumber]
      var next = lineNumber + 1
      while next <= end, (indent(next) ?? column) > column - 1 {
        span.append(next)
        next += 1
      }
      repeats.append(Repeat(key: key, line: lineNumber, column: column, firstLine: first, lines: span))
      lineNumber = next
    }
    return repeats
  }
}
