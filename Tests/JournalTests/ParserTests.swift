import JournalKit
import JournalChecks
import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// The parser on every field and section, with exact positions.
@Suite struct ParserTests {
  func parse(_ text: String, path: String = "mentees/alex/sessions/2026-11-20-retro.md") -> ParsedFile {
    DocumentParser.parse(Array(text.utf8), path: path, sections: .standard)
  }

  func session(_ text: String) throws -> Session {
    let parsed = parse(text)
    guard case .session(let session)? = parsed.document else {
      Issue.record("no session: \(parsed.diagnostics)")
      throw ParseFailure()
    }
    return session
  }

  struct ParseFailure: Error {}

  static let fullSession = """
    ---
    date: 2026-11-20
    type: project-specific
    mentor: Hannah Reyes
    duration: 1h30m
    medium: in-person
    objectives:
      - Review the checkout prototype
      - Agree the research plan
    event-date: 2026-11-18
    metrics:
      usability-tests: 3
      error-rate: 0.25
    plan: research-practice
    follow-up: 2026-12-04
    tags: [checkout, research]
    project: no
    ---
    # Design review

    ## Strengths

    - Walked the team through three *alternative* flows with `data` from 12 sessions
    - Asked engineering about Apple Pay constraints before the review, which saved a week

    ## Areas for improvement:

    - The error states in the payment step were missing from the prototype shown on 11-18

    ## Dialogue

    Lee felt rushed:
    "I had two days."

    ## Actions

    - [ ] Add the error states to the prototype due:2026-11-27 owner:lee priority:high
    - [x] Share the research notes owner:mentor
    - [-] Book the usability lab
    - [X] Send the deck

    ```
    - [ ] not an action: it is in a code block
    ```

    ## Notes

    - free notes are not feedback items
    """

  @Test func readsEverySessionField() throws {
    let s = try session(Self.fullSession)
    #expect(s.date == Day(iso: "2026-11-20"))
    #expect(s.type == .projectSpecific)
    #expect(s.mentor == "Hannah Reyes")
    #expect(s.duration?.minutes == 90)
    #expect(s.medium == .inPerson)
    #expect(s.objectives == ["Review the checkout prototype", "Agree the research plan"])
    #expect(s.eventDate == Day(iso: "2026-11-18"))
    #expect(s.metrics.map(\.id) == ["usability-tests", "error-rate"])
    #expect(s.metrics.map(\.value) == [3, 0.25])
    #expect(s.metrics[0].location == Location(line: 12, column: 3))
    #expect(s.plan == "research-practice")
    #expect(s.followUp == Day(iso: "2026-12-04"))
    #expect(s.tags == ["checkout", "research"])
    // `no` is text where text is expected, never a boolean.
    #expect(s.project == "no")
    #expect(s.locations.value("follow-up") == Location(line: 15, column: 12))
    #expect(s.locations.key("plan") == Location(line: 14, column: 1))
  }

  @Test func readsSectionsAndItems() throws {
    let s = try session(Self.fullSession)
    #expect(s.strengths.count == 2)
    #expect(s.strengths[0].text == "Walked the team through three alternative flows with data from 12 sessions")
    #expect(s.strengths[0].location == Location(line: 23, column: 1))
    #expect(s.improvements.count == 1)
    #expect(s.improvementsSection?.location == Location(line: 26, column: 1))
    #expect(s.dialogue == "Lee felt rushed:\n\"I had two days.\"")
    #expect(s.actions.count == 4, "the item in the code block is no action")
    let first = s.actions[0]
    #expect(first.text == "Add the error states to the prototype")
    #expect(first.status == .open)
    #expect(first.due == Day(iso: "2026-11-27"))
    #expect(first.owner == "lee")
    #expect(first.priority == .high)
    #expect(first.location == Location(line: 37, column: 1))
    #expect(s.actions.map(\.status) == [.open, .done, .dropped, .done])
    #expect(s.actions[2].text == "Book the usability lab")
    #expect(parse(Self.fullSession).diagnostics.isEmpty)
  }

  @Test func tokensWrittenAsCodeAreText() throws {
    let s = try session("---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Run `select due:2026-01-01 from t` on staging due:2026-12-01\n")
    #expect(s.actions.first?.text == "Run select due:2026-01-01 from t on staging")
    #expect(s.actions.first?.due == Day(iso: "2026-12-01"))
  }

  @Test func readsProfiles() throws {
    let parsed = parse(
      """
      ---
      name: Sam Okafor
      role: Backend developer
      relationship: report
      mentor: Hannah
      since: 2026-03-01
      goals:
        - Lead a service
      learning-style: hands-on
      cadence: 2w
      retain-until: 2027-01-31
      ---
      Notes.
      """, path: "mentees/sam/profile.md")
    guard case .profile(let person)? = parsed.document else {
      Issue.record("no profile: \(parsed.diagnostics)")
      return
    }
    #expect(parsed.diagnostics.isEmpty)
    #expect(person.id == "sam")
    #expect(person.name == "Sam Okafor")
    #expect(person.role == "Backend developer")
    #expect(person.relationship == .report)
    #expect(person.since == Day(iso: "2026-03-01"))
    #expect(person.goals == ["Lead a service"])
    #expect(person.learningStyle == "hands-on")
    #expect(person.cadence == Cadence("2w"))
    #expect(person.retainUntil == Day(iso: "2027-01-31"))
  }

  @Test func readsPlansAndGoals() throws {
    let parsed = parse(
      """
      ---
      title: Code quality
      created: 2026-09-15
      status: active
      review: 2026-12-08
      goals:
        - id: rework
          description: Fewer PRs sent back
          metric: rework-rate
          baseline: 45
          target: 15
          due: 2026-12-08
        - id: reading
          description: Read one design doc a week
      ---
      ## Actions

      - [ ] Pair with Aisha due:2026-12-01
      """, path: "mentees/sam/plans/code-quality.md")
    guard case .plan(let plan)? = parsed.document else {
      Issue.record("no plan: \(parsed.diagnostics)")
      return
    }
    #expect(parsed.diagnostics.isEmpty)
    #expect(plan.slug == "code-quality")
    #expect(plan.status == .active)
    #expect(plan.review == Day(iso: "2026-12-08"))
    #expect(plan.goals.map(\.id) == ["rework", "reading"])
    #expect(plan.goals[0].baseline == 45)
    #expect(plan.goals[0].target == 15)
    #expect(plan.goals[0].location == Location(line: 7, column: 5))
    #expect(plan.actions.map(\.text) == ["Pair with Aisha"])
  }

  @Test func readsTheJournalSettings() throws {
    let parsed = parse(
      "title: Team\nrules:\n  late-feedback:\n    severity: error\n    max-days: 3\n  vague-feedback: off\n",
      path: "journal.yml")
    guard case .config(let config)? = parsed.document else {
      Issue.record("no config: \(parsed.diagnostics)")
      return
    }
    #expect(config.title == "Team")
    #expect(config.rules["late-feedback"]?.level == .error)
    #expect(config.rules["late-feedback"]?.parameters["max-days"] == .number(3))
    #expect(config.rules["vague-feedback"]?.level == .off)
  }

  @Test func datesAreCalendarDaysNotTimestamps() throws {
    // Quoted or not, a date is the day written; no time zone can move it.
    let s = try session("---\ndate: \"2026-11-20\"\ntype: career-development\nfollow-up: 2026-12-31\n---\n")
    #expect(s.date.description == "2026-11-20")
    #expect(s.followUp?.description == "2026-12-31")
    let leap = parse("---\ndate: 2028-02-29\ntype: career-development\n---\n", path: "mentees/a/sessions/2028-02-29.md")
    #expect(leap.diagnostics.isEmpty)
    let notLeap = parse("---\ndate: 2027-02-29\ntype: career-development\n---\n", path: "mentees/a/sessions/2027-03-01.md")
    #expect(notLeap.diagnostics.map(\.rule) == [InvalidValueRule.id])
    #expect(notLeap.diagnostics.first?.message == "`date`: 2027-02-29 is not a real calendar date")
  }

  @Test func quotedNumbersAreNotNumbers() {
    let parsed = parse("---\ndate: 2026-11-20\ntype: career-development\nmetrics:\n  rework: \"12\"\n---\n")
    #expect(parsed.diagnostics.map(\.rule) == [InvalidValueRule.id])
    #expect(parsed.diagnostics.first?.location == Location(line: 5, column: 11))
    #expect(parsed.diagnostics.first?.hint == "write the number without quotes")
  }

  @Test func wrongTypesAreReportedAtTheValue() {
    let parsed = parse("---\ndate: [2026-11-20]\ntype: career-development\ntags: urgent\nmentor:\n  name: X\n---\n")
    let found = parsed.diagnostics.sorted(by: Diagnostic.reportOrder).map { "\($0.rule)@\($0.location): \($0.message)" }
    #expect(
      found == [
        "invalid-value@2:7: `date` must be text, found a list",
        "invalid-value@4:7: `tags` must be a list, found `urgent`",
        "invalid-value@6:3: `mentor` must be text, found a mapping",
      ])
  }

  @Test func unknownKeysSuggestTheNearest() {
    let parsed = parse("---\ndate: 2026-11-20\ntype: career-development\nfollowup: 2026-12-01\n---\n")
    #expect(parsed.diagnostics.count == 1)
    #expect(parsed.diagnostics[0].rule == UnknownFieldRule.id)
    #expect(parsed.diagnostics[0].hint == "did you mean `follow-up`?")
    #expect(parsed.diagnostics[0].severity == .warning)
  }

  @Test func enumValuesSuggestTheNearest() {
    let parsed = parse("---\ndate: 2026-11-20\ntype: Career Development\nmedium: zoom\n---\n")
    #expect(parsed.diagnostics.map(\.hint) == [
      "did you mean `career-development`?",
      "expected one of: `in-person`, `video`, `phone`, `email`, `chat`",
    ])
  }

  @Test func fileNamesAreChecked() {
    #expect(JournalPath.classify("mentees/a/sessions/2026-11-20-retro.md") == .session(person: "a", date: Day(iso: "2026-11-20")))
    #expect(JournalPath.classify("mentees/a/private/x.md") == .privateNote(person: "a"))
    #expect(JournalPath.classify("mentees/a/sessions/photo.png") == .misplaced)
    #expect(JournalPath.classify("mentees/a/sessions/2026-11-05.MD") == .misplaced)
    #expect(JournalPath.classify("mentees/a/photo.png") == .ignored)
    #expect(JournalPath.classify("mentees/a/sessions/img/photo.png") == .ignored)
    #expect(JournalPath.classify("mentees/a/.notes.md.swp") == .ignored)
    #expect(JournalPath.classify("README.md") == .ignored)
    #expect(JournalPath.classify("mentees/a/notes.md") == .misplaced)
    // A note under another Markdown extension is judged as its `.md` would be.
    #expect(JournalPath.classify("mentees/a/notes.markdown") == .misplaced)
    #expect(JournalPath.classify("mentees/a/profile.MD") == .misplaced)
    #expect(JournalPath.classify("mentees/a/profile") == .misplaced)
    #expect(JournalPath.classify("mentees/a/sessions/img/2026-11-05.Md") == .misplaced)
    #expect(JournalPath.classify("mentees/a/private/notes.markdown") == .ignored)
    #expect(JournalPath.classify("mentees/a/notes.txt") == .ignored)
    #expect(JournalPath.classify("mentees/a/notes") == .ignored)
    #expect(JournalPath.classify("mentees/a/photo.md.png") == .ignored)
    let bad = parse("---\ndate: 2026-11-20\ntype: career-development\n---\n", path: "mentees/Alex Kim/sessions/2026-11-20.md")
    #expect(bad.diagnostics.map(\.message) == ["person folder `Alex Kim` is not a valid id"])
    #expect(bad.diagnostics.first?.hint == "use lowercase letters, digits and `-`, as in `alex-kim`")
  }

  /// A value quoted in a message is cut after 40 scalars, never inside one: counting
  /// `Character`s would keep 40 letters with their marks, or a `"` with the mark after it.
  @Test func valuesInMessagesAreCutByScalars() {
    let long = String(repeating: "e\u{301}", count: 30)
    let parsed = parse("---\ndate: \(long)\ntype: career-development\n---\n")
    let shown = String(repeating: "e\u{301}", count: 20) + "…"
    #expect(parsed.diagnostics.map(\.message) == ["`date` must be a date written YYYY-MM-DD, found `\(shown)`"])
    #expect(parsed.diagnostics.first?.message.unicodeScalars.elementsEqual(
      "`date` must be a date written YYYY-MM-DD, found `\(shown)`".unicodeScalars) == true)
  }
}
