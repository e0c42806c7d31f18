import Foundation
import JournalModel
import Testing

@testable import JournalKit
@testable import JournalParsing

/// A person whose sessions are scorecards (`rubric:` and `ratings:`) shared: the shared
/// `journal.yml` carries the rubrics their shared notes name, and no other, so that their own
/// `journal check`, the check before the push and the check of what they send back all read
/// the ratings against the same rubric as the journal does.
@Suite struct ShareScorecardTests {
  static let config = """
    title: Hiring notes
    rubrics:
      backend:
        title: Backend engineer
        scale:
          1: Strong no
          2: No
          3: Yes
          4: Strong yes
        categories:
          - id: design
            title: System design
            good: Breaks a service into parts and says what each costs.
          - id: communication
            title: Communication
      staff-principal:
        title: Staff engineer, the unannounced role
        scale:
          1: No
          2: Yes
        categories:
          - id: strategy
            title: Strategy

    """

  static let scorecard = """
    ---
    date: 2026-11-13
    type: candidate-feedback
    event-date: 2026-11-12
    rubric: backend
    ratings:
      design: 3
      communication: 2
    ---
    ## Strengths

    - [design] Split the ingest queue by tenant and explained the cost of each shard.

    ## Improvements

    - [communication] Started coding the rate limiter before restating the problem.
      Suggestion: restate the problem in one sentence and check it first.

    ## Dialogue

    - Hannah: what would you have done differently?

    """

  /// A journal with carla, a candidate scored on `backend`, and dana, scored on the other
  /// rubric; carla shared once.
  static func sharedCandidate() throws -> (GitFixture, BareRepository, Run) {
    let repository = try candidates()
    let remote = try BareRepository()
    return (repository, remote, try repository.journal("share", "carla", "--to", remote.path))
  }

  /// The journal of carla and dana, committed and passing its own check.
  static func candidates() throws -> GitFixture {
    let repository = try GitFixture()
    try repository.write([
      "journal.yml": config,
      "mentees/carla/profile.md":
        "---\nname: Carla Diaz\nrelationship: candidate\nsince: 2026-11-12\nretain-until: 2027-05-12\n---\n",
      "mentees/carla/sessions/2026-11-13.md": scorecard,
      "mentees/dana/profile.md":
        "---\nname: Dana Park\nrelationship: candidate\nsince: 2026-11-12\nretain-until: 2027-05-12\n---\n",
      "mentees/dana/sessions/2026-11-13.md": scorecard.replacingOccurrences(of: "rubric: backend", with: "rubric: staff-principal")
        .replacingOccurrences(of: "  design: 3\n  communication: 2\n", with: "  strategy: 2\n")
        .replacingOccurrences(of: "[design]", with: "[strategy]").replacingOccurrences(of: "- [communication] ", with: "- "),
    ])
    try repository.commit("Two scorecards", author: "Hannah Reyes", at: "2026-11-13T17:00:00+01:00")
    let own = try repository.journal("check", "--today", "2026-11-14")
    precondition(own.status == 0, "the journal's own check: \(own.stdout)\(own.stderr)")
    return repository
  }

  /// A rubric as `journal.yml` defines it, without where it was written.
  static func shape(_ rubric: Rubric) -> String {
    let categories = rubric.categories.map { "\($0.id)|\($0.title)|\($0.good ?? "-")" }
    return "\(rubric.name)|\(rubric.title ?? "-")|\(rubric.scaleDescription)|\(categories.joined(separator: ";"))"
  }

  static func rubrics(_ text: String) -> [String]? {
    let parsed = DocumentParser.parse(Array(text.utf8), path: "journal.yml", sections: .standard)
    guard case .config(let config)? = parsed.document, parsed.diagnostics.isEmpty else { return nil }
    return config.rubrics.map(shape)
  }

  @Test func theSharedSettingsCarryTheRubricTheNotesName() throws {
    let (_, remote, run) = try Self.sharedCandidate()
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

    // The rubric carla was scored on, read back by journal's own reader as the journal has
    // it; not the rubric of someone else's interview, nor the journal's title.
    let shared = try remote.git("show", "main:journal.yml")
    let source = try #require(Self.rubrics(Self.config))
    #expect(Self.rubrics(shared) == [source[0]], "\(shared)")
    #expect(!shared.contains("staff") && !shared.contains("Hiring"), "\(shared)")

    // Carla's own check in her clone reads the ratings against it.
    let carla = try PersonClone(remote.path, name: "Carla Diaz", email: "carla@example.net")
    let check = try runJournal(["check", "--today", "2026-11-14"], in: carla.path, environment: ["HOME": carla.home.path])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(!check.stdout.contains("rubric"), "\(check.stdout)")
    // A rating off the scale there is found as the journal would find it.
    try carla.edit("mentees/carla/sessions/2026-11-13.md") { $0.replacingOccurrences(of: "design: 3", with: "design: 7") }
    let off = try runJournal(["check", "--today", "2026-11-14"], in: carla.path, environment: ["HOME": carla.home.path])
    #expect(off.status == 1)
    #expect(off.stdout.contains("rating 7 for `design` is not on the scale of rubric `backend`"), "\(off.stdout)")

    // The page lists the scorecard as a session.
    let page = try remote.git("show", "main:README.md")
    #expect(page.contains("| 2026-11-13 | candidate-feedback |"), "\(page)")
  }

  /// What carla sends back is checked against the rubric too: a reply comes in, a rating off
  /// the scale is refused with the journal's own finding.
  @Test func whatComesBackIsCheckedAgainstTheRubric() throws {
    let (repository, remote, first) = try Self.sharedCandidate()
    #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
    let carla = try PersonClone(remote.path, name: "Carla Diaz", email: "carla@example.net")
    let file = "mentees/carla/sessions/2026-11-13.md"

    try carla.edit(file) { $0.replacingOccurrences(of: "design: 3", with: "design: 7") }
    try carla.commitAndPush("Rate myself", at: "2026-11-14T09:00:00+00:00")
    let refused = try repository.journal("share", "carla", "--to", remote.path)
    #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
    #expect(
      (refused.stdout + refused.stderr).contains("(from carla) \(file):7:11: error: rating 7 for `design` is not on the scale of rubric `backend`"),
      "\(refused.stdout)\(refused.stderr)")

    try carla.edit(file) {
      $0.replacingOccurrences(of: "design: 7", with: "design: 3")
        .replacingOccurrences(of: "differently?\n", with: "differently?\n- Carla: asked about the problem first\n")
    }
    try carla.commitAndPush("Answer instead", at: "2026-11-14T10:00:00+00:00")
    let run = try repository.journal("share", "carla", "--to", remote.path)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("took in 2 commits of carla's"), "\(run.stdout)")
    #expect(try repository.git("show", "HEAD:" + file).contains("- Carla: asked about the problem first"))
    let shared = try remote.git("show", "main:journal.yml")
    #expect(Self.rubrics(shared)?.count == 1 && !shared.contains("staff"), "\(shared)")
  }

  /// A rubric that only the person's own changes name is not theirs to bring in: naming the
  /// journal's other rubric is refused in the very words naming none is, so the share tells
  /// nothing of which rubrics the journal has, and neither rubric reaches the person.
  @Test func aRubricOnlyThePersonNamesIsNotBroughtIn() throws {
    let (repository, remote, first) = try Self.sharedCandidate()
    #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
    let head = repository.head
    for name in ["staff-principal", "staff-principle"] {
      let carla = try PersonClone(remote.path, name: "Carla Diaz", email: "carla@example.net")
      let file = "mentees/carla/sessions/2026-11-14-self-assessment.md"
      try carla.write([
        file: Self.scorecard.replacingOccurrences(of: "rubric: backend", with: "rubric: \(name)")
          .replacingOccurrences(of: "2026-11-13", with: "2026-11-14")
      ])
      try carla.commitAndPush("Assess myself on \(name)", at: "2026-11-14T09:00:00+00:00")
      let run = try repository.journal("share", "carla", "--to", remote.path)
      #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
      #expect(
        (run.stdout + run.stderr).contains("(from carla) \(file):5:9: error: no rubric `\(name)` in journal.yml [unknown-rubric]"),
        "\(run.stdout)\(run.stderr)")
      #expect(!(run.stdout + run.stderr).contains("staff-principal`?"), "\(run.stdout)\(run.stderr)")
      #expect(repository.head == head)
      let shared = try remote.git("show", "main:journal.yml")
      #expect(!shared.contains("staff") && !shared.contains("Strategy"), "\(shared)")
      try carla.git("reset", "-q", "--hard", "HEAD~1")
      try carla.git("push", "-q", "--force", "origin", "HEAD")
    }
  }
}
