import ArgumentParser
import Foundation

// What any command line built as journal is built (Swift, statically linked, with Foundation
// and ArgumentParser, by scripts/build's flags) costs to start, with nothing of journal's own:
// `journal-bench sample` runs it beside `git status` and `journal check`.
//
// `--bare` prints and exits before ArgumentParser runs: the loader, the Swift runtime and
// Foundation alone. Otherwise ArgumentParser parses the two options `journal check` is given
// there, by the same reflection, and the values are printed.

struct StartupFloor: ParsableCommand {
  @Option var journal: String?
  @Option var today: String?

  func run() {
    print(String(format: "%d %d", journal?.utf8.count ?? 0, today?.utf8.count ?? 0))
  }
}

if CommandLine.arguments.dropFirst().first == "--bare" {
  print(String(format: "%d", CommandLine.arguments.count))
} else {
  StartupFloor.main()
}
