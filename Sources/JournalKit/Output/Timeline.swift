import JournalModel

/// `journal show`: a person's record, newest session first.
public enum Timeline {
  public static func text(_ person: PersonRecord, today: Day, limit: Int?, style: Style) -> String {
    let shown = { TerminalText.visible($0) }
    var out = style.bold(shown(person.displayName))
    if let role = person.profile?.role { out += style.dim(" · \(shown(role))") }
    out += "\n"
    // Sessions that could not be read are not below: say so, rather than show less in silence.
    if !person.unreadSessions.isEmpty {
      out += "\n" + style.yellow("Not read") + " (`journal check` says why)\n"
      for unread in person.unreadSessions { out += "  \(shown(unread.file))\n" }
    }
    let open = person.currentActions.filter { $0.item.status == .open }
    if !open.isEmpty {
      out += "\nOpen actions\n"
      for action in open { out += "  " + openAction(action, today: today, style: style) + "\n" }
    }
    // What the person last said in their own words, to pick up from: not the placeholder of
    // a session only prepared.
    if let last = person.sessions.last(where: { $0.dialogue != nil && !person.isUntouchedTemplate($0) }),
      let dialogue = last.dialogue
    {
      out += "\nLast dialogue, \(last.date)\n"
      // Split on scalars: a CR LF is one Character and would not split at "\n".
      for line in dialogue.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
        out += line.isEmpty ? "\n" : "  " + shown(String(String.UnicodeScalarView(line))) + "\n"
      }
    }
    // Self-assessments stand beside the sessions, newest first, as the person's own words:
    // named, with the file to read, and never taken for a session held. `limit` counts
    // sessions; the self-assessments shown are those since the oldest session shown.
    let sessions = person.sessions.reversed().prefix(limit ?? Int.max)
    let since = sessions.count < person.sessions.count ? sessions.last?.date : nil
    let notes = person.selfAssessments.filter { note in since.map { note.date >= $0 } ?? true }
    let entries = (sessions.map(Entry.session) + notes.map(Entry.selfAssessment))
      .sorted { ($0.date, $0.file) > ($1.date, $1.file) }
    for entry in entries {
      let session: Session
      switch entry {
      case .session(let held): session = held
      case .selfAssessment(let note):
        out += "\n" + style.bold("\(note.date)") + " self-assessment"
        out += note.hasWriting ? style.dim(" · their own words") : style.dim(" · started, not written yet")
        out += "\n  " + shown(note.file) + "\n"
        continue
      }
      out += "\n" + style.bold("\(session.date)") + " \(session.type.rawValue)"
      // An untouched `journal new session` template was prepared, not held: `summary` leaves
      // it out of every figure, and here it is named as such, its carried-over actions shown
      // once, under the open actions.
      if person.isUntouchedTemplate(session) {
        out += style.dim(" · prepared, not written yet") + "\n"
        continue
      }
      if let project = session.project { out += " · \(shown(project))" }
      if let followUp = session.followUp { out += style.dim(" · follow-up \(followUp)") }
      out += "\n"
      for item in session.strengths { out += "  " + style.green("+") + " \(shown(item.text))\n" }
      for item in session.improvements { out += "  " + style.yellow("△") + " \(shown(item.text))\n" }
      for action in session.actions { out += "  " + shown(Templates.actionLine(action)) + "\n" }
    }
    if person.sessions.isEmpty { out += "\nno sessions yet\n" }
    return out
  }

  /// A line of the timeline: a session, or a self-assessment.
  private enum Entry {
    case session(Session)
    case selfAssessment(SelfAssessment)

    var date: Day {
      switch self {
      case .session(let session): session.date
      case .selfAssessment(let note): note.date
      }
    }

    var file: String {
      switch self {
      case .session(let session): session.file
      case .selfAssessment(let note): note.file
      }
    }
  }

  /// "- [ ] Write the runbook · sam · overdue, due 2026-11-20 (6 days ago)": an open action
  /// as `show` and the text summary list it, overdue said in words and not by colour alone.
  static func openAction(_ action: TrackedAction, today: Day, style: Style) -> String {
    var line = "- [ ] \(TerminalText.visible(action.item.text))"
    if let owner = action.item.owner { line += " · \(TerminalText.visible(owner))" }
    if let due = action.item.due {
      line += due < today ? style.yellow(" · overdue, due \(due) (\(Wording.relative(due, to: today)))") : " · due \(due)"
    }
    return line
  }
}
