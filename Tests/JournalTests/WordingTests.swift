import Foundation
import JournalKit
import Testing

/// Human output in words: plurals, "today" rather than "0 days ago", a target reached, the
/// baseline in a sparkline.
@Suite struct WordingTests {
  @Test func countsAndDays() {
    #expect(Wording.count(0, "improvement") == "0 improvements")
    #expect(Wording.count(1, "improvement") == "1 improvement")
    #expect(Wording.count(2, "improvement") == "2 improvements")
    #expect(Wording.count(1, "person", "people") == "1 person")
    #expect(Wording.count(3, "person", "people") == "3 people")
    let today = Day(iso: "2026-11-26")!
    #expect(Wording.relative(today, to: today) == "today")
    #expect(Wording.relative(Day(iso: "2026-11-25")!, to: today) == "yesterday")
    #expect(Wording.relative(Day(iso: "2026-11-27")!, to: today) == "tomorrow")
    #expect(Wording.relative(Day(iso: "2026-11-24")!, to: today) == "2 days ago")
    #expect(Wording.relative(Day(iso: "2026-11-29")!, to: today) == "in 3 days")
  }

  static let files = [
    "mentees/alice/plans/reviews.md": """
      ---
      title: Reviews
      created: 2026-11-01
      goals:
        - id: reviews
          description: More reviews a week
          metric: reviews
          baseline: 10
          target: 12
        - id: defects
          description: Fewer defects
          metric: defects
          baseline: 8
          target: 2
      ---
      """,
    "mentees/alice/sessions/2026-11-20.md": """
      ---
      date: 2026-11-20
      type: career-development
      plan: reviews
      metrics:
        reviews: 11
        defects: 6
      ---
      ## Strengths

      - Reviewed the migration carefully, with questions that found a missing index.

      ## Improvements

      - Two reviews waited three days; aim for a first pass within a day.
      """,
    "mentees/alice/sessions/2026-11-26.md": """
      ---
      date: 2026-11-26
      type: career-development
      plan: reviews
      metrics:
        reviews: 13
        defects: 5
      ---
      ## Strengths

      - Led the design review for the new ledger and kept it to the agreed hour.
      """,
  ]

  @Test func summaryTextSaysTodayAndCountsInWords() throws {
    let repo = try GitFixture()
    try repo.write(Self.files)
    let run = try repo.journal("summary", "--today", "2026-11-26")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("Test journal — 2026-11-26\n1 person, 2 sessions, 0 open actions\n"))
    #expect(run.stdout.contains("  last session  2026-11-26, today\n"))
    #expect(run.stdout.contains("  feedback      2 strengths, 1 improvement\n"))
    // 10 → 11 → 13 toward 12 is past the target; 8 → 6 → 5 toward 2 is half way. The baseline
    // comes first in the sparkline, on the same scale.
    #expect(run.stdout.contains("  goal          reviews: ▁ ▃█  11 → 13 (baseline 10, target 12), target reached\n"))
    #expect(run.stdout.contains("  goal          defects: █ ▃▁  6 → 5 (baseline 8, target 2), 50% of the way\n"))
    let yesterday = try repo.journal("summary", "--today", "2026-11-27")
    #expect(yesterday.stdout.contains("  last session  2026-11-26, yesterday\n"))
    let markdown = try repo.journal("summary", "--today", "2026-11-26", "--format", "markdown")
    #expect(markdown.stdout.contains("| last session | 2026-11-26, today |\n"))
    #expect(markdown.stdout.contains("| feedback | 2 strengths, 1 improvement |\n"))
    #expect(markdown.stdout.contains("| More reviews a week | 10 | 11 (2026-11-20), 13 (2026-11-26) | 12 | reached |\n"))
    let html = try repo.journal("summary", "--today", "2026-11-26", "--format", "html")
    #expect(html.stdout.contains("<dd>2026-11-26, today</dd>"))
    #expect(html.stdout.contains("<dd>2 strengths, 1 improvement</dd>"))
    #expect(html.stdout.contains("<figcaption>More reviews a week — target reached</figcaption>"))
    let json = try repo.journal("summary", "--today", "2026-11-26", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let goals = try #require(((object["people"] as? [[String: Any]])?.first?["goals"]) as? [[String: Any]])
    #expect(goals[0]["progress"] as? Double == 1.5)
    #expect(goals[0]["reached"] as? Bool == true)
    #expect(goals[1]["reached"] as? Bool == false)
  }

  @Test func checkCountsInWords() throws {
    let repo = try GitFixture()
    let run = try repo.journal("check", "--today", "2026-11-26")
    #expect(run.stdout == "checked 2 files: 0 errors, 0 warnings\n")
    try repo.write(["mentees/bob/profile.md": "---\nname: Bob Stone\nrelationship: candidate\n---\n"])
    let one = try repo.journal("check", "--today", "2026-11-26")
    #expect(one.stdout.hasSuffix("\nchecked 3 files: 0 errors, 1 warning\n"), "\(one.stdout)")
  }
}
