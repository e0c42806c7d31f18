import ArgumentParser
import Foundation
import JournalKit

extension ReportFormat: ExpressibleByArgument {}

/// `journal summary`: where each person stands.
struct SummaryCommand: ParsableCommand, ReadsJournal, TakesToday {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    _superCommandName: "journal",
    abstract: "Summarise each person's sessions, follow-ups, actions and goals.",
    discussion: """
      For each person: sessions by type and month, days since the last session against their \
      cadence, the next follow-up, feedback balance, actions open, done and overdue, and each \
      measurable goal's values against its baseline and target. First, the journal's totals \
      and the people who most need attention.

      Examples:
        journal summary
        journal summary sam-okafor --since 2026-10-01 --today 2026-11-26
        journal summary --format markdown --output SUMMARY.md
        journal summary --format json
      """)

  @Argument(
    help: ArgumentHelp("People to summarise, by id (default: everyone).", valueName: "id"),
    completion: Completion.people)
  var ids: [String] = []

  @Option(.journal) var journal: String?
  @Option(.today) var today: String?

  @Option(help: ArgumentHelp("Count only sessions on or after this date.", valueName: "date"))
  var since: String?

  @Option(help: ArgumentHelp("Count only sessions on or before this date.", valueName: "date"))
  var until: String?

  @Option(help: "Output format: text, markdown, json or html (one self-contained page).")
  var format: ReportFormat = .text

  @Option(.output) var output: String?

  func run() throws {
    let day = try resolveToday()
    let from = try since.map { try parseDay($0, option: "--since") }
    let to = try until.map { try parseDay($0, option: "--until") }
    let summary = try JournalSummary.read(
      DiskJournal(locateJournal()), today: day, since: from, until: to, people: ids.isEmpty ? nil : ids)
    if let output {
      try AtomicFile.replace(output, contents: summary.render(format))
    } else {
      Output.write(summary.render(format, style: Output.style))
    }
  }
}

func parseDay(_ text: String, option: String) throws -> Day {
  guard let day = Day(iso: text) else {
    throw JournalError("\(option) takes a real date written YYYY-MM-DD, not `\(text)`")
  }
  return day
}
