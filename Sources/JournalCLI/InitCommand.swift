import ArgumentParser
import Foundation
import JournalKit
import JournalModel

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
    Output.error(Self.next(folder: folder))
  }

  /// What a new user types next, as a shell reads it, on standard error as git's hints are:
  /// standard output stays the one line a script reads.
  static func next(folder: String) -> String {
    var lines = ["next, add someone and their first session:"]
    if PathNames.resolved(folder) != PathNames.resolved(FileManager.default.currentDirectoryPath) {
      let plain = folder.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || "-_./".utf8.contains(byte)
      }
      lines.append("  cd " + (plain ? folder : ShellQuote.quote(folder)))
    }
    lines.append("  journal new person sam-okafor --name \"Sam Okafor\"")
    lines.append("  journal new session sam-okafor --edit")
    return lines.joined(separator: "\n") + "\n"
  }
}
