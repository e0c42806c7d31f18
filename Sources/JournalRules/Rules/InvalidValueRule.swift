import JournalModel

/// `invalid-value`: each value has the type and form its field takes.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct InvalidValueRule: ParsingRule {
  public static let id = "invalid-value"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: InvalidValueRule.id,
    summary: "Values have the right type and form: real calendar dates, known session types and media, numbers for metrics, and no control characters.",
    severity: InvalidValueRule.severity,
    rationale: "A misspelt type or an impossible date would silently drop a session from every summary; a control character in a name can rewrite a terminal or make text read differently than it is stored.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: ↓carrer-development\n---\n").expecting("`carrer-development` is not a session type"),
      .session("---\ndate: ↓2026-11-31\ntype: career-development\n---\n").expecting("`date`: 2026-11-31 is not a real calendar date"),
      .session("---\ndate: ↓24/11/2026\ntype: career-development\n---\n").expecting("`date` must be a date written YYYY-MM-DD, found `24/11/2026`"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nduration: ↓1 hour\n---\n").expecting("`1 hour` is not a duration"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nduration: ↓an hour\n---\n").expecting("`an hour` is not a duration"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nevent-date: ↓2026-11-22\n---\n").expecting("`event-date` 2026-11-22 is after the session's date 2026-11-20"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmentor: ↓\"Sam\\e[2J\"\n---\n").expecting("`mentor` holds the control character U+001B"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmentor: ↓“Hannah Reyes”\n---\n").expecting("`mentor` is in curly quotes, which YAML keeps as part of the value: `“Hannah Reyes”`"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nfollow-up: ↓2026-11-18\n---\n").expecting("`follow-up` 2026-11-18 is before the session's date 2026-11-20"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: project-specific\nduration: 1h30m\nmedium: video\nproject: no\n---\n"),
      .session("---\ndate: 2026-11-20\ntype: project-specific\nmentor: Sam “Sammy” O’Brien\n---\n"),
    ])
}

// The messages below take values already described for a reader (`found`, such as
// "a list" or "the text `x`"), as the parser describes YAML values.
extension InvalidValueRule {
  public static func notText(_ field: String, found: String) -> RuleMessage {
    message("`\(field)` must be text, found \(found)")
  }

  /// `reason` says why the digits name no day ("November has 30 days").
  public static func notARealDate(field: String, text: String, reason: String) -> RuleMessage {
    message("`\(field)`: \(text) is not a real calendar date", hint: reason)
  }

  /// A value read as no date at all.
  public static func notADate(field: String, found: String) -> RuleMessage {
    message("`\(field)` must be a date written YYYY-MM-DD, found \(found)", hint: "for example `\(field): 2026-11-26`")
  }

  /// A date written another way (`24/11/2026`): `readings` are the days it can be read as,
  /// `YYYY-MM-DD`, each with the order it was read in ("day first"); two or more when it is
  /// ambiguous.
  public static func notADate(field: String, found: String, readings: [(day: String, order: String)]) -> RuleMessage {
    guard readings.count > 1 else {
      return message(
        "`\(field)` must be a date written YYYY-MM-DD, found \(found)",
        hint: readings.first.map { "write `\(field): \($0.day)`" })
    }
    let choices = readings.map { "`\(field): \($0.day)` (\($0.order))" }
    return message(
      "`\(field)` must be a date written YYYY-MM-DD, found \(found), which can be read \(readings.count) ways",
      hint: "write " + choices.dropLast().joined(separator: ", ") + " or " + choices.last!)
  }

  /// A month and a day without a year (`Dec 4`); `day` is the day meant: of the days with
  /// that month and day, the nearest to the file name's date (`Jan 8` in a session of
  /// 2026-12-20 is 2027-01-08).
  public static func dateWithoutYear(field: String, found: String, day: String) -> RuleMessage {
    message(
      "`\(field)` has no year, found \(found)", hint: "write `\(field): \(day)`, the day nearest the file name's date")
  }

  /// A month and a day without a year, where no file name gives one; `monthDay` is `MM-DD`.
  public static func dateWithoutYear(field: String, found: String, monthDay: String) -> RuleMessage {
    message("`\(field)` has no year, found \(found)", hint: "write it with its year: `\(field): YYYY-\(monthDay)`")
  }

  /// A date with a time after it (`2026-11-20T10:00`): journal's dates are days; `day` is it.
  public static func dateWithTime(field: String, found: String, day: String) -> RuleMessage {
    message(
      "`\(field)` is a day, without a time, found \(found)",
      hint: "write `\(field): \(day)`; a time can go in the body")
  }

  /// A value that is none of a field's choices; `noun` names them ("a session type"), and
  /// `suggestion` is the hint for the nearest one, if any.
  public static func notAChoice(_ text: String, noun: String, suggestion: String?) -> RuleMessage {
    message("`\(text)` is not \(noun)", hint: suggestion)
  }

  /// A value not in a small notation; `example` is one written right, or (`meant`) the value
  /// itself in the notation (`1 hour` as `1h`).
  public static func notInNotation(_ text: String, noun: String, key: String, example: String, meant: Bool = false)
    -> RuleMessage
  {
    message("`\(text)` is not \(noun)", hint: meant ? "write `\(key): \(example)`" : "write it like `\(key): \(example)`")
  }

  public static func notANumber(_ field: String, found: String, quoted: Bool) -> RuleMessage {
    message(
      "`\(field)` must be a number, found \(found)", hint: quoted ? "write the number without quotes" : nil)
  }

  /// `inBrackets` is the text found, when it reads as a list in brackets.
  public static func notAList(_ key: String, found: String, inBrackets: String?) -> RuleMessage {
    message(
      "`\(key)` must be a list, found \(found)",
      hint: "write `\(key): [\(inBrackets ?? "first, second")]` or one `- item` per line")
  }

  /// A list written with `•` before each item, which YAML reads as one line of text.
  public static func bulletedList(_ key: String, bullet: String) -> RuleMessage {
    message(
      "`\(key)` is written with `\(bullet)` bullets, which YAML reads as one line of text, not a list",
      hint: "start each item with `- ` instead of `\(bullet)`, one item per line")
  }

  public static func notAMapping(_ key: String, found: String) -> RuleMessage {
    message("`\(key)` must be a mapping of `name: value` lines, found \(found)")
  }

  public static func goalsNotAList(found: String) -> RuleMessage {
    message(
      "`goals` must be a list of goals, found \(found)",
      hint: "write each goal as `- id: …` with `description: …` below it")
  }

  public static func goalNotAMapping(found: String) -> RuleMessage {
    message("a goal must be a mapping with `id` and `description`, found \(found)")
  }

  /// An id (`what` is "goal id" or "metric id") that is not lowercase letters, digits and `-`.
  public static func badID(_ what: String, _ id: String) -> RuleMessage {
    message("\(what) `\(id)` must be lowercase letters, digits and `-`")
  }

  public static let planNotASlug = message("`plan` must name a plan by its file name, such as `code-quality`")

  public static func eventAfterSession(event: String, date: String) -> RuleMessage {
    message("`event-date` \(event) is after the session's date \(date)")
  }

  /// A follow-up on (`sameDay`) or before the session's date.
  public static func followUpNotAfter(followUp: String, date: String, sameDay: Bool) -> RuleMessage {
    message(
      sameDay ? "`follow-up` \(followUp) is the session's own date" : "`follow-up` \(followUp) is before the session's date \(date)",
      hint: "write the date agreed for the next session, after \(date)")
  }

  /// A plain value wrapped in curly quotes, which YAML keeps: `field` is its key (or the list
  /// it is an item of), `written` the value as written, `straight` its text in straight quotes.
  public static func curlyQuotes(field: String, isItem: Bool, written: String, straight: String) -> RuleMessage {
    message(
      (isItem ? "an item of `\(field)`" : "`\(field)`") + " is in curly quotes, which YAML keeps as part of the value: `\(written)`",
      hint: "type straight quotes, or none: `" + (isItem ? "" : "\(field): ") + straight + "`")
  }

  public static func ruleSettingShape(_ rule: String) -> RuleMessage {
    message("rule `\(rule)` takes a level (`error`, `warning`, `off`) or a mapping of settings")
  }

  public static func ruleParameterShape(_ name: String) -> RuleMessage {
    message("`\(name)` must be a number, text or a list")
  }

  /// A rule's level written as a yes (`on`) or a no, which journal does not read as a level.
  public static func ruleLevelYesOrNo(_ text: String, on: Bool) -> RuleMessage {
    message(
      "`\(text)` is not a rule level: a level is `error`, `warning` or `off`",
      hint: on
        ? "write `error` or `warning`; a rule journal.yml does not name runs at its own level"
        : "write `off` to turn the rule off")
  }

  /// `suggestion` is the hint for the nearest level, if any.
  public static func notARuleLevel(_ text: String, suggestion: String?) -> RuleMessage {
    message("`\(text)` is not a rule level", hint: suggestion)
  }
}

extension InvalidValueRule {
  /// A key that is a mapping or a list; `field` is the mapping it is in, if not the front
  /// matter itself, and `found` says what it is ("a mapping").
  public static func keyNotText(in field: String?, found: String) -> RuleMessage {
    message(
      field.map { "a key in `\($0)` must be text" } ?? "a front matter key must be plain text, found \(found)")
  }

  /// A control character in a scalar: `holder` says whose ("`mentor`", "a key"), `name` what
  /// it is, and `hint` how to write it instead.
  public static func controlCharacter(holder: String, name: String, hint: String?) -> RuleMessage {
    message("\(holder) holds the \(name)", hint: hint)
  }

  /// A character libyaml cannot read as written; `lineSeparator` for U+2028 and U+2029.
  public static func unreadableCharacter(name: String, lineSeparator: Bool, hint: String?) -> RuleMessage {
    message(
      "\(name) in front matter" + (lineSeparator ? ": YAML reads it as a line break, editors do not" : ""), hint: hint)
  }

  /// An invisible character (`name`: "byte-order mark (U+FEFF)") in front matter, on the
  /// lines of `key` when there is one; read as if it were not there.
  public static func invisibleCharacter(name: String, key: String?) -> RuleMessage {
    message(
      (key.map { "`\($0)` holds an invisible \(name)" } ?? "an invisible \(name) is in this line")
        + ", read as if it were not there",
      hint: "delete it; it often comes with pasted text")
  }

  /// `tags: #growth`: a value that starts with `#`, which YAML reads as a comment, leaving the
  /// key without one.
  /// `quoted` is the comment in quotes, as YAML would read it as the value.
  /// A comment of one word (`#x`) was meant as the value: written without `#`, it is one.
  public static func valueIsComment(_ key: String, comment: String, quoted: String) -> RuleMessage {
    let oneWord = !comment.unicodeScalars.contains { $0 == " " || $0 == "\t" }
    return message(
      "`\(key)` has no value: YAML reads `\(comment)` after it as a comment",
      hint: "put the value in quotes: `\(key): \(quoted)`, or "
        + (oneWord ? "write it without `#`" : "delete the comment"))
  }

  /// `tags: #growth #review` on a list field: `asList` is the comment as the list YAML reads
  /// (`["#growth", "#review"]`), `withoutHash` its hashtags as bare items (`[growth, review]`),
  /// when each one can be written so.
  public static func listIsComment(_ key: String, comment: String, asList: String, withoutHash: String?) -> RuleMessage {
    message(
      "`\(key)` has no value: YAML reads `\(comment)` after it as a comment",
      hint: "write it as a list: `\(key): \(asList)`, or "
        + (withoutHash.map { "without `#`: `\(key): \($0)`" } ?? "delete the comment"))
  }

  /// `metrics: #later` on a field of indented entries, which no value on its own line gives.
  public static func entriesAreComment(_ key: String, comment: String) -> RuleMessage {
    message(
      "`\(key)` has no value: YAML reads `\(comment)` after it as a comment",
      hint: "delete the comment, and write the entries of `\(key)` on the lines below it, indented")
  }

  /// `found` describes the front matter's root value.
  public static func frontMatterNotAMapping(found: String) -> RuleMessage {
    message("front matter must be a mapping of `key: value` lines, found \(found)")
  }

  // A rule's setting the rule does not take: it runs with its default (`default`, as a
  // message shows it) instead, and the hint says so.

  private static func keepsDefault(_ value: String) -> String { "until then the rule uses its default, \(value)" }

  /// `max-days: "14"`.
  public static func settingQuotedNumber(_ name: String, of rule: String, text: String, default: String) -> RuleMessage {
    message(
      "`\(name)` of rule `\(rule)` is the text `\"\(text)\"`, not a number",
      hint: "write `\(name): \(text)`, without quotes; " + keepsDefault(`default`))
  }

  public static func settingTextNotANumber(
    _ name: String, of rule: String, text: String, largest: Int, default: String
  ) -> RuleMessage {
    message(
      "`\(name)` of rule `\(rule)` is the text `\(text)`, not a number",
      hint: "write a whole number from 0 to \(largest), as in `\(name): \(`default`)`; " + keepsDefault(`default`))
  }

  /// `example` is the number to write instead.
  public static func settingListNotANumber(_ name: String, of rule: String, example: String, default: String) -> RuleMessage {
    message(
      "`\(name)` of rule `\(rule)` is a list, not a number",
      hint: "write one number, as in `\(name): \(example)`; " + keepsDefault(`default`))
  }

  public static func settingOutOfRange(
    _ name: String, of rule: String, found: String, largest: Int, default: String
  ) -> RuleMessage {
    message(
      "`\(name)` of rule `\(rule)` must be a whole number from 0 to \(largest), found \(found)",
      hint: keepsDefault(`default`))
  }

  public static func settingNotAList(_ name: String, of rule: String, found: String, default: String) -> RuleMessage {
    message(
      "`\(name)` of rule `\(rule)` must be a list of text, found \(found)",
      hint: "write a list, as in `\(name): [first, second]`; " + keepsDefault(`default`))
  }
}

extension InvalidValueRule {
  public static let rubricNotAName = message("`rubric` must name a rubric of journal.yml, such as `backend-engineer`")

  public static func notAnEmailAddress(_ text: String) -> RuleMessage {
    message(
      "`email` must be one address such as `alex@example.com`, found \"\(text)\"",
      hint: "give the bare address, without a name or `<>`")
  }

  public static func rubricNotAMapping(_ name: String, found: String) -> RuleMessage {
    message("rubric `\(name)` must be a mapping with `scale` and `categories`, found \(found)")
  }

  public static func scalePointNotAWholeNumber(_ key: String) -> RuleMessage {
    message("scale point `\(key)` must be a whole number", hint: "write each point as `1: Strong no`")
  }

  public static func scaleOfOnePoint(rubric: String) -> RuleMessage {
    message(
      "the scale of rubric `\(rubric)` has one point; a rating needs at least two",
      hint: "give each point and its label, such as `1: No` and `2: Yes`")
  }

  public static func categoriesNotAList(found: String) -> RuleMessage {
    message(
      "`categories` must be a list of categories, found \(found)",
      hint: "write each category as `- id: …` with `title: …` below it")
  }

  public static func categoryNotAMapping(found: String) -> RuleMessage {
    message("a category must be a mapping with `id` and `title`, found \(found)")
  }
}

// The headings journal.yml adds under `sections:`.
extension InvalidValueRule {
  public static func sectionHeadingsShape(_ part: SectionPart) -> RuleMessage {
    message(
      "`\(part.rawValue)` in `sections` must be a heading or a list of headings",
      hint: "write `\(part.rawValue): [\(part.heading) of the week]`")
  }

  public static let emptySectionHeading = message("a heading in `sections` cannot be empty")

  /// `heading` already names `other`, built in or given earlier.
  public static func sectionHeadingTaken(_ heading: String, by other: SectionPart, for part: SectionPart) -> RuleMessage {
    message("`\(heading)` already names \(other.heading); it cannot also name \(part.heading)")
  }
}
