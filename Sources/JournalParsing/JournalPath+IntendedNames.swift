import JournalModel
import JournalRules

/// What a note's name was meant to be, when it is not written as the format says: a date with
/// one-digit parts or another order (`2026-11-5.md`, `5-11-2026.md`), or another extension
/// (`2026-11-05.MD`, `.markdown`, `.md.txt`). Read on the name's UTF-8 bytes.
extension JournalPath {
  /// The extensions, in any case, that a note saved by an editor may end in.
  static let noteExtensions: Set<String> = markdownExtensions.union(["txt", "text"])
  /// The extensions that say a file is Markdown, in any case.
  static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"]

  /// The `.md` name a file outside `sessions/` and `plans/` was meant to have, or nil for a file
  /// of another kind: a Markdown extension in another case or spelling, maybe followed by
  /// `.txt` (`notes.markdown`, `Profile.MD`, `agenda.md.txt`), or, directly in a person's
  /// folder, the profile under any note extension or none (`profile.txt`, `profile`). A text
  /// file of another name there is an attachment, as a `.txt` beside the notes usually is.
  static func intendedNoteName(_ name: Substring, inPersonFolder: Bool) -> String? {
    guard let stem = noteStem(name) else { return nil }
    if inPersonFolder, same(stem, "profile") { return "profile.md" }
    var rest = name[stem.endIndex...]
    while let dot = rest.utf8.lastIndex(of: UInt8(ascii: ".")) {
      if markdownExtensions.contains(rest[rest.utf8.index(after: dot)...].lowercased()) { return stem + ".md" }
      rest = rest[..<dot]
    }
    return nil
  }

  /// Whether `path` is a person's profile saved under a name journal does not read
  /// (`mentees/sam/profile.MD`, `profile.txt`, `profile`), which `file-name` tells to rename
  /// to `profile.md`.
  public static func isMisnamedProfile(_ path: String) -> Bool {
    let parts = components(of: path)
    guard parts.count == 3, same(parts[0], "mentees"), let name = parts.last, !same(name, "profile.md") else {
      return false
    }
    return intendedNoteName(name, inPersonFolder: true) == "profile.md"
  }

  /// A file's name without the extensions an editor gives a note, or nil when it ends in an
  /// extension of another kind (`photo.png`): `2026-11-05.md.txt` is `2026-11-05`, and a name
  /// without a dot is itself.
  static func noteStem(_ name: Substring) -> Substring? {
    var stem = name
    var removed = 0
    while let dot = stem.utf8.lastIndex(of: UInt8(ascii: ".")), dot != stem.startIndex {
      let ext = stem[stem.utf8.index(after: dot)...]
      guard noteExtensions.contains(ext.lowercased()) else { return removed == 0 ? nil : stem }
      stem = stem[..<dot]
      removed += 1
    }
    return stem
  }

  /// The dates the start of a session file's stem can be read as (`WrittenDate.numeric`),
  /// and the rest of the stem.
  static func dateReadings(of stem: Substring) -> (days: [Day], rest: Substring) {
    let (readings, length) = TextBytes.withBytes(of: stem) { WrittenDate.numeric($0) }
    guard length > 0 else { return ([], stem) }
    return (readings.map(\.day), stem[stem.utf8.index(stem.startIndex, offsetBy: length)...])
  }

  /// A session's file name for `day`, keeping the topic written after the date.
  static func sessionName(_ day: Day, topic rest: Substring) -> String {
    let topic = rest.utf8.contains { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") && $0 != 0x20 }
    return "\(day)" + (topic ? "-" + suggestedID(String(rest)) : "") + ".md"
  }

  /// The name a session file whose stem does not start with `YYYY-MM-DD` was meant to have:
  /// the one reading of its date, or the reading that agrees with its `date`. Nil when the
  /// name holds no date, or several that nothing tells apart.
  static func intendedSessionName(stem: Substring, date: Day?) -> (name: String?, readings: [String]) {
    let (days, rest) = dateReadings(of: stem)
    let names = days.map { sessionName($0, topic: rest) }
    if let date, let index = days.firstIndex(of: date) { return (names[index], names) }
    return (date == nil && names.count == 1 ? names[0] : nil, names)
  }

  /// The finding for a file in `sessions/` or `plans/` whose name does not end in `.md`: a note
  /// saved under another extension, with the name to give it, or an attachment put there.
  /// Outside them, a note saved under another extension: the profile is told its name, any
  /// other is where no note belongs, as its `.md` would be.
  static func misnamedNote(_ path: String, name: Substring) -> Diagnostic {
    let parts = components(of: path)
    let message: RuleMessage
    if parts.count == 4, same(parts[2], "sessions") || same(parts[2], "plans") {
      let folder = String(parts[2])
      if let stem = noteStem(name) {
        let intended = folder == "plans" ? suggestedID(String(stem)) + ".md" : sessionReading(of: stem)?.name
        message = FileNameRule.notMarkdown(String(name), rename: intended)
      } else if let original = backedUpName(name) {
        message = FileNameRule.backupAmongNotes(String(name), of: String(original), folder: folder)
      } else if folder == "sessions", let session = sessionDocument(name) {
        message = FileNameRule.sessionNotAsNote(String(name), rename: session.name, personFolder: "\(parts[0])/\(parts[1])/")
      } else {
        message = FileNameRule.attachmentAmongNotes(String(name), folder: folder, personFolder: "\(parts[0])/\(parts[1])/")
      }
    } else if parts.count == 3, intendedNoteName(name, inPersonFolder: true) == "profile.md" {
      message = FileNameRule.notMarkdown(String(name), rename: "profile.md")
    } else {
      message = FileNameRule.misplaced(String(name))
    }
    return Diagnostic(message, file: path, at: .start)
  }

  /// A note saved in `sessions/` under another extension (`2026-11-18.MD`), or a file of
  /// another kind named as a session (`2026-11-18.docx`), as a session that could not be read,
  /// with the date its name gives; nil for any other file, and for a backup of a session.
  public static func misnamedSession(_ path: String) -> UnreadSession? {
    let parts = components(of: path)
    guard parts.count == 4, same(parts[2], "sessions"), let name = parts.last,
      !name.utf8.suffix(3).elementsEqual(".md".utf8)
    else { return nil }
    if let stem = noteStem(name) { return UnreadSession(file: path, date: sessionReading(of: stem)?.day) }
    guard backedUpName(name) == nil, let session = sessionDocument(name) else { return nil }
    return UnreadSession(file: path, date: session.day)
  }

  /// The note a backup was made from: an editor's (`2026-11-20.md~`, `#2026-11-20.md#`) or a
  /// merge tool's (`2026-11-20.md.orig`, `.bak` in any case); nil for any other name.
  static func backedUpName(_ name: Substring) -> Substring? {
    let bytes = name.utf8
    if bytes.count > 1, bytes.last == UInt8(ascii: "~") { return name[..<bytes.index(before: bytes.endIndex)] }
    if bytes.count > 2, bytes.first == UInt8(ascii: "#"), bytes.last == UInt8(ascii: "#") {
      return name[bytes.index(after: bytes.startIndex)..<bytes.index(before: bytes.endIndex)]
    }
    for suffix in [".orig", ".bak"] where bytes.count > suffix.utf8.count {
      let end = bytes.index(bytes.endIndex, offsetBy: -suffix.utf8.count)
      if bytes[end...].lazy.map({ $0 | 0x20 }).elementsEqual(suffix.utf8) { return name[..<end] }
    }
    return nil
  }

  /// A file of another kind whose name starts as a session's does, `YYYY-MM-DD`
  /// (`2026-11-20.docx`, `2026-11-20-Retro.PDF`): its date, and the name the session would
  /// have as a note. A date written otherwise, as cameras name photos, is not a session's.
  static func sessionDocument(_ name: Substring) -> (day: Day, name: String)? {
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), let day = Day(isoBytes: name.utf8.prefix(10)),
      name.utf8.distance(from: name.utf8.startIndex, to: dot) >= 10
    else { return nil }
    let stem = name[..<dot]
    return (day, sessionName(day, topic: stem[stem.utf8.index(stem.startIndex, offsetBy: 10)...]))
  }

  /// The one date a session stem gives, `YYYY-MM-DD` or written otherwise, and the name the
  /// session's file should have; nil when it gives none, or several.
  static func sessionReading(of stem: Substring) -> (day: Day, name: String)? {
    if let day = Day(isoBytes: stem.utf8.prefix(10)) {
      return (day, sessionName(day, topic: stem[stem.utf8.index(stem.startIndex, offsetBy: 10)...]))
    }
    let (days, rest) = dateReadings(of: stem)
    return days.count == 1 ? (days[0], sessionName(days[0], topic: rest)) : nil
  }
}

extension JournalPath {
  /// The `journal new` command that writes a note of this kind at `path` from its template;
  /// nil for a file that is not a note.
  static func newCommand(for kind: FileKind, path: String) -> String? {
    switch kind {
    case .profile(let person):
      return "journal new person \(person)"
    case .plan(let person, let slug):
      return "journal new plan \(person) \(slug)"
    case .session(let person, let date):
      guard let date else { return "journal new session \(person)" }
      let stem = components(of: path).last.flatMap(noteStem) ?? ""
      let topic = stem.utf8.count > 11 ? String(stem[stem.utf8.index(stem.startIndex, offsetBy: 11)...]) : ""
      // The name `journal new self-assessment` gives (`-self-assessment`, `-self-assessment-2`).
      if topic == SelfAssessment.type || topic.hasPrefix(SelfAssessment.type + "-") {
        return "journal new self-assessment \(person) --date \(date)"
      }
      return "journal new session \(person) --date \(date)" + (topic.isEmpty ? "" : " --slug " + topic)
    default:
      return nil
    }
  }
}
