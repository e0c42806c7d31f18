import Foundation
import JournalGit
import JournalModel
import JournalParsing

/// `journal letter`'s use case: finds the session, checks it, and writes the letter, or says
/// which findings stand in the way.
public enum LetterRequest {
  public enum Outcome: Sendable {
    case letter(Letter, session: Session)
    /// The session's errors and vague or unbalanced feedback; `report` holds them.
    case refused(CheckReport, session: Session)
  }

  /// The letter to `personID` from `session` (a date, `date-slug`, a file name or a path of
  /// theirs), else from their latest session written (one only prepared was not held).
  public static func prepare(
    _ location: JournalLocation, personID: String, session given: String?, format: LetterFormat,
    categories: Bool, force: Bool, today: Day, sender: String? = nil
  ) throws -> Outcome {
    let source = DiskJournal(location)
    let folder = JournalPath.peopleFolder + "/" + personID
    let loaded = try JournalLoader.load(source)
    guard let person = loaded.journal.person(personID) else {
      throw JournalError.unknownPerson(personID, known: try source.listing(people: nil).people)
    }
    let session = try pick(given, of: person)
    let report = try Checker.check(source, today: today, only: [folder])
    let blockers = Letter.blockers(in: report.diagnostics, session: session)
    if !blockers.isEmpty && !force {
      return .refused(CheckReport(diagnostics: blockers, files: [session.file]), session: session)
    }
    let letter = try Letter.write(
      person: person, session: session, rubric: session.rubric.flatMap(loaded.journal.config.rubric),
      template: try LetterTemplate.forJournal(at: location.root), format: format, categories: categories,
      sender: sender, others: loaded.journal.people)
    return .letter(letter, session: session)
  }

  /// The session a name means: `2026-11-12`, `2026-11-12-onsite`, its file name or its path.
  static func pick(_ given: String?, of person: PersonRecord) throws -> Session {
    guard let given else {
      // The latest session written is the one the letter is from: one only prepared for the
      // next meeting was not held. A session that could not be read may be later, and a
      // letter from an older one would answer the wrong interview.
      let last = person.lastWrittenSession
      let unread = person.unreadSessions.filter { unread in
        guard let last else { return true }
        return unread.date.map { $0 >= last.date } ?? true
      }
      if let first = unread.first {
        throw JournalError(
          "\(first.file) could not be read, and it may be \(person.id)'s latest session: "
            + "mend it (journal check says how), or name the session to write from")
      }
      guard let last else {
        if let prepared = person.lastSession {
          throw JournalError(
            "\(person.id) has no written session to write a letter from: \(prepared.file) is prepared, not written yet")
        }
        throw JournalError("\(person.id) has no session to write a letter from")
      }
      return last
    }
    let name = stem(given)
    if let unread = person.unreadSessions.first(where: { stem($0.file) == name }) {
      throw JournalError("\(unread.file) could not be read: mend it first (journal check says how)")
    }
    let stems = person.sessions.map { ($0, stem($0.file)) }
    if let exact = stems.first(where: { $0.1 == name }) { return exact.0 }
    // A date alone names the last session of that day.
    if let day = Day(iso: name), let last = person.sessions.last(where: { $0.date == day }) { return last }
    throw JournalError(
      "\(person.id) has no session `\(given)`"
        + (Names.meant(by: name, among: stems.map(\.1)).map { "; did you mean `\($0)`?" }
          ?? "; their sessions: " + stems.map(\.1).suffix(5).joined(separator: ", ")))
  }

  /// A path's last part without `.md`.
  private static func stem(_ path: String) -> String {
    let last = JournalPath.components(of: path).last.map(String.init) ?? path
    return last.utf8.count > 3 && last.utf8.reversed().starts(with: "dm.".utf8)
      ? String(last.utf8.dropLast(3))! : last
  }

  /// Who the message is from: `given` (`Name <address>`), else the identity git would commit
  /// with in the journal's repository.
  public static func sender(_ given: String?, journal location: JournalLocation) throws -> EmailMessage.Mailbox {
    if let given {
      guard let box = EmailMessage.Mailbox(parsing: given) else {
        throw JournalError("--from takes `Name <address>` or an address, not `\(given)`")
      }
      return box
    }
    let identity = try? Repository.discover(containing: location.root)?.commitIdentity().author
    guard let identity, Person.isValidEmail(identity.email) else {
      throw JournalError("an eml letter needs a sender: give --from \"Name <address>\", or set git's user.name and user.email")
    }
    return EmailMessage.Mailbox(name: identity.name, address: identity.email)
  }
}
