import JournalModel

/// Exports for the tools people already use: actions as CSV, follow-ups and due dates as
/// iCalendar events, and both as JSON for scripts.
public enum Export {
  /// Every action once, in its latest state, named where it was last written (RFC 4180:
  /// CRLF, quoted where needed, no cell a spreadsheet would run as a formula).
  public static func actionsCSV(_ journal: Journal) -> String {
    var rows = [["person", "name", "status", "action", "owner", "due", "priority", "file", "line"]]
    for person in journal.people {
      for action in person.writtenActions {
        rows.append([
          person.id, person.displayName, action.item.status.rawValue, action.item.text,
          action.item.owner ?? "", action.item.due?.description ?? "",
          action.item.priority?.rawValue ?? "", action.file, String(action.item.location.line),
        ])
      }
    }
    return rows.map(CSVText.row).joined()
  }

  /// Every action once, in its latest state, as the JSON object docs/export.md describes;
  /// `overdue` is judged on `today`.
  public static func actionsJSON(_ journal: Journal, today: Day) -> String {
    let actions = journal.people.flatMap { person in
      person.writtenActions.map { action in
        JSONText.object([
          ("person", JSONText.string(person.id)), ("name", JSONText.string(person.displayName)),
          ("status", JSONText.string(action.item.status.rawValue)), ("text", JSONText.string(action.item.text)),
          ("owner", JSONText.optional(action.item.owner)), ("due", JSONText.optional(action.item.due?.description)),
          ("priority", JSONText.optional(action.item.priority?.rawValue)),
          ("overdue", JSONText.bool(action.item.status == .open && action.item.due.map { $0 < today } == true)),
          ("file", JSONText.string(action.file)), ("line", String(action.item.location.line)),
        ])
      }
    }
    return JSONText.object([
      ("version", "1"), ("today", JSONText.string(today.description)), ("actions", JSONText.array(actions)),
    ]) + "\n"
  }

  /// A day in someone's calendar: a follow-up agreed in a session, or an open action's due
  /// date. The one list both the iCalendar and the JSON export are made from.
  struct CalendarEvent {
    enum Kind: String { case followUp = "follow-up", due }
    let kind: Kind
    let uid: String
    let person: PersonRecord
    let day: Day
    let summary: String
    let description: String?
    let file: String
  }

  static func calendarEvents(_ journal: Journal) -> [CalendarEvent] {
    var events: [CalendarEvent] = []
    for person in journal.people {
      let open = person.writtenActions.filter { $0.item.status == .open }
      // A session only prepared agrees on nothing: the follow-up is the last written one's.
      if let last = person.lastWrittenSession, let followUp = last.followUp {
        let agenda = open.map { "- " + $0.item.text }.joined(separator: "\n")
        events.append(
          CalendarEvent(
            kind: .followUp, uid: "follow-up-\(SafeName.encode(person.id))-\(followUp)@journal", person: person,
            day: followUp, summary: "Follow-up with \(person.displayName)",
            description: "Agreed in the session of \(last.date) (\(last.type.rawValue))."
              + (agenda.isEmpty ? "" : "\nOpen actions:\n" + agenda),
            file: last.file))
      }
      for action in open {
        guard let due = action.item.due else { continue }
        events.append(
          CalendarEvent(
            kind: .due, uid: "action-\(SafeName.encode(person.id))-\(hash(action.item.identity))@journal",
            person: person, day: due, summary: "Due: \(action.item.text) (\(person.displayName))",
            description: action.item.owner.map { "Owner: \($0). From \(action.file)." } ?? "From \(action.file).",
            file: action.file))
      }
    }
    return events
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
    for event in calendarEvents(journal) {
      lines += [
        "BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(compact(event.day))",
        "DTEND;VALUE=DATE:\(compact(event.day.adding(days: 1)))", "SUMMARY:\(text(event.summary))",
      ]
      if let description = event.description { lines.append("DESCRIPTION:\(text(description))") }
      lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    }
    lines.append("END:VCALENDAR")
    return lines.map(ICalendarText.fold).joined(separator: "\r\n") + "\r\n"
  }

  /// The same events as `followUpsICS`, as the JSON object docs/export.md describes; `past`
  /// says the day is before `today` (a missed follow-up, an overdue action).
  public static func followUpsJSON(_ journal: Journal, today: Day) -> String {
    let events = calendarEvents(journal).map { event in
      JSONText.object([
        ("uid", JSONText.string(event.uid)), ("kind", JSONText.string(event.kind.rawValue)),
        ("person", JSONText.string(event.person.id)), ("name", JSONText.string(event.person.displayName)),
        ("date", JSONText.string(event.day.description)), ("past", JSONText.bool(event.day < today)),
        ("summary", JSONText.string(event.summary)), ("description", JSONText.optional(event.description)),
        ("file", JSONText.string(event.file)),
      ])
    }
    return JSONText.object([
      ("version", "1"), ("title", JSONText.optional(journal.config.title)),
      ("today", JSONText.string(today.description)), ("events", JSONText.array(events)),
    ]) + "\n"
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
