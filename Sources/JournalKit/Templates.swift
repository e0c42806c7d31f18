import JournalModel
import JournalParsing

/// The files `journal new` writes: each passes `journal check` as written, and carries
/// comments on what to fill in.
public enum Templates {
  public static func config(title: String) -> String {
    """
    title: \(yamlText(title))
    # Each rule's severity (error, warning, off) and settings; `journal rules` lists them.
    # rules:
    #   late-feedback:
    #     max-days: 7

    """
  }

  public static func profile(
    name: String, role: String?, relationship: Relationship?, cadence: Cadence?, since: Day
  ) -> String {
    // Keys in `journal fmt`'s order, so the file stays formatted once its comments are
    // taken out.
    var lines = ["---", "name: \(yamlText(name))"]
    lines.append(role.map { "role: \(yamlText($0))" } ?? "# role: Backend developer")
    lines.append(relationship.map { "relationship: \($0.rawValue)" } ?? "# relationship: mentee   # or report, candidate")
    lines += [
      "since: \(since)",
      "# goals:          # their own career aspirations",
      "#   - Lead a team",
      "# learning-style: hands-on, prefers written follow-ups",
    ]
    lines.append(cadence.map { "cadence: \($0)" } ?? "# cadence: 2w   # how often you meet: 1w, 2w, 1m")
    if relationship == .candidate {
      lines.append("retain-until: \(since.adding(months: 6))   # delete the record by then, as agreed with them")
    } else {
      lines.append("# retain-until: \(since.adding(months: 6))   # for a candidate: when the record must be deleted")
    }
    lines += ["---", ""]
    return lines.joined(separator: "\n")
  }

  /// A session, carrying over the person's open actions and reminding of the last follow-up.
  /// The follow-up it suggests, and the due date of its example action, are one cadence
  /// after the session (two weeks when the person has none).
  public static func session(person: PersonRecord, date: Day, type: SessionType, plan: String? = nil) -> String {
    let next = person.profile?.cadence?.next(after: date) ?? date.adding(days: 14)
    // Keys in `journal fmt`'s order, so the file stays formatted once its comments are
    // taken out.
    var lines = [
      "---", "date: \(date)", "type: \(type.rawValue)",
      "# duration: 45m",
      "# medium: video          # in-person, video, phone, email, chat",
      "# objectives:",
      "#   - What this session is for",
      "# event-date: \(date)    # when what you give feedback on happened",
    ]
    // The last session is the last one written: another only prepared was not held.
    let last = person.lastWrittenSession
    if let plan = plan ?? last?.plan, person.plan(plan) != nil { lines.append("plan: \(plan)") }
    lines += ["# follow-up: \(next)", "---"]
    if let last {
      var reminder = "Last session: \(last.date) (\(last.type.rawValue))."
      if let followUp = last.followUp { reminder += " Follow-up agreed for \(followUp)." }
      lines += ["<!-- \(reminder) -->", ""]
    } else {
      lines.append("")
    }
    lines += [
      "## Strengths", "", "<!-- What went well: one item each, with an example. -->", "",
      "## Improvements", "", "<!-- What to change: the behaviour, an example, its effect. -->", "",
      "## Dialogue", "", "<!-- Their own view, in their words. -->", "",
      "## Actions", "",
    ]
    let open = person.currentActions.filter {
      $0.item.status == .open && { if case .session = $0.source { true } else { false } }($0)
    }
    if open.isEmpty {
      lines.append("<!-- - [ ] What will happen next due:\(next) owner:\(person.id) -->")
    } else {
      lines.append("<!-- Carried over from earlier sessions: tick [x], drop [-], or keep open. -->")
      lines += open.map { actionLine($0.item) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A self-assessment: the person's own view before a session, under three headings of
  /// their own, which journal reads as free notes.
  public static func selfAssessment(person: PersonRecord, date: Day) -> String {
    var lines = ["---", "date: \(date)", "type: \(SelfAssessment.type)", "---"]
    var intro = "Your own view before the next session, in your words."
    if let last = person.lastWrittenSession { intro += " Last session: \(last.date)." }
    lines += [
      "<!-- \(intro) -->", "",
      "## Achievements", "", "<!-- What went well since the last session, and what you are proud of. -->", "",
      "## Challenges", "", "<!-- What was hard, what got in the way, where you are stuck. -->", "",
      "## For the next session", "", "<!-- What you would like to talk about, or get help with. -->",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  public static func plan(title: String, created: Day) -> String {
    """
    ---
    title: \(yamlText(title))
    created: \(created)
    status: active
    review: \(created.adding(months: 1))
    # goals:
    #   - id: fewer-rework-cycles
    #     description: Fewer pull requests sent back for rework
    #     metric: review-rework-rate     # record values in sessions under `metrics:`
    #     baseline: 40
    #     target: 15
    #     due: \(created.adding(months: 3))
    ---
    ## Why this plan

    ## Actions

    <!-- - [ ] A first step due:\(created.adding(days: 14)) -->

    """
  }

  /// An action item as it is written in a file.
  public static func actionLine(_ item: ActionItem) -> String {
    let box =
      switch item.status {
      case .open: "[ ]"
      case .done: "[x]"
      case .dropped: "[-]"
      }
    var line = "- \(box) \(item.text)"
    if let due = item.due { line += " due:\(due)" }
    if let owner = item.owner { line += " owner:\(owner)" }
    if let priority = item.priority { line += " priority:\(priority.rawValue)" }
    return line
  }

  /// Text as a YAML scalar: plain when that reads back the same, else double-quoted.
  ///
  /// Decided over Unicode scalars, never `Character`s: `"\r\n"` or a quote with a combining
  /// mark is one `Character`, and would hide a break or a quote from a test on `Character`s.
  static func yamlText(_ text: String) -> String {
    // Plain only for words and spaces that start with a letter and no YAML reader would
    // take for anything but text.
    let scalars = text.unicodeScalars
    let plainSafe =
      scalars.first.map(isLetter) == true
      && scalars.last.map { isLetter($0) || isNumber($0) || isMark($0) || $0 == ")" || $0 == "." } == true
      && scalars.allSatisfy { isLetter($0) || isNumber($0) || isMark($0) || plainPunctuation.contains($0) }
      && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
    // A JSON string is a valid YAML double-quoted scalar.
    return plainSafe ? text : JSONText.string(text)
  }

  /// The punctuation a plain scalar may hold after its first letter: none of it starts a
  /// comment, a mapping or a flow collection there.
  private static let plainPunctuation: Set<Unicode.Scalar> = [" ", ".", "-", "'", "(", ")", ",", "&", "/"]

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

  private static func isNumber(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType != nil }

  /// A combining mark, which belongs to the letter before it ("e" + U+0301).
  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }
}
