import JournalModel

/// The formats the reports print: `journal summary` and `journal debrief`.
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, markdown, json, html
}

extension JournalSummary {
  public func render(_ format: ReportFormat, style: Style = .plain) -> String {
    switch format {
    case .text: text(style: style)
    case .markdown: markdown()
    case .json: json()
    case .html: html()
    }
  }

  /// Aligned columns for the terminal: totals, who needs attention, then each person.
  public func text(style: Style) -> String {
    let shown = { TerminalText.visible($0) }
    var out = ""
    if let title { out += style.bold(shown(title)) + " — \(today)\n" }
    out += Wording.count(people.count, "person", "people") + ", " + Wording.count(sessionCount, "session")
    out += ", " + Wording.count(openActionCount, "open action")
    if overdueActionCount > 0 { out += " (" + style.yellow("\(overdueActionCount) overdue") + ")" }
    if unreadSessionCount > 0 { out += ", " + style.yellow(Wording.count(unreadSessionCount, "session") + " not read") }
    out += "\n"
    if !attention.isEmpty {
      out += "\n" + style.bold("Needs attention") + "\n"
      for person in attention {
        out += "  " + style.yellow(shown(person.name)) + "\n"
        out += person.reasons.map { "    - \(shown($0))\n" }.joined()
      }
    }
    if !waiting.isEmpty {
      out += "\n" + style.bold("Candidates waiting for feedback") + "\n"
      for wait in waiting {
        let line = "  \(shown(wait.name)): interviewed \(wait.interview), \(Wording.count(wait.days, "day")) ago"
        out += (wait.isOverdue ? style.yellow(line + " (limit \(wait.limit))") : line) + "\n"
      }
    }
    return out + "\n" + people.concurrentMap { $0.text(today: today, style: style) }.joined(separator: "\n")
  }

  /// A page that reads well committed or pasted into a pull request.
  public func markdown() -> String {
    let cell = MarkdownText.escape
    var out = "# \(cell(title ?? "Journal summary"))\n\n"
    out += "As of \(today)"
    if let since { out += ", sessions since \(since)" }
    if let until { out += ", until \(until)" }
    out += ".\n\n"
    var totals = MarkdownTable(
      ["people", "sessions", "strengths", "improvements", "open actions", "overdue actions"].map { ($0, .right) })
    totals.add(
      [people.count, sessionCount, strengthCount, improvementCount, openActionCount, overdueActionCount].map(String.init))
    out += totals.text
    if !attention.isEmpty {
      out += "\n## Needs attention\n\n"
      for person in attention {
        out += "- **\(cell(person.name))**: " + person.reasons.map(cell).joined(separator: "; ") + "\n"
      }
    }
    if !waiting.isEmpty {
      out += "\n## Candidates waiting for feedback\n\n"
      for wait in waiting {
        out += "- **\(cell(wait.name))**: interviewed \(wait.interview), \(Wording.count(wait.days, "day")) ago"
        out += (wait.isOverdue ? " (over the limit of \(wait.limit))" : "") + "\n"
      }
    }
    for person in people {
      out += "\n## \(cell(person.displayName))\n\n"
      if let role = person.profile?.role { out += "\(cell(role))\n\n" }
      var standing = MarkdownTable("", "")
      standing.add("sessions", person.sessionsText)
      if !person.unreadSessions.isEmpty {
        standing.add("not read", PersonSummary.unreadText(person.unreadSessions.map(cell)))
      }
      if !person.selfAssessments.isEmpty { standing.add("self-assessed", person.selfAssessmentsText) }
      if let last = person.lastSession {
        var text = "\(last), \(Wording.relative(last, to: today))"
        if let cadence = person.profile?.cadence, let due = person.checkInDue {
          text += "; cadence \(cadence)" + (due < today ? ", **check-in overdue since \(due)**" : "")
        }
        standing.add("last session", text)
      }
      if let followUp = person.nextFollowUp {
        standing.add("next follow-up", "\(followUp)\(followUp < today ? " **(missed)**" : "")")
      }
      standing.add(
        "feedback", "\(Wording.count(person.strengths, "strength")), \(Wording.count(person.improvements, "improvement"))")
      var actions = "\(person.openActions.count) open, \(person.doneActions) done"
      if person.overdueActions > 0 { actions += ", **\(person.overdueActions) overdue**" }
      if let rate = person.completionRate { actions += " (\(Int((rate * 100).rounded()))% complete)" }
      standing.add("actions", actions)
      out += standing.text
      if !person.openActions.isEmpty {
        out += "\nOpen actions:\n\n"
        for action in person.openActions {
          out += "- [ ] \(cell(action.item.text))"
          if let owner = action.item.owner { out += " — \(cell(owner))" }
          if let due = action.item.due { out += due < today ? ", **due \(due)**" : ", due \(due)" }
          out += "\n"
        }
      }
      if !person.goals.isEmpty {
        var goals = MarkdownTable([
          ("goal", .left), ("baseline", .right), ("values", .left), ("target", .right), ("progress", .right),
        ])
        for goal in person.goals {
          let values = goal.values.map { "\(JSONText.number($0.value)) (\($0.day))" }.joined(separator: ", ")
          goals.add(
            cell(goal.goal.description), goal.goal.baseline.map(JSONText.number) ?? "", values,
            goal.goal.target.map(JSONText.number) ?? "",
            goal.progress.map { $0 >= 1 ? "reached" : "\(Int(($0 * 100).rounded()))%" } ?? "")
        }
        out += "\n" + goals.text
      }
    }
    return out
  }

  /// The shape documented in docs/summary.md; fields are added, never renamed or removed.
  public func json() -> String {
    func day(_ value: Day?) -> String { value.map { JSONText.string($0.description) } ?? "null" }
    func number(_ value: Double?) -> String { value.map(JSONText.number) ?? "null" }
    func string(_ value: String?) -> String { JSONText.optional(value) }
    let peopleJSON = people.map { person -> String in
      let actions = JSONText.object([
        ("open", String(person.openActions.count)), ("done", String(person.doneActions)),
        ("dropped", String(person.droppedActions)), ("overdue", String(person.overdueActions)),
        ("completionRate", number(person.completionRate)),
        (
          "byMonth",
          JSONText.object(
            person.actionFlow.map {
              ($0.month, JSONText.object([("opened", String($0.opened)), ("closed", String($0.closed))]))
            })
        ),
        (
          "openItems",
          JSONText.array(
            person.openActions.map { action in
              JSONText.object([
                ("text", JSONText.string(action.item.text)), ("owner", string(action.item.owner)),
                ("due", day(action.item.due)), ("priority", string(action.item.priority?.rawValue)),
                ("overdue", (action.item.due.map { $0 < today } ?? false) ? "true" : "false"),
                ("file", JSONText.string(action.file)),
              ])
            })
        ),
      ])
      let goals = person.goals.map { goal in
        JSONText.object([
          ("plan", JSONText.string(goal.plan)), ("id", JSONText.string(goal.goal.id)),
          ("description", JSONText.string(goal.goal.description)),
          ("metric", string(goal.goal.metric)), ("baseline", number(goal.goal.baseline)),
          ("target", number(goal.goal.target)), ("due", day(goal.goal.due)),
          (
            "values",
            JSONText.array(
              goal.values.map {
                JSONText.object([("date", day($0.day)), ("value", JSONText.number($0.value))])
              })
          ),
          ("latest", number(goal.values.last?.value)), ("progress", number(goal.progress)),
          ("reached", goal.reached.map { $0 ? "true" : "false" } ?? "null"),
        ])
      }
      let byType = JSONText.object(
        SessionType.allCases.map { ($0.rawValue, String(person.sessions(of: $0))) })
      let byMonth = JSONText.object(person.sessionsByMonth.map { ($0.month, String($0.count)) })
      return JSONText.object([
        ("id", JSONText.string(person.id)), ("name", JSONText.string(person.displayName)),
        ("role", string(person.profile?.role)),
        ("relationship", string(person.profile?.relationship?.rawValue)),
        ("sessions", JSONText.object([("total", String(person.sessionCount)), ("byType", byType), ("byMonth", byMonth)])),
        ("lastSession", day(person.lastSession)),
        ("daysSinceLastSession", person.daysSinceLast.map(String.init) ?? "null"),
        ("cadence", string(person.profile?.cadence?.description)),
        ("checkInDue", day(person.checkInDue)),
        ("nextFollowUp", day(person.nextFollowUp)),
        ("feedback", JSONText.object([("strengths", String(person.strengths)), ("improvements", String(person.improvements))])),
        ("actions", actions),
        ("goals", JSONText.array(goals)),
        ("unreadSessions", JSONText.array(person.unreadSessions.map(JSONText.string))),
        (
          "selfAssessments",
          JSONText.array(
            person.selfAssessments.map { JSONText.object([("date", day($0.day)), ("file", JSONText.string($0.file))]) })
        ),
      ])
    }
    return JSONText.object([
      ("version", "1"), ("title", string(title)), ("today", day(today)), ("since", day(since)),
      ("until", day(until)),
      (
        "totals",
        JSONText.object([
          ("people", String(people.count)), ("sessions", String(sessionCount)),
          ("strengths", String(strengthCount)), ("improvements", String(improvementCount)),
          ("openActions", String(openActionCount)), ("doneActions", String(doneActionCount)),
          ("overdueActions", String(overdueActionCount)), ("unreadSessions", String(unreadSessionCount)),
        ])
      ),
      (
        "attention",
        JSONText.array(
          attention.map {
            JSONText.object([
              ("id", JSONText.string($0.person)), ("name", JSONText.string($0.name)),
              ("reasons", JSONText.array($0.reasons.map(JSONText.string))),
            ])
          })
      ),
      (
        "waitingForFeedback",
        JSONText.array(
          waiting.map {
            JSONText.object([
              ("id", JSONText.string($0.person)), ("name", JSONText.string($0.name)),
              ("interview", day($0.interview)), ("days", String($0.days)), ("limit", String($0.limit)),
              ("overdue", JSONText.bool($0.isOverdue)),
            ])
          })
      ),
      ("people", JSONText.array(peopleJSON)),
    ]) + "\n"
  }
}
