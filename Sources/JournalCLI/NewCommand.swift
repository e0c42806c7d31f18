import ArgumentParser
import Foundation
import JournalKit

extension SessionType: ExpressibleByArgument {}
extension Relationship: ExpressibleByArgument {}

/// `journal new`: a note from a template.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    _superCommandName: "journal",
    abstract: "Write a new profile, session, self-assessment or plan from a template.",
    discussion: """
      Each file passes journal check as written, is written atomically, and never replaces an \
      existing one. The path is printed; --edit opens it in $VISUAL or $EDITOR.

      Examples:
        journal new person sam-okafor --name "Sam Okafor" --cadence 1w
        journal new session sam-okafor --edit
        journal new self-assessment sam-okafor --edit
        journal new plan sam-okafor code-quality --title "Code quality"
      """,
    subcommands: [NewPerson.self, NewSession.self, NewSelfAssessment.self, NewPlan.self])
}

/// A `journal new` subcommand: each declares `--journal`, `--today` and `--edit` among its own
/// options, in that order, after the rest (`CommonOption` says why not as a group).
protocol NewSubcommand: ReadsJournal, TakesToday {
  var edit: Bool { get }
}

extension NewSubcommand {
  /// The day a `--date` option names, else today.
  func day(_ date: String?) throws -> Day {
    try date.map { try parseDay($0, option: "--date") } ?? resolveToday()
  }

  /// Prints the new file's path, and opens it with `--edit`.
  func finish(_ path: String) throws {
    Output.write(shown(display(path)) + "\n")
    if edit { try Editor.open(path) }
  }
}

struct NewPerson: ParsableCommand, NewSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "person", abstract: "Add a person: mentees/ID/profile.md.",
    discussion: """
      Examples:
        journal new person sam-okafor --name "Sam Okafor" --role "Backend developer" --cadence 1w
      """)

  @Argument(help: ArgumentHelp("The person's id: lowercase letters, digits and -.", valueName: "id"))
  var id: String
  @Option(help: "The person's name.") var name: String
  @Option(help: "Their role.") var role: String?
  @Option(help: "mentee, report or candidate.") var relationship: Relationship?
  @Option(help: "How often you meet: 1w, 2w, 1m.") var cadence: String?
  @Option(.journal) var journal: String?
  @Option(.today) var today: String?
  @Flag(.edit) var edit = false

  func run() throws {
    let parsedCadence = try cadence.map { text -> Cadence in
      guard let value = Cadence(text) else { throw JournalError("--cadence takes a count and d, w or m, such as `1w` or `2w`, not `\(text)`") }
      return value
    }
    let path = try NoteCreator.newPerson(
      locateJournal(), id: id, name: name, role: role, relationship: relationship,
      cadence: parsedCadence, today: resolveToday())
    try finish(path)
  }
}

struct NewSession: ParsableCommand, NewSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "session",
    abstract: "Start a session note, carrying over the person's open actions.",
    discussion: """
      The date defaults to today and the type to the person's last session's. A second session \
      on the same day gets a slug: --slug, or -2, -3.

      Examples:
        journal new session sam-okafor
        journal new session priya-raman --type candidate-feedback --date 2026-11-20 --slug onsite
        journal new session sam-okafor --plan code-quality
      """)

  @Argument(help: ArgumentHelp("The person's id.", valueName: "id"), completion: Completion.people)
  var id: String
  @Option(help: "performance-improvement, career-development, project-specific or candidate-feedback.")
  var type: SessionType?
  @Option(help: ArgumentHelp("The session's date (default: today).", valueName: "date")) var date: String?
  @Option(help: "A suffix for the file name: 2026-11-26-SLUG.md.") var slug: String?
  @Option(help: "Link the session to this plan of the person (default: the last session's).", completion: Completion.plans)
  var plan: String?
  @Option(.journal) var journal: String?
  @Option(.today) var today: String?
  @Flag(.edit) var edit = false

  func run() throws {
    let path = try NoteCreator.newSession(
      locateJournal(), id: id, type: type, date: day(date), slug: slug, plan: plan)
    try finish(path)
  }
}

struct NewSelfAssessment: ParsableCommand, NewSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "self-assessment",
    abstract: "Start a self-assessment: the person's own view before a session.",
    discussion: """
      Writes mentees/ID/sessions/DATE-self-assessment.md (then -2, -3 on the same day): \
      achievements, challenges and what they want from the next session, in their words. It \
      is no session: it does not count as a check-in or a follow-up, and the rules about \
      feedback do not judge it.

      Examples:
        journal new self-assessment sam-okafor --edit
        journal new self-assessment sam-okafor --date 2026-11-24
      """)

  @Argument(help: ArgumentHelp("The person's id.", valueName: "id"), completion: Completion.people)
  var id: String
  @Option(help: ArgumentHelp("The date it is written (default: today).", valueName: "date")) var date: String?
  @Option(.journal) var journal: String?
  @Option(.today) var today: String?
  @Flag(.edit) var edit = false

  func run() throws {
    try finish(NoteCreator.newSelfAssessment(locateJournal(), id: id, date: day(date)))
  }
}

struct NewPlan: ParsableCommand, NewSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "plan", abstract: "Start an action plan: mentees/ID/plans/SLUG.md.",
    discussion: """
      Examples:
        journal new plan sam-okafor code-quality --title "Code quality and review habits"
      """)

  @Argument(help: ArgumentHelp("The person's id.", valueName: "id"), completion: Completion.people) var id: String
  @Argument(help: ArgumentHelp("The plan's file name, without .md.", valueName: "slug")) var slug: String
  @Option(help: "The plan's title.") var title: String
  @Option(.journal) var journal: String?
  @Option(.today) var today: String?
  @Flag(.edit) var edit = false

  func run() throws {
    let path = try NoteCreator.newPlan(
      locateJournal(), id: id, slug: slug, title: title, today: resolveToday())
    try finish(path)
  }
}

/// Opens a file in the user's editor, attached to this terminal.
enum Editor {
  static func open(_ path: String) throws {
    let environment = ProcessInfo.processInfo.environment
    let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // The editor setting may carry arguments ("code --wait"); the path is passed apart from it.
    process.arguments = ["-c", "\(editor) \"$1\"", "journal-editor", path]
    do {
      try process.run()
    } catch {
      throw JournalError("cannot start the editor `\(editor)`: \(error.localizedDescription)")
    }
    process.waitUntilExit()
    if process.terminationStatus != 0 {
      throw JournalError("the editor `\(editor)` exited with status \(process.terminationStatus); \(display(path)) is kept")
    }
  }
}
