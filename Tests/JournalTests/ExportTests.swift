import Foundation
import Testing

/// Exports, read back by real parsers: Python's csv, json and icalendar.
@Suite struct ExportTests {
  func runPython(_ script: String, input: String) throws -> (status: Int32, output: String, errors: String) {
    let folder = try TemporaryFolder()
    try folder.write(["input": input])
    return try JournalTests.runPython(script, [folder.path + "/input"])
  }

  /// A session that could not be read holds actions and a follow-up the export lacks: a
  /// warning on standard error names it, and the export itself stays what its reader takes.
  @Test func aSessionThatCannotBeReadIsNamedOnStandardError() throws {
    let repo = try GitFixture()
    try repo.write([
      "mentees/alice/sessions/2026-11-24.md":
        "---\ndate: 2026-11-24\ntype: career-development\nfollow-up 2026-12-01\n---\n## Actions\n\n- [ ] Draft the plan\n"
    ])
    for arguments in [["export", "actions"], ["export", "follow-ups"], ["export", "actions", "--format", "json"]] {
      let run = try repo.journal(arguments + ["--today", "2026-11-26"], environment: [:])
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(
        run.stderr
          == "journal: warning: 1 session file could not be read and is left out: mentees/alice/sessions/2026-11-24.md; `journal check` says why\n",
        "\(arguments)")
      #expect(!run.stdout.contains("Draft the plan"))
    }
  }

  /// Preparing the next session (`journal new session`, nothing written in it) does not take
  /// away the follow-up agreed in the last one held: the calendar's follow-up is the latest
  /// written session's, as `summary` and `check` count it.
  @Test func aPreparedSessionKeepsTheLastFollowUp() throws {
    let repo = try GitFixture()
    try repo.write([
      "mentees/alice/sessions/2026-11-10.md":
        "---\ndate: 2026-11-10\ntype: career-development\nfollow-up: 2026-11-24\n---\n## Strengths\n\n- Ran the retro and kept it to time.\n\n## Actions\n\n- [ ] Draft the plan due:2026-11-30\n"
    ])
    let arguments = ["export", "follow-ups", "--format", "json", "--today", "2026-11-17"]
    let before = try repo.journal(arguments, environment: [:])
    #expect(before.status == 0, "\(before.stderr)")
    #expect(before.stdout.contains("follow-up-alice-2026-11-24@journal"), "\(before.stdout)")
    #expect(try repo.journal("new", "session", "alice", "--date", "2026-11-17", "--today", "2026-11-17").status == 0)
    let after = try repo.journal(arguments, environment: [:])
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stdout.contains("follow-up-alice-2026-11-24@journal"), "\(after.stdout)")
    #expect(after.stdout.contains("Agreed in the session of 2026-11-10"), "\(after.stdout)")
  }

  /// A prepared session carries the open actions over without anybody writing them: every
  /// export names the session where each was last really written, its file and line.
  @Test func aPreparedSessionIsNotAnActionsSource() throws {
    let repo = try GitFixture()
    let held = "mentees/alice/sessions/2026-11-10.md"
    try repo.write([
      held:
        "---\ndate: 2026-11-10\ntype: career-development\n---\n## Strengths\n\n- Ran the retro and kept it to time.\n\n## Actions\n\n- [ ] Draft the plan due:2026-11-30\n"
    ])
    #expect(try repo.journal("new", "session", "alice", "--date", "2026-11-17", "--today", "2026-11-17").status == 0)
    #expect(
      try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-17.md", encoding: .utf8)
        .contains("- [ ] Draft the plan due:2026-11-30"))
    let csv = try repo.journal(["export", "actions", "--today", "2026-11-17"], environment: [:])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.contains("Draft the plan,,2026-11-30,,\(held),11\r\n"), "\(csv.stdout)")
    let json = try repo.journal(["export", "actions", "--format", "json", "--today", "2026-11-17"], environment: [:])
    #expect(try files(json) == ["\(held):11"], "\(json.stdout)")
    let ics = try repo.journal(["export", "follow-ups", "--today", "2026-11-17"], environment: [:])
    #expect(ics.stdout.contains("From mentees/alice/sessions/2026-11-10.md."), "\(ics.stdout)")
    // Once the next session is written, its mention is where the action stands.
    let prepared = "mentees/alice/sessions/2026-11-17.md"
    let template = try String(contentsOfFile: repo.path + "/" + prepared, encoding: .utf8)
    try repo.write([prepared: template.replacingOccurrences(of: "## Strengths\n", with: "## Strengths\n\n- Shipped the plan draft early.\n")])
    let written = try repo.journal(["export", "actions", "--format", "json", "--today", "2026-11-17"], environment: [:])
    #expect(try files(written) == ["\(prepared):30"], "\(written.stdout)")
  }

  /// Each action's `file:line` in an actions JSON export.
  func files(_ run: Run) throws -> [String] {
    let root = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let actions = try #require(root["actions"] as? [[String: Any]])
    return actions.map { "\($0["file"] ?? ""):\($0["line"] ?? "")" }
  }

  @Test(.enabled(if: pythonHas("csv")))
  func actionsAsCSV() throws {
    let run = try runJournal(["export", "actions", "--journal", "SampleJournal", "--format", "csv"])
    #expect(run.status == 0)
    let read = try runPython(
      """
      import csv, sys, collections
      rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
      counts = collections.Counter(r['status'] for r in rows)
      print(len(rows), counts['open'], counts['done'], counts['dropped'])
      overdue = [r for r in rows if r['status'] == 'open' and r['due'] and r['due'] < '2026-11-26']
      print(overdue[0]['person'], overdue[0]['due'], overdue[0]['owner'], overdue[0]['file'])
      """, input: run.stdout)
    #expect(read.status == 0, "\(read.errors)")
    // The same figures as the summary's: 20 open, 40 done; 4 dropped.
    #expect(read.output == "64 20 40 4\nmaria-lopez 2026-11-20 maria mentees/maria-lopez/sessions/2026-11-18.md\n")
  }

  @Test(.enabled(if: pythonHas("icalendar")))
  func followUpsAsICalendar() throws {
    let run = try runJournal([
      "export", "follow-ups", "--journal", "SampleJournal", "--format", "ics", "--today", "2026-11-26",
    ])
    #expect(run.status == 0)
    #expect(run.stdout.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 75 })
    let read = try runPython(
      """
      import sys, icalendar
      calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
      events = calendar.walk('VEVENT')
      assert len({e['UID'] for e in events}) == len(events)
      follow = [e for e in events if str(e['SUMMARY']).startswith('Follow-up')]
      print(len(follow), len(events) - len(follow))
      lee = [e for e in follow if 'Lee Chen' in str(e['SUMMARY'])][0]
      print(lee.decoded('DTSTART'), lee.decoded('DTEND'))
      print('Run a colour-contrast' in str(lee['DESCRIPTION']))
      """, input: run.stdout)
    #expect(read.status == 0, "\(read.errors)")
    // Four people with a follow-up; nineteen open actions, all with a due date.
    #expect(read.output == "4 20\n2026-11-19 2026-11-20\nTrue\n")
  }

  @Test(.enabled(if: pythonHas("json")))
  func actionsAsJSON() throws {
    let run = try runJournal([
      "export", "actions", "--journal", "SampleJournal", "--format", "json", "--today", "2026-11-26",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let read = try runPython(
      """
      import json, sys, collections
      document = json.load(open(sys.argv[1], encoding='utf-8'))
      rows = document['actions']
      counts = collections.Counter(r['status'] for r in rows)
      print(document['version'], document['today'], len(rows), counts['open'], counts['done'], counts['dropped'])
      overdue = [r for r in rows if r['overdue']]
      print(len(overdue), overdue[0]['person'], overdue[0]['due'], overdue[0]['owner'], overdue[0]['file'], overdue[0]['line'])
      print(sorted({type(r['due']).__name__ for r in rows}), sorted({type(r['priority']).__name__ for r in rows}))
      """, input: run.stdout)
    #expect(read.status == 0, "\(read.errors)")
    // The CSV's figures, and the one overdue action the summary counts.
    #expect(
      read.output
        == "1 2026-11-26 64 20 40 4\n1 maria-lopez 2026-11-20 maria mentees/maria-lopez/sessions/2026-11-18.md 51\n['NoneType', 'str'] ['NoneType', 'str']\n")
    // Another day, other actions overdue.
    let later = try runJournal(["export", "actions", "--journal", "SampleJournal", "--format", "json", "--today", "2027-01-01"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
    let actions = try #require(object["actions"] as? [[String: Any]])
    #expect(actions.count { $0["overdue"] as? Bool == true } == 18, "the 20 open actions but the two due in 2027")
  }

  /// The JSON events are the calendar's: icalendar reads the same uids, days, summaries and
  /// descriptions from the .ics file.
  @Test(.enabled(if: pythonHas("json, icalendar")))
  func followUpsAsJSONAreTheCalendarsEvents() throws {
    let arguments = ["export", "follow-ups", "--journal", "SampleJournal", "--today", "2026-11-26", "--format"]
    let json = try runJournal(arguments + ["json"])
    let ics = try runJournal(arguments + ["ics"])
    #expect(json.status == 0 && ics.status == 0)
    let folder = try TemporaryFolder()
    try folder.write(["events.json": json.stdout, "events.ics": ics.stdout])
    let read = try JournalTests.runPython(
      """
      import json, sys, icalendar
      document = json.load(open(sys.argv[1], encoding='utf-8'))
      calendar = icalendar.Calendar.from_ical(open(sys.argv[2], 'rb').read())
      from_ics = [[str(e['UID']), e.decoded('DTSTART').isoformat(), str(e['SUMMARY']), str(e['DESCRIPTION'])] for e in calendar.walk('VEVENT')]
      from_json = [[e['uid'], e['date'], e['summary'], e['description']] for e in document['events']]
      print(from_ics == from_json, len(from_json))
      print([(e['kind'], e['person'], e['past']) for e in document['events'] if e['kind'] == 'follow-up'])
      """, [folder.path + "/events.json", folder.path + "/events.ics"])
    #expect(read.status == 0, "\(read.errors)")
    #expect(
      read.output
        == "True 24\n[('follow-up', 'lee-chen', True), ('follow-up', 'maria-lopez', False), ('follow-up', 'priya-raman', False), ('follow-up', 'sam-okafor', False)]\n")
  }
}
