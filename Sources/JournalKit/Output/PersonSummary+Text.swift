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
    if let last = lastSession, let days = daysSinceLast {
      var value = "\(last), \(days) day\(days == 1 ? "" : "s") ago"
      if let cadence = profile?.cadence, let due = checkInDue {
        value += due < today ? style.yellow("; cadence \(cadence), overdue since \(due)") : "; cadence \(cadence)"
      }
      row("last session", value)
    }
    if let followUp = nextFollowUp {
      row("follow-up", followUp < today ? style.yellow("\(followUp) (missed)") : "\(followUp)")
    }
    row("feedback", "\(strengths) strength\(strengths == 1 ? "" : "s"), \(improvements) improvement\(improvements == 1 ? "" : "s")")
    var actions = "\(openActions.count) open, \(doneActions) done"
    if overdueActions > 0 { actions += ", " + style.yellow("\(overdueActions) overdue") }
    if let rate = completionRate { actions += " (\(Int((rate * 100).rounded()))% complete)" }
    row("actions", actions)
    for action in openActions {
      var detail = "- [ ] \(shown(action.item.text))"
      if let owner = action.item.owner { detail += " · \(shown(owner))" }
      if let due = action.item.due { detail += due < today ? style.yellow(" · due \(due)") : " · due \(due)" }
      lines.append("    " + detail)
    }
    for goal in goals {
      let values = goal.values.map { JSONText.number($0.value) }.joined(separator: " → ")
      var value = "\(shown(goal.goal.id)): "
      value += values.isEmpty ? "no values yet" : Sparkline.text(goal.values.map(\.value)) + "  " + values
      if let target = goal.goal.target { value += " (target \(JSONText.number(target)))" }
      if let progress = goal.progress { value += ", \(Int((progress * 100).rounded()))% of the way" }
      row("goal", value)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  /// The text followed by spaces up to `width`, and always at least one.
  public func padding(to width: Int) -> String {
    self + String(repeating: " ", count: max(1, width - count))
  }
}

/// A metric's values as block characters, lowest `▁` to highest `█`.
enum Sparkline {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  static func text(_ values: [Double]) -> String {
    guard let low = values.min(), let high = values.max() else { return "" }
    guard high > low else { return String(repeating: blocks[3], count: values.count) }
    return String(values.map { blocks[Int(((($0 - low) / (high - low)) * 7).rounded())] })
  }
}
