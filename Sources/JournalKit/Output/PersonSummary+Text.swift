import JournalModel

extension PersonSummary {
  /// A few aligned lines for the terminal.
  public func text(today: Day, style: Style) -> String {
    let shown = { TerminalText.visible($0) }
    var header = style.bold(shown(displayName))
    if let role = profile?.role { header += style.dim(" · \(shown(role))") }
    var lines = [header]
    func row(_ label: String, _ value: String) {
      lines.append("  " + label.padding(to: 14) + value)
    }
    row("sessions", sessionsText)
    if !unreadSessions.isEmpty { row("not read", style.yellow(Self.unreadText(unreadSessions.map(shown)))) }
    if !selfAssessments.isEmpty { row("self-assessed", selfAssessmentsText) }
    if let last = lastSession {
      var value = "\(last), \(Wording.relative(last, to: today))"
      if let cadence = profile?.cadence, let due = checkInDue {
        value += due < today ? style.yellow("; cadence \(cadence), overdue since \(due)") : "; cadence \(cadence)"
      }
      row("last session", value)
    }
    if let followUp = nextFollowUp {
      row("follow-up", followUp < today ? style.yellow("\(followUp) (missed)") : "\(followUp)")
    }
    row("feedback", Wording.count(strengths, "strength") + ", " + Wording.count(improvements, "improvement"))
    var actions = "\(openActions.count) open, \(doneActions) done"
    if overdueActions > 0 { actions += ", " + style.yellow("\(overdueActions) overdue") }
    if let rate = completionRate { actions += " (\(Int((rate * 100).rounded()))% complete)" }
    row("actions", actions)
    for action in openActions { lines.append("    " + Timeline.openAction(action, today: today, style: style)) }
    for goal in goals {
      let values = goal.values.map { JSONText.number($0.value) }.joined(separator: " → ")
      var value = "\(shown(goal.goal.id)): "
      value += values.isEmpty ? "no values yet" : Sparkline.text(goal.values.map(\.value), baseline: goal.goal.baseline) + "  " + values
      let ends = [goal.goal.baseline.map { "baseline \(JSONText.number($0))" }, goal.goal.target.map { "target \(JSONText.number($0))" }]
        .compactMap { $0 }
      if !ends.isEmpty { value += " (" + ends.joined(separator: ", ") + ")" }
      if let progress = goal.progressText { value += ", " + progress }
      row("goal", value)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// "mentees/sam/sessions/2026-11-17.md (`journal check` says why)": the session files the
  /// figures leave out, as the text and Markdown reports name them.
  static func unreadText(_ files: [String]) -> String {
    files.joined(separator: ", ") + " (`journal check` says why)"
  }
}

extension String {
  /// The text followed by spaces up to `width`, and always at least one.
  public func padding(to width: Int) -> String {
    self + String(repeating: " ", count: max(1, width - count))
  }
}

/// A metric's values as block characters, lowest `▁` to highest `█`; the baseline, when the
/// goal has one, comes first and apart (`▇ █▆▃▁`), on the same scale as the values.
enum Sparkline {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  static func text(_ values: [Double], baseline: Double? = nil) -> String {
    let all = (baseline.map { [$0] } ?? []) + values
    guard let low = all.min(), let high = all.max() else { return "" }
    let block = { (value: Double) -> Character in
      high > low ? blocks[Int((((value - low) / (high - low)) * 7).rounded())] : blocks[3]
    }
    return (baseline.map { "\(block($0)) " } ?? "") + String(values.map(block))
  }
}
