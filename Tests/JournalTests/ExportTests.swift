import Foundation
import Testing

/// Exports, read back by real parsers: Python's csv module and the icalendar package.
@Suite struct ExportTests {
  func runPython(_ script: String, input: String) throws -> (status: Int32, output: String, errors: String) {
    let folder = try TemporaryFolder()
    try folder.write(["input": input])
    return try JournalTests.runPython(script, [folder.path + "/input"])
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
    // The same figures as the summary's: 19 open, 39 done; 4 dropped.
    #expect(read.output == "62 19 39 4\nmaria-lopez 2026-11-20 maria mentees/maria-lopez/sessions/2026-11-18.md\n")
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
    #expect(read.output == "4 19\n2026-11-19 2026-11-20\nTrue\n")
  }
}
