import JournalModel

/// Exports for the tools people already use: actions as CSV, follow-ups and due dates as
/// iCalendar events.
public enum Export {
  /// Every action once, in its latest state (RFC 4180: CRLF, quoted where needed, no cell
  /// a spreadsheet would run as a formula).
  public static func actionsCSV(_ journal: Journal) -> String {
    var rows = [["person", "name", "status", "action", "owner", "due", "priority", "file", "line"]]
    for person in journal.people {
      for action in person.currentActions {
        rows.append([
          person.id, person.displayName, action.item.status.rawValue, action.item.text,
          action.item.owner ?? "", action.item.due?.description ?? "",
          action.item.priority?.rawValue ?? "", action.file, String(action.item.location.line),
        ])
      }
    }
    return rows.map(CSVText.row).joined()
  }

  /// Each person's next follow-up and each open action's due date, as all-day events
  /// (RFC 5545). UIDs are stable, so a calendar that imports the file again updates the
  /// events instead of doubling them.
  public static func followUpsICS(_ journal: Journal, today: Day) -> String {
    let text = ICalendarText.text
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//journal//journal export//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:\(text(journal.config.title ?? "journal")) follow-ups",
    ]
    let stamp = "\(compact(today))T000000Z"
    func event(uid: String, day: Day, summary: String, description: String?) {
      lines += [
        "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(compact(day))",
        "DTEND;VALUE=DATE:\(compact(day.adding(days: 1)))", "SUMMARY:\(text(summary))",
      ]
      if let description { lines.append("DESCRIPTION:\(text(description))") }
      lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    }
    for person in journal.people {
      let open = person.currentActions.filter { $0.item.status == .open }
      if let last = person.lastSession, let followUp = last.followUp {
        let agenda = open.map { "- " + $0.item.text }.joined(separator: "\n")
        event(
          uid: "follow-up-\(SafeName.encode(person.id))-\(followUp)@journal", day: followUp,
          summary: "Follow-up with \(person.displayName)",
          description: "Agreed in the session of \(last.date) (\(last.type.rawValue))."
            + (agenda.isEmpty ? "" : "\nOpen actions:\n" + agenda))
      }
      for action in open {
        guard let due = action.item.due else { continue }
        event(
          uid: "action-\(SafeName.encode(person.id))-\(hash(action.item.identity))@journal", day: due,
          summary: "Due: \(action.item.text) (\(person.displayName))",
          description: action.item.owner.map { "Owner: \($0). From \(action.file)." } ?? "From \(action.file).")
      }
    }
    lines.append("END:VCALENDAR")
    return lines.map(ICalendarText.fold).joined(separator: "\r\n") + "\r\n"
  }

  private static func compact(_ day: Day) -> String { day.description.replacing("-", with: "") }


  /// FNV-1a, for stable event ids.
  private static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    return String(value, radix: 16)
  }
}
