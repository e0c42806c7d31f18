import JournalModel
import JournalParsing
import JournalRules
import Testing

/// Front matter as a new user writes it by hand: each slip is one finding, at the line and
/// column the person wrote it, in journal's words, with what to type instead.
@Suite struct HandWrittenFrontMatterTests {
  static let session = RuleExample.sessionPath
  /// A body no rule reports.
  static let body =
    "\n## Strengths\n\n- In Tuesday's review you split the release notes by audience, so support answered customers the same day.\n"

  /// The findings for a session whose front matter is `date`, `type` and then `lines`.
  func findings(_ lines: String, before: Bool = false) throws -> [String] {
    let fields = "date: 2026-11-20\ntype: career-development\n"
    let text = "---\n" + (before ? lines + fields : fields + lines) + "---\n" + Self.body
    return try checkSession(text).map(MessageTests.line)
  }

  /// The session that `text` is read as, failing the test when it is not read.
  func session(_ text: String) -> Session? {
    let parsed = DocumentParser.parse(Array(text.utf8), path: Self.session, sections: .standard)
    guard case .session(let session)? = parsed.document else {
      Issue.record("not read: \(parsed.diagnostics)")
      return nil
    }
    return session
  }

  // MARK: A key without its colon

  @Test func aKeyWithoutItsColonIsReportedAtItsOwnLine() throws {
    let message = "`follow-up 2026-12-01` has no `:` after its key, so YAML cannot read this line"
      + " | write `follow-up: 2026-12-01`"
    // Last, libyaml stops at the closing `---`; in the middle, at the next key; first, at the
    // next key's `:`. Each is reported where the person wrote it.
    #expect(try findings("follow-up 2026-12-01\n") == ["\(Self.session):4:1 [yaml-syntax] " + message])
    #expect(try findings("follow-up 2026-12-01\nmedium: video\n") == ["\(Self.session):4:1 [yaml-syntax] " + message])
    #expect(try findings("follow-up 2026-12-01\n", before: true) == ["\(Self.session):2:1 [yaml-syntax] " + message])
    #expect(
      try findings("follow-up 2026-12-01\n# a comment\n\nmedium: video\n") == [
        "\(Self.session):4:1 [yaml-syntax] " + message
      ])
  }

  @Test func otherWaysOfLeavingOutTheColonSayWhatToType() throws {
    #expect(
      try findings("follow-up=2026-12-01\n") == [
        "\(Self.session):4:1 [yaml-syntax] `follow-up=2026-12-01` uses `=`, but a front matter key ends with `: `"
          + " | write `follow-up: 2026-12-01`"
      ])
    #expect(
      try findings("date:2026-11-20\n", before: true).first
        == "\(Self.session):2:1 [yaml-syntax] `date:2026-11-20` needs a space after the `:` | write `date: 2026-11-20`")
    #expect(
      try findings("followup\n") == [
        "\(Self.session):4:1 [yaml-syntax] `followup` has no `:` after its key, so YAML cannot read this line"
          + " | write `followup: ` and its value, or delete the line"
      ])
    // A sentence is not taken for a key and its value.
    #expect(
      try findings("Talked about the release\n") == [
        "\(Self.session):4:1 [yaml-syntax] `Talked about the release` is not a `key: value` line"
          + " | front matter holds only `key: value` lines; write notes in the body, below the closing `---`"
      ])
  }

  // MARK: Indentation

  @Test func anIndentedKeyIsReportedWithTheLineUnindented() throws {
    let message = "this line is indented under the line above, so YAML reads it as more of that line's value"
    #expect(
      try findings("  medium: video\n") == [
        "\(Self.session):4:3 [yaml-syntax] \(message) | remove the indentation: `medium: video`"
      ])
    #expect(
      try findings(" type: career-development\n", before: false).first
        == "\(Self.session):4:2 [yaml-syntax] \(message) | remove the indentation: `type: career-development`")
    #expect(
      try findings("objectives:\n  - Agree the plan\n - Review it\n") == [
        "\(Self.session):6:2 [yaml-syntax] this line is indented as no key or list item above it"
          + " | line it up with the keys or list items it belongs with"
      ])
  }

  // MARK: Quotes, brackets and characters YAML gives a meaning

  @Test func aValueHoldingAColonIsToldToBeQuoted() throws {
    #expect(
      try findings("project: Apollo: phase 2\n") == [
        "\(Self.session):4:10 [yaml-syntax] the value of `project` holds `: `, which YAML reads as the start of another key"
          + " | put the value in quotes: `project: \"Apollo: phase 2\"`"
      ])
    #expect(
      try findings("project: Say \"yes\": then go\n") == [
        "\(Self.session):4:10 [yaml-syntax] the value of `project` holds `: `, which YAML reads as the start of another key"
          + " | put the value in quotes: `project: 'Say \"yes\": then go'`"
      ])
  }

  @Test func anUnclosedQuoteOrBracketIsReportedWhereItOpens() throws {
    #expect(
      try findings("mentor: \"Hannah Reyes\nmedium: video\n") == [
        "\(Self.session):4:9 [yaml-syntax] the `\"` opened here is never closed"
          + " | close it on this line: `mentor: \"Hannah Reyes\"`"
      ])
    #expect(
      try findings("mentor: 'Hannah Reyes\n") == [
        "\(Self.session):4:9 [yaml-syntax] the `'` opened here is never closed | close it on this line: `mentor: 'Hannah Reyes'`"
      ])
    #expect(
      try findings("tags: [growth, review\nmedium: video\n") == [
        "\(Self.session):4:7 [yaml-syntax] the `[` opened here is never closed | close it on this line: `tags: [growth, review]`"
      ])
    #expect(
      try findings("metrics: {reviews: 3\n") == [
        "\(Self.session):4:10 [yaml-syntax] the `{` opened here is never closed | close it on this line: `metrics: {reviews: 3}`"
      ])
    // A closer of the wrong kind keeps libyaml's account, at its mark.
    #expect(
      try findings("tags: [growth}]\n") == [
        "\(Self.session):4:14 [yaml-syntax] invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence on line 4)"
      ])
  }

  @Test func textAfterAClosingQuoteAndUnknownEscapesAreNamed() throws {
    #expect(
      try findings("mentor: \"Hannah\" Reyes\n") == [
        "\(Self.session):4:18 [yaml-syntax] `Reyes` follows the closing quote of a value"
          + " | put the whole value inside the quotes, or write it without them"
      ])
    #expect(
      try findings("project: \"C:\\dir\"\n") == [
        "\(Self.session):4:13 [yaml-syntax] `\\d` is not an escape YAML knows in double quotes"
          + " | write `\\\\` for a backslash, or put the value in single quotes"
      ])
  }

  @Test func aCharacterThatCannotStartAValueIsToldToBeQuoted() throws {
    #expect(
      try findings("mentor: @sam\n") == [
        "\(Self.session):4:9 [yaml-syntax] `@` cannot start a plain YAML value | put the value in quotes: `mentor: \"@sam\"`"
      ])
    #expect(
      try findings("project: `journal` rollout\n") == [
        "\(Self.session):4:10 [yaml-syntax] a backtick cannot start a plain YAML value"
          + " | put the value in quotes: `project: \"`journal` rollout\"`"
      ])
  }

  // MARK: Lists written as in a word processor

  @Test func aListWrittenWithStarsOrBulletsSaysToUseDashes() throws {
    #expect(
      try findings("objectives:\n  * Agree the plan\n  * Review it\n") == [
        "\(Self.session):5:3 [yaml-syntax] a YAML list item starts with `- `, not `* ` | write `  - Agree the plan`"
      ])
    #expect(
      try findings("objectives:\n  • Agree the plan\n  • Review it\n") == [
        "\(Self.session):5:3 [invalid-value] `objectives` is written with `•` bullets, which YAML reads as one line of text, not a list"
          + " | start each item with `- ` instead of `•`, one item per line"
      ])
    #expect(
      try findings("tags: - growth\n") == [
        "\(Self.session):4:7 [yaml-syntax] a list item cannot start on its key's line"
          + " | write `tags: [growth]`, or `- growth` on the line below `tags:`"
      ])
    #expect(
      try findings("tags: growth, review\n") == [
        "\(Self.session):4:7 [invalid-value] `tags` must be a list, found `growth, review`"
          + " | write `tags: [growth, review]` or one `- item` per line"
      ])
  }

  // MARK: A date without its year

  /// `Dec 4`: the day to write, with the year the file name's date gives, the nearest such
  /// day to it; without a file date, the year is said to be missing.
  @Test func aDateWithoutItsYearIsGivenTheYearOfTheFileName() throws {
    #expect(
      try checkSession("---\ndate: Nov 20\ntype: career-development\n---\n" + Self.body).map(MessageTests.line) == [
        "\(Self.session):2:7 [invalid-value] `date` has no year, found `Nov 20`"
          + " | write `date: 2026-11-20`, the day nearest the file name's date"
      ])
    #expect(
      try findings("follow-up: 4 December\n") == [
        "\(Self.session):4:12 [invalid-value] `follow-up` has no year, found `4 December`"
          + " | write `follow-up: 2026-12-04`, the day nearest the file name's date"
      ])
    // The nearest such day to the session: a follow-up in January is next year's.
    #expect(
      try findings("follow-up: Jan 8\n") == [
        "\(Self.session):4:12 [invalid-value] `follow-up` has no year, found `Jan 8`"
          + " | write `follow-up: 2027-01-08`, the day nearest the file name's date"
      ])
    // A profile's name has no date: the year is missing, the rest is given.
    let profile = try check(
      RuleExample(files: ["mentees/alex/profile.md": "---\nname: Alex Kim\nsince: Dec 4\n---\n"]).files
    ).diagnostics.map(MessageTests.line).filter { $0.contains("since") }
    #expect(
      profile == [
        "mentees/alex/profile.md:3:8 [invalid-value] `since` has no year, found `Dec 4`"
          + " | write it with its year: `since: YYYY-12-04`"
      ])
    // Not a day in any year, and no month at all, keep the example.
    #expect(try findings("follow-up: Feb 30\n").first?.contains("for example `follow-up: 2026-11-26`") == true)
    #expect(try findings("follow-up: soon\n").first?.contains("for example `follow-up: 2026-11-26`") == true)
  }

  // MARK: Invisible characters

  /// An editor pasted U+FEFF into a value: the finding names it and is where it is, and the
  /// value is read as meant, without it.
  @Test func aByteOrderMarkInsideAValueIsNamedWhereItIs() throws {
    let text = "---\ndate: 2026-11-20\u{FEFF}\ntype: career-development\n---\n" + Self.body
    #expect(
      try checkSession(text).map(MessageTests.line) == [
        "\(Self.session):2:17 [invalid-value] `date` holds an invisible byte-order mark (U+FEFF), read as if it were not there"
          + " | delete it; it often comes with pasted text"
      ])
    #expect(session(text)?.date == Day(year: 2026, month: 11, day: 20))
    // Inside the value, and in a name, whose text would otherwise keep it unseen.
    #expect(
      try findings("mentor: Hannah\u{FEFF} Reyes\n") == [
        "\(Self.session):4:15 [invalid-value] `mentor` holds an invisible byte-order mark (U+FEFF), read as if it were not there"
          + " | delete it; it often comes with pasted text"
      ])
    #expect(session("---\ndate: 2026-11-20\ntype: career-development\nmentor: Hannah\u{FEFF} Reyes\n---\n" + Self.body)?.mentor == "Hannah Reyes")
    // A zero-width space is as invisible.
    #expect(
      try findings("mentor: Hannah Reyes\u{200B}\n") == [
        "\(Self.session):4:21 [invalid-value] `mentor` holds an invisible zero-width space (U+200B), read as if it were not there"
          + " | delete it; it often comes with pasted text"
      ])
  }

  @Test func aByteOrderMarkInsideTheFrontMatterIsNamed() throws {
    // Before a key, where YAML could not read the line: the line is read without it.
    #expect(
      try findings("\u{FEFF}medium: video\n") == [
        "\(Self.session):4:1 [invalid-value] `medium` holds an invisible byte-order mark (U+FEFF), read as if it were not there"
          + " | delete it; it often comes with pasted text"
      ])
    #expect(session("---\ndate: 2026-11-20\ntype: career-development\n\u{FEFF}medium: video\n---\n" + Self.body)?.medium == .video)
    // One at the start of the file is the encoding's, and dropped.
    #expect(try checkSession("\u{FEFF}---\ndate: 2026-11-20\ntype: career-development\n---\n" + Self.body) == [])
  }

  // MARK: Keys in other capitals

  @Test func aKnownKeyInOtherCapitalsIsOneFindingAndIsRead() throws {
    let text = "---\nDate: 2026-11-20\nType: career-development\n---\n" + Self.body
    #expect(
      try checkSession(text).map(MessageTests.line) == [
        "\(Self.session):2:1 [unknown-field] field `Date` is read as `date`: front matter keys are lowercase | write `date:`",
        "\(Self.session):3:1 [unknown-field] field `Type` is read as `type`: front matter keys are lowercase | write `type:`",
      ])
    #expect(session(text)?.date == Day(year: 2026, month: 11, day: 20))
    #expect(session(text)?.type == .careerDevelopment)
    // Its value is checked as the key's: a bad date is one more finding, about the date.
    #expect(
      try checkSession("---\nDATE: 2026-11-31\ntype: career-development\n---\n").map(MessageTests.line) == [
        "\(Self.session):2:1 [unknown-field] field `DATE` is read as `date`: front matter keys are lowercase | write `date:`",
        "\(Self.session):2:7 [invalid-value] `date`: 2026-11-31 is not a real calendar date | November has 30 days",
      ])
    // Given as written too, the other one is a key the format does not know.
    #expect(
      try findings("Date: 2026-11-21\n") == [
        "\(Self.session):4:1 [unknown-field] unknown field `Date` in a session | did you mean `date`?"
      ])
  }

  // MARK: Dates written otherwise

  func dateFindings(_ written: String) throws -> [String] {
    try checkSession("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: \(written)\n---\n" + Self.body)
      .map(MessageTests.line)
  }

  @Test func aDateWrittenOneOtherWayIsGivenAsItShouldBe() throws {
    for written in ["24/11/2026", "24.11.2026", "2026/11/24", "2026.11.24", "11/24/2026", "Nov 24, 2026", "24 November 2026",
      "November 24 2026", "Tuesday, 24th Nov. 2026", "2026-11-24".replacingOccurrences(of: "-", with: "")]
    {
      #expect(
        try dateFindings(written) == [
          "\(Self.session):4:12 [invalid-value] `follow-up` must be a date written YYYY-MM-DD, found `\(written)`"
            + " | write `follow-up: 2026-11-24`"
        ], "\(written)")
    }
  }

  @Test func anAmbiguousDateGivesEachReading() throws {
    #expect(
      try dateFindings("03/04/2027") == [
        "\(Self.session):4:12 [invalid-value] `follow-up` must be a date written YYYY-MM-DD, found `03/04/2027`, which can be read 2 ways"
          + " | write `follow-up: 2027-04-03` (day first) or `follow-up: 2027-03-04` (month first)"
      ])
    // The same day either way is one reading.
    #expect(
      try dateFindings("04/04/2027") == [
        "\(Self.session):4:12 [invalid-value] `follow-up` must be a date written YYYY-MM-DD, found `04/04/2027`"
          + " | write `follow-up: 2027-04-04`"
      ])
    #expect(
      try dateFindings("05-06-07") == [
        "\(Self.session):4:12 [invalid-value] `follow-up` must be a date written YYYY-MM-DD, found `05-06-07`, which can be read 3 ways"
          + " | write `follow-up: 2005-06-07` (year first), `follow-up: 2007-06-05` (day first) or `follow-up: 2007-05-06` (month first)"
      ])
  }

  @Test func aDateWithATimeIsToldToDropIt() throws {
    for written in ["2026-12-01 10:00", "2026-12-01T10:00", "2026-12-01T10:00:00Z"] {
      #expect(
        try dateFindings(written) == [
          "\(Self.session):4:12 [invalid-value] `follow-up` is a day, without a time, found `\(written)`"
            + " | write `follow-up: 2026-12-01`; a time can go in the body"
        ], "\(written)")
    }
  }

  @Test func digitsThatNameNoDaySayWhy() throws {
    let cases = [
      ("2026-11-31", "November has 30 days"), ("2026-02-29", "February 2026 has 28 days: 2026 is not a leap year"),
      ("2028-02-30", "February 2028 has 29 days"), ("2026-13-01", "there is no month 13: months run from 01 to 12"),
      ("2026-00-10", "there is no month 0: months run from 01 to 12"), ("2026-12-00", "days of the month start at 01"),
      ("0000-12-01", "years start at 0001"),
    ]
    for (written, reason) in cases {
      #expect(
        try dateFindings(written) == [
          "\(Self.session):4:12 [invalid-value] `follow-up`: \(written) is not a real calendar date | \(reason)"
        ], "\(written)")
    }
    // No reading at all keeps the example.
    #expect(
      try dateFindings("next week") == [
        "\(Self.session):4:12 [invalid-value] `follow-up` must be a date written YYYY-MM-DD, found `next week`"
          + " | for example `follow-up: 2026-11-26`"
      ])
  }

  // MARK: An empty file

  @Test func anEmptyNoteSaysItIsEmptyAndHowToStartIt() throws {
    for text in ["", "\n\n", "  \n\t\n", "\u{FEFF}"] {
      #expect(
        try checkSession(text).map(MessageTests.line) == [
          "\(Self.session):1:1 [front-matter] file is empty"
            + " | delete it; `journal new session alex --date 2026-11-20` then starts the note from its template"
        ], "\(text.debugDescription)")
    }
    let others = try check(
      RuleExample(files: [
        "mentees/alex/profile.md": "", "mentees/alex/plans/code-quality.md": "\n",
        "mentees/alex/sessions/2026-11-21-retro.md": "",
      ]).files
    ).diagnostics.map(MessageTests.line).filter { $0.contains("[front-matter]") }
    #expect(
      others == [
        "mentees/alex/plans/code-quality.md:1:1 [front-matter] file is empty"
          + " | delete it; `journal new plan alex code-quality` then starts the note from its template",
        "mentees/alex/profile.md:1:1 [front-matter] file is empty"
          + " | delete it; `journal new person alex` then starts the note from its template",
        "mentees/alex/sessions/2026-11-21-retro.md:1:1 [front-matter] file is empty"
          + " | delete it; `journal new session alex --date 2026-11-21 --slug retro` then starts the note from its template",
      ])
  }

  // MARK: Yes and no

  @Test func aRuleLevelWrittenAsYesOrNoSaysWhatToWrite() throws {
    func levelFindings(_ written: String) throws -> [String] {
      try check(RuleExample(files: ["journal.yml": "title: Team\nrules:\n  late-feedback: \(written)\n"]).files)
        .diagnostics.map(MessageTests.line)
    }
    for written in ["no", "No", "false", "n"] {
      #expect(
        try levelFindings(written) == [
          "journal.yml:3:18 [invalid-value] `\(written)` is not a rule level: a level is `error`, `warning` or `off`"
            + " | write `off` to turn the rule off"
        ])
    }
    for written in ["yes", "TRUE", "on"] {
      #expect(
        try levelFindings(written) == [
          "journal.yml:3:18 [invalid-value] `\(written)` is not a rule level: a level is `error`, `warning` or `off`"
            + " | write `error` or `warning`; a rule journal.yml does not name runs at its own level"
        ])
    }
    #expect(try levelFindings("off") == [])
  }

  // MARK: Durations and cadences in words, hashtags

  @Test func aDurationOrCadenceInWordsIsGivenInTheNotation() throws {
    for (written, notation) in [
      ("45 min", "45m"), ("1 hour", "1h"), ("an hour", "1h"), ("1.5 hours", "1h30m"), ("1 hour and 30 minutes", "1h30m"),
      ("1h 30m", "1h30m"), ("90 Minutes", "90m"),
    ] {
      #expect(
        try findings("duration: \(written)\n") == [
          "\(Self.session):4:11 [invalid-value] `\(written)` is not a duration | write `duration: \(notation)`"
        ], "\(written)")
    }
    // Words that give no duration keep the example; so does one the notation refuses.
    for written in ["a while", "30 hours", "1.5 minutes"] {
      #expect(
        try findings("duration: \(written)\n") == [
          "\(Self.session):4:11 [invalid-value] `\(written)` is not a duration | write it like `duration: 45m`"
        ], "\(written)")
    }
    func cadence(_ written: String) throws -> [String] {
      try check(
        RuleExample(files: ["mentees/alex/profile.md": "---\nname: Alex Kim\ncadence: \(written)\n---\n"]).files
      ).diagnostics.map(MessageTests.line).filter { $0.contains("cadence") }
    }
    for (written, notation) in [("2 weeks", "2w"), ("fortnightly", "2w"), ("Monthly", "1m"), ("10 days", "10d")] {
      #expect(
        try cadence(written) == [
          "mentees/alex/profile.md:3:10 [invalid-value] `\(written)` is not a cadence | write `cadence: \(notation)`"
        ], "\(written)")
    }
  }

  @Test func aHashtagValueThatYAMLReadsAsACommentIsReported() throws {
    #expect(
      try findings("mentor: #sam #priya\n") == [
        "\(Self.session):4:1 [invalid-value] `mentor` has no value: YAML reads `#sam #priya` after it as a comment"
          + " | put the value in quotes: `mentor: \"#sam #priya\"`, or delete the comment"
      ])
    // A comment written as one, after a key left empty, is the person's own.
    #expect(try findings("mentor:   # to fill in\n") == [])
  }

  /// A list field's hashtags are shown as the list the field takes, each one an item, in
  /// quotes to keep the `#` or bare without it; prose after a `#` is one item. Each line the
  /// hint gives, copied in place of the person's, is read without a finding.
  @Test func aHashtagOnAListFieldIsShownAsAList() throws {
    let cases: [(written: String, message: String, copies: [String])] = [
      (
        "tags: #growth #review",
        "`tags` has no value: YAML reads `#growth #review` after it as a comment"
          + " | write it as a list: `tags: [\"#growth\", \"#review\"]`, or without `#`: `tags: [growth, review]`",
        ["tags: [\"#growth\", \"#review\"]", "tags: [growth, review]"]
      ),
      (
        "tags: #growth, #review",
        "`tags` has no value: YAML reads `#growth, #review` after it as a comment"
          + " | write it as a list: `tags: [\"#growth\", \"#review\"]`, or without `#`: `tags: [growth, review]`",
        ["tags: [\"#growth\", \"#review\"]", "tags: [growth, review]"]
      ),
      (
        "tags: #growth",
        "`tags` has no value: YAML reads `#growth` after it as a comment"
          + " | write it as a list: `tags: [\"#growth\"]`, or without `#`: `tags: [growth]`",
        ["tags: [\"#growth\"]", "tags: [growth]"]
      ),
      (
        "objectives: #delegation is the focus",
        "`objectives` has no value: YAML reads `#delegation is the focus` after it as a comment"
          + " | write it as a list: `objectives: [\"#delegation is the focus\"]`, or delete the comment",
        ["objectives: [\"#delegation is the focus\"]"]
      ),
      (
        "tags: #1:1 #q&a",
        "`tags` has no value: YAML reads `#1:1 #q&a` after it as a comment"
          + " | write it as a list: `tags: [\"#1:1\", \"#q&a\"]`, or delete the comment",
        ["tags: [\"#1:1\", \"#q&a\"]"]
      ),
    ]
    for (written, message, copies) in cases {
      #expect(try findings(written + "\n") == ["\(Self.session):4:1 [invalid-value] " + message], "\(written)")
      for copy in copies {
        #expect(try findings(copy + "\n") == [], "\(copy)")
        #expect(message.contains("`\(copy)`"), "\(copy)")
      }
    }
    // Written as the hint says, the items are the ones meant.
    let hashtags = "---\ndate: 2026-11-20\ntype: career-development\ntags: [\"#growth\", \"#review\"]\n---\n" + Self.body
    #expect(session(hashtags)?.tags == ["#growth", "#review"])
  }

  /// A field that takes indented entries (a session's `metrics`) is not shown a value in
  /// quotes, which would be the wrong shape.
  @Test func aHashtagOnAMappingFieldIsNotShownInQuotes() throws {
    #expect(
      try findings("metrics: #later\n") == [
        "\(Self.session):4:1 [invalid-value] `metrics` has no value: YAML reads `#later` after it as a comment"
          + " | delete the comment, and write the entries of `metrics` on the lines below it, indented"
      ])
  }

  /// On a required field, the hashtag is one finding: the value YAML read as a comment, not
  /// that and the field's emptiness besides.
  @Test func aHashtagOnARequiredFieldIsOneFinding() throws {
    #expect(
      try checkSession("---\ndate: #x\ntype: career-development\n---\n" + Self.body).map(MessageTests.line) == [
        "\(Self.session):2:1 [invalid-value] `date` has no value: YAML reads `#x` after it as a comment"
          + " | put the value in quotes: `date: \"#x\"`, or write it without `#`"
      ])
    #expect(
      try checkSession("---\ndate: 2026-11-20\ntype: #career-development\n---\n" + Self.body).map(MessageTests.line) == [
        "\(Self.session):3:1 [invalid-value] `type` has no value: YAML reads `#career-development` after it as a comment"
          + " | put the value in quotes: `type: \"#career-development\"`, or write it without `#`"
      ])
    // Empty with a comment meant as one, a required field is still reported as empty.
    #expect(
      try checkSession("---\ndate: 2026-11-20\ntype:   # fill in\n---\n" + Self.body).map(MessageTests.line) == [
        "\(Self.session):3:1 [missing-field] required field `type` is empty"
      ])
  }

  // MARK: A goal written without a part

  /// A goal missing its description is one finding at the goal; its metric is still declared,
  /// so a session recording a value under it is not also told the metric belongs to no goal.
  @Test func aGoalWithoutItsDescriptionStillDeclaresItsMetric() throws {
    var files = RuleExample.session(
      "---\ndate: 2026-11-20\ntype: career-development\nplan: q1-growth\nmetrics:\n  review-rework-rate: 35\n---\n"
        + Self.body
    ).files
    files["mentees/alex/plans/q1-growth.md"] =
      "---\ntitle: Q1 growth\ncreated: 2026-11-01\ngoals:\n  - id: fewer-rework-cycles\n    metric: review-rework-rate\n    baseline: 40\n    target: 15\n---\n"
    let lines = try check(files).diagnostics.map(MessageTests.line)
    #expect(lines == ["mentees/alex/plans/q1-growth.md:5:5 [missing-field] required field `description` is missing"], "\(lines)")
  }
}
