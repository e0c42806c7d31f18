import ArgumentParser
import Foundation
import JournalKit
import JournalParsing

/// `journal log`: the history of a person's record.
struct LogCommand: ParsableCommand, ReadsJournal {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  static let configuration = CommandConfiguration(
    commandName: "log",
    _superCommandName: "journal",
    abstract: "Show who changed which sessions and plans, and when, from the git history.",
    discussion: """
      Examples:
        journal log
        journal log sam-okafor --since 2026-10-01
        journal log --format json
      """)

  @Argument(help: ArgumentHelp("Only this person's record.", valueName: "id"), completion: Completion.people)
  var id: String?

  @Option(help: ArgumentHelp("Only commits made on or after this date.", valueName: "date"))
  var since: String?

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Option(.journal) var journal: String?

  func run() throws {
    let location = try locateJournal()
    let day = try since.map { try parseDay($0, option: "--since") }
    // `carla-diaz/`, as a shell completes a folder, is no id: its history would be empty.
    if let id, !Person.isValidID(id) {
      throw JournalError.unknownPerson(id, known: try DiskJournal(location).listing(people: nil).people)
    }
    let entries = try History.entries(location, person: id, since: day)
    // An id with no folder and no history is a typo, as show and summary say, not a person
    // whose notes no commit has touched yet.
    if let id, entries.isEmpty, !FileManager.default.fileExists(atPath: location.root + "/" + JournalPath.peopleFolder + "/" + id),
      try day == nil || History.entries(location, person: id, since: nil).isEmpty
    {
      throw JournalError.unknownPerson(id, known: try DiskJournal(location).listing(people: nil).people)
    }
    switch format {
    case .text: Output.write(HistoryText.text(entries, style: Output.style))
    case .json: Output.write(HistoryText.json(entries))
    }
  }
}
