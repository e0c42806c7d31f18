import Foundation
import JournalChecks
import JournalKit
import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// The principle that every line of a note's body is read into the model, sits in free notes
/// under a heading the person chose, or is reported on its own line. The lines are told apart
/// here with a scanner of the test's own, and each line of a read section must find its words
/// in the item it belongs to, or a finding.
@Suite struct NothingDroppedTests {
  /// Where a line went, or why the test could not find it.
  struct Dropped: CustomStringConvertible {
    let file: String
    let line: Int
    let text: String
    var description: String { "\(file):\(line) dropped in silence: \(text)" }
  }

  /// The lines of `text` that are neither read, in free notes, nor reported.
  static func droppedLines(_ text: String, path: String, sections: SectionNames = .standard) -> [Dropped] {
    let kind = JournalPath.classify(path)
    let parsed = DocumentParser.parse(Array(text.utf8), path: path, kind: kind, sections: sections)
    var read: [(line: Int, text: String)] = []
    var dialogue = ""
    var readsFeedback = true
    switch parsed.document {
    case .session(let session)?:
      read = (session.strengths + session.improvements).map { ($0.location.line, $0.text) }
        + session.actions.map { action in (action.location.line, action.text) }
      dialogue = session.dialogue ?? ""
    case .plan(let plan)?:
      read = plan.actions.map { ($0.location.line, $0.text) }
      readsFeedback = false
    default:
      return []
    }
    // A body that is refused as a whole, or a file that is not read, is reported as such.
    if parsed.diagnostics.contains(where: { $0.rule == MarkdownLimitsRule.id || $0.rule == EncodingRule.id }) {
      return []
    }
    let reported = Set(parsed.diagnostics.map(\.location.line))
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .map(String.init)
    guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else { return [] }

    var dropped: [Dropped] = []
    var part: SectionPart? = nil
    var fence: String? = nil
    var previousAccounted = false
    var previousBlank = true
    var previousHeading = false
    var previousIndented = false
    var inIndentedCode = false
    // Inside an HTML comment that starts a line: a template's guidance, not writing.
    var inComment = false
    for index in (close + 1)..<lines.count {
      let number = index + 1
      let line = lines[index]
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      defer {
        previousBlank = trimmed.isEmpty
        if !trimmed.isEmpty { previousIndented = line.hasPrefix("    ") }
      }
      if let open = fence {
        if trimmed.hasPrefix(open) {
          fence = nil
          previousHeading = true
        }
        // Fenced code is literal on purpose, wherever it is.
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = String(trimmed.prefix(3))
        continue
      }
      if trimmed.isEmpty { continue }
      // A line of an HTML comment, up to the line that closes it (text after the `-->` makes
      // the block writing, and the dialogue holds it).
      let commentLine = inComment || trimmed.hasPrefix("<!--")
      if commentLine { inComment = !(inComment ? Substring(trimmed) : trimmed.dropFirst(4)).contains("-->") }
      let hashes = trimmed.prefix { $0 == "#" }.count
      if (1...6).contains(hashes), trimmed.dropFirst(hashes).first == " " || trimmed.count == hashes {
        let title = String(trimmed.dropFirst(hashes)).trimmingCharacters(in: .whitespaces)
        let named = Array(title.utf8).withUnsafeBufferPointer { sections.match($0, 0..<$0.count) }?.part
        if hashes == 2 {
          part = named.flatMap { readsFeedback || $0 == .actions ? $0 : nil }
        } else if hashes == 1 {
          part = nil
        }
        // A heading that names a section at the wrong level must be reported.
        if hashes != 2, named != nil, part == nil || hashes == 1, !reported.contains(number) {
          dropped.append(Dropped(file: path, line: number, text: line))
        }
        previousAccounted = true
        previousHeading = true
        continue
      }
      // Indented four spaces after a blank line or a heading, a line is code, not an item.
      let indentedCode = line.hasPrefix("    ") && (previousBlank || previousHeading || inIndentedCode)
      inIndentedCode = indentedCode
      defer { previousHeading = false }
      // `previousHeading` also stands for the end of a fenced block: code may follow either.
      let looksLikeAction = Self.looksLikeAction(trimmed) && !((part == nil || part == .dialogue) && indentedCode)
      var accounted: Bool
      switch part {
      case nil, .dialogue?:
        // Free notes, and the dialogue's verbatim text; an action there is reported.
        accounted = !looksLikeAction || reported.contains(number)
        // The dialogue's text, without the comments a template writes there.
        if part == .dialogue, !looksLikeAction, !commentLine, !dialogue.contains(trimmed) { accounted = false }
      case .strengths?, .improvements?, .actions?:
        if reported.contains(number) {
          accounted = true
        } else if let item = read.first(where: { $0.line == number }) {
          accounted = Self.words(of: trimmed).allSatisfy { item.text.contains($0) }
        } else if line.hasPrefix("    "), previousIndented, previousAccounted {
          // Indented four spaces under a line indented as much, blank lines between or not:
          // the same code block.
          accounted = true
        } else if !previousBlank, !Self.startsItem(trimmed) {
          // A line that continues the paragraph above, read or reported with it.
          accounted = previousAccounted
            // The item nearest above, by line: `read` lists strengths, improvements and
            // actions in turn, not in the order they stand in the file.
            && (read.filter { $0.line < number }.max { $0.line < $1.line }.map { item in
              Self.words(of: trimmed).allSatisfy { item.text.contains($0) }
            } ?? true)
          if previousAccounted, !accounted, reported.contains(where: { $0 < number }) { accounted = true }
        } else {
          accounted = false
        }
      }
      if !accounted { dropped.append(Dropped(file: path, line: number, text: line)) }
      previousAccounted = accounted
    }
    return dropped
  }

  /// `- [ ]`, `-[x]`, `• [ ]`, `* [-]`, `+ [ ]` at the start of a line.
  static func looksLikeAction(_ trimmed: String) -> Bool {
    var rest = Substring(trimmed)
    guard let first = rest.unicodeScalars.first, "-*+•".unicodeScalars.contains(first) else { return false }
    rest = Substring(rest.unicodeScalars.dropFirst())
    rest = rest.drop { $0 == " " || $0 == "\t" }
    return rest.hasPrefix("[ ]") || rest.hasPrefix("[x]") || rest.hasPrefix("[X]") || rest.hasPrefix("[-]")
  }

  static func startsItem(_ trimmed: String) -> Bool {
    let scalars = Array(trimmed.unicodeScalars)
    guard let first = scalars.first else { return false }
    if "-*+".unicodeScalars.contains(first) { return scalars.count == 1 || scalars[1] == " " || scalars[1] == "\t" }
    let digits = scalars.prefix { $0.properties.numericType != nil }
    return !digits.isEmpty && digits.count < scalars.count && ".)".unicodeScalars.contains(scalars[digits.count])
  }

  /// The words of a line as an item's text holds them: without the list marker, the task box,
  /// `due:`/`owner:`/`priority:` tokens and Markdown's emphasis and code marks.
  static func words(of trimmed: String) -> [String] {
    var words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if let first = words.first, ["-", "*", "+"].contains(first) || first.hasSuffix(".") && Int(first.dropLast()) != nil {
      words.removeFirst()
    }
    if words.count >= 2, ["[", "[x]", "[X]", "[-]"].contains(words[0]) || words[0] == "[" && words[1] == "]" {
      words.removeFirst(words[0] == "[" ? 2 : 1)
    }
    return words.compactMap { word -> String? in
      if ["due:", "owner:", "priority:"].contains(where: { word.hasPrefix($0) }) { return nil }
      let marks = "*_`~".unicodeScalars
      var scalars = Array(word.unicodeScalars)
      while let first = scalars.first, marks.contains(first) { scalars.removeFirst() }
      while let last = scalars.last, marks.contains(last) { scalars.removeLast() }
      let text = String(String.UnicodeScalarView(scalars))
      if text.contains("](") { return String(text.prefix { $0 != "]" }).replacingOccurrences(of: "[", with: "") }
      return text.isEmpty ? nil : text
    }
  }

  static func markdownFiles(under root: URL) -> [(path: String, text: String)] {
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    var files: [(String, String)] = []
    for case let url as URL in walker where url.pathExtension == "md" {
      let path = String(url.path.dropFirst(root.path.count + 1))
      guard let data = FileManager.default.contents(atPath: url.path) else { continue }
      files.append((path, String(decoding: data, as: UTF8.self)))
    }
    return files.sorted { $0.0 < $1.0 }
  }

  @Test func sampleJournalDropsNoLine() throws {
    let root = packageRoot.appendingPathComponent("SampleJournal")
    let files = Self.markdownFiles(under: root).filter {
      if case .session = JournalPath.classify($0.path) { return true }
      if case .plan = JournalPath.classify($0.path) { return true }
      return false
    }
    #expect(files.count > 10)
    for file in files {
      let dropped = Self.droppedLines(file.text, path: file.path)
      #expect(dropped.isEmpty, "\(dropped)")
    }
  }

  @Test func goldenJournalsDropNoLine() throws {
    let golden = fixtures.appendingPathComponent("golden")
    var seen = 0
    for case let url as URL in FileManager.default.enumerator(at: golden, includingPropertiesForKeys: nil) ?? .init()
    where url.lastPathComponent == "journal" {
      for file in Self.markdownFiles(under: url) {
        switch JournalPath.classify(file.path) {
        case .session, .plan:
          seen += 1
          let dropped = Self.droppedLines(file.text, path: file.path)
          #expect(dropped.isEmpty, "\(url.path): \(dropped)")
        default: continue
        }
      }
    }
    #expect(seen > 0)
  }

  /// The pieces people write, put together at random: every heading, every way of writing an
  /// action, text where only items are read.
  static let pieces: [String] = [
    "## Strengths", "## Strength", "## What went well", "## Strenghts", "## Key strengths",
    "## Improvements", "## Areas of improvement", "## Growth areas", "## Improvments",
    "## Dialogue", "## Dialog", "## Actions", "## Action items", "## Next steps", "## To do",
    "## Follow-ups", "## Actons", "## Actions for next week", "## Notes", "## Context", "# Actions",
    "# Title", "### Strengths", "### This week",
    "- Led the incident review calmly", "* Kept the timeline honest", "1. Wrote the summary the same day",
    "- [ ] Book the design review due:2026-12-01 owner:sam", "- [x] Share the notes", "- [-] Visit Lisbon",
    "  - [ ] Draft the slides", "    - [ ] Pick the template", "  - the big room on floor three",
    "-[ ] Send the agenda", "• [ ] Print the handouts", "*[x] Order lunch", "* [x] Ordered coffee",
    "- [ ] Call Jo Due:2026-12-02", "- [ ] Call Kim due: 2026-12-02", "Sam asked about the rota.",
    "We agreed on these:", "> Quoted from the retro", "```\n- [ ] code, not an action\n```", "",
  ]

  @Test func generatedBodiesDropNoLine() {
    let seed = ProcessInfo.processInfo.environment["JOURNAL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
    var generator = SeededGenerator(seed: seed)
    for round in 0..<300 {
      var body: [String] = []
      for _ in 0..<Int.random(in: 3...25, using: &generator) {
        body.append(Self.pieces.randomElement(using: &generator)!)
        if Bool.random(using: &generator) { body.append("") }
      }
      let text = "---\ndate: 2026-11-20\ntype: career-development\n---\n" + body.joined(separator: "\n") + "\n"
      let dropped = Self.droppedLines(text, path: RuleExample.sessionPath)
      #expect(dropped.isEmpty, "seed \(seed) round \(round) (JOURNAL_SEED=\(seed) replays it):\n\(text)\n\(dropped)")
      if !dropped.isEmpty { return }
    }
  }
}
