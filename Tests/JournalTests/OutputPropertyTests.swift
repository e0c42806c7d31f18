import Foundation
import JournalParsing
import Testing

@testable import JournalKit

/// Every output format, fed hostile text in every slot a note can fill, read back by its real
/// reader: what the reader sees must be exactly what a journal with plain markers in the same
/// slots gives, with each marker replaced by its text — no element, attribute, row, column,
/// property or command more or less. Seeded: a failure names its seed.
@Suite struct OutputPropertyTests {
  static let today = Day(year: 2026, month: 11, day: 26)!
  /// Journals per test, each with three people and ten slots per person.
  static let rounds = 12

  /// The two journals of one round: hostile text in every slot, and a marker in every slot.
  struct Round {
    let hostile: Journal
    let plain: Journal
    /// Marker → the hostile text it stands for.
    let texts: [String: String]
    /// Marker of a person id → the hostile folder name.
    let ids: [String: String]

    init(_ random: inout HostileText) {
      let (ids, markers) = hostileIDs(&random)
      self.init(ids: ids, markers: markers) { _ in random.text() }
    }

    /// A round whose slots hold `text(slot)`, and whose people have the folder names `ids`
    /// (sorted and distinct), standing for `markers`.
    init(ids: [String], markers: [String], text: (String) -> String) {
      var texts: [String: String] = [:]
      plain = journal(ids: markers) { slot in "zt\(slot)tz" }
      hostile = journal(ids: ids) { slot in
        let value = text(slot)
        texts["zt\(slot)tz"] = value
        return value
      }
      self.texts = texts
      self.ids = Dictionary(uniqueKeysWithValues: zip(markers, ids))
    }

    /// `text` with every marker replaced: person ids by `id(_:)`, other slots by `value(_:)`.
    func substitute(_ text: String, id: (String) -> String, value: (String) -> String = { $0 }) -> String {
      var out = text
      for (marker, hostile) in texts where out.contains(marker) { out = out.replacingOccurrences(of: marker, with: value(hostile)) }
      for (marker, hostile) in ids where out.contains(marker) { out = out.replacingOccurrences(of: marker, with: id(hostile)) }
      return out
    }
  }

  static func rounds(_ count: Int = rounds) -> [Round] {
    var random = HostileText()
    return (0..<count).map { _ in Round(&random) }
  }

  /// The events a reader saw in the plain journal's output, with markers replaced as the
  /// hostile journal's output must show them.
  static func expected(_ events: [HTMLEvent], _ round: Round, value: (String) -> String = { $0 }) -> [HTMLEvent] {
    events.map { event in
      switch event {
      case .start(let tag, let attributes):
        .start(tag, attributes.map { attribute in
          let safe = attribute.name == "id" || attribute.name == "href"
          return HTMLEvent.Attribute(
            name: attribute.name,
            value: attribute.value.map { round.substitute($0, id: safe ? SafeName.encode : { $0 }, value: value) })
        })
      case .data(let text): .data(round.substitute(text, id: { $0 }, value: value))
      default: event
      }
    }
  }

  static func expectSame(_ seen: [HTMLEvent], _ expected: [HTMLEvent], _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard seen != expected else { return }
    let index = zip(seen, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(seen.count, expected.count)
    let got = index < seen.count ? seen[index].description : "the end"
    let wanted = index < expected.count ? expected[index].description : "the end"
    let before = seen[max(0, index - 3)..<min(index, seen.count)].map(\.description).joined(separator: " ")
    Issue.record(
      "\(what), seed \(HostileText.seed): after \(before), event \(index) is \(got), expected \(wanted)",
      sourceLocation: sourceLocation)
  }

  // MARK: HTML

  @Test(.enabled(if: pythonHas("html.parser")))
  func htmlReadsBackInHTMLParser() throws {
    let rounds = Self.rounds()
    let pages = rounds.flatMap { [JournalSummary($0.hostile, today: Self.today).html(), JournalSummary($0.plain, today: Self.today).html()] }
    let events = try htmlEvents(pages)
    for (index, round) in rounds.enumerated() {
      let hostile = events[2 * index]
      Self.expectSame(hostile, Self.expected(events[2 * index + 1], round), "HTML summary")
      let ids = hostile.compactMap { event -> String? in
        guard case .start("section", let attributes) = event else { return nil }
        return attributes.first { $0.name == "id" }?.value
      }
      #expect(ids.count == 3 && Set(ids).count == 3, "seed \(HostileText.seed)")
      #expect(ids.allSatisfy { $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || ("A"..."F").contains($0) } })
    }
  }

  @Test(.enabled(if: HTMLReportTests.chromium != nil && pythonHas("html.parser"), "needs Chromium (scripts/install-deps --test)"))
  func htmlReadsBackInChromium() throws {
    let round = Self.rounds(1)[0]
    let folder = try TemporaryFolder()
    var dumps: [String] = []
    for (name, journal) in [("hostile", round.hostile), ("plain", round.plain)] {
      let path = folder.path + "/\(name).html"
      try Data(JournalSummary(journal, today: Self.today).html().utf8).write(to: URL(fileURLWithPath: path))
      let run = try runProgram(HTMLReportTests.chromium!, [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile-\(name)",
        "--dump-dom", "file://\(path)",
      ])
      dumps.append(run.stdout)
    }
    let events = try htmlEvents(dumps)
    Self.expectSame(events[0], Self.expected(events[1], round), "HTML summary in Chromium")
  }

  // MARK: Markdown

  @Test(.enabled(if: cmarkGFM != nil && pythonHas("html.parser"), "needs cmark-gfm (scripts/install-deps --test)"))
  func markdownReadsBackInCmarkGFM() throws {
    let rounds = Self.rounds()
    let pages = try rounds.flatMap {
      [try renderGFM(JournalSummary($0.hostile, today: Self.today).markdown()), try renderGFM(JournalSummary($0.plain, today: Self.today).markdown())]
    }
    let events = try htmlEvents(pages)
    for (index, round) in rounds.enumerated() {
      // The one link GitHub's Markdown makes of plain text: an e-mail address, shown as written.
      Self.expectSame(Self.withoutMailLinks(events[2 * index]), Self.expected(events[2 * index + 1], round), "Markdown summary")
    }
  }

  /// Texts once found to break the Markdown escaper, or that sit where it must take care: white
  /// space of any kind next to journal's `**`, a first character that starts a block, the
  /// starts of GitHub's links.
  @Test(
    .enabled(if: cmarkGFM != nil && pythonHas("html.parser"), "needs cmark-gfm (scripts/install-deps --test)"),
    arguments: [
      "\u{A0}x", "x\u{A0}", "\u{3000}\u{2028}x", " x ", "\tx", "1. x", "2) x", "- x", "+ x", "> x", "# x", "x #",
      "=", "---", "www.example.com", "http://example.com", "[x](y)", "![x](y)", "<b>x</b>", "&amp;", "a|b", "$x$",
      "**x**", "_x_", "~~x~~", "`x`", "x\\", "x\r\ny",
    ])
  func markdownEdgeCasesReadBack(_ text: String) throws {
    let round = Round(ids: ["a", "b", "c"], markers: ["zq0id", "zq1id", "zq2id"]) { _ in text }
    let pages = [
      try renderGFM(JournalSummary(round.hostile, today: Self.today).markdown()),
      try renderGFM(JournalSummary(round.plain, today: Self.today).markdown()),
    ]
    let events = try htmlEvents(pages)
    Self.expectSame(events[0], Self.expected(events[1], round), "Markdown summary of \(text.debugDescription)")
  }

  /// The events with each `<a href="mailto:X">X</a>` replaced by its text.
  static func withoutMailLinks(_ events: [HTMLEvent]) -> [HTMLEvent] {
    var out: [HTMLEvent] = []
    var index = 0
    while index < events.count {
      if case .start("a", let attributes) = events[index], index + 2 < events.count,
        case .data(let text) = events[index + 1], events[index + 2] == .end("a"),
        attributes.map(\.name) == ["href"], attributes[0].value == "mailto:" + text
      {
        if case .data(let before) = out.last { out[out.count - 1] = .data(before + text) } else { out.append(.data(text)) }
        index += 3
        if index < events.count, case .data(let after) = events[index], case .data(let before) = out.last {
          out[out.count - 1] = .data(before + after)
          index += 1
        }
        continue
      }
      out.append(events[index])
      index += 1
    }
    return out
  }

  // MARK: CSV

  @Test(.enabled(if: pythonHas("csv")))
  func csvReadsBackInPythonCSV() throws {
    let rounds = Self.rounds()
    let folder = try TemporaryFolder()
    let paths = try rounds.enumerated().map { index, round in
      let path = folder.path + "/\(index).csv"
      try Data(Export.actionsCSV(round.hostile).utf8).write(to: URL(fileURLWithPath: path))
      return path
    }
    let read = try runPython(
      """
      import csv, json, sys
      print(json.dumps([list(csv.reader(open(p, newline='', encoding='utf-8'))) for p in sys.argv[1:]]))
      """, paths)
    #expect(read.status == 0, "\(read.errors)")
    let files = try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[[String]]])
    for (round, rows) in zip(rounds, files) {
      let expected = Export.actionsCSV(round.plain).split(separator: "\r\n").map { line in
        line.split(separator: ",", omittingEmptySubsequences: false).map { round.substitute(String($0), id: { $0 }) }
      }
      for cell in rows.joined() {
        #expect(!CSVText.formulaStarts.contains(cell.unicodeScalars.first ?? "a"), "seed \(HostileText.seed): \(cell.debugDescription)")
      }
      // A reader gets the text back by dropping the ' put before a formula's start.
      let decoded = rows.map { $0.map(Self.withoutFormulaGuard) }
      #expect(decoded == expected, "seed \(HostileText.seed)")
    }
  }

  static func withoutFormulaGuard(_ cell: String) -> String {
    guard cell.hasPrefix("'"), let start = cell.unicodeScalars.first(where: { $0 != "'" }), CSVText.formulaStarts.contains(start)
    else { return cell }
    return String(cell.unicodeScalars.dropFirst())
  }

  // MARK: iCalendar

  @Test(.enabled(if: pythonHas("icalendar")))
  func icalendarReadsBackInPythonICalendar() throws {
    let rounds = Self.rounds()
    let folder = try TemporaryFolder()
    var paths: [String] = []
    for (index, round) in rounds.enumerated() {
      for (name, journal) in [("hostile", round.hostile), ("plain", round.plain)] {
        let text = Export.followUpsICS(journal, today: Self.today)
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 75 })
        let path = folder.path + "/\(index)-\(name).ics"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        paths.append(path)
      }
    }
    let read = try runPython(
      """
      import icalendar, json, sys
      # X-WR-CALNAME's value is TEXT, as an X- property's is unless it says otherwise
      # (RFC 5545 3.2.20); icalendar leaves unknown properties as written unless told.
      icalendar.TypesFactory.instance().types_map['x-wr-calname'] = 'text'
      out = []
      for path in sys.argv[1:]:
          calendar = icalendar.Calendar.from_ical(open(path, 'rb').read())
          out.append([[c.name, [[k, str(v)] for k, v in c.property_items(recursive=False)]] for c in calendar.walk()])
      print(json.dumps(out))
      """, paths)
    #expect(read.status == 0, "\(read.errors)")
    let calendars = try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[[Any]]])
    for (index, round) in rounds.enumerated() {
      func components(_ calendar: [[Any]]) -> [[String]] {
        calendar.map { component in
          // An action's UID ends in a hash of its text, which the markers do not share.
          [component[0] as! String] + (component[1] as! [[String]]).map {
            $0[0] + "=" + $0[1].replacingOccurrences(of: "-[0-9a-f]+@journal$", with: "-hash@journal", options: .regularExpression)
          }
        }
      }
      let seen = components(calendars[2 * index])
      let expected = components(calendars[2 * index + 1]).map { lines in
        // Only UIDs take the safe encoding of a folder name; a path in a description is text.
        lines.map { round.substitute($0, id: $0.hasPrefix("UID=") ? SafeName.encode : Self.calendarText, value: Self.calendarText) }
      }
      for (got, wanted) in zip(seen.joined(), expected.joined()) where got != wanted {
        Issue.record("seed \(HostileText.seed): \(got.debugDescription), expected \(wanted.debugDescription)")
        break
      }
      #expect(seen.map(\.count) == expected.map(\.count), "seed \(HostileText.seed)")
    }
  }

  /// What a calendar reads of a text TEXT cannot hold as it is: one line break for each CRLF,
  /// CR or LF, and the other controls but tab as their control pictures.
  static func calendarText(_ text: String) -> String {
    var out = ""
    var afterCR = false
    for scalar in text.unicodeScalars {
      defer { afterCR = scalar == "\r" }
      switch scalar.value {
      case 0x0D: out += "\n"
      case 0x0A: if !afterCR { out += "\n" }
      case 0x09: out += "\t"
      case 0x00...0x1F: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: out += "\u{2421}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  // MARK: GitHub workflow commands

  @Test(.enabled(if: pythonHas("json")))
  func githubCommandsReadBackAsTheRunnerReadsThem() throws {
    var random = HostileText()
    for _ in 0..<Self.rounds {
      let diagnostics = (0..<6).map { index in
        Diagnostic(
          rule: "missed-follow-up", severity: index % 2 == 0 ? .error : .warning, message: random.text(),
          file: "mentees/\(random.folderName())/sessions/2026-10-01.md", location: SourceLocation(line: index + 1, column: 2),
          hint: index % 3 == 0 ? nil : random.text())
      }
      let report = CheckReport(diagnostics: diagnostics, files: ["a"])
      let commands = try workflowCommands(report.github(displayPath: { "journal/" + $0 }))
      let expected = diagnostics.map { diagnostic in
        WorkflowCommand(
          command: diagnostic.severity.rawValue,
          properties: [
            "file": Self.annotationText("journal/" + diagnostic.file), "line": String(diagnostic.location.line),
            "col": String(diagnostic.location.column), "title": "journal missed-follow-up",
          ],
          data: Self.annotationText(diagnostic.message + (diagnostic.hint.map { "\n" + $0 } ?? "")))
      }
      #expect(commands == expected, "seed \(HostileText.seed)")
    }
  }

  /// What an annotation shows of a text: CR and LF as they are, other controls as the
  /// terminal shows them.
  static func annotationText(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar != "\r" && scalar != "\n", let code = TerminalText.code(scalar) { out += code } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  // MARK: JSON

  /// `summary --format json` and the JSON exports, read by Python's json; and each JSON string, which journal also
  /// writes as a YAML double-quoted scalar in new notes, read by PyYAML.
  @Test(.enabled(if: pythonHas("json, yaml"), "needs python3 with PyYAML (scripts/install-deps --test)"))
  func jsonReadsBackInPythonJSONAndYAML() throws {
    let rounds = Self.rounds()
    let folder = try TemporaryFolder()
    var paths: [String] = []
    var strings: [String] = []
    for (index, round) in rounds.enumerated() {
      for (name, journal) in [("hostile", round.hostile), ("plain", round.plain)] {
        let path = folder.path + "/\(index)-\(name).json"
        try Data(JournalSummary(journal, today: Self.today).json().utf8).write(to: URL(fileURLWithPath: path))
        paths.append(path)
        // The exports, without the calendar uids: they take a folder name's safe encoding
        // and a hash of the action's text, which the markers do not share.
        let exports = folder.path + "/\(index)-\(name)-exports.json"
        let both = "[" + Export.actionsJSON(journal, today: Self.today) + "," + Export.followUpsJSON(journal, today: Self.today) + "]"
        try Data(both.utf8).write(to: URL(fileURLWithPath: exports))
        paths.append(exports)
      }
      strings += round.texts.values
    }
    let yaml = folder.path + "/strings.yaml"
    try Data(strings.map { "- " + JSONText.string($0) + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: yaml))
    let read = try runPython(
      """
      import json, sys, yaml
      documents = [json.load(open(p, encoding='utf-8')) for p in sys.argv[2:]]
      for document in documents:
          for event in (document[1]['events'] if isinstance(document, list) else []):
              del event['uid']
      print(json.dumps([documents, yaml.safe_load(open(sys.argv[1], encoding='utf-8'))]))
      """, [yaml] + paths)
    #expect(read.status == 0, "\(read.errors)")
    let both = try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [Any])
    #expect(both[1] as? [String] == strings, "seed \(HostileText.seed): YAML read the strings otherwise")
    let documents = try #require(both[0] as? [Any])
    for (index, round) in rounds.enumerated() {
      let expected = Self.substituted(documents[4 * index + 2], round)
      #expect(NSDictionary(dictionary: documents[4 * index] as! [String: Any]).isEqual(expected), "seed \(HostileText.seed)")
      let exports = Self.substituted(documents[4 * index + 3], round)
      #expect(NSArray(array: documents[4 * index + 1] as! [Any]).isEqual(exports), "seed \(HostileText.seed): the exports")
    }
  }

  /// A JSON value with every marker in its strings replaced.
  static func substituted(_ value: Any, _ round: Round) -> Any {
    switch value {
    case let text as String: round.substitute(text, id: { $0 })
    case let array as [Any]: array.map { substituted($0, round) }
    case let object as [String: Any]: Dictionary(uniqueKeysWithValues: object.map { ($0.key, substituted($0.value, round)) })
    default: value
    }
  }

  // MARK: Terminal

  /// The text outputs, fed to a terminal emulator (pyte): the screen must show exactly the
  /// lines journal wrote, so nothing in them moved the cursor, cleared, or was acted on; and
  /// each hostile text is there, with its controls shown as codes.
  @Test(.enabled(if: pythonHas("pyte"), "needs python3 with pyte (scripts/install-deps --test)"))
  func terminalTextIsShownAsWritten() throws {
    var outputs: [String] = []
    var random = HostileText()
    for round in Self.rounds(4) {
      let summary = JournalSummary(round.hostile, today: Self.today)
      outputs.append(summary.text(style: .plain))
      for person in round.hostile.people {
        let timeline = Timeline.text(person, today: Self.today, limit: nil, style: .plain)
        outputs.append(timeline)
        #expect(timeline.contains(TerminalText.visible(person.sessions[0].strengths[0].text)), "seed \(HostileText.seed)")
      }
      let line = random.text()
      let report = CheckReport(
        diagnostics: [
          Diagnostic(
            rule: "vague-feedback", severity: .warning, message: random.text(), file: round.hostile.people[0].folder + "/profile.md",
            location: SourceLocation(line: 1, column: 1 + line.unicodeScalars.count / 2), hint: random.text())
        ], files: ["a"])
      outputs.append(report.text(style: .plain, displayPath: { $0 }, lines: { _ in SourceText(text: line) }))
      let entry = History.Entry(
        commit: "0123456789abcdef", author: random.text(), email: random.text(), time: 1_790_000_000, offset: 60,
        summary: random.text(), changes: [JournalChange(kind: .added, path: round.hostile.people[1].folder + "/profile.md", document: nil)])
      outputs.append(HistoryText.text([entry], style: .plain))
    }
    for output in outputs {
      let raw = output.unicodeScalars.filter { $0 != "\n" && TerminalText.code($0) != nil }
      #expect(raw.isEmpty, "seed \(HostileText.seed): \(raw.map { String($0.value, radix: 16) })")
    }
    let folder = try TemporaryFolder()
    let paths = try outputs.enumerated().map { index, output in
      let path = folder.path + "/\(index).txt"
      try Data(output.utf8).write(to: URL(fileURLWithPath: path))
      return path
    }
    // The screen shows each line as written. Characters that take no cell and combine with
    // none (ZWJ, U+FEFF, U+2028) are left out of what is fed and compared: a terminal shows
    // nothing for them, and pyte stops drawing the line at one.
    let read = try runPython(
      """
      import json, sys, unicodedata, pyte
      from wcwidth import wcwidth
      problems = []
      for path in sys.argv[1:]:
          text = open(path, encoding='utf-8').read()
          text = ''.join(c for c in text if c == '\\n' or wcwidth(c) != 0 or unicodedata.combining(c))
          lines = text.split('\\n')
          screen = pyte.Screen(max(len(l) for l in lines) * 2 + 10, len(lines) + 1)
          pyte.Stream(screen).feed(text.replace('\\n', '\\r\\n'))
          shown = [unicodedata.normalize('NFC', l).rstrip() for l in lines]
          rows = [unicodedata.normalize('NFC', row).rstrip() for row in screen.display][:len(lines)]
          if screen.title or rows != shown:
              problems.append([path, screen.title, [[r, s] for r, s in zip(rows, shown) if r != s][:1]])
      print(json.dumps(problems))
      """, paths)
    #expect(read.status == 0, "\(read.errors)")
    #expect(read.output == "[]\n", "seed \(HostileText.seed): \(read.output)")
  }
}
