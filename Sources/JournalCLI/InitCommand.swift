import ArgumentParser
import JournalKit

/// `journal init`: start a journal.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    _superCommandName: "journal",
    abstract: "Create a journal: journal.yml and mentees/, in a git repository.",
    discussion: """
      Creates DIR (default: the current folder) with journal.yml and mentees/. When DIR is not \
      inside a git repository, makes one there. Refuses to touch an existing journal, or to \
      make one inside another journal, which would read it as its own notes.

      Examples:
        journal init
        journal init team-journal --title "Platform team one-on-ones"
      """)

  @Argument(help: ArgumentHelp("The folder to create the journal in.", valueName: "dir"))
  var folder: String = "."

  @Option(help: "The journal's title (default: from the folder's name).")
  var title: String?

  func run() throws {
    let createdRepository = try NoteCreator.initJournal(at: folder, title: title)
    Output.write(
      "created a journal in \(shown(folder))" + (createdRepository ? ", in a new git repository" : "") + "\n")
  }
}
