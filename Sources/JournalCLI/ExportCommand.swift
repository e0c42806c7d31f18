import ArgumentParser
import JournalKit
import JournalModel

/// `journal export`: actions and follow-ups for other tools.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    _superCommandName: "journal",
    abstract: "Export actions as CSV, follow-ups and due dates as an iCalendar file, or either as JSON.",
    discussion: """
      The JSON of each is described in docs/export.md.

      Examples:
        journal export actions --format csv > actions.csv
        journal export actions --format json --today 2026-11-26
        journal export follow-ups --format ics --output follow-ups.ics
      """,
    subcommands: [ExportActions.self, ExportFollowUps.self])
}

/// A `journal export` subcommand: each declares `--journal`, `--output` and `--today` among its
/// own options, in that order, after `--format` (`CommonOption` says why not as a group).
protocol ExportSubcommand: ReadsJournal, TakesToday {
  var output: String? { get }
}

extension ExportSubcommand {
  /// Writes the export to `--output`, atomically, else to standard output.
  func write(_ text: String) throws {
    if let output { try AtomicFile.replace(output, contents: text) } else { Output.write(text) }
  }

  /// The journal, and on standard error the session files left out of the export because
  /// they could not be read: a spreadsheet or calendar must not lack their actions in silence.
  func load() throws -> Journal {
    let journal = try JournalLoader.load(DiskJournal(locateJournal())).journal
    let unread = journal.people.flatMap(\.unreadSessions).map(\.file)
    if !unread.isEmpty {
      Output.error(
        "journal: warning: \(Wording.count(unread.count, "session file")) could not be read and \(unread.count == 1 ? "is" : "are") left out: "
          + unread.map(shown).joined(separator: ", ") + "; `journal check` says why")
    }
    return journal
  }
}

struct ExportActions: ParsableCommand, ExportSubcommand {
  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

  static let configuration = CommandConfiguration(
    commandName: "actions",
    abstract: "Every action, once, in its latest state: person, status, text, owner, due date, file.",
    discussion: """
      The JSON also says whether each action is overdue on --today.

      Examples:
        journal export actions --format csv > actions.csv
        journal export actions --format json --today 2026-11-26
      """)

  @Option(help: "Output format: csv (RFC 4180) or json.") var format: Format = .csv
  @Option(.journal) var journal: String?
  @Option(.output) var output: String?
  @Option(.today) var today: String?

  func run() throws {
    let day = try resolveToday()
    let journal = try load()
    switch format {
    case .csv: try write(Export.actionsCSV(journal))
    case .json: try write(Export.actionsJSON(journal, today: day))
    }
  }
}

struct ExportFollowUps: ParsableCommand, ExportSubcommand {
  enum Format: String, ExpressibleByArgument, CaseIterable { case ics, json }

  static let configuration = CommandConfiguration(
    commandName: "follow-ups",
    abstract: "Each person's next follow-up and each open action's due date as all-day events.",
    discussion: """
      Event ids are stable, so importing the file again updates the events.

      Examples:
        journal export follow-ups --format ics --output follow-ups.ics
        journal export follow-ups --format json
      """)

  @Option(help: "Output format: ics (iCalendar, RFC 5545) or json.") var format: Format = .ics
  @Option(.journal) var journal: String?
  @Option(.output) var output: String?
  @Option(.today) var today: String?

  func run() throws {
    let day = try resolveToday()
    let journal = try load()
    switch format {
    case .ics: try write(Export.followUpsICS(journal, today: day))
    case .json: try write(Export.followUpsJSON(journal, today: day))
    }
  }
}
