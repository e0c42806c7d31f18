import ArgumentParser
import JournalKit

/// `journal show`: one person's record as a timeline.
struct ShowCommand: ParsableCommand, ReadsJournal, TakesToday {
  static let configuration = CommandConfiguration(
    commandName: "show",
    _superCommandName: "journal",
    abstract: "Show one person's sessions, newest first, to prepare the next one.",
    discussion: """
      Each session's date, type, strengths, improvements and actions, newest first, after \
      the person's open actions.

      An id that names nobody is an error (exit status 2) that names the person meant, when \
      one id starts with it or it is one typo away: journal show carla prints \
      "journal: no person `carla` in the journal; did you mean `carla-diaz`?".

      Examples:
        journal show sam-okafor
        journal show sam-okafor --limit 3
      """)

  @Argument(help: ArgumentHelp("The person's id.", valueName: "id"), completion: Completion.people)
  var id: String

  @Option(help: "Show at most this many sessions.")
  var limit: Int?

  @Option(.journal) var journal: String?
  @Option(.today) var today: String?

  func run() throws {
    let day = try resolveToday()
    let source = try DiskJournal(locateJournal())
    let loaded = try JournalLoader.load(source, people: [id])
    guard let person = loaded.journal.person(id) else {
      throw JournalError.unknownPerson(id, known: try source.listing(people: nil).people)
    }
    if let limit, limit < 1 { throw JournalError("--limit takes a number of sessions, 1 or more, not `\(limit)`") }
    Output.write(Timeline.text(person, today: day, limit: limit, style: Output.style))
  }
}
