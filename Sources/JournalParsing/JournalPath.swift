import JournalModel
import JournalRules

/// What a file is, judged by where it sits in the journal.
public enum FileKind: Sendable, Equatable {
  /// `journal.yml`.
  case config
  /// `mentees/<id>/profile.md`.
  case profile(person: String)
  /// `mentees/<id>/sessions/YYYY-MM-DD[-slug].md`; `date` is nil when the name is malformed.
  case session(person: String, date: Day?)
  /// `mentees/<id>/plans/<slug>.md`.
  case plan(person: String, slug: String)
  /// Under `mentees/<id>/private/`: the mentor's own notes, never read.
  case privateNote(person: String)
  /// A Markdown file where none belongs, such as `mentees/<id>/notes.md`.
  case misplaced
  /// Anything else: attachments, files outside `mentees/`, hidden files.
  case ignored
}

public enum JournalPath {
  public static let configName = "journal.yml"
  public static let peopleFolder = "mentees"

  /// Classifies a path relative to the journal folder, with `/` separators, split and
  /// compared as bytes.
  public static func classify(_ path: String) -> FileKind {
    if path.utf8.elementsEqual(configName.utf8) { return .config }
    let parts = components(of: path, omittingEmpty: false)
    guard parts.count >= 2, same(parts[0], peopleFolder) else { return .ignored }
    if parts.contains(where: isHidden) { return .ignored }
    guard let name = parts.last else { return .ignored }
    guard name.utf8.suffix(3).elementsEqual(".md".utf8) else {
      // `sessions/` and `plans/` hold only notes: a file there under another name is reported.
      if parts.count == 4 && (same(parts[2], "sessions") || same(parts[2], "plans")) { return .misplaced }
      // Elsewhere, a note saved under another extension is judged as the `.md` it was meant to
      // be (reported, or unread in `private/`), and never read; anything else is an attachment.
      guard let meant = intendedNoteName(name, inPersonFolder: parts.count == 3) else { return .ignored }
      switch classify((parts.dropLast().map(String.init) + [meant]).joined(separator: "/")) {
      case .ignored, .privateNote: return .ignored
      default: return .misplaced
      }
    }
    guard parts.count >= 3 else { return .misplaced }
    let person = String(parts[1])
    if same(parts[2], "private") { return .privateNote(person: person) }
    switch parts.count {
    case 3 where same(name, "profile.md"):
      return .profile(person: person)
    case 4 where same(parts[2], "sessions"):
      return .session(person: person, date: Day(isoBytes: name.utf8.prefix(10)))
    case 4 where same(parts[2], "plans"):
      return .plan(person: person, slug: String(decoding: name.utf8.dropLast(3), as: UTF8.self))
    default:
      return .misplaced
    }
  }

  /// Problems with a file's name, for the `file-name` rule; `date` is a session's `date`,
  /// which tells what a name with an ambiguous date was meant to be.
  public static func nameProblems(_ path: String, kind: FileKind, date given: Day? = nil) -> [Diagnostic] {
    func problem(_ message: RuleMessage) -> Diagnostic { Diagnostic(message, file: path, at: .start) }
    var problems: [Diagnostic] = []
    let name = String(lastComponent(of: path))
    switch kind {
    case .profile(let person), .session(let person, _), .plan(let person, _):
      if !Person.isValidID(person) {
        problems.append(
          problem(FileNameRule.personFolderNotAnID(person, suggested: suggestedID(person))))
      }
    default: break
    }
    switch kind {
    case .session(_, let date):
      let stem = name.utf8.dropLast(3)
      let datePart = String(decoding: stem.prefix(10), as: UTF8.self)
      let slug = String(decoding: stem.dropFirst(10), as: UTF8.self)
      if date == nil {
        let intended = intendedSessionName(stem: name[..<name.utf8.index(name.utf8.endIndex, offsetBy: -3)], date: given)
        if let rename = intended.name {
          problems.append(problem(FileNameRule.sessionDateMiswritten(name, rename: rename)))
        } else if !intended.readings.isEmpty {
          problems.append(problem(FileNameRule.sessionDateAmbiguous(name, readings: intended.readings)))
        } else {
          problems.append(
            problem(
              Day.looksLikeDate(datePart)
                ? FileNameRule.sessionDateNotReal(datePart) : FileNameRule.sessionWithoutDate(name)))
        }
      } else if !slug.isEmpty && !(slug.utf8.first == UInt8(ascii: "-") && Person.isValidID(utf8: slug.utf8.dropFirst())) {
        problems.append(
          problem(FileNameRule.malformedSuffix(name)))
      }
    case .plan(_, let slug):
      if !Person.isValidID(slug) {
        problems.append(
          problem(FileNameRule.planNotASlug(slug, suggested: suggestedID(slug))))
      }
    case .misplaced where !name.utf8.suffix(3).elementsEqual(".md".utf8):
      problems.append(misnamedNote(path, name: name[...]))
    case .misplaced:
      problems.append(
        problem(FileNameRule.misplaced(name)))
    default: break
    }
    return problems
  }

  static func suggestedID(_ text: String) -> String {
    var result = ""
    for character in text.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        result.append(character)
      } else if result.last != "-" {
        result.append("-")
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    while result.hasPrefix("-") { result.removeFirst() }
    return result.isEmpty ? "person" : result
  }
}
