import JournalKit
import JournalModel
import Testing

@testable import JournalChecks

/// What a person naturally types that journal cannot take as written: each is reported once,
/// at its exact place, saying what was seen and what to type instead.
@Suite struct MessageTests {
  /// A finding as a line of text: place, rule, message and hint.
  static func line(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column) [\(diagnostic.rule)] "
      + diagnostic.message + (diagnostic.hint.map { " | \($0)" } ?? "")
  }

  func findings(_ files: [String: String], today: Day = sampleToday) throws -> [String] {
    try check(RuleExample(files: files).files, today: today).diagnostics.map(Self.line)
  }

  func sessionFindings(_ text: String, today: Day = sampleToday) throws -> [String] {
    try checkSession(text, today: today).map(Self.line)
  }

  static let session = RuleExample.sessionPath

  // MARK: A follow-up before the session

  @Test func aFollowUpBeforeTheSessionIsOneFinding() throws {
    #expect(
      try sessionFindings("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2026-11-18\n---\n") == [
        "\(Self.session):4:12 [invalid-value] `follow-up` 2026-11-18 is before the session's date 2026-11-20"
          + " | write the date agreed for the next session, after 2026-11-20"
      ])
    #expect(
      try sessionFindings("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: 2026-11-20\n---\n") == [
        "\(Self.session):4:12 [invalid-value] `follow-up` 2026-11-20 is the session's own date"
          + " | write the date agreed for the next session, after 2026-11-20"
      ])
  }

  // MARK: Rule settings of the wrong type

  func lateFeedback(_ setting: String) throws -> [String] {
    try findings([
      "journal.yml": "title: Example journal\nrules:\n  late-feedback:\n    max-days: \(setting)\n",
      // Three days late: silent at the default of 7, reported at 0.
      Self.session: "---\ndate: 2026-11-20\ntype: project-specific\nevent-date: 2026-11-17\n---\n",
    ])
  }

  @Test func aQuotedNumberIsReportedAndTheRuleKeepsItsDefault() throws {
    #expect(
      try lateFeedback("\"14\"") == [
        "journal.yml:4:15 [invalid-value] `max-days` of rule `late-feedback` is the text `\"14\"`, not a number"
          + " | write `max-days: 14`, without quotes; until then the rule uses its default, 7"
      ])
  }

  @Test func aListIsReportedAndTheRuleKeepsItsDefault() throws {
    #expect(
      try lateFeedback("[1]") == [
        "journal.yml:4:15 [invalid-value] `max-days` of rule `late-feedback` is a list, not a number"
          + " | write one number, as in `max-days: 1`; until then the rule uses its default, 7"
      ])
  }

  @Test func aNumberOutOfRangeIsReportedAndTheRuleKeepsItsDefault() throws {
    for (written, shown) in [("-3", "-3"), ("1.5", "1.5"), ("1e300", "1e+300"), ("abc", "")] {
      let found = try lateFeedback(written)
      #expect(found.count == 1, "\(written): \(found)")
      if shown.isEmpty {
        #expect(
          found.first
            == "journal.yml:4:15 [invalid-value] `max-days` of rule `late-feedback` is the text `abc`, not a number"
            + " | write a whole number from 0 to 100000, as in `max-days: 7`; until then the rule uses its default, 7")
      } else {
        #expect(
          found.first
            == "journal.yml:4:15 [invalid-value] `max-days` of rule `late-feedback` must be a whole number from 0 to 100000, found \(shown)"
            + " | until then the rule uses its default, 7")
      }
    }
  }

  @Test func aListSettingGivenANumberKeepsItsDefault() throws {
    let found = try findings([
      "journal.yml": "title: Example journal\nrules:\n  vague-feedback:\n    phrases: 3\n",
      Self.session: "---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n- Good job\n",
    ])
    #expect(
      found == [
        "journal.yml:4:14 [invalid-value] `phrases` of rule `vague-feedback` must be a list of text, found 3"
          + " | write a list, as in `phrases: [first, second]`; until then the rule uses its default, an empty list",
        "\(Self.session):7:1 [vague-feedback] \"Good job\" is generic"
          + " | say what was observed, when, and its effect, instead of \"good job\"",
      ])
  }

  @Test func wrongSettingsDoNotFloodWarnings() throws {
    // Every number setting given as text: each rule must still run with its default, so a
    // journal that is fine at the defaults gets only the setting findings.
    let journal = """
      title: Example journal
      rules:
        late-feedback:
          max-days: "14"
        missed-follow-up:
          grace-days: "2"
        overdue-check-in:
          grace-days: [3]
        vague-feedback:
          min-words: "5"
      """
    let found = try findings([
      "journal.yml": journal + "\n",
      "mentees/alex/profile.md": "---\nname: Alex Kim\nrelationship: report\ncadence: 2w\n---\n",
      Self.session: """
        ---
        date: 2026-11-20
        type: project-specific
        event-date: 2026-11-17
        follow-up: 2026-12-01
        ---
        ## Strengths

        - Walked the team through the rollback plan before the release on Monday

        ## Improvements

        - The release notes left out the migration step that support asked about

        ## Actions

        - [ ] Add the migration step to the release notes due:2026-11-30

        """,
    ])
    #expect(found.count == 4, "\(found)")
    #expect(found.allSatisfy { $0.hasPrefix("journal.yml:") }, "\(found)")
  }
}
