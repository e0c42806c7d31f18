import JournalModel

extension JournalSummary {
  /// One self-contained page: no script, no external font, image or style sheet. Each person
  /// is a section that starts a new printed page; charts are inline SVG.
  public func html() -> String {
    let pageTitle = HTMLText.escape(title ?? "Journal summary")
    var out = HTMLText.pageStart(title: "\(title ?? "Journal summary") — \(today)", css: Self.css)
    out += """
      <header>
      <h1>\(pageTitle)</h1>
      <p class="as-of">As of \(today)\(since.map { ", sessions since \($0)" } ?? "")\(until.map { ", until \($0)" } ?? "").</p>
      <table class="totals"><thead><tr><th>people</th><th>sessions</th><th>strengths</th><th>improvements</th><th>open actions</th><th>overdue actions</th></tr></thead>
      <tbody><tr><td>\(people.count)</td><td>\(sessionCount)</td><td>\(strengthCount)</td><td>\(improvementCount)</td><td>\(openActionCount)</td><td>\(overdueActionCount)</td></tr></tbody></table>

      """
    if !attention.isEmpty {
      out += "<section class=\"attention\"><h2>Needs attention</h2><ul>\n"
      for person in attention {
        out += "<li><a href=\"#person-\(SafeName.encode(person.person))\">\(HTMLText.escape(person.name))</a><ul>"
        out += person.reasons.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></li>\n"
      }
      out += "</ul></section>\n"
    }
    if !waiting.isEmpty {
      out += "<section class=\"waiting\"><h2>Candidates waiting for feedback</h2><ul>\n"
      for wait in waiting {
        out += "<li><a href=\"#person-\(SafeName.encode(wait.person))\">\(HTMLText.escape(wait.name))</a>: interviewed \(wait.interview), "
          + Wording.count(wait.days, "day") + " ago" + (wait.isOverdue ? " (over the limit of \(wait.limit))" : "") + "</li>\n"
      }
      out += "</ul></section>\n"
    }
    out += "<nav><h2>People</h2><ul>"
    out += people.map { "<li><a href=\"#person-\(SafeName.encode($0.id))\">\(HTMLText.escape($0.displayName))</a></li>" }.joined()
    out += "</ul></nav>\n</header>\n"
    out += people.concurrentMap { section($0) }.joined()
    return out + "</body>\n</html>\n"
  }

  private func section(_ person: PersonSummary) -> String {
    var out = "<section class=\"person\" id=\"person-\(SafeName.encode(person.id))\">\n<h2>\(HTMLText.escape(person.displayName))</h2>\n"
    if let role = person.profile?.role { out += "<p class=\"role\">\(HTMLText.escape(role))</p>\n" }
    out += "<dl class=\"facts\">"
    out += "<dt>sessions</dt><dd>\(person.sessionsText)</dd>"
    if !person.unreadSessions.isEmpty {
      let files = person.unreadSessions.map(HTMLText.escape).joined(separator: ", ")
      out += "<dt>not read</dt><dd>\(files) (<code>journal check</code> says why)</dd>"
    }
    if !person.selfAssessments.isEmpty { out += "<dt>self-assessed</dt><dd>\(person.selfAssessmentsText)</dd>" }
    if let last = person.lastSession {
      var value = "\(last), \(Wording.relative(last, to: today))"
      if let cadence = person.profile?.cadence, let due = person.checkInDue {
        value += "; cadence \(cadence)" + (due < today ? ", <strong class=\"late\">check-in overdue since \(due)</strong>" : "")
      }
      out += "<dt>last session</dt><dd>\(value)</dd>"
    }
    if let followUp = person.nextFollowUp {
      out += "<dt>next follow-up</dt><dd>" + (followUp < today ? "<strong class=\"late\">\(followUp), missed</strong>" : "\(followUp)") + "</dd>"
    }
    out += "<dt>feedback</dt><dd>\(Wording.count(person.strengths, "strength")), \(Wording.count(person.improvements, "improvement"))</dd>"
    var actions = "\(person.openActions.count) open, \(person.doneActions) done"
    if person.overdueActions > 0 { actions += ", <strong class=\"late\">\(person.overdueActions) overdue</strong>" }
    if let rate = person.completionRate { actions += " (\(Int((rate * 100).rounded()))% complete)" }
    out += "<dt>actions</dt><dd>\(actions)</dd></dl>\n"

    if !person.openActions.isEmpty {
      out += "<h3>Open actions</h3><ul class=\"actions\">"
      for action in person.openActions {
        var line = HTMLText.escape(action.item.text)
        if let owner = action.item.owner { line += " <span class=\"owner\">· \(HTMLText.escape(owner))</span>" }
        if let due = action.item.due {
          line += due < today ? " <strong class=\"late\">· due \(due)</strong>" : " <span class=\"due\">· due \(due)</span>"
        }
        out += "<li>\(line)</li>"
      }
      out += "</ul>\n"
    }
    out += "<div class=\"charts\">\n"
    for goal in person.goals where !goal.values.isEmpty {
      var caption = HTMLText.escape(goal.goal.description)
      if let progress = goal.progressText { caption += " — " + progress }
      out += "<figure>" + SVGChart.metric(goal.values, baseline: goal.goal.baseline, target: goal.goal.target, label: "\(goal.goal.metric ?? goal.goal.id) over time")
      out += "<figcaption>\(caption)</figcaption></figure>\n"
    }
    let months = person.sessionsByMonth
    if !months.isEmpty {
      out += "<figure>" + SVGChart.bars(months.map(\.month), months.map(\.count), labels: ("sessions", nil), title: "sessions per month")
      out += "<figcaption>Sessions per month</figcaption></figure>\n"
    }
    let flow = person.actionFlow
    if !flow.isEmpty {
      out += "<figure>" + SVGChart.bars(flow.map(\.month), flow.map(\.opened), flow.map(\.closed), labels: ("opened", "closed"), title: "actions opened and closed per month")
      out += "<figcaption>Actions opened <span class=\"key opened\"></span> and closed <span class=\"key closed\"></span> per month</figcaption></figure>\n"
    }
    return out + "</div>\n</section>\n"
  }

  static let css = """
    :root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d5dae3; --accent: #2f6fdb; --late: #b3261e; --second: #8fb3ee; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
    h1 { margin-bottom: 0.2rem; } .as-of, .role { color: var(--muted); margin-top: 0; }
    table.totals { border-collapse: collapse; margin: 1rem 0; } table.totals th, table.totals td { border: 1px solid var(--line); padding: 0.3rem 0.7rem; text-align: right; }
    table.totals th { font-weight: 600; color: var(--muted); }
    nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
    a { color: var(--accent); } .late { color: var(--late); } .owner, .due { color: var(--muted); }
    section.person { border-top: 2px solid var(--line); margin-top: 2rem; padding-top: 0.5rem; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
    figure { margin: 0; } figcaption { color: var(--muted); font-size: 0.9em; }
    svg.chart { width: 100%; height: auto; } svg.chart text { font: 11px system-ui, sans-serif; fill: var(--muted); }
    .axis { stroke: var(--line); } .series { fill: none; stroke: var(--accent); stroke-width: 2; } .point { fill: var(--accent); }
    .target { stroke: var(--late); stroke-dasharray: 6 4; } .baseline { stroke: var(--muted); stroke-dasharray: 2 3; }
    .bar { fill: var(--accent); } .bar.second { fill: var(--second); }
    .key { display: inline-block; width: 0.8em; height: 0.8em; vertical-align: middle; } .key.opened { background: var(--accent); } .key.closed { background: var(--second); }
    @media print { body { margin: 0; max-width: none; font-size: 12px; } nav { display: none; } .charts { grid-template-columns: repeat(2, 1fr); } section.person { break-before: page; border-top: none; } figure { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
    """
}
