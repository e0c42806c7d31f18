import Foundation
import JournalChecks
import JournalModel
import JournalParsing

#if FUZZING
  import CFuzzer
#endif

// A libFuzzer target for the parser (front matter, YAML, Markdown body and action items) and,
// through a journal holding the parsed note, every output (`FuzzOutputs.swift`).
// `scripts/fuzz` builds it with -sanitize=fuzzer,address and -DFUZZING; a plain build gets an
// entry point that says so.

/// The file kinds each input is parsed as, chosen by its first byte.
private let paths = [
  "mentees/alex/sessions/2026-11-20.md", "mentees/alex/plans/growth.md",
  "mentees/alex/profile.md", "journal.yml",
]

/// The headings the fuzzed journal's journal.yml adds (`FuzzOutputs.swift` writes them there),
/// so that bodies are read with added headings as well as the built-in ones.
let addedHeadings: [(heading: String, part: SectionPart)] = [("Homework", .actions), ("Kudos", .strengths)]
private let sections = SectionNames(added: addedHeadings)

/// Parses, formats and renders one input; a crash, a hang or a broken invariant is a finding.
func fuzzOne(_ bytes: [UInt8]) {
  let path = paths[Int(bytes.first ?? 0) % paths.count]
  let parsed = DocumentParser.parse(bytes, path: path, sections: sections)
  let lines = bytes.count { $0 == 0x0A || $0 == 0x0D } + 2
  for diagnostic in parsed.diagnostics {
    precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
    precondition(diagnostic.location.line <= lines, "\(diagnostic) points past the end")
  }
  // journal fmt is idempotent: a formatted note formats to itself.
  if case .formatted(let text) = Formatter.format(bytes, path: path, sections: sections) {
    precondition(Formatter.format(Array(text.utf8), path: path, sections: sections) == .unchanged, "fmt is not idempotent")
  }
  renderEveryOutput(bytes, path: path)
}

@main
enum FuzzEntry {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(
        LLVMFuzzerRunDriver(&argc, &argv) { data, size in
          fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
          return 0
        })
    #else
      print("journal-fuzz runs under libFuzzer: build and run it with scripts/fuzz")
    #endif
  }
}
