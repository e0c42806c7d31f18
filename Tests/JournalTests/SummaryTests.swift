import Foundation
import JournalKit
import Testing

/// `journal summary` on a fixture whose right answers were worked out by hand.
@Suite struct SummaryTests {
  static let journal = fixtures.appendingPathComponent("summary").path

  func summary(_ arguments: String...) throws -> [String: Any] {
    let run = try runJournal(["summary", "--journal", Self.journal, "--today", "2026-11-26", "--format", "json"] + arguments)
    #expect(run.status == 0, "\(run.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
  }

  @Test func everyNumberOfOnePerson() throws {
    let json = try summary()
    let people = try #require(json["people"] as? [[String: Any]])
    #expect(people.map { $0["id"] as? String } == ["ana", "ben"])
    let ana = people[0]
    let sessions = try #require(ana["sessions"] as? [String: Any])
    #expect(sessions["total"] as? Int == 2)
    #expect((sessions["byType"] as? [String: Int])?["career-development"] == 1)
    #expect((sessions["byType"] as? [String: Int])?["performance-improvement"] == 1)
    #expect((sessions["byMonth"] as? [String: Int]) == ["2026-10": 2])
    #expect(ana["lastSession"] as? String == "2026-10-15")
    // 16 days to the end of October, then 26 of November.
    #expect(ana["daysSinceLastSession"] as? Int == 42)
    #expect(ana["cadence"] as? String == "1w")
    #expect(ana["checkInDue"] as? String == "2026-10-22")
    #expect(ana["nextFollowUp"] as? String == "2026-10-29")
    #expect((ana["feedback"] as? [String: Int]) == ["strengths": 3, "improvements": 3])
    // The rollback section was carried over and done: done 2, open 1 (overdue), dropped 1.
    let actions = try #require(ana["actions"] as? [String: Any])
    #expect(actions["open"] as? Int == 1)
    #expect(actions["done"] as? Int == 2)
    #expect(actions["dropped"] as? Int == 1)
    #expect(actions["overdue"] as? Int == 1)
    #expect(abs((actions["completionRate"] as? Double ?? 0) - 2.0 / 3.0) < 1e-9)
    // All four actions were first written in October; three were closed there (two done, one dropped).
    #expect((actions["byMonth"] as? [String: [String: Int]]) == ["2026-10": ["opened": 4, "closed": 3]])
    let open = try #require(actions["openItems"] as? [[String: Any]])
    #expect(open.first?["text"] as? String == "Add tests to the two pull requests")
    #expect(open.first?["overdue"] as? Bool == true)
    // Reviews 10 → 12 → 15 toward 20: half way. Defects 8 → 7 → 5 toward 2 counts down: half way.
    let goals = try #require(ana["goals"] as? [[String: Any]])
    #expect(goals.map { $0["id"] as? String } == ["reviews", "defects"])
    #expect((goals[0]["values"] as? [[String: Any]])?.map { $0["value"] as? Int } == [12, 15])
    #expect(goals[0]["latest"] as? Int == 15)
    #expect(goals[0]["progress"] as? Double == 0.5)
    #expect(goals[1]["latest"] as? Int == 5)
    #expect(goals[1]["progress"] as? Double == 0.5)
    let ben = people[1]
    #expect(ben["lastSession"] is NSNull)
    #expect((ben["actions"] as? [String: Any])?["completionRate"] is NSNull)
  }

  @Test func totalsAndAttention() throws {
    let json = try summary()
    #expect(
      (json["totals"] as? [String: Int])
        == ["people": 2, "sessions": 2, "strengths": 3, "improvements": 3, "openActions": 1, "doneActions": 2, "overdueActions": 1,
           "unreadSessions": 0])
    let attention = try #require(json["attention"] as? [[String: Any]])
    #expect(attention.map { $0["id"] as? String } == ["ana"])
    #expect((attention[0]["reasons"] as? [String])?.count == 3)
  }

  @Test func aPeriodCountsOnlyItsSessions() throws {
    let json = try summary("--since", "2026-10-10")
    let ana = try #require((json["people"] as? [[String: Any]])?.first)
    #expect((ana["sessions"] as? [String: Any])?["total"] as? Int == 1)
    #expect((ana["feedback"] as? [String: Int]) == ["strengths": 1, "improvements": 2])
    let goals = try #require(ana["goals"] as? [[String: Any]])
    #expect((goals[0]["values"] as? [[String: Any]])?.count == 1)
  }

  @Test func markdownAndOutputFile() throws {
    let folder = try TemporaryFolder()
    let run = try runJournal([
      "summary", "--journal", Self.journal, "--today", "2026-11-26", "--format", "markdown",
      "--output", folder.path + "/SUMMARY.md",
    ])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    let text = try String(contentsOfFile: folder.path + "/SUMMARY.md", encoding: .utf8)
    #expect(text.hasPrefix("# Summary fixture\n\nAs of 2026-11-26.\n"))
    #expect(text.contains("| 2 | 2 | 3 | 3 | 1 | 1 |"))
    #expect(text.contains("| More reviews a week | 10 | 12 (2026-10-01), 15 (2026-10-15) | 20 | 50% |"))
  }

  @Test func outputNeverReplacesAnythingButARegularFile() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/report", withIntermediateDirectories: true)
    let run = try runJournal(["summary", "--journal", Self.journal, "--output", folder.path + "/report"])
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("/report is not a regular file; journal writes only regular files\n"))
    #expect(FileManager.default.fileExists(atPath: folder.path + "/report"))
  }

  @Test func showIsATimelineNewestFirst() throws {
    let run = try runJournal(["show", "ana", "--journal", Self.journal, "--today", "2026-11-26"])
    #expect(run.status == 0)
    let first = try #require(run.stdout.range(of: "2026-10-15 performance-improvement"))
    let second = try #require(run.stdout.range(of: "2026-10-01 career-development"))
    #expect(first.lowerBound < second.lowerBound)
    #expect(run.stdout.contains("  - [ ] Add tests to the two pull requests · ana · overdue, due 2026-11-01 (25 days ago)\n"))
    let unknown = try runJournal(["show", "nobody", "--journal", Self.journal])
    #expect(unknown.status == 2)
  }

  /// A folder name that starts with a joiner makes one Character of it and the "/" before it;
  /// the person must still be found among those who need attention.
  @Test func attentionFindsAFolderStartingWithAJoiner() throws {
    let id = "\u{200D}kai"
    let day = Day(year: 2026, month: 10, day: 1)!
    let session = Session(
      personID: id, file: "mentees/\(id)/sessions/2026-10-01.md", date: day, type: .careerDevelopment,
      followUp: day.adding(days: 7))
    let record = PersonRecord(id: id, folder: "mentees/\(id)", profile: nil, sessions: [session], plans: [])
    let summary = JournalSummary(Journal(config: JournalConfig(), people: [record]), today: sampleToday)
    #expect(summary.attention.map(\.person) == [id])
  }

  /// Read one person at a time, a summary says exactly what it says of the journal read whole.
  @Test(arguments: ["Tests/JournalTests/Fixtures/summary", "SampleJournal"])
  func readPersonByPersonAsWhole(_ folder: String) throws {
    let source = DiskJournal(try JournalLocation.at(packageRoot.appendingPathComponent(folder).path))
    let whole = try JournalLoader.load(source).journal
    let ids = whole.people.map(\.id)
    #expect(!ids.isEmpty)
    for (since, people) in [(nil, nil), (Day(year: 2026, month: 10, day: 1), nil), (nil, Array(ids.suffix(1)))] {
      let read = try JournalSummary.read(source, today: sampleToday, since: since, people: people)
      let given = JournalSummary(whole, today: sampleToday, since: since, people: people)
      #expect(read.people.map(\.id) == (people ?? ids))
      #expect(read.json() == given.json())
      #expect(read.markdown() == given.markdown())
      #expect(read.html() == given.html())
    }
    #expect(throws: JournalError.self) { try JournalSummary.read(source, today: sampleToday, people: ["nobody"]) }
  }
}
