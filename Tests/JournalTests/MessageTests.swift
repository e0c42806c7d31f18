import JournalKit
import JournalModel
import JournalParsing
import JournalRules
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
  // MARK: File names

  static let sessions = "mentees/alex/sessions/"

  func nameFindings(
    _ name: String, _ text: String = "---\ndate: 2026-11-05\ntype: career-development\n---\nTalked about the roadmap.\n"
  )
    throws -> [String]
  {
    try findings([Self.sessions + name: text])
  }

  @Test func aSessionNameWithAShortDateSaysWhatToRenameItTo() throws {
    for (name, intended) in [
      ("2026-11-5.md", "2026-11-05.md"), ("2026-1-05.md", "2026-01-05.md"), ("26-11-05.md", "2026-11-05.md"),
      ("2026-11-5-retro.md", "2026-11-05-retro.md"), ("2026_11_05.md", "2026-11-05.md"),
      ("20261105.md", "2026-11-05.md"), ("5-11-2026.md", "2026-11-05.md"), ("11-05-2026 Retro.md", "2026-11-05-retro.md"),
    ] {
      let date = intended.prefix(10)
      let text = "---\ndate: \(date)\ntype: career-development\n---\nTalked about the roadmap.\n"
      #expect(
        try nameFindings(name, text) == [
          "\(Self.sessions)\(name):1:1 [file-name] session file name `\(name)` does not write its date as YYYY-MM-DD"
            + " | rename it to `\(intended)`"
        ])
    }
  }

  @Test func anAmbiguousSessionNameIsRenamedOnlyWhenTheDateTellsWhich() throws {
    // 11-05-2026 is the 5th of November or the 11th of May; without a readable `date` the
    // name alone does not say which.
    let unreadable = "---\ndate: [\n---\n"
    let found = try nameFindings("11-05-2026.md", unreadable)
    #expect(
      found.first
        == "\(Self.sessions)11-05-2026.md:1:1 [file-name] session file name `11-05-2026.md` does not write its date as YYYY-MM-DD"
        + " | name sessions `YYYY-MM-DD.md` or `YYYY-MM-DD-topic.md`: `2026-05-11.md` or `2026-11-05.md`?")
    #expect(
      try nameFindings("11-05-2026.md", "---\ndate: 2026-05-11\ntype: career-development\n---\nTalked about the roadmap.\n") == [
        "\(Self.sessions)11-05-2026.md:1:1 [file-name] session file name `11-05-2026.md` does not write its date as YYYY-MM-DD"
          + " | rename it to `2026-05-11.md`"
      ])
    // A name that is no date at all keeps the general advice.
    #expect(
      try nameFindings("retro.md") == [
        "\(Self.sessions)retro.md:1:1 [file-name] session file name `retro.md` does not start with a date"
          + " | name sessions `YYYY-MM-DD.md` or `YYYY-MM-DD-topic.md`"
      ])
  }

  @Test func aNoteWithAnotherExtensionIsReportedWithItsName() throws {
    for (name, intended) in [
      ("2026-11-05.MD", "2026-11-05.md"), ("2026-11-05.markdown", "2026-11-05.md"),
      ("2026-11-05.md.txt", "2026-11-05.md"), ("2026-11-05.txt", "2026-11-05.md"), ("2026-11-5.Markdown", "2026-11-05.md"),
      ("2026-11-05-retro", "2026-11-05-retro.md"),
    ] {
      #expect(
        try nameFindings(name) == [
          "\(Self.sessions)\(name):1:1 [file-name] `\(name)` is not read: journal reads notes whose names end in `.md`"
            + " | rename it to `\(intended)`"
        ])
    }
    #expect(
      try findings(["mentees/alex/plans/Growth Plan.MD": "---\ntitle: Growth\n---\n"]) == [
        "mentees/alex/plans/Growth Plan.MD:1:1 [file-name] `Growth Plan.MD` is not read: journal reads notes whose names end in `.md`"
          + " | rename it to `growth-plan.md`"
      ])
    #expect(
      try findings([Self.sessions + "whiteboard.png": "PNG"]) == [
        "\(Self.sessions)whiteboard.png:1:1 [file-name] `whiteboard.png` is not a note, and `sessions/` holds only notes"
          + " | move it to `mentees/alex/`: attachments belong beside `sessions/` and `plans/`, not in them"
      ])
    for (name, intended) in [("growth", "growth.md"), ("Growth.text", "growth.md"), ("growth.mdown", "growth.md")] {
      #expect(
        try findings(["mentees/alex/plans/" + name: "---\ntitle: Growth\n---\n"]) == [
          "mentees/alex/plans/\(name):1:1 [file-name] `\(name)` is not read: journal reads notes whose names end in `.md`"
            + " | rename it to `\(intended)`"
        ])
    }
    #expect(
      try findings(["mentees/alex/plans/roadmap.pdf": "%PDF"]) == [
        "mentees/alex/plans/roadmap.pdf:1:1 [file-name] `roadmap.pdf` is not a note, and `plans/` holds only notes"
          + " | move it to `mentees/alex/`: attachments belong beside `sessions/` and `plans/`, not in them"
      ])
    // Attachments elsewhere stay unread and unreported.
    #expect(try findings(["mentees/alex/whiteboard.png": "PNG", "mentees/alex/sessions/img/a.png": "PNG"]) == [])
  }

  /// A backup an editor or a merge tool left among the notes is told to go, not to move: it is
  /// a stale copy of a note that journal commit would otherwise commit and share. A file named
  /// as a session in another format is told both ways out: written as a note, or moved.
  @Test func aBackupOrADocumentAmongTheNotesIsToldWhatItIs() throws {
    for (name, original) in [
      ("2026-11-05.md~", "2026-11-05.md"), ("#2026-11-05.md#", "2026-11-05.md"), ("2026-11-05.md.orig", "2026-11-05.md"),
      ("2026-11-05.md.BAK", "2026-11-05.md"),
    ] {
      #expect(
        try nameFindings(name) == [
          "\(Self.sessions)\(name):1:1 [file-name] `\(name)` is a backup copy of `\(original)`, and `sessions/` holds only notes"
            + " | delete it once `\(original)` holds what you mean to keep"
        ])
    }
    #expect(
      try findings(["mentees/alex/plans/growth.md~": "---\ntitle: Growth\n---\n"]) == [
        "mentees/alex/plans/growth.md~:1:1 [file-name] `growth.md~` is a backup copy of `growth.md`, and `plans/` holds only notes"
          + " | delete it once `growth.md` holds what you mean to keep"
      ])
    for (name, intended) in [
      ("2026-11-05.docx", "2026-11-05.md"), ("2026-11-05-Retro.PDF", "2026-11-05-retro.md"),
      ("2026-11-05 whiteboard.jpg", "2026-11-05-whiteboard.md"),
    ] {
      #expect(
        try nameFindings(name, "PK") == [
          "\(Self.sessions)\(name):1:1 [file-name] `\(name)` is named as a session, but journal reads sessions only as Markdown notes"
            + " | write the session as `\(intended)`; an attachment belongs in `mentees/alex/`, beside `sessions/`"
        ])
    }
    // A date written otherwise is a camera's name, not a session's: an attachment.
    #expect(
      try nameFindings("20261105_101500.jpg", "JPEG") == [
        "\(Self.sessions)20261105_101500.jpg:1:1 [file-name] `20261105_101500.jpg` is not a note, and `sessions/` holds only notes"
          + " | move it to `mentees/alex/`: attachments belong beside `sessions/` and `plans/`, not in them"
      ])
  }

  /// Outside `sessions/` and `plans/`, a note saved as `.MD`, `.markdown` and the like is
  /// judged as the `.md` it was meant to be, where it sits: the profile is told its name, a note
  /// where no note belongs is told so, and one under `private/` stays unread as a `.md` there
  /// does. Text files and attachments beside the notes stay theirs.
  @Test func aNoteWithAnotherExtensionElsewhereIsJudgedAsItsMdWouldBe() throws {
    let profile = "---\nname: Sam Lee\nrelationship: report\n---\n"
    for name in ["profile.MD", "profile.markdown", "profile.Mdown", "profile.md.txt", "profile.txt", "profile"] {
      #expect(
        try findings(["mentees/sam/" + name: profile]).filter { $0.contains("[file-name]") } == [
          "mentees/sam/\(name):1:1 [file-name] `\(name)` is not read: journal reads notes whose names end in `.md`"
            + " | rename it to `profile.md`"
        ])
    }
    let misplaced = " | sessions go in `mentees/<id>/sessions/`, plans in `plans/`, the mentor's own notes in `private/`"
    #expect(
      try findings([
        "mentees/alex/notes.markdown": "Loose notes.\n",
        "mentees/alex/Profile.MD": profile,
        "mentees/alex/sessions/2026/2026-11-05.MD": "---\ndate: 2026-11-05\ntype: career-development\n---\nTalked.\n",
        "mentees/alex/attachments/agenda.mkd": "# Agenda\n",
        "mentees/readme.markdown": "About the team.\n",
      ]) == [
        "mentees/alex/Profile.MD:1:1 [file-name] `Profile.MD` is not where journal looks for notes" + misplaced,
        "mentees/alex/attachments/agenda.mkd:1:1 [file-name] `agenda.mkd` is not where journal looks for notes" + misplaced,
        "mentees/alex/notes.markdown:1:1 [file-name] `notes.markdown` is not where journal looks for notes" + misplaced,
        "mentees/alex/sessions/2026/2026-11-05.MD:1:1 [file-name] `2026-11-05.MD` is not where journal looks for notes" + misplaced,
        "mentees/readme.markdown:1:1 [file-name] `readme.markdown` is not where journal looks for notes" + misplaced,
      ])
    #expect(
      try findings([
        "mentees/alex/notes.txt": "Loose notes.\n", "mentees/alex/agenda": "Agenda\n",
        "mentees/alex/private/worries.markdown": "Mine.\n", "mentees/alex/private/profile.MD": profile,
        "mentees/alex/.drafts/2026-11-05.MD": "Draft.\n", "mentees/alex/sessions/img/2026-11-05.txt": "Scan.\n",
      ]) == [])
  }

  /// A profile saved under another name is reported by `file-name`, and the folder still has
  /// no `profile.md`: `missing-profile` says which file to rename rather than to create one.
  @Test func aMisnamedProfileIsNamedInMissingProfilesHint() throws {
    let profile = "---\nname: Sam Lee\nrelationship: report\n---\n"
    for name in ["profile.MD", "profile.markdown", "profile.Mdown", "profile.md.txt", "profile.txt", "profile"] {
      #expect(
        try findings(["mentees/sam/" + name: profile]).filter { $0.contains("[missing-profile]") } == [
          "mentees/sam/profile.md:1:1 [missing-profile] `mentees/sam` has no profile.md"
            + " | rename `\(name)` to `profile.md`: journal reads the profile only under that name"
        ])
    }
    #expect(
      try findings(["mentees/sam/profile.txt": profile, "mentees/sam/profile.MD": profile]).filter {
        $0.contains("[missing-profile]")
      } == [
        "mentees/sam/profile.md:1:1 [missing-profile] `mentees/sam` has no profile.md"
          + " | rename `profile.MD` or `profile.txt` to `profile.md`: journal reads the profile only under that name"
      ])
    // Neither a file of another kind, nor a profile in the wrong case or place, is taken for it.
    let session = "---\ndate: 2026-11-20\ntype: career-development\n---\n"
    for other in ["mentees/sam/profile.png", "mentees/sam/Profile.MD", "mentees/sam/private/profile.MD", "mentees/sam/.profile.MD"] {
      #expect(
        try findings(["mentees/sam/sessions/2026-11-20.md": session, other: profile]).filter {
          $0.contains("[missing-profile]")
        } == [
          "mentees/sam/profile.md:1:1 [missing-profile] `mentees/sam` has no profile.md"
            + " | create it with a front matter holding at least `name:`"
        ], "\(other)")
    }
  }

  // MARK: Tabs and curly quotes in front matter

  @Test func aTabInAListSaysTabsCannotIndentYAML() throws {
    let hint = " | replace the tab with spaces"
    #expect(
      try sessionFindings("---\ndate: 2026-11-20\ntype: career-development\ntags:\n\t- growth\n---\n") == [
        "\(Self.session):5:1 [yaml-syntax] a tab indents this line, and YAML cannot be indented with tabs" + hint
      ])
    #expect(
      try sessionFindings("---\ndate: 2026-11-20\ntype: career-development\ntags:\n  - growth\n\t- review\n---\n") == [
        "\(Self.session):6:1 [yaml-syntax] a tab indents this line, and YAML cannot be indented with tabs" + hint
      ])
    #expect(
      try sessionFindings("---\ndate: 2026-11-20\ntype: career-development\nobjectives:\n  \t- Agree the plan\n---\n") == [
        "\(Self.session):5:3 [yaml-syntax] a tab indents this line, and YAML cannot be indented with tabs" + hint
      ])
    // A tab between a key and its value is YAML's own white space.
    #expect(try sessionFindings("---\ndate:\t2026-11-20\ntype: career-development\n---\n") == [])
  }

  @Test func curlyQuotesAroundAValueAreReportedAndReadAsMeant() throws {
    let text = "---\ndate: “2026-11-20”\ntype: ‘career-development’\nmentor: “Hannah Reyes”\ntags: [“growth”, review]\n---\n"
    #expect(
      try sessionFindings(text) == [
        "\(Self.session):2:7 [invalid-value] `date` is in curly quotes, which YAML keeps as part of the value: `“2026-11-20”`"
          + " | type straight quotes, or none: `date: \"2026-11-20\"`",
        "\(Self.session):3:7 [invalid-value] `type` is in curly quotes, which YAML keeps as part of the value: `‘career-development’`"
          + " | type straight quotes, or none: `type: \"career-development\"`",
        "\(Self.session):4:9 [invalid-value] `mentor` is in curly quotes, which YAML keeps as part of the value: `“Hannah Reyes”`"
          + " | type straight quotes, or none: `mentor: \"Hannah Reyes\"`",
        "\(Self.session):5:8 [invalid-value] an item of `tags` is in curly quotes, which YAML keeps as part of the value: `“growth”`"
          + " | type straight quotes, or none: `\"growth\"`",
      ])
    let parsed = DocumentParser.parse(Array(text.utf8), path: Self.session, sections: .standard)
    guard case .session(let session)? = parsed.document else {
      Issue.record("not read: \(parsed.diagnostics)")
      return
    }
    #expect(session.date == Day(year: 2026, month: 11, day: 20))
    #expect(session.type == .careerDevelopment)
    #expect(session.mentor == "Hannah Reyes")
    #expect(session.tags == ["growth", "review"])
    // Curly quotes inside a value, and straight quotes around one, are the person's own.
    #expect(
      try sessionFindings("---\ndate: 2026-11-20\ntype: career-development\nmentor: Sam “Sammy” O’Brien\nproject: \"“Apollo”\"\n---\n") == [])
  }

  @Test func curlyQuotesAroundTextWithAColonSayWhatToType() throws {
    #expect(
      try sessionFindings("---\ndate: 2026-11-20\ntype: career-development\nproject: “Apollo: phase 2”\n---\n") == [
        "\(Self.session):4:10 [yaml-syntax] curly quotes are not YAML quotes, so the `: ` in `“Apollo: phase 2”` starts a new key"
          + " | type straight quotes: `project: \"Apollo: phase 2\"`"
      ])
  }

  @Test func quotesAroundAnActionTokenAreReportedAndReadAsMeant() throws {
    let text = "---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] Draft the plan due:“2026-11-27” owner:“sam”\n"
    #expect(
      try sessionFindings(text) == [
        "\(Self.session):7:22 [action-syntax] `due:“2026-11-27”` has quotes around its value | write `due:2026-11-27`, without quotes",
        "\(Self.session):7:39 [action-syntax] `owner:“sam”` has quotes around its value | write `owner:sam`, without quotes",
      ])
    let parsed = DocumentParser.parse(Array(text.utf8), path: Self.session, sections: .standard)
    guard case .session(let session)? = parsed.document else {
      Issue.record("not read: \(parsed.diagnostics)")
      return
    }
    #expect(session.actions.map(\.due) == [Day(year: 2026, month: 11, day: 27)])
    #expect(session.actions.map(\.owner) == ["sam"])
    #expect(session.actions.map(\.text) == ["Draft the plan"])
  }
  // MARK: Sessions that could not be read

  /// Alex's session of 2026-11-10 with an open action due 2026-11-15 and a follow-up on the
  /// 17th; `later` is the session of 2026-11-18 that ticks the action.
  func withLaterSession(_ path: String, _ later: String, profile: String? = nil) throws -> [String] {
    var files = [
      "mentees/alex/sessions/2026-11-10.md":
        "---\ndate: 2026-11-10\ntype: career-development\nfollow-up: 2026-11-17\n---\n## Actions\n\n- [ ] Draft the plan due:2026-11-15\n",
      path: later,
    ]
    if let profile { files["mentees/alex/profile.md"] = profile }
    return try findings(files)
  }

  static let ticked = "## Actions\n\n- [x] Draft the plan due:2026-11-15\n"

  @Test func anUnreadableLaterSessionHoldsBackOverdueAndMissedFollowUp() throws {
    let cadence = "---\nname: Alex Kim\nrelationship: report\ncadence: 2w\n---\n"
    // Read, the later session ticks the action and is the follow-up: nothing to say.
    #expect(
      try withLaterSession(
        Self.sessions + "2026-11-18.md", "---\ndate: 2026-11-18\ntype: career-development\n---\n" + Self.ticked,
        profile: cadence) == [])
    // Unreadable, only the reason it cannot be read is reported.
    let unreadable: [(String, String, String)] = [
      ("2026-11-18.md", "---\ndate: 2026-11-18\ntype: [career-development\n---\n" + Self.ticked, "[yaml-syntax]"),
      ("2026-11-18.md", "---\ndate: 2026-11-18\n---\n" + Self.ticked, "[missing-field]"),
      ("2026-11-18.md", "---\ndate: 2026-11-18\ntype: career-development\n" + Self.ticked, "[front-matter]"),
      ("2026-11-18.md", "---\ndate: 2026-11-18\ntype: caf\u{E9}\n---\n" + Self.ticked, "[invalid-value]"),
      ("2026-11-18.MD", "---\ndate: 2026-11-18\ntype: career-development\n---\n" + Self.ticked, "[file-name]"),
      ("2026-11-18.docx", "PK", "[file-name]"),
      // No date in its name and none readable: it may be later, so the rules hold back too.
      ("retro.md", "---\ndate: [\n---\n" + Self.ticked, "[yaml-syntax]"),
    ]
    for (name, text, rule) in unreadable {
      let found = try withLaterSession(Self.sessions + name, text, profile: cadence)
      #expect(!found.isEmpty && found.allSatisfy { $0.hasPrefix(Self.sessions + name) }, "\(name): \(found)")
      #expect(found.contains { $0.contains(rule) }, "\(name): \(found)")
    }
  }

  /// A backup is a copy of a session, not one: the rules judge the sessions before it.
  @Test func aBackupOfALaterSessionHoldsNothingBack() throws {
    let found = try withLaterSession(
      Self.sessions + "2026-11-18.md~", "---\ndate: 2026-11-18\ntype: career-development\n---\n" + Self.ticked)
    #expect(
      found.map { String($0.prefix { $0 != " " }) } == [
        "\(Self.sessions)2026-11-10.md:4:12", "\(Self.sessions)2026-11-10.md:8:1", "\(Self.sessions)2026-11-18.md~:1:1",
      ], "\(found)")
  }

  @Test func anUnreadableEarlierSessionHoldsNothingBack() throws {
    let found = try withLaterSession(Self.sessions + "2026-11-05.md", "---\ndate: 2026-11-05\ntype: [\n---\n")
    #expect(
      found.filter { !$0.hasPrefix(Self.sessions + "2026-11-05.md") } == [
        "\(Self.sessions)2026-11-10.md:4:12 [missed-follow-up] follow-up with Alex Kim was due 2026-11-17 (9 days ago) and no later session is recorded"
          + " | record the follow-up session, or move the date",
        "\(Self.sessions)2026-11-10.md:8:1 [overdue-action] action \"Draft the plan\" was due 2026-11-15 (11 days ago)"
          + " | tick it `[x]`, drop it `[-]`, or agree a new `due:` date",
      ])
  }

  @Test func aSessionWhoseBodyIsNotReadHoldsBackOverdueActions() throws {
    // Past the body's bound, the later session's actions are not read.
    let long = String(repeating: "Notes on the migration review.\n", count: 1200)
    let found = try withLaterSession(
      Self.sessions + "2026-11-18.md", "---\ndate: 2026-11-18\ntype: career-development\n---\n" + Self.ticked + long)
    #expect(found.count == 1 && found.allSatisfy { $0.contains("[markdown-limits]") }, "\(found)")
  }
}

extension MessageTests {
  /// Counts in rule messages come from `Wording`: "1 day", "2 days", "1 word" — pinned
  /// at one and more, since the examples and goldens show only the plural.
  @Test func countsInMessagesAgreeWithTheirNumber() {
    #expect(
      MissedFollowUpRule.missed(person: "Alex Kim", followUp: "2026-11-25", daysAgo: 1).text
        == "follow-up with Alex Kim was due 2026-11-25 (1 day ago) and no later session is recorded")
    #expect(
      MissedFollowUpRule.missed(person: "Alex Kim", followUp: "2026-11-24", daysAgo: 2).text
        == "follow-up with Alex Kim was due 2026-11-24 (2 days ago) and no later session is recorded")
    #expect(OverdueActionRule.overdue("Draft", due: "2026-11-25", daysAgo: 1).text == "action \"Draft\" was due 2026-11-25 (1 day ago)")
    #expect(OverdueActionRule.overdue("Draft", due: "2026-11-15", daysAgo: 11).text == "action \"Draft\" was due 2026-11-15 (11 days ago)")
    #expect(VagueFeedbackRule.tooShort("Good", words: 1).text == "\"Good\" is too short to be specific (1 word)")
    #expect(VagueFeedbackRule.tooShort("Good job", words: 2).text == "\"Good job\" is too short to be specific (2 words)")
  }
}
