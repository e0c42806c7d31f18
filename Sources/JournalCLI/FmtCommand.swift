import ArgumentParser
import Foundation
import JournalKit
import JournalParsing

/// `journal fmt`: rewrite notes into the canonical layout.
struct FmtCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Rewrite notes into the canonical layout, without changing what they say.",
    discussion: """
      Front matter keys in the format's order (a comment moves with the key below it), lists \
      in block style, dates unquoted; action items as - [ ], - [x] or - [-] with their due:, \
      owner: and priority: tokens last, in that order; LF line endings. A note is rewritten \
      atomically, keeping its mode, and only if it reads back the same; notes with errors are \
      left alone.

      Examples:
        journal fmt
        journal fmt --check            # in CI: exit 1 when a note is not formatted
        journal fmt mentees/sam-okafor

      Exit status: 0 every note is formatted (or was rewritten); 1 with --check, a note is not \
      formatted, or a note could not be formatted; 2 usage or I/O failure.
      """)

  @Argument(help: ArgumentHelp("Files or folders to format (default: the whole journal).", valueName: "path"))
  var paths: [String] = []

  @Flag(help: "Change nothing; list the notes that are not formatted and exit 1 if any.")
  var check = false

  @OptionGroup var journal: JournalOptions

  func run() throws {
    let location = try journal.locate(from: paths.first)
    let selection = try paths.map { path -> String in
      guard let relative = location.relativePath(of: path) else {
        throw JournalError("\(path) is not inside the journal at \(display(location.root))")
      }
      return relative
    }
    let source = DiskJournal(location)
    var unformatted = 0
    var refused = 0
    for path in try source.listing(people: nil).files {
      guard selection.isEmpty || selection.contains(where: { JournalPath.isInside(path, folder: $0) }),
        // Only notes are opened: never a private note or a file where no note belongs.
        DocumentParser.readsContent(of: JournalPath.classify(path)),
        case .success(let bytes) = source.read(path)
      else { continue }
      let name = shown(display(location.root + "/" + path))
      switch Formatter.format(bytes, path: path) {
      case .unchanged:
        continue
      case .refused(let reason):
        refused += 1
        Output.error("journal: \(name) was not formatted: \(TerminalText.visible(reason))")
      case .formatted(let text):
        unformatted += 1
        if check {
          Output.write("\(name) is not formatted\n")
        } else {
          try AtomicFile.replace(location.root + "/" + path, contents: text)
          Output.write("formatted \(name)\n")
        }
      }
    }
    if refused > 0 || (check && unformatted > 0) { throw ExitCode(1) }
  }
}
