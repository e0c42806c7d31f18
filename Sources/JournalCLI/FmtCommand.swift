import ArgumentParser
import Foundation
import JournalKit
import JournalModel
import JournalParsing

/// `journal fmt`: rewrite notes into the canonical layout.
struct FmtCommand: ParsableCommand, ReadsJournal {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    _superCommandName: "journal",
    abstract: "Rewrite notes into the canonical layout, without changing what they say.",
    discussion: """
      Front matter keys in the format's order (a comment moves with the key below it), lists \
      in block style, dates unquoted; action items as - [ ], - [x] or - [-] with their due:, \
      owner: and priority: tokens last, in that order; LF line endings. A note is rewritten \
      atomically, keeping its mode, and only if it reads back the same; notes with errors are \
      left alone.

      --diff prints, instead of the names, the changes fmt would make as a unified diff that \
      git apply and patch -p1 take from the current folder (on a terminal, coloured, with \
      controls shown as \\u{…}); it changes nothing and exits as --check does.

      Examples:
        journal fmt
        journal fmt --check            # in CI: exit 1 when a note is not formatted
        journal fmt --check --diff     # and show what would change
        journal fmt mentees/sam-okafor

      Exit status: 0 every note is formatted (or was rewritten); 1 with --check or --diff, a \
      note is not formatted, or a note could not be formatted; 2 usage or I/O failure.
      """)

  @Argument(help: ArgumentHelp("Files or folders to format (default: the whole journal).", valueName: "path"))
  var paths: [String] = []

  @Flag(help: "Change nothing; list the notes that are not formatted and exit 1 if any.")
  var check = false

  @Flag(help: "Change nothing; print what would change as a unified diff and exit 1 if anything would.")
  var diff = false

  @Option(.journal) var journal: String?

  func run() throws {
    let location = try locateJournal(from: paths.first)
    let selection = try journalPaths(paths, in: location)
    let source = DiskJournal(location)
    let check = check || diff
    let style = Output.style
    // The headings journal.yml adds, so that actions under them are laid out too.
    let sections = JournalLoader.config(source).sections
    var unformatted = 0
    var refused = 0
    for path in try source.listing(people: nil).files {
      guard selection.isEmpty || selection.contains(where: { JournalPath.isInside(path, folder: $0) }),
        // Only notes are opened: never a private note or a file where no note belongs.
        DocumentParser.readsContent(of: JournalPath.classify(path)),
        case .success(let bytes) = source.read(path)
      else { continue }
      let name = shown(display(location.root + "/" + path))
      switch Formatter.format(bytes, path: path, sections: sections) {
      case .unchanged:
        continue
      case .refused(let reason):
        refused += 1
        // --check and --diff format nothing: there, the note was not checked.
        Output.error("journal: \(name) was not \(check ? "checked" : "formatted"): \(TerminalText.visible(reason))")
      case .formatted(let text):
        unformatted += 1
        if diff {
          let patch = UnifiedDiff.text(
            old: String(decoding: bytes, as: UTF8.self), new: text, path: display(location.root + "/" + path))
          Output.write(style.color ? Self.colored(patch, style) : patch)
        } else if check {
          Output.write("\(name) is not formatted\n")
        } else {
          try AtomicFile.replace(location.root + "/" + path, contents: text)
          Output.write("formatted \(name)\n")
        }
      }
    }
    if refused > 0 || (check && unformatted > 0) { throw ExitCode(1) }
  }

  /// A diff for the terminal: each line with its controls shown, removals red, additions
  /// green. Only ever on a terminal: a diff sent elsewhere stays byte for byte what git
  /// apply takes.
  static func colored(_ patch: String, _ style: Style) -> String {
    // Split on bytes: as a Character, CR LF is one, and a line ending in CR would not split.
    patch.utf8.split(separator: UInt8(ascii: "\n")).map { bytes -> String in
      let line = String(decoding: bytes, as: UTF8.self)
      let text = TerminalText.visible(line)
      // A removed `---` of a front matter is `----`: only a file's header names a/ and b/.
      if line.hasPrefix("--- a/") || line.hasPrefix("+++ b/") { return style.bold(text) }
      if line.hasPrefix("@@") { return style.blue(text) }
      if line.hasPrefix("-") { return style.red(text) }
      if line.hasPrefix("+") { return style.green(text) }
      return text
    }.joined(separator: "\n") + "\n"
  }
}
