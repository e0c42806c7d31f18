import Foundation
import Testing

/// `journal debrief` against the letter journal, whose figures are worked out by hand:
///
/// | candidate | design | communication | collaboration |
/// | --- | ---: | ---: | ---: |
/// | Carla Díaz | 3 | 2 | 4 |
/// | Dev Patel | 2 | 2 | 3 |
/// | Gus Moreau | 4 | 1 | 3 |
/// | Erin Wu (retain-until 2026-11-01, left out) | 1 | 1 | 1 |
///
/// design: one 2, one 3, one 4, mean 9/3 = 3; communication: one 1, two 2s, mean 5/3 = 1.67;
/// collaboration: two 3s, one 4, mean 10/3 = 3.33. Improvements tagged `communication` are
/// written for Carla, Dev and Gus (3 candidates); `design` only for Dev (Erin's is left out).
@Suite struct DebriefTests {
  static let journal = fixtures.appendingPathComponent("golden/letter/journal").path

  func debrief(_ arguments: [String]) throws -> Run {
    try runJournal(["debrief", "backend-engineer", "--today", "2026-11-26"] + arguments, in: Self.journal)
  }

  @Test func figuresMatchTheHandWorkedOnes() throws {
    let run = try debrief(["--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let root = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(root["candidates"] as? Int == 3)
    #expect(root["scorecards"] as? Int == 3)
    #expect(root["pastRetention"] as? Int == 1)
    let categories = try #require(root["categories"] as? [[String: Any]])
    #expect(categories.map { $0["id"] as? String } == ["design", "communication", "collaboration"])
    func counts(_ category: [String: Any]) -> [Int] {
      (category["distribution"] as? [[String: Any]] ?? []).map { $0["count"] as? Int ?? -1 }
    }
    #expect(counts(categories[0]) == [0, 1, 1, 1])
    #expect(counts(categories[1]) == [1, 2, 0, 0])
    #expect(counts(categories[2]) == [0, 0, 2, 1])
    let means = categories.map { $0["mean"] as? Double ?? -1 }
    #expect(means[0] == 3)
    #expect(abs(means[1] - 5.0 / 3) < 1e-9)
    #expect(abs(means[2] - 10.0 / 3) < 1e-9)
    #expect(categories.map { $0["lowest"] as? Int } == [2, 1, 3])
    #expect(categories.map { $0["highest"] as? Int } == [4, 2, 4])
    func people(_ category: [String: Any], _ key: String) -> [String] {
      (category[key] as? [[String: Any]] ?? []).map { $0["person"] as? String ?? "" }
    }
    #expect(people(categories[0], "lowestEvidence") == ["dev-patel"])
    #expect(people(categories[0], "highestEvidence") == ["gus-moreau"])
    #expect(people(categories[1], "lowestEvidence") == ["gus-moreau"])
    #expect(people(categories[1], "highestEvidence") == ["carla-diaz", "dev-patel", "dev-patel"])
    #expect(people(categories[2], "lowestEvidence") == ["dev-patel", "gus-moreau"])
    let themes = try #require(root["themes"] as? [[String: Any]])
    #expect(themes.map { $0["category"] as? String } == ["communication"])
    #expect(themes.first?["candidates"] as? Int == 3)
    #expect(!run.stdout.contains("Erin"), "a candidate past retain-until is left out")
  }

  @Test func sinceNarrowsAndTextShowsTheSameFigures() throws {
    let text = try debrief([])
    #expect(text.stdout.contains("3 candidates, 3 scorecards; 1 candidate past `retain-until` left out"))
    #expect(text.stdout.contains("Communication (communication): mean 1.67 of 3 ratings"))
    #expect(text.stdout.contains("Collaboration (collaboration): mean 3.33 of 3 ratings"))
    let since = try debrief(["--since", "2026-11-12", "--format", "json"])
    let root = try #require(JSONSerialization.jsonObject(with: Data(since.stdout.utf8)) as? [String: Any])
    #expect(root["candidates"] as? Int == 2, "Dev's scorecard of 11-11 is before --since")
    let unknown = try runJournal(["debrief", "backend"], in: Self.journal)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean `backend-engineer`?"), "\(unknown.stderr)")
  }

  /// With one rating in a category there is no lowest or highest, only that rating and its
  /// evidence; with none, "no ratings yet", not a mean of "–". Each format is read back by
  /// its reader: JSON by `JSONSerialization`, Markdown by cmark-gfm, HTML by Chromium.
  /// Since 2026-11-14 only Gus's scorecard counts (design 4, communication 1, collaboration
  /// 3); since 2026-11-20 none does.
  @Test func oneRatingHasNoExtremesAndNoneSaysSo() throws {
    let one = try debrief(["--since", "2026-11-14"]).stdout
    #expect(one.contains("System design (design): 1 rating, 4 Strong yes\n"), "\(one)")
    #expect(one.contains("  evidence:\n    - Gus Moreau: Drew the event log"), "\(one)")
    #expect(!one.contains("lowest") && !one.contains("highest") && !one.contains("mean"), "\(one)")
    let none = try debrief(["--since", "2026-11-20"]).stdout
    #expect(none.contains("System design (design): no ratings yet\n\nCommunication"), "\(none)")
    #expect(!none.contains("–") && !none.contains(": 0\n"), "\(none)")

    let json = try debrief(["--since", "2026-11-14", "--format", "json"])
    let root = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let categories = try #require(root["categories"] as? [[String: Any]])
    #expect(categories.map { $0["ratings"] as? Int } == [1, 1, 1])
    #expect(categories.map { $0["mean"] as? Int } == [4, 1, 3])
    #expect(categories.allSatisfy { $0["lowest"] is NSNull && $0["highest"] is NSNull })
    #expect(categories.allSatisfy { ($0["lowestEvidence"] as? [Any])?.isEmpty == true })
    let evidence = categories.map { ($0["evidence"] as? [[String: Any]] ?? []).map { $0["person"] as? String } }
    #expect(evidence == [["gus-moreau"], ["gus-moreau"], ["gus-moreau"]])
    let empty = try debrief(["--since", "2026-11-20", "--format", "json"])
    let emptyRoot = try #require(JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [String: Any])
    let emptyCategories = try #require(emptyRoot["categories"] as? [[String: Any]])
    #expect(emptyCategories.allSatisfy { $0["ratings"] as? Int == 0 && $0["mean"] is NSNull })
    #expect(emptyCategories.allSatisfy { ($0["evidence"] as? [Any])?.isEmpty == true })

    let markdown = try renderGFM(try debrief(["--since", "2026-11-14", "--format", "markdown"]).stdout)
    #expect(markdown.contains("<p>1 rating, 4 Strong yes.</p>"), "\(markdown)")
    #expect(markdown.contains("<p>Evidence:</p>"), "\(markdown)")
    #expect(!markdown.contains("Lowest") && !markdown.contains("Mean"), "\(markdown)")
    let emptyMarkdown = try renderGFM(try debrief(["--since", "2026-11-20", "--format", "markdown"]).stdout)
    #expect(emptyMarkdown.contains("<h2>System design</h2>\n<p>No ratings yet.</p>\n<h2>"), "\(emptyMarkdown)")
    #expect(!emptyMarkdown.contains("<table>"), "\(emptyMarkdown)")
  }

  /// Two candidates rated alike: every rating is the same, so their evidence is under "every
  /// rating", not "lowest". Gus's scorecard is copied to a second candidate.
  @Test func equalRatingsAreNotALowest() throws {
    let folder = try TemporaryFolder()
    #expect(try runProgram("/bin/cp", ["-a", Self.journal + "/.", folder.path]).status == 0)
    #expect(try runProgram("/bin/cp", ["-a", folder.path + "/mentees/gus-moreau", folder.path + "/mentees/gus-twin"]).status == 0)
    let run = try runJournal(["debrief", "backend-engineer", "--today", "2026-11-26", "--since", "2026-11-14"], in: folder.path)
    #expect(run.stdout.contains("System design (design): mean 4 of 2 ratings\n"), "\(run.stdout)")
    #expect(run.stdout.contains("  every rating (4):\n    - Gus Moreau: Drew"), "\(run.stdout)")
    #expect(!run.stdout.contains("lowest") && !run.stdout.contains("highest"), "\(run.stdout)")
    let markdown = try renderGFM(
      try runJournal(
        ["debrief", "backend-engineer", "--today", "2026-11-26", "--since", "2026-11-14", "--format", "markdown"],
        in: folder.path
      ).stdout)
    #expect(markdown.contains("<p>Every rating (4):</p>"), "\(markdown)")
  }

  @Test(.enabled(if: HTMLReportTests.chromium != nil, "needs Chromium (scripts/install-deps --test)"))
  func oneRatingAndNoneInChromium() throws {
    let folder = try TemporaryFolder()
    for (since, expected, absent) in [
      ("2026-11-14", "1 rating, <data value=\"4\">4</data> Strong yes", ["Lowest", "Mean", "–"]),
      ("2026-11-20", "No ratings yet", ["Lowest", "Mean", "–", "<table"]),
    ] {
      let path = folder.path + "/debrief-\(since).html"
      #expect(try debrief(["--since", since, "--format", "html", "--output", path]).status == 0)
      let render = try runProgram(HTMLReportTests.chromium!, [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder.path)/profile",
        "--dump-dom", "file://\(path)",
      ])
      #expect(render.status == 0, "\(render.stderr)")
      #expect(render.stdout.contains(expected), "\(render.stdout)")
      for text in absent { #expect(!render.stdout.contains(text), "\(since): \(text)") }
      if since == "2026-11-14" { #expect(render.stdout.contains("<h3>Evidence</h3>"), "\(render.stdout)") }
    }
  }

  @Test func markdownRendersAsCommonMark() throws {
    let run = try debrief(["--format", "markdown"])
    let html = try renderGFM(run.stdout)
    #expect(html.contains("<h2>Communication</h2>"))
    #expect(html.contains("<td>2 No</td>"))
    #expect(html.contains("past <code>retain-until</code> left out") || html.contains("past `retain-until` left out"))
  }

  @Test(.enabled(if: HTMLReportTests.chromium != nil, "needs Chromium (scripts/install-deps --test)"))
  func htmlRendersInChromium() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/debrief.html"
    let run = try debrief(["--format", "html", "--output", path])
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    for forbidden in ["<script", "<link", "<img", "src=", "url(", "@import", "http://", "https://"] {
      #expect(!html.contains(forbidden))
    }
    let render = try runProgram(HTMLReportTests.chromium!, [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder.path)/profile",
      "--enable-logging=stderr", "--v=0", "--dump-dom", "file://\(path)",
    ])
    #expect(render.status == 0, "\(render.stderr)")
    let consoleErrors = render.stderr.split(separator: "\n").filter {
      $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("Refused to")
    }
    #expect(consoleErrors.isEmpty, "\(consoleErrors)")
    let tree = render.stdout
    #expect(tree.components(separatedBy: "<section class=\"category\"").count - 1 == 3)
    #expect(tree.contains("<data value=\"1.67\">1.67</data>"))
    #expect(tree.contains("<data value=\"3.33\">3.33</data>"))
    #expect(tree.components(separatedBy: "<span class=\"bar\"").count - 1 == 12)
    #expect(tree.contains("Carla Díaz"))
    #expect(!tree.contains("Erin Wu"))
  }

  /// Fiona was interviewed on 2026-11-20 and has no candidate feedback: 6 days, over the limit of 2.
  @Test func summaryShowsCandidatesWaitingForFeedback() throws {
    let json = try runJournal(["summary", "--today", "2026-11-26", "--format", "json"], in: Self.journal)
    let root = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let waiting = try #require(root["waitingForFeedback"] as? [[String: Any]])
    #expect(waiting.count == 1)
    #expect(waiting.first?["id"] as? String == "fiona-park")
    #expect(waiting.first?["days"] as? Int == 6)
    #expect(waiting.first?["limit"] as? Int == 2)
    #expect(waiting.first?["overdue"] as? Bool == true)
    let text = try runJournal(["summary", "--today", "2026-11-21"], in: Self.journal)
    #expect(text.stdout.contains("Candidates waiting for feedback\n  Fiona Park: interviewed 2026-11-20, 1 day ago\n"))
  }
}
