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
  /// compared as bytes. Every file of a journal is classified, so the path is read in one pass
  /// over its bytes, keeping only the parts a kind is told by.
  public static func classify(_ path: String) -> FileKind {
    var path = path
    return path.withUTF8(classify)
  }

  private static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> FileKind {
    if TextBytes.equals(bytes, 0..<bytes.count, "journal.yml") { return .config }
    // The first three parts, the last, and how many there are.
    var parts: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)
    var count = 0
    var start = 0
    var name = 0..<0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
      let part = start..<index
      // A hidden part, file or folder, hides the file.
      if !part.isEmpty && bytes[start] == UInt8(ascii: ".") { return .ignored }
      switch count {
      case 0: parts.0 = part
      case 1: parts.1 = part
      case 2: parts.2 = part
      default: break
      }
      count += 1
      name = part
      start = index + 1
    }
    guard count >= 2, TextBytes.equals(bytes, parts.0, "mentees") else { return .ignored }
    let folder = parts.2
    guard name.count >= 3, TextBytes.equals(bytes, name.upperBound - 3..<name.upperBound, ".md") else {
      // `sessions/` and `plans/` hold only notes: a file there under another name is reported.
      if count == 4 && (TextBytes.equals(bytes, folder, "sessions") || TextBytes.equals(bytes, folder, "plans")) {
        return .misplaced
      }
      // Elsewhere, a note saved under another extension is judged as the `.md` it was meant to
      // be (reported, or unread in `private/`), and never read; anything else is an attachment.
      let written = TextBytes.string(bytes, name)
      guard let meant = intendedNoteName(written[...], inPersonFolder: count == 3) else { return .ignored }
      switch classify(TextBytes.string(bytes, 0..<name.lowerBound) + meant) {
      case .ignored, .privateNote: return .ignored
      default: return .misplaced
      }
    }
    guard count >= 3 else { return .misplaced }
    let person = TextBytes.string(bytes, parts.1)
    if TextBytes.equals(bytes, folder, "private") { return .privateNote(person: person) }
    switch count {
    case 3 where TextBytes.equals(bytes, name, "profile.md"):
      return .profile(person: person)
    case 4 where TextBytes.equals(bytes, folder, "sessions"):
      return .session(person: person, date: Day(isoBytes: bytes[name.lowerBound..<min(name.lowerBound + 10, name.upperBound)]))
    case 4 where TextBytes.equals(bytes, folder, "plans"):
      return .plan(person: person, slug: TextBytes.string(bytes, name.lowerBound..<name.upperBound - 3))
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

  /// The nearest valid id to `text` ("Alex Kim" → `alex-kim`), `person` when nothing is left.
  public static func suggestedID(_ text: String) -> String {
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
