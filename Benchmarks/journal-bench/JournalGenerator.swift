import Foundation
import JournalModel

/// Writes a large, realistic journal: people with profiles and plans, and sessions with every
/// field and section, spread over the months before 2026-11-26.
struct JournalGenerator {
  let sessions: Int
  var sessionsPerPerson = 50

  struct Summary {
    var files = 0
    var sessions = 0
    var people = 0
    var bytes = 0
  }

  func write(to folder: URL) throws -> Summary {
    var summary = Summary()
    func put(_ path: String, _ text: String) throws {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      summary.files += 1
      summary.bytes += text.utf8.count
    }
    try put("journal.yml", "title: Benchmark journal\nrules:\n  late-feedback:\n    max-days: 7\n")
    let people = max(1, (sessions + sessionsPerPerson - 1) / sessionsPerPerson)
    summary.people = people
    let types = ["performance-improvement", "career-development", "project-specific", "candidate-feedback"]
    for person in 0..<people {
      let id = "person-\(person)"
      try put(
        "mentees/\(id)/profile.md",
        "---\nname: Person \(person)\nrole: Engineer\nrelationship: report\nsince: 2024-01-01\ncadence: 1m\ngoals:\n  - Lead a team\n---\nProfile notes.\n")
      try put(
        "mentees/\(id)/plans/growth.md",
        """
        ---
        title: Growth plan
        created: 2024-01-01
        status: active
        review: 2027-01-15
        goals:
          - id: reviews
            description: Review more pull requests each week
            metric: reviews
            baseline: 1
            target: 6
          - id: defects
            description: Fewer escaped defects per month
            metric: defects
            baseline: 9
            target: 2
        ---
        ## Actions

        - [ ] Pair on two reviews a week due:2027-01-10 owner:\(id)

        """)
      let count = min(sessionsPerPerson, sessions - person * sessionsPerPerson)
      for index in 0..<count {
        let day = Day(ordinal: 20_783 - (count - index) * 7)  // weekly, the last within a week of 2026-11-26
        let type = types[index % types.count]
        try put(
          "mentees/\(id)/sessions/\(day).md",
          """
          ---
          date: \(day)
          type: \(type)
          mentor: Hannah Reyes
          duration: 45m
          medium: video
          objectives:
            - Review progress on the growth plan
            - Agree next steps for the quarter
          event-date: \(day.adding(days: -2))
          metrics:
            reviews: \(1 + index % 6)
            defects: \(9 - index % 7)
          plan: growth
          follow-up: \(day.adding(days: 7))
          tags: [growth, quarterly]
          project: Checkout
          ---
          ## Strengths

          - Wrote the migration runbook for the billing service and walked two teammates through it
          - Caught the retry storm in review \(index) before it reached production, with a load test

          ## Improvements

          - The design note for ticket \(index) skipped the rollback plan, which cost a day in review

          ## Dialogue

          They felt the quarter was busy but agreed the rollback plan matters.

          ## Actions

          - [x] Add a rollback section to the design note template owner:\(id)
          - [ ] Share the load-test script with the team due:\(day.adding(days: 14)) owner:\(id) priority:medium

          """)
        summary.sessions += 1
      }
    }
    return summary
  }
}
