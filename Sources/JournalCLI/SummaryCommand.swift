import ArgumentParser
import Foundation
import JournalKit

/// `journal summary`: where each person stands.
struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Summarise each person's sessions, follow-ups, actions and goals.",
    discussion: """
      Examples:
        journal summary
        journal summary sam-okafor --today 2026-11-26
      """)

  @Argument(help: ArgumentHelp("People to summarise, by id (default: everyone).", valueName: "id"))
  var ids: [String] = []

  @OptionGroup var journal: JournalOptions
  @OptionGroup var today: TodayOption

  @Option(help: ArgumentHelp("Count only sessions on or after this date.", valueName: "date"))
  var since: String?

  @Option(help: ArgumentHelp("Count only sessions on or before this date.", valueName: "date"))
  var until: String?

  func run() throws {
    let day = try today.resolve()
    let from = try since.map { try parseDay($0, option: "--since") }
    let to = try until.map { try parseDay($0, option: "--until") }
    let loaded = try JournalLoader.load(DiskJournal(journal.locate()))
    var people = loaded.journal.people
    if !ids.isEmpty {
      people = try ids.map { id in
        guard let person = loaded.journal.person(id) else {
          throw JournalError("no person `\(id)` in the journal")
        }
        return person
      }
    }
    let style = Output.style
    var out = ""
    if let title = loaded.journal.config.title { out += style.bold(title) + " — \(day)\n\n" }
    out += people.map { PersonSummary($0, today: day, since: from, until: to).text(today: day, style: style) }
      .joined(separator: "\n")
    Output.write(out)
  }
}

func parseDay(_ text: String, option: String) throws -> Day {
  guard let day = Day(iso: text) else {
    throw ValidationError("\(option) takes a real date written YYYY-MM-DD, not '\(text)'")
  }
  return day
}
