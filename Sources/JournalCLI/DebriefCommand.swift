import ArgumentParser
import JournalKit

/// `journal debrief`: every candidate assessed with a rubric, category by category.
struct DebriefCommand: ParsableCommand, ReadsJournal, TakesToday {
  static let configuration = CommandConfiguration(
    commandName: "debrief",
    _superCommandName: "journal",
    abstract: "Roll up the scorecards of a rubric for a hiring debrief.",
    discussion: """
      For every candidate assessed with RUBRIC: per category, how many ratings landed on \
      each point of the scale and their mean, the evidence behind the lowest and the highest \
      rating, and the categories in which improvements recur across candidates. Candidates \
      past their retain-until date are left out and counted.

      Examples:
        journal debrief backend-engineer
        journal debrief backend-engineer --since 2026-10-01 --format html --output debrief.html
      """)

  @Argument(help: ArgumentHelp("The rubric's name in journal.yml.", valueName: "rubric"))
  var rubric: String

  @Option(help: ArgumentHelp("Count only scorecards written on or after this date.", valueName: "date"))
  var since: String?

  @Option(help: "Output format: text, markdown, json or html (one self-contained page).")
  var format: ReportFormat = .text

  @Option(.output) var output: String?

  @Option(.journal) var journal: String?
  @Option(.today) var today: String?

  func run() throws {
    let day = try resolveToday()
    let from = try since.map { try parseDay($0, option: "--since") }
    let debrief = try Debrief.read(DiskJournal(locateJournal()), rubric: rubric, today: day, since: from)
    if let output {
      try AtomicFile.replace(output, contents: debrief.render(format))
    } else {
      Output.write(debrief.render(format, style: Output.style))
    }
  }
}
