import Clibyaml
import JournalModel
import JournalRules

/// What libyaml could not read, said in journal's words at the line the person wrote it on.
///
/// libyaml stops where the grammar breaks, which is often a line or more after the slip: a key
/// without its `:` is found at the next key (or at the closing `---`), and a line indented
/// under a value is found at its own `:`. Each kind of stop libyaml reports (its `problem` and
/// `context`, in libyaml's words) is mapped here to what a person most likely typed, read from
/// the lines around the mark; only what matches none of them keeps libyaml's own text. Lines
/// are bytes, columns count Unicode scalars, as libyaml's marks do.
struct YAMLSyntaxError {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The file line of the YAML's first line.
  let firstLine: Int

  /// A finding, and whether it replaces the finding libyaml's events already gave the value
  /// at the same place (curly quotes read as text before the `: ` libyaml stopped at).
  struct Finding {
    let message: RuleMessage
    let location: SourceLocation
    var replacesValueFinding = false
  }

  func finding(_ parser: yaml_parser_t) -> Finding {
    let problem = parser.problem.map { String(cString: $0) } ?? "cannot be read"
    let context = parser.context.map { String(cString: $0) }
    switch parser.error {
    case YAML_READER_ERROR:
      // The reader counts bytes, not marks.
      let at = SourceText.locations(ofBytes: [parser.problem_offset], in: bytes, firstLine: firstLine)[0]
      return Finding(message: YAMLSyntaxRule.libyaml(problem: problem, context: nil), location: at)
    case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
      if let known = explain(problem: problem, context: context, parser) { return known }
      let reading = context.map { ($0, line: location(parser.context_mark).line) }
      return Finding(
        message: YAMLSyntaxRule.libyaml(problem: problem, context: reading), location: location(parser.problem_mark))
    default:
      return Finding(
        message: YAMLSyntaxRule.libyaml(problem: problem, context: nil), location: SourceLocation(line: firstLine, column: 1))
    }
  }

  /// The finding for a stop whose cause is known, or nil.
  private func explain(problem: String, context: String?, _ parser: yaml_parser_t) -> Finding? {
    let mark = parser.problem_mark
    // The stream's end is a line of its own when the last line has no `\n`.
    let line = self.line(Int(mark.line)) ?? bytes.count..<bytes.count
    let markOffset = offset(ofColumn: Int(mark.column), in: line)
    if let misread = misread(Int(mark.line), line, markOffset: markOffset, problem: problem) { return misread }
    let contextLine = self.line(Int(parser.context_mark.line))
    let contextOffset = contextLine.map { offset(ofColumn: Int(parser.context_mark.column), in: $0) }
    switch (problem, context) {
    case ("could not find expected ':'", "while scanning a simple key"?):
      return contextLine.flatMap { withoutColon(Int(parser.context_mark.line), $0) }
    case (let problem, _) where problem.hasPrefix("mapping values are not allowed"):
      return colonInValue(Int(mark.line), line, colon: markOffset)
    case ("found unexpected end of stream", "while scanning a quoted scalar"?):
      guard let contextLine, let contextOffset else { return nil }
      return unclosed(bytes[contextOffset], closer: bytes[contextOffset], at: contextOffset, Int(parser.context_mark.line), contextLine)
    case ("did not find expected ',' or ']'", "while parsing a flow sequence"?),
      ("did not find expected ',' or '}'", "while parsing a flow mapping"?):
      guard let contextLine, let contextOffset else { return nil }
      let closer = bytes[contextOffset] == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
      // With its closer on the line, something else inside broke it (`[growth}]`).
      guard !((contextOffset + 1)..<contextLine.upperBound).contains(where: { bytes[$0] == closer }) else { return nil }
      return unclosed(bytes[contextOffset], closer: closer, at: contextOffset, Int(parser.context_mark.line), contextLine)
    case (_, "while scanning an alias"?):
      guard let contextLine, let contextOffset, contextOffset + 1 < contextLine.upperBound,
        bytes[contextOffset + 1] == 0x20
      else { return nil }
      // `* item`: a Markdown bullet, which YAML reads as an alias.
      let fixed = text(contextLine.lowerBound..<contextOffset) + "- " + text(trimmed((contextOffset + 2)..<contextLine.upperBound))
      return Finding(
        message: YAMLSyntaxRule.starListItem(fixed: fixed),
        location: at(Int(parser.context_mark.line), contextLine, contextOffset))
    case ("found character that cannot start any token", _):
      return cannotStart(Int(mark.line), line, at: markOffset)
    case ("block sequence entries are not allowed in this context", _):
      return itemOnKeyLine(Int(mark.line), line, dash: markOffset)
    case ("found unknown escape character", _):
      guard markOffset + 1 < line.upperBound else { return nil }
      let escape = text(markOffset..<(markOffset + TextBytes.scalarLength(lead: bytes[markOffset + 1]) + 1))
      return Finding(message: YAMLSyntaxRule.unknownEscape(escape), location: at(Int(mark.line), line, markOffset))
    case ("did not find expected key", _), ("did not find expected '-' indicator", _),
      ("did not find expected <document start>", _):
      let before = trimmed(line.lowerBound..<markOffset)
      if !before.isEmpty, bytes[before.upperBound - 1] == UInt8(ascii: "\"") || bytes[before.upperBound - 1] == UInt8(ascii: "'") {
        return Finding(
          message: YAMLSyntaxRule.textAfterQuote(text(trimmed(markOffset..<line.upperBound))),
          location: at(Int(mark.line), line, markOffset))
      }
      return Finding(message: YAMLSyntaxRule.misindented, location: at(Int(mark.line), line, markOffset))
    default:
      return nil
    }
  }

  // MARK: What was typed

  /// A tab in the indentation, or curly quotes before a `: ` that started a mapping.
  private func misread(_ lineNumber: Int, _ line: Range<Int>, markOffset: Int, problem: String) -> Finding? {
    // A tab in the indentation up to the mark; one further on is YAML's own white space.
    var indent = line.lowerBound
    while indent < line.upperBound, bytes[indent] == 0x20 || bytes[indent] == 0x09 {
      if bytes[indent] == 0x09 && indent <= markOffset {
        return Finding(message: YAMLSyntaxRule.tabIndent, location: at(lineNumber, line, indent))
      }
      indent += 1
    }
    guard problem.contains("mapping values are not allowed"),
      let opening = CurlyQuotes.first(in: line.lowerBound..<markOffset, of: bytes)
    else { return nil }
    var closing: Int? = nil
    var offset = opening + 3
    while let next = CurlyQuotes.first(in: offset..<line.upperBound, of: bytes) {
      closing = next
      offset = next + 3
    }
    let innerEnd = closing ?? line.upperBound
    let afterQuote = closing.map { $0 + 3 } ?? line.upperBound
    let quoted = text(opening..<afterQuote)
    let fixed =
      text(indent..<opening) + CurlyQuotes.straightQuoted(text((opening + 3)..<innerEnd)) + text(afterQuote..<line.upperBound)
    // libyaml gave the text up to the `: ` as a value before it stopped; that value's finding
    // is this one's.
    return Finding(
      message: YAMLSyntaxRule.curlyQuotesStartKey(quoted: Scalars.shown(quoted), fixed: fixed),
      location: at(lineNumber, line, opening), replacesValueFinding: true)
  }

  /// A `: ` libyaml found where no key can start: the value before it on the same line holds
  /// it, or the line is read as more of the value above, indented under it or after a line
  /// whose key has no `:`.
  private func colonInValue(_ number: Int, _ line: Range<Int>, colon: Int) -> Finding? {
    let start = trimmed(line).lowerBound
    if let first = keyColon(in: start..<colon) {
      let value = trimmed((first + 1)..<line.upperBound)
      let key = text(start..<first)
      return Finding(
        message: YAMLSyntaxRule.valueHoldsColon(
          key: Scalars.shown(key), fixed: key + ": " + CurlyQuotes.straightQuoted(text(value))),
        location: at(number, line, value.lowerBound))
    }
    var above = number - 1
    while above >= 0, let candidate = self.line(above), isBlankOrComment(candidate) { above -= 1 }
    guard above >= 0, let previous = self.line(above) else { return nil }
    if indentation(of: line) > indentation(of: previous) {
      return Finding(
        message: YAMLSyntaxRule.indentedKey(fixed: text(start..<line.upperBound)), location: at(number, line, start))
    }
    return withoutColon(above, previous)
  }

  /// A line libyaml read as a key, or as a value, that has no `: ` after its key.
  private func withoutColon(_ number: Int, _ line: Range<Int>) -> Finding? {
    let written = trimmed(line)
    guard !written.isEmpty else { return nil }
    let location = at(number, line, written.lowerBound)
    var wordEnd = written.lowerBound
    while wordEnd < written.upperBound, bytes[wordEnd] != 0x20, bytes[wordEnd] != 0x09 { wordEnd += 1 }
    let shown = Scalars.shown(text(written))
    // `date:2026-11-20`, `follow-up=2026-12-01`.
    if let separator = (written.lowerBound..<wordEnd).first(where: { bytes[$0] == UInt8(ascii: ":") || bytes[$0] == UInt8(ascii: "=") }),
      isKey(written.lowerBound..<separator), separator + 1 < written.upperBound
    {
      let fixed = text(written.lowerBound..<separator) + ": " + text(trimmed((separator + 1)..<written.upperBound))
      let message =
        bytes[separator] == UInt8(ascii: ":")
        ? YAMLSyntaxRule.noSpaceAfterColon(shown, fixed: fixed) : YAMLSyntaxRule.equalsForColon(shown, fixed: fixed)
      return Finding(message: message, location: location)
    }
    let rest = trimmed(wordEnd..<written.upperBound)
    let word = written.lowerBound..<wordEnd
    guard isKey(word) else { return Finding(message: YAMLSyntaxRule.notAKeyLine(shown), location: location) }
    if rest.isEmpty { return Finding(message: YAMLSyntaxRule.missingColon(shown, fixed: nil), location: location) }
    // `follow-up 2026-12-01`, but not a sentence such as `Talked about the release`.
    let lowercase = word.allSatisfy { !(bytes[$0] >= 0x41 && bytes[$0] <= 0x5A) }
    guard lowercase || !rest.contains(where: { bytes[$0] == 0x20 }) else {
      return Finding(message: YAMLSyntaxRule.notAKeyLine(shown), location: location)
    }
    return Finding(
      message: YAMLSyntaxRule.missingColon(shown, fixed: text(word) + ": " + text(rest)), location: location)
  }

  /// A quote or bracket opened at `offset` and never closed; a quote may have an escaped
  /// closer on its line (`"a \" b`).
  private func unclosed(_ opener: UInt8, closer: UInt8, at offset: Int, _ number: Int, _ line: Range<Int>) -> Finding {
    let closedOnLine = ((offset + 1)..<line.upperBound).contains { bytes[$0] == closer }
    let fixed = closedOnLine ? nil : text(trimmed(line).lowerBound..<trimmed(line).upperBound) + String(UnicodeScalar(closer))
    return Finding(
      message: YAMLSyntaxRule.neverClosed(String(UnicodeScalar(opener)), closer: String(UnicodeScalar(closer)), fixed: fixed),
      location: at(number, line, offset))
  }

  /// `mentor: @sam`: a character that cannot start a plain value.
  private func cannotStart(_ number: Int, _ line: Range<Int>, at offset: Int) -> Finding {
    let character = text(offset..<(offset + TextBytes.scalarLength(lead: bytes[offset])))
    let start = trimmed(line).lowerBound
    var fixed: String? = nil
    if let colon = keyColon(in: start..<offset), trimmed((colon + 1)..<offset).isEmpty {
      fixed = text(start..<colon) + ": " + CurlyQuotes.straightQuoted(text(trimmed(offset..<line.upperBound)))
    }
    return Finding(message: YAMLSyntaxRule.cannotStart(character, fixed: fixed), location: at(number, line, offset))
  }

  /// `tags: - growth`: a list item on its key's line.
  private func itemOnKeyLine(_ number: Int, _ line: Range<Int>, dash: Int) -> Finding? {
    let start = trimmed(line).lowerBound
    guard let colon = keyColon(in: start..<dash), trimmed((colon + 1)..<dash).isEmpty else { return nil }
    let key = text(start..<colon)
    let item = text(trimmed((dash + 1)..<line.upperBound))
    return Finding(message: YAMLSyntaxRule.itemOnKeyLine(key: key, item: item), location: at(number, line, dash))
  }

  // MARK: Lines, as bytes

  /// libyaml's line `number`, counted from 0, without its `\n`; its lines end at `\n` here
  /// (`FrontMatter` hands it no other line break).
  private func line(_ number: Int) -> Range<Int>? {
    var start = 0
    var line = 0
    while line < number, let newline = bytes[start...].firstIndex(of: 0x0A) {
      start = newline + 1
      line += 1
    }
    guard line == number, start <= bytes.count else { return nil }
    return start..<(bytes[start...].firstIndex(of: 0x0A) ?? bytes.count)
  }

  /// The offset of a mark's column, which counts scalars: a lead byte and its continuation
  /// bytes are one.
  private func offset(ofColumn column: Int, in line: Range<Int>) -> Int {
    var offset = line.lowerBound
    for _ in 0..<column where offset < line.upperBound {
      offset += 1
      while offset < line.upperBound, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
    }
    return offset
  }

  /// The file location of `offset` on libyaml's line `number`.
  private func at(_ number: Int, _ line: Range<Int>, _ offset: Int) -> SourceLocation {
    SourceLocation(line: number + firstLine, column: TextBytes.scalarCount(bytes, line.lowerBound..<offset) + 1)
  }

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1)
  }

  private func text(_ range: Range<Int>) -> String { TextBytes.string(bytes, range) }

  /// The range without the spaces and tabs at either end.
  private func trimmed(_ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return start..<end
  }

  private func indentation(of line: Range<Int>) -> Int { trimmed(line).lowerBound - line.lowerBound }

  private func isBlankOrComment(_ line: Range<Int>) -> Bool {
    let text = trimmed(line)
    return text.isEmpty || bytes[text.lowerBound] == UInt8(ascii: "#")
  }

  /// The first `:` in `range` that ends a key: followed by a space, a tab or the end of the line.
  private func keyColon(in range: Range<Int>) -> Int? {
    range.first { bytes[$0] == UInt8(ascii: ":") && ($0 + 1 == bytes.count || [0x20, 0x09, 0x0A].contains(bytes[$0 + 1])) }
  }

  /// Whether a word could be a key: an ASCII letter, then letters, digits, `-` and `_`.
  private func isKey(_ word: Range<Int>) -> Bool {
    guard let first = word.first, (bytes[first] | 0x20) >= 0x61, (bytes[first] | 0x20) <= 0x7A else { return false }
    return word.allSatisfy {
      let byte = bytes[$0]
      return ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
  }
}
