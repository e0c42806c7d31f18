import ArgumentParser
import Foundation
import JournalKit

extension LetterFormat: ExpressibleByArgument {}

/// `journal letter`: the feedback message to send a person, from one session.
struct LetterCommand: ParsableCommand, ReadsJournal, TakesToday {
  static let configuration = CommandConfiguration(
    commandName: "letter",
    _superCommandName: "journal",
    abstract: "Write the feedback message to send a person from a session.",
    discussion: """
      From a session (by default the person's latest written one): thanks, strengths, \
      improvements each with its suggestion, next steps (the open actions), and an \
      invitation to reply with their view of the process. The wording comes from \
      templates/letter.md in the journal when there is one (a Mustache template; \
      --template prints journal's own to start from).

      The letter never holds private/ notes, the dialogue or other sections, ratings or \
      rubric scores, and a letter that would name another person of the journal is refused. \
      A session with errors, empty-session, vague-feedback or unbalanced-feedback findings is \
      refused with those findings (exit status 1) unless --force.

      Examples:
        journal letter carla-diaz
        journal letter carla-diaz 2026-11-12-onsite --format markdown
        journal letter carla-diaz --format eml --from "Ana Ruiz <ana@example.com>" --output carla.eml
      """)

  @Argument(help: ArgumentHelp("The person's id.", valueName: "id"), completion: Completion.people)
  var id: String?

  @Argument(help: ArgumentHelp("The session: its date, date-slug or file (default: the latest written).", valueName: "session"))
  var session: String?

  @Option(help: "Output format: text, markdown or eml (an RFC 5322 message for a mail client).")
  var format: LetterFormat = .text

  @Option(.output) var output: String?

  @Option(help: ArgumentHelp("Who signs the letter, and the eml's sender (default: the session's mentor; for an eml, git's user.name and user.email).", valueName: "name <address>"))
  var from: String?

  @Flag(help: "Name each item's rubric category by its title (never its rating).")
  var categories = false

  @Flag(help: "Write the letter even when the session has errors, nothing written, or vague or unbalanced feedback.")
  var force = false

  @Flag(help: "Print journal's own letter template, to start templates/letter.md from.")
  var template = false

  @Option(.journal) var journal: String?
  @Option(.today) var today: String?

  func run() throws {
    if template {
      Output.write(LetterTemplate.standard.text)
      return
    }
    guard let id else { throw JournalError("give the person's id: journal letter ID [SESSION]") }
    let day = try resolveToday()
    let location = try locateJournal()
    // --from signs every format; without it only an eml needs one, from git's identity.
    let sender = format == .eml || from != nil ? try LetterRequest.sender(from, journal: location) : nil
    switch try LetterRequest.prepare(
      location, personID: id, session: session, format: format, categories: categories, force: force,
      today: day, sender: sender?.name ?? sender?.address)
    {
    case .refused(let report, let session):
      let cache = SourceCache(source: DiskJournal(location))
      Output.error(
        report.text(
          style: Style(color: false), displayPath: displayPaths(in: location.root),
          lines: cache.lines))
      Output.error(
        "journal: no letter from \(session.file): fix the findings above, or write it anyway with --force")
      throw ExitCode(1)
    case .letter(let letter, _):
      let text: String
      switch format {
      case .text, .markdown: text = letter.document
      case .eml:
        // With --today the message is dated that day at noon UTC, so runs are reproducible.
        let date = self.today.flatMap { _ in
          Calendar(identifier: .gregorian).date(
            from: DateComponents(
              timeZone: TimeZone(identifier: "UTC"), year: day.year, month: day.month, day: day.day, hour: 12))
        } ?? Date()
        text = EmailMessage.render(letter, from: sender!, date: date)
      }
      if let output { try AtomicFile.replace(output, contents: text) } else { Output.write(text) }
    }
  }
}
