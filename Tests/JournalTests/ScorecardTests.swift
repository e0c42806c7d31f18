import Foundation
import JournalChecks
import JournalKit
import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// Scorecards: rubrics in journal.yml, ratings and evidence in sessions, and the findings
/// about them, each at its exact line and column.
@Suite struct ScorecardTests {
  static let config = """
    rubrics:
      backend:
        title: Backend engineer
        scale:
          1: No
          2: Mixed
          3: Yes
        categories:
          - id: design
            title: System design
            good: Splits a service into parts and says what each costs.
          - id: communication
            title: Communication
          - id: collaboration
            title: Collaboration

    """

  static let session = """
    ---
    date: 2026-11-20
    type: candidate-feedback
    rubric: backend
    ratings:
      design: 5
      comunication: 2
      collaboration: 3
    ---
    ## Strengths

    - [design] Split the queue by tenant and said why it mattered.
    1.  [culture] Asked about the on-call rota and wrote down the answers.

    ## Improvements

    - [communication] Jumped to code before restating the problem at all.
      Suggestion: restate the problem in one sentence before designing.

    ## Actions

    - [ ] Send the design notes due:2026-11-27

    """

  static let scorecardRules: Set<String> = [
    "unknown-rubric", "unknown-category", "rating-scale", "unrated-category", "rating-without-evidence",
  ]

  func findings(_ session: String, config: String = ScorecardTests.config) throws -> [String] {
    try check(["journal.yml": config, RuleExample.sessionPath: session, "mentees/alex/profile.md": "---\nname: Alex Kim\n---\n"])
      .diagnostics.filter { Self.scorecardRules.contains($0.rule) }
      .map { "\($0.location) \($0.severity) \($0.rule): \($0.message) | \($0.hint ?? "")" }
  }

  @Test(arguments: ["\n", "\r\n"])
  func eachFindingAtItsPlace(_ newline: String) throws {
    let text = Self.session.replacingOccurrences(of: "\n", with: newline)
    #expect(
      try findings(text) == [
        "5:1 warning unrated-category: 1 category of rubric `backend` not rated: `communication` | rate `communication` (Communication) under `ratings:`, on the scale 1 (No), 2 (Mixed), 3 (Yes)",
        "6:11 error rating-scale: rating 5 for `design` is not on the scale of rubric `backend` | the scale is 1 (No), 2 (Mixed), 3 (Yes)",
        "7:3 error unknown-category: rubric `backend` has no category `comunication` | did you mean `communication`?",
        "8:3 warning rating-without-evidence: rating for `collaboration` has no evidence | add a Strengths or Improvements item starting `[collaboration]` that says what you saw",
        "13:5 error unknown-category: evidence for `culture`, which rubric `backend` does not have | rubric `backend` has `design`, `communication`, `collaboration`",
      ])
  }

  @Test func unknownRubricAndRatingsWithoutOne() throws {
    #expect(
      try findings("---\ndate: 2026-11-20\ntype: candidate-feedback\nrubric: backnd\n---\n") == [
        "4:9 error unknown-rubric: no rubric `backnd` in journal.yml | did you mean `backend`?"
      ])
    #expect(
      try findings("---\ndate: 2026-11-20\ntype: candidate-feedback\nratings:\n  design: 2\n---\n") == [
        "4:1 error unknown-rubric: `ratings` given without a `rubric` | name the rubric rated on, such as `rubric: backend`"
      ])
    #expect(
      try findings("---\ndate: 2026-11-20\ntype: candidate-feedback\nrubric: backend\n---\n", config: "title: T\n") == [
        "4:9 error unknown-rubric: no rubric `backend` in journal.yml | define it under `rubrics:` in journal.yml (docs/candidates.md)"
      ])
  }

  @Test func aFullScorecardIsClean() throws {
    let session = """
      ---
      date: 2026-11-20
      type: candidate-feedback
      rubric: backend
      ratings:
        design: 3
        communication: 1
        collaboration: 2
      ---
      ## Strengths

      - [design] Split the queue by tenant and said why it mattered.
      - [collaboration] Asked the interviewer for their view and built on it.

      ## Improvements

      - [communication] Jumped to code before restating the problem at all.

      """
    #expect(try findings(session) == [])
  }

  @Test func rubricsAreReadWithTheirScaleAndCategories() throws {
    let report = try JournalLoader.load(MemoryJournal(texts: ["journal.yml": Self.config]))
    let rubric = try #require(report.journal.config.rubric("backend"))
    #expect(rubric.title == "Backend engineer")
    #expect(rubric.scale.map(\.value) == [1, 2, 3])
    #expect(rubric.scale.map(\.label) == ["No", "Mixed", "Yes"])
    #expect(rubric.categories.map(\.id) == ["design", "communication", "collaboration"])
    #expect(rubric.category("design")?.good == "Splits a service into parts and says what each costs.")
    #expect(rubric.category("design")?.location == Location(line: 9, column: 13))
  }

  @Test func badRubricsAreReportedWhereTheyAre() throws {
    let config = """
      rubrics:
        backend:
          scale:
            low: No
            2: Yes
          categories:
            - id: Design
              title: System design
            - title: Communication
        Bad_Name:
          scale: {1: a, 2: b}
          categories: [{id: x, title: X}]
        empty:
          title: Nothing

      """
    let found = try check(["journal.yml": config]).diagnostics.map { "\($0.location) \($0.rule): \($0.message)" }
    #expect(
      found == [
        "3:5 invalid-value: the scale of rubric `backend` has one point; a rating needs at least two",
        "4:7 invalid-value: scale point `low` must be a whole number",
        "7:13 invalid-value: category id `Design` must be lowercase letters, digits and `-`",
        "9:9 missing-field: required field `id` is missing",
        "10:3 invalid-value: rubric name `Bad_Name` must be lowercase letters, digits and `-`",
        "13:3 missing-field: rubric `empty` has no `categories`",
        "13:3 missing-field: rubric `empty` has no `scale`",
      ])
  }

  @Test func evidenceTagsAndSuggestionsAreReadApart() {
    #expect(EvidenceTag.read("[design] Split the queue")! == ("design", "Split the queue"))
    #expect(EvidenceTag.read("[design]")! == ("design", ""))
    #expect(EvidenceTag.read("[design]Split") == nil)
    #expect(EvidenceTag.read("[ ] task") == nil)
    #expect(EvidenceTag.read("see [design] later") == nil)
    #expect(EvidenceTag.read("[dé] x") == nil, "a tag is ASCII")
    #expect(SuggestionMarker.split("Talked over them. Suggestion: pause first.") == ("Talked over them.", "pause first."))
    #expect(SuggestionMarker.split("A suggestion:") == ("A suggestion:", nil))
    #expect(SuggestionMarker.split("NoSuggestion: here") == ("NoSuggestion: here", nil))
  }

  @Test func evidenceTagColumnsFollowTheMarker() throws {
    // An indented item, and white space after the marker: the `[` is where the finding points.
    let body = "## Strengths\n\n   -   [culture] Asked about the on-call rota and wrote it down.\n"
    let session = "---\ndate: 2026-11-20\ntype: candidate-feedback\nrubric: backend\n---\n" + body
    let unknown = try check(["journal.yml": Self.config, RuleExample.sessionPath: session]).diagnostics
      .filter { $0.rule == "unknown-category" }
    #expect(unknown.map(\.location) == [Location(line: 8, column: 8)])
  }

  /// `journal fmt` puts `rubric` and `ratings` in their place without changing a rating.
  @Test func fmtLaysOutAScorecard() throws {
    let folder = try TemporaryFolder()
    let path = RuleExample.sessionPath
    try folder.write([
      "journal.yml": Self.config, "mentees/alex/profile.md": "---\nname: Alex Kim\n---\n",
      path: "---\nratings:\n  design: 3\nrubric: backend\ndate: 2026-11-20\ntype: candidate-feedback\n---\n## Strengths\n\n- [design] Split the queue by tenant and said why it mattered.\n",
    ])
    let run = try runJournal(["fmt"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      try String(contentsOfFile: folder.path + "/" + path, encoding: .utf8)
        == "---\ndate: 2026-11-20\ntype: candidate-feedback\nrubric: backend\nratings:\n  design: 3\n---\n## Strengths\n\n- [design] Split the queue by tenant and said why it mattered.\n")
  }
}
