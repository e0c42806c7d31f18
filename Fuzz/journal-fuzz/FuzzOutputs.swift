import Ccmark
import Foundation
import JournalKit
import JournalParsing

// Every output, fed a journal that holds the fuzzer's input as one of its notes, in a person
// folder whose name is made of the input's last bytes. Each output must keep the invariant its
// escaper promises; a broken one stops the run with the output's name.

private let today = Day(year: 2026, month: 11, day: 26)!

/// The notes around the input: a profile and a session with a follow-up and open actions, so
/// that every output has something of the person to show.
private func companions(_ folder: String) -> [String: [UInt8]] {
  [
    "journal.yml": Array(
      ("title: Fuzz\nsections:\n" + addedHeadings.map { "  \($0.part.rawValue): [\($0.heading)]\n" }.joined()).utf8),
    "\(folder)/profile.md": Array("---\nname: Alex\ncadence: 1w\n---\n".utf8),
    "\(folder)/sessions/2026-10-01.md": Array(
      "---\ndate: 2026-10-01\ntype: career-development\nfollow-up: 2026-10-08\n---\n## Actions\n\n- [ ] Draft the rota due:2026-10-20 owner:alex\n"
        .utf8),
  ]
}

/// A folder name from the input's last bytes: no `/`, no NUL, not hidden.
private func folderName(_ bytes: [UInt8]) -> String {
  let tail = String(decoding: bytes.suffix(16), as: UTF8.self)
  let name = String(String.UnicodeScalarView(tail.unicodeScalars.filter { $0 != "/" && $0 != "\0" }))
  return name.isEmpty || name.hasPrefix(".") ? "p" + name : name
}

/// Renders every output of a journal holding the input at `path` (a path under `alex`'s
/// folder) and checks each.
func renderEveryOutput(_ bytes: [UInt8], path: String) {
  let folder = "mentees/" + folderName(bytes)
  var files = companions(folder)
  files[path.replacingOccurrences(of: "mentees/alex", with: folder)] = bytes
  let source = MemoryJournal(files: files)
  guard let loaded = try? JournalLoader.load(source),
    let report = try? Checker.check(source, today: today, parallel: false)
  else { return }
  let journal = loaded.journal
  let summary = JournalSummary(journal, today: today)

  // Terminal: nothing a terminal would act on, in any text output.
  let cache = SourceCache(source: source)
  var texts = [report.text(style: .plain, displayPath: { $0 }, lines: cache.lines), summary.text(style: .plain)]
  texts += journal.people.map { Timeline.text($0, today: today, limit: nil, style: .plain) }
  for text in texts {
    precondition(
      !text.unicodeScalars.contains("\t") && TerminalText.visible(text, keepingLineBreaks: true) == text,
      "terminal: a control reached the text")
  }

  checkHTML(summary.html())
  checkMarkdown(summary.markdown(), people: journal.people.count, attention: !summary.attention.isEmpty)
  let actions = journal.people.reduce(0) { $0 + $1.currentActions.count }
  checkCSV(Export.actionsCSV(journal), rows: 1 + actions)
  checkICalendar(Export.followUpsICS(journal, today: today))
  checkWorkflowCommands(report.github(displayPath: { $0 }), count: report.diagnostics.count)
  for json in [
    report.json(displayPath: { $0 }), report.sarif(displayPath: { $0 }, version: "0"), summary.json(),
    Export.actionsJSON(journal, today: today), Export.followUpsJSON(journal, today: today),
  ] {
    precondition((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "json: not valid JSON")
  }
}

// MARK: HTML

private let htmlTags: Set<String> = [
  "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "table", "thead",
  "tbody", "tr", "th", "td", "section", "nav", "ul", "li", "a", "dl", "dt", "dd", "strong", "span", "div",
  "figure", "figcaption", "svg", "line", "text", "polyline", "circle", "rect", "code",
]
private let htmlAttributes: Set<String> = [
  "lang", "charset", "name", "content", "class", "href", "id", "viewBox", "role", "aria-label", "xmlns", "x1", "x2",
  "y1", "y2", "x", "y", "text-anchor", "points", "cx", "cy", "r", "width", "height",
  "html",  // in <!DOCTYPE html>
]
private let htmlReferences = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#13;"]

/// Every tag is one journal writes, with only the attributes journal writes, each value in
/// double quotes; ids are safe names; text holds no `>`, no CR and no `&` but the references
/// journal writes.
private func checkHTML(_ html: String) {
  let scalars = Array(html.unicodeScalars)
  var index = 0
  func fail(_ what: String) -> Never { preconditionFailure("html: \(what) at scalar \(index)") }
  while index < scalars.count {
    let scalar = scalars[index]
    switch scalar {
    case "<":
      index += 1
      if index < scalars.count, scalars[index] == "/" { index += 1 }
      let start = index
      while index < scalars.count, scalars[index] != " ", scalars[index] != ">", scalars[index] != "/" { index += 1 }
      guard htmlTags.contains(String(String.UnicodeScalarView(scalars[start..<index]))) else { fail("an unknown tag") }
      while index < scalars.count, scalars[index] != ">" {
        if scalars[index] == " " || scalars[index] == "/" { index += 1; continue }
        let nameStart = index
        while index < scalars.count, !["=", " ", ">"].contains(scalars[index]) { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        guard htmlAttributes.contains(name) else { fail("an unknown attribute \(name)") }
        guard index < scalars.count, scalars[index] == "=" else { continue }
        index += 1
        guard index < scalars.count, scalars[index] == "\"" else { fail("an unquoted value") }
        index += 1
        let valueStart = index
        while index < scalars.count, scalars[index] != "\"" {
          if scalars[index] == "<" || scalars[index] == ">" { fail("a tag inside a value") }
          index += 1
        }
        if name == "id" {
          let value = scalars[valueStart..<index]
          let safe = value.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ("A"..."F").contains($0) || $0 == "-" || $0 == "_" }
          guard safe else { fail("an id that is not a safe name") }
        }
        index += 1
      }
      index += 1
    case ">": fail("a > outside a tag")
    case "\r": fail("a raw CR")
    case "&":
      let rest = String(String.UnicodeScalarView(scalars[index..<min(index + 6, scalars.count)]))
      guard htmlReferences.contains(where: rest.hasPrefix) else { fail("an & that starts no reference journal writes") }
      index += 1
    default:
      index += 1
    }
  }
}

// MARK: Markdown

/// Read by cmark-gfm with GitHub's extensions: no raw HTML, link, image, code, quote, rule,
/// strikethrough or emphasis but the strong text and the `journal check` journal writes, and
/// only journal's headings.
private func checkMarkdown(_ markdown: String, people: Int, attention: Bool) {
  cmark_gfm_core_extensions_ensure_registered()
  guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
  defer { cmark_parser_free(parser) }
  for name in ["table", "autolink", "strikethrough", "tasklist"] {
    if let extensionPointer = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
  }
  let bytes = Array(markdown.utf8)
  bytes.withUnsafeBufferPointer { buffer in
    buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
  }
  guard let document = cmark_parser_finish(parser), let iterator = cmark_iter_new(document) else { return }
  defer {
    cmark_iter_free(iterator)
    cmark_node_free(document)
  }
  let forbidden: Set<String> = [
    "html_block", "html_inline", "image", "code", "code_block", "block_quote", "thematic_break", "emph", "strikethrough",
  ]
  var headings = 0
  while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
    guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
    let type = String(cString: cmark_node_get_type_string(node))
    // journal's own words in code: the command that says why a note was not read.
    let literal = cmark_node_get_literal(node).map { String(cString: $0) }
    precondition(!forbidden.contains(type) || (type == "code" && literal == "journal check"), "markdown: a note made \(type)")
    if type == "heading" { headings += 1 }
    if type == "link" {
      // GitHub's one link from plain text: an e-mail address, shown as written.
      let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
      let text = cmark_node_first_child(node).flatMap(cmark_node_get_literal).map { String(cString: $0) } ?? ""
      precondition(url == "mailto:" + text, "markdown: a note made a link")
    }
  }
  precondition(headings == 1 + people + (attention ? 1 : 0), "markdown: a note made a heading")
}

// MARK: CSV

/// Read as RFC 4180: the expected number of records, nine fields each, none a formula.
private func checkCSV(_ csv: String, rows expected: Int) {
  var rows: [[String]] = []
  var row: [String] = []
  var field = String.UnicodeScalarView()
  var quoted = false
  var scalars = csv.unicodeScalars.makeIterator()
  var pending: Unicode.Scalar? = nil
  while let scalar = pending ?? scalars.next() {
    pending = nil
    if quoted {
      if scalar == "\"" {
        let next = scalars.next()
        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
      } else {
        field.append(scalar)
      }
      continue
    }
    switch scalar {
    case "\"":
      precondition(field.isEmpty, "csv: a quote inside an unquoted field")
      quoted = true
    case ",":
      row.append(String(field))
      field = String.UnicodeScalarView()
    case "\r":
      precondition(scalars.next() == "\n", "csv: a CR outside quotes ends no record")
      row.append(String(field))
      rows.append(row)
      row = []
      field = String.UnicodeScalarView()
    default:
      precondition(scalar != "\n", "csv: a LF outside quotes")
      field.append(scalar)
    }
  }
  precondition(!quoted && row.isEmpty && field.isEmpty, "csv: the last record is not ended")
  precondition(rows.count == expected, "csv: \(rows.count) records, expected \(expected)")
  for record in rows {
    precondition(record.count == 9, "csv: a record of \(record.count) fields")
    for value in record {
      if let first = value.unicodeScalars.first {
        precondition(!["=", "+", "-", "@", "\t", "\r"].contains(first), "csv: a formula cell")
      }
    }
  }
}

// MARK: iCalendar

private let calendarProperties: Set<String> = [
  "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "UID", "DTSTAMP", "DTSTART", "DTEND",
  "SUMMARY", "DESCRIPTION", "TRANSP",
]

/// Lines of at most 75 octets ending in CRLF, no other control but tab, only journal's
/// properties, and only calendars and events, each opened and closed.
private func checkICalendar(_ ics: String) {
  // Lines are cut at CR LF scalars: "\r\n" is one Character, and so is ":" before a combining
  // mark.
  let scalars = Array(ics.unicodeScalars)
  precondition(scalars.suffix(2) == ["\r", "\n"], "ics: the last line is not ended")
  var lines: [[Unicode.Scalar]] = [[]]
  var index = 0
  while index < scalars.count - 2 {
    if scalars[index] == "\r" && scalars[index + 1] == "\n" {
      lines.append([])
      index += 2
    } else {
      lines[lines.count - 1].append(scalars[index])
      index += 1
    }
  }
  var logical: [[Unicode.Scalar]] = []
  for line in lines {
    let octets = line.reduce(0) { $0 + UTF8.width($1) }
    precondition(octets <= 75, "ics: a line of \(octets) octets")
    precondition(!line.contains { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }, "ics: a control in a line")
    if line.first == " " { logical[logical.count - 1] += line.dropFirst() } else { logical.append(line) }
  }
  var open: [String] = []
  for line in logical {
    let name = String(String.UnicodeScalarView(line.prefix { $0 != ":" && $0 != ";" }))
    precondition(calendarProperties.contains(name), "ics: a property \(name)")
    let value = String(String.UnicodeScalarView(line.drop { $0 != ":" }.dropFirst()))
    if name == "BEGIN" {
      precondition(value == (open.isEmpty ? "VCALENDAR" : "VEVENT") && open.count < 2, "ics: BEGIN:\(value)")
      open.append(value)
    } else if name == "END" {
      precondition(open.popLast() == value, "ics: END:\(value)")
    }
  }
  precondition(open.isEmpty, "ics: a component is not closed")
}

// MARK: GitHub workflow commands

/// One command per finding, read as the runner reads a line: `::error` or `::warning` and the
/// properties file, line, col and title, and nothing on any other line.
private func checkWorkflowCommands(_ output: String, count: Int) {
  let lines = output.unicodeScalars.split(separator: "\n").map(String.init)
  precondition(lines.count == count + 1, "github: \(lines.count - 1) command lines for \(count) findings")
  precondition(lines.last!.hasPrefix("checked "), "github: the last line is not the count")
  for line in lines.dropLast() {
    let scalars = Array(line.unicodeScalars)
    precondition(!scalars.contains("\r"), "github: a CR in a command")
    precondition(line.hasPrefix("::error ") || line.hasPrefix("::warning "), "github: a line that is no annotation")
    // The runner's reading: the command and its properties end at the first "::" after the
    // opening one.
    guard let end = (2..<scalars.count - 1).first(where: { scalars[$0] == ":" && scalars[$0 + 1] == ":" }) else {
      preconditionFailure("github: a command without a message")
    }
    let info = scalars[2..<end]
    let properties = info.drop { $0 != " " }.dropFirst().split(separator: ",")
    let names = properties.map { String(String.UnicodeScalarView($0.prefix { $0 != "=" })) }
    precondition(names == ["file", "line", "col", "title"], "github: properties \(names)")
  }
}
