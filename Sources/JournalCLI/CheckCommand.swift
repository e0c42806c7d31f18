import ArgumentParser
import Foundation
import JournalKit
import JournalParsing

extension CheckFormat: ExpressibleByArgument {}

/// `journal check`: validate the journal, for people and for CI.
struct CheckCommand: ParsableCommand, ReadsJournal, TakesToday {
  static let configuration = CommandConfiguration(
    commandName: "check",
    _superCommandName: "journal",
    abstract: "Validate the journal and report every problem.",
    discussion: """
      Reports every problem in every file, each with its file, line, column, severity and rule. \
      With PATHs, reports only on those files or folders (the whole journal is still read, \
      since links and follow-ups cross files). A PATH may also be the journal folder itself.

      Examples:
        journal check
        journal check SampleJournal --today 2026-11-26
        journal check mentees/alex --format json
        journal check --format github --strict

      Exit status: 0 no errors; 1 errors, or warnings with --strict; 2 usage error, \
      no journal found, or an I/O failure.
      """)

  @Argument(help: ArgumentHelp("Files or folders to report on (default: the whole journal).", valueName: "path"))
  var paths: [String] = []

  @Option(.journal) var journal: String?
  @Option(.today) var today: String?

  @Option(help: "Output format: text, json, github (workflow annotations) or sarif (SARIF 2.1.0).")
  var format: CheckFormat = .text

  @Flag(help: "Fail (exit 1) on warnings too.")
  var strict = false

  @Flag(help: "Check the journal as staged in git's index, reporting on the staged notes (for a pre-commit hook).")
  var staged = false

  func run() throws {
    let day = try resolveToday()
    let location = try locateJournal(from: paths.first)
    var selection: [String]? = nil
    if !paths.isEmpty {
      selection = try journalPaths(paths, in: location)
      if selection!.contains("") { selection = nil }
    }
    let source: any JournalSource
    if staged {
      let (index, changed) = try StagedJournal.load(location)
      source = index
      // Only staged notes are reported; PATHs narrow them further.
      let asked = selection
      selection = changed.filter { path in
        asked.map { $0.contains { JournalPath.isInside(path, folder: $0) } } ?? true
      }
    } else {
      source = DiskJournal(location)
    }
    let report = try Checker.check(source, today: day, only: selection)
    let displayPath = displayPaths(in: location.root)
    switch format {
    case .text:
      let cache = SourceCache(source: source)
      Output.write(report.text(style: Output.style, displayPath: displayPath, lines: cache.lines))
    case .json:
      Output.write(report.json(displayPath: displayPath))
    case .github:
      Output.write(report.github(displayPath: displayPath))
    case .sarif:
      Output.write(report.sarif(displayPath: displayPath, version: JournalVersion.current))
    }
    if report.errorCount > 0 || (strict && report.warningCount > 0) {
      throw ExitCode(1)
    }
  }
}

/// A path as the user would type it from the current folder.
func display(_ absolute: String) -> String {
  PathNames.relative(absolute, from: PathNames.resolved(FileManager.default.currentDirectoryPath))
}

/// `display` for the paths of many files of the journal at `root` (journal-relative): the
/// current folder is resolved once, not once for each finding.
func displayPaths(in root: String) -> (String) -> String {
  let here = PathNames.resolved(FileManager.default.currentDirectoryPath)
  return { PathNames.relative(root + "/" + $0, from: here) }
}

/// The journal-relative paths of files or folders named on the command line; one that is not
/// there, or lies outside the journal, is refused.
func journalPaths(_ paths: [String], in location: JournalLocation) throws -> [String] {
  try paths.map { path in
    guard FileManager.default.fileExists(atPath: path) || isLink(path) else {
      throw JournalError("\(path): no such file or folder")
    }
    guard let relative = location.relativePath(of: path) else {
      throw JournalError("\(path) is not inside the journal at \(display(location.root))")
    }
    return relative
  }
}

func isLink(_ path: String) -> Bool {
  var info = stat()
  return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
}
