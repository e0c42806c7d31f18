import JournalModel

/// `journal log`'s two formats.
public enum HistoryText {
  public static func text(_ entries: [History.Entry], style: Style) -> String {
    if entries.isEmpty { return "no commits touch these notes yet\n" }
    return entries.map { entry in
      var out = style.yellow(String(entry.commit.prefix(7))) + " " + date(entry) + " "
      out += style.bold(TerminalText.visible(entry.author)) + "  " + TerminalText.visible(entry.summary) + "\n"
      for change in entry.changes {
        out += "    " + change.kind.rawValue.padding(to: 9) + TerminalText.visible(change.path) + "\n"
      }
      return out
    }.joined()
  }

  /// `[{"commit","author","email","date","summary","changes":[{"change","path","person"}]}]`.
  public static func json(_ entries: [History.Entry]) -> String {
    JSONText.array(
      entries.map { entry in
        JSONText.object([
          ("commit", JSONText.string(entry.commit)),
          ("author", JSONText.string(entry.author)),
          ("email", JSONText.string(entry.email)),
          ("date", JSONText.string(date(entry))),
          ("summary", JSONText.string(entry.summary)),
          (
            "changes",
            JSONText.array(
              entry.changes.map { change in
                JSONText.object([
                  ("change", JSONText.string(change.kind.rawValue)),
                  ("path", JSONText.string(change.path)),
                  ("person", change.person.map(JSONText.string) ?? "null"),
                ])
              })
          ),
        ])
      }) + "\n"
  }

  /// The author's local date: the commit time in the author's own offset.
  static func date(_ entry: History.Entry) -> String {
    let seconds = entry.time + Int64(entry.offset) * 60
    let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    return Day(ordinal: days).description
  }
}
