import Foundation
import JournalChecks
import JournalKit
import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// Sections and actions as people write them: the headings they use, actions indented,
/// written without the space, with another bullet or under another heading, and the
/// messages that say so, each pinned with its exact text and position.
@Suite struct BodySectionTests {
  static let frontMatter = "---\ndate: 2026-11-20\ntype: career-development\n---\n"

  func parse(_ body: String, config: JournalConfig = JournalConfig()) -> (Session?, [Diagnostic]) {
    let parsed = DocumentParser.parse(
      Array((Self.frontMatter + body).utf8), path: RuleExample.sessionPath,
      kind: JournalPath.classify(RuleExample.sessionPath), sections: config.sections)
    guard case .session(let session)? = parsed.document else { return (nil, parsed.diagnostics) }
    return (session, parsed.diagnostics)
  }

  /// Each finding as `line:column rule: message (hint)`.
  func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.sorted { ($0.location, $0.rule) < ($1.location, $1.rule) }.map { "\($0.location.line):\($0.location.column) \($0.rule): \($0.message)" + ($0.hint.map { " (\($0))" } ?? "") }
  }

  @Test(arguments: [
    ("Strength", SectionPart.strengths), ("What went well", .strengths), ("what went well:", .strengths),
    ("Areas of improvement", .improvements), ("Improvement", .improvements), ("Growth areas", .improvements),
    ("Development areas", .improvements), ("Areas for improvement", .improvements), ("Dialog", .dialogue),
    ("Action items", .actions), ("Next steps", .actions), ("To do", .actions), ("TODO", .actions),
    ("Follow-ups", .actions), ("Next  steps", .actions),
  ])
  func synonymsAreReadAsTheirSection(_ heading: String, _ part: SectionPart) throws {
    let item = part == .actions ? "- [x] Book the design review" : "- Booked the design review early"
    let (session, diagnostics) = parse("## \(heading)\n\n\(item)\n")
    let read = try #require(session)
    #expect(diagnostics.isEmpty, "\(lines(diagnostics))")
    switch part {
    case .strengths: #expect(read.strengths.map(\.text) == ["Booked the design review early"])
    case .improvements: #expect(read.improvements.map(\.text) == ["Booked the design review early"])
    case .dialogue: #expect(read.dialogue == item)
    case .actions: #expect(read.actions.map(\.text) == ["Book the design review"])
    }
  }

  @Test func headingsNearAKnownSectionAreReportedWithTheirPlace() {
    let (_, diagnostics) = parse(
      "## Strenghts\n\n- Led the review\n\n## Actons\n\n- [ ] Book the room\n\n## Actions for next week\n\n- [ ] Send the agenda\n\n## Key strengths\n\n- Calm on call\n\n## Reactions\n\nThe team liked it.\n"
    )
    #expect(
      lines(diagnostics) == [
        "5:1 unknown-section: `## Strenghts` is read as free notes, not as Strengths (did you mean `## Strengths`? To keep the heading, add it to `sections: strengths:` in journal.yml)",
        "9:1 unknown-section: `## Actons` is read as free notes, not as Actions (did you mean `## Actions`? To keep the heading, add it to `sections: actions:` in journal.yml)",
        "11:1 unread-text: `- [ ]` outside an actions section is not read as an action (move it under `## Actions`)",
        "13:1 unknown-section: `## Actions for next week` is read as free notes, not as Actions (did you mean `## Actions`? To keep the heading, add it to `sections: actions:` in journal.yml)",
        "15:1 unread-text: `- [ ]` outside an actions section is not read as an action (move it under `## Actions`)",
        "17:1 unknown-section: `## Key strengths` is read as free notes, not as Strengths (did you mean `## Strengths`? To keep the heading, add it to `sections: strengths:` in journal.yml)",
      ])
  }

  /// A typo of a section's heading is reported at the heading with the section it was meant
  /// as, whatever the letter it falls on: the first letter, two letters swapped, a letter
  /// dropped or added, a singular or plural mistyped, in any case.
  @Test(arguments: [
    // The first letter.
    ("Trengths", SectionPart.strengths), ("Ctrengths", .strengths), ("Xctions", .actions), ("Fialogue", .dialogue),
    ("tSrengths", .strengths),
    // Two neighbouring letters swapped.
    ("Actoins", .actions), ("Acitons", .actions), ("Sterngths", .strengths), ("Diaolgue", .dialogue),
    ("Imrpovements", .improvements), ("Tood", .actions), ("Next stpes", .actions), ("Action itmes", .actions),
    // A letter dropped or added.
    ("Acions", .actions), ("Strengts", .strengths), ("Dialoge", .dialogue), ("Improvments", .improvements),
    ("Dialog ue", .dialogue), ("Actionss", .actions), ("Strrengths", .strengths),
    // Singular and plural, mistyped.
    ("Strenght", .strengths), ("Improvment", .improvements), ("Actoin", .actions), ("Growth aeras", .improvements),
    // Any case.
    ("STRENGHTS", .strengths), ("aCTOINS", .actions), ("DIALGOUE", .dialogue), ("IMPROVMENTS", .improvements),
  ])
  func aTypoOfASectionHeadingIsReportedAtTheHeading(_ heading: String, _ part: SectionPart) {
    let (_, diagnostics) = parse("## \(heading)\n\nSam asked about the rota.\n")
    #expect(
      lines(diagnostics) == [
        "5:1 unknown-section: `## \(heading)` is read as free notes, not as \(part.heading) (did you mean `## \(part.heading)`? To keep the heading, add it to `sections: \(part.rawValue):` in journal.yml)"
      ])
  }

  /// A heading the person chose, far from every section's name, is free notes and no finding.
  @Test(arguments: [
    "Context", "Notes", "Travel", "Reactions", "Questions", "Stretch goals", "Agenda", "Feedback", "Actors",
    "Fractions", "Dialect", "Streams", "Goals", "Offsite notes",
  ])
  func aHeadingFarFromEverySectionIsFreeNotes(_ heading: String) throws {
    let (session, diagnostics) = parse("## \(heading)\n\nSam asked about the rota.\n")
    #expect(lines(diagnostics) == [], "`## \(heading)`")
    let read = try #require(session)
    #expect(read.strengths.isEmpty && read.improvements.isEmpty && read.actions.isEmpty && read.dialogue == nil)
    #expect(read.hasWriting, "free notes are writing of the session's own")
  }

  /// The distance a heading is measured by counts scalars, not bytes or `Character`s, and a
  /// swap of two neighbours as one edit.
  @Test func editDistanceCountsScalarsAndSwaps() {
    #expect(Suggestion.editDistance("actoins", "actions") == 1)
    #expect(Suggestion.editDistance("ab", "ba") == 1)
    #expect(Suggestion.editDistance("ca", "abc") == 3, "a swapped pair is not edited again")
    #expect(Suggestion.editDistance("résumé", "resume") == 2, "one edit per accented scalar, not per byte")
    #expect(Suggestion.editDistance("re\u{301}sume", "resume") == 1, "a combining mark is a scalar of its own")
    #expect(Suggestion.editDistance("", "todo") == 4)
  }

  /// Bounded, it gives the full distance when that is within the bound and nothing beyond,
  /// though it stops early: random words from a small alphabet, replayed by their seed.
  @Test func theBoundedDistanceIsTheDistanceWithinItsBound() {
    let seed = HostileText.seed
    var random = SeededGenerator(seed: seed)
    let alphabet: [Unicode.Scalar] = ["a", "b", "c", "é", "\u{301}", " "]
    func word() -> [Unicode.Scalar] {
      (0..<Int(random.next() % 9)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
    }
    for round in 0..<2_000 {
      let (a, b) = (word(), word())
      let full = Suggestion.editDistance(a, b, atMost: max(a.count, b.count))
      let limit = Int(random.next() % 4)
      let bounded = Suggestion.editDistance(a, b, atMost: limit)
      #expect(
        bounded == (full.map { $0 <= limit ? $0 : nil } ?? nil),
        "seed \(seed) (JOURNAL_SEED=\(seed) replays it), round \(round): \(a) \(b) within \(limit)")
    }
  }

  @Test func aSectionHeadingOfAnotherLevelIsReported() {
    let (_, diagnostics) = parse("# Actions\n\n- [ ] Book the room\n\n### Strengths\n\n- Led the review\n")
    #expect(
      lines(diagnostics) == [
        "5:1 unknown-section: `# Actions` is a level-1 heading: only level-2 headings start a section (write `## Actions`)",
        "7:1 unread-text: `- [ ]` outside an actions section is not read as an action (move it under `## Actions`)",
        "9:1 unknown-section: `### Strengths` is not a section of its own: only level-2 headings start one (write `## Strengths`)",
      ])
  }

  @Test func actionsIndentedUnderAnActionAreActions() throws {
    let (session, diagnostics) = parse(
      "## Actions\n\n- [ ] Prepare the talk due:2026-12-01\n  - [ ] Draft the slides owner:sam\n    - [x] Pick the template\n- [ ] Book the room\n  - the big one on floor 3\n"
    )
    let read = try #require(session)
    #expect(read.actions.map(\.text) == ["Prepare the talk", "Draft the slides", "Pick the template", "Book the room"])
    #expect(read.actions.map(\.location.line) == [7, 8, 9, 10])
    #expect(read.actions[1].owner == "sam")
    #expect(read.actions[2].status == .done)
    #expect(
      lines(diagnostics) == [
        "11:3 unread-text: a nested item under an action is not read (write it on the action's line, or make it an action of its own with `- [ ]`)"
      ])
  }

  @Test func anActionWithoutTheSpaceIsReportedNotMergedIntoTheOneAbove() throws {
    let (session, diagnostics) = parse(
      "## Actions\n\n- [ ] Book the room owner:sam\n-[ ] Send the agenda owner:jo\n• [ ] Print the handouts\n*[x] Order lunch\n"
    )
    let read = try #require(session)
    #expect(read.actions.map(\.text) == ["Book the room"])
    #expect(read.actions.map(\.owner) == ["sam"])
    #expect(
      lines(diagnostics) == [
        "8:1 action-syntax: `-[ ]` is not an action: Markdown needs a space after `-` (write `- [ ] Send the agenda owner:jo` on a line of its own)",
        "9:1 action-syntax: `•` is not a Markdown list marker, so `• [ ]` is not an action (write `- [ ] Print the handouts` on a line of its own)",
        "10:1 action-syntax: `*[x]` is not an action: Markdown needs a space after `*` (write `- [x] Order lunch` on a line of its own)",
      ])
  }

  @Test func actionLookingLinesOutsideActionsAreReported() {
    let (_, diagnostics) = parse(
      "- [ ] Before any heading\n\n## Notes\n\nWe agreed:\n-[ ] Send the agenda\n\n- Talk to Jo\n  - [ ] Ask about the rota\n\n## Dialogue\n\n* [x] Sam booked it\n"
    )
    #expect(
      lines(diagnostics) == [
        "5:1 unread-text: `- [ ]` outside an actions section is not read as an action (move it under `## Actions`)",
        "10:1 unread-text: `-[ ]` outside an actions section is not read as an action (move it under `## Actions`)",
        "13:3 unread-text: `- [ ]` outside an actions section is not read as an action (move it under `## Actions`)",
        "17:1 unread-text: `- [x]` outside an actions section is not read as an action (move it under `## Actions`)",
      ])
  }

  @Test func textAListSectionDoesNotReadIsReported() throws {
    let (session, diagnostics) = parse(
      "## Strengths\n\nSam led the incident review.\n\n- Kept the timeline honest\n  - and wrote it up\n\n## Actions\n\nWe agreed on these:\n\n- [ ] Book the room\n"
    )
    #expect(try #require(session).strengths.map(\.text) == ["Kept the timeline honest"])
    #expect(
      lines(diagnostics) == [
        "7:1 unread-text: text under `## Strengths` is not read: only its list items are (write it as a `- ` item, or under a heading of its own such as `## Notes`)",
        "10:3 unread-text: a nested item under `## Strengths` is not counted (write it as an item of its own, or on the line of the item above it)",
        "14:1 unread-text: text under an actions section is not read: only its `- [ ]` items are (write it as an action, or under a heading of its own such as `## Notes`)",
      ])
  }

  @Test func tokensInAnotherCaseAreReportedWithTheFix() throws {
    let (session, diagnostics) = parse("## Actions\n\n- [ ] Book the room Due:2026-12-01 OWNER:sam Priority:high\n")
    #expect(try #require(session).actions.first?.due == nil)
    #expect(
      lines(diagnostics) == [
        "7:21 action-syntax: `Due:` is not read: tokens are written in lowercase (write `due:2026-12-01`)",
        "7:36 action-syntax: `OWNER:` is not read: tokens are written in lowercase (write `owner:sam`)",
        "7:46 action-syntax: `Priority:` is not read: tokens are written in lowercase (write `priority:high`)",
      ])
  }

  @Test func theDueHintShowsThePersonsOwnDate() {
    let (_, diagnostics) = parse(
      "## Actions\n\n- [ ] Book the room due: 2026-12-03\n- [ ] Send the agenda due:2026-12-4\n- [ ] Print due:2026/1/15\n- [ ] Ask due:soon\n- [ ] Call owner: jo\n"
    )
    #expect(
      lines(diagnostics) == [
        "7:21 action-syntax: `due:` needs a date right after the colon (write `due:2026-12-03`, with no space after the colon)",
        "8:23 action-syntax: `due:2026-12-4` is not a date (write `due:2026-12-04`)",
        "9:13 action-syntax: `due:2026/1/15` is not a date (write `due:2026-01-15`)",
        "10:11 action-syntax: `due:soon` is not a date (write `due:YYYY-MM-DD`)",
        "11:12 action-syntax: `owner:` needs a name right after the colon (write `owner:jo`, with no space after the colon)",
      ])
  }

  @Test func journalYMLAddsHeadings() throws {
    let report = try check(RuleExample(files: [
      "journal.yml": "title: T\nsections:\n  actions: [Homework, Agreed steps]\n  strengths: Kudos\n",
      RuleExample.sessionPath: Self.frontMatter
        + "## Kudos\n\n- Led the incident review calmly\n\n## Homework\n\n- [ ] Book the design review due:2026-12-01\n",
    ]).files)
    #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(lines(report.diagnostics))")
    let files = RuleExample(files: [
      "journal.yml": "title: T\nsections:\n  actions: [Homework, Agreed steps]\n  strengths: Kudos\n",
      RuleExample.sessionPath: Self.frontMatter
        + "## Kudos\n\n- Led the incident review calmly\n\n## Homework\n\n- [ ] Book the design review due:2026-12-01\n",
    ]).files
    let loaded = try JournalLoader.load(MemoryJournal(texts: files))
    let session = try #require(loaded.journal.people.first?.sessions.first)
    #expect(session.strengths.map(\.text) == ["Led the incident review calmly"])
    #expect(session.actions.map(\.text) == ["Book the design review"])
  }

  @Test func journalYMLSectionsAreValidatedWithTheirPlace() throws {
    let report = try check(RuleExample(files: [
      "journal.yml": "title: T\nsections:\n  action: [Homework]\n  strengths: [Next steps, '']\n  improvements: {a: b}\n"
    ]).files)
    #expect(
      lines(report.diagnostics.filter { $0.file == "journal.yml" }) == [
        "3:3 unknown-field: unknown section `action` in `sections` (did you mean `actions`?)",
        "4:15 invalid-value: `Next steps` already names Actions; it cannot also name Strengths",
        "4:27 invalid-value: a heading in `sections` cannot be empty",
        "5:17 invalid-value: `improvements` in `sections` must be a heading or a list of headings (write `improvements: [Improvements of the week]`)",
      ])
  }

  @Test func actionsTickedUnderAnAliasCount() throws {
    let report = try check(RuleExample(files: [
      "mentees/alex/sessions/2026-11-02.md": Self.frontMatter.replacingOccurrences(of: "2026-11-20", with: "2026-11-02")
        + "## Action items\n\n- [ ] Book the design review due:2026-11-10\n",
      RuleExample.sessionPath: Self.frontMatter + "## Next steps\n\n- [x] Book the design review\n",
    ]).files)
    #expect(report.diagnostics.filter { $0.rule == "overdue-action" }.isEmpty, "\(lines(report.diagnostics))")
  }

  @Test func noActionNamesTheHeadingThePersonWrote() throws {
    let report = try check(RuleExample(files: [
      RuleExample.sessionPath: Self.frontMatter
        + "## Strength\n\n## Areas of improvement\n\n- The retry handler swallowed timeouts without logging them\n\n## Next steps\n"
    ]).files)
    #expect(
      lines(report.diagnostics) == [
        "7:1 no-action: improvements but no actions and no plan (add `- [ ] …` items under `## Next steps`, or link a plan with `plan:`)",
        "7:1 unbalanced-feedback: 1 improvement but no strengths (add `- ` items under `## Strength`: what went well, specifically)",
      ])
  }

  @Test func fmtLaysOutActionsUnderEveryActionsHeading() {
    let names = SectionNames(added: [("Homework", .actions)])
    let note = Self.frontMatter + "## Next steps\n\n- [X] Send the deck priority:high due:2026-12-01\n\n## Homework\n\n* [ ] Book the room owner:sam due:2026-12-02\n"
    #expect(
      Formatter.format(Array(note.utf8), path: RuleExample.sessionPath, sections: names)
        == .formatted(
          Self.frontMatter
            + "## Next steps\n\n- [x] Send the deck due:2026-12-01 priority:high\n\n## Homework\n\n- [ ] Book the room due:2026-12-02 owner:sam\n"
        ))
  }
}
