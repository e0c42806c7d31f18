import Foundation
import JournalModel
import Testing

@testable import JournalParsing

/// The headings the fuzzer's journal adds (`Fuzz/journal-fuzz/FuzzParser.swift`).
let fuzzSections = SectionNames(added: [("Homework", .actions), ("Kudos", .strengths)])

/// Every input the fuzzer ever found a problem with stays here, parsed as every kind of file,
/// in a journal that adds headings as the fuzzer's does.
@Suite struct FuzzRegressionTests {
  static let inputs: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path + "/fuzz")) ?? []).filter {
      !$0.hasPrefix(".")
    }.sorted()

  @Test(arguments: inputs)
  func parsesWithoutCrashing(_ name: String) throws {
    let bytes = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent("fuzz/\(name)")))
    for path in [
      "mentees/alex/sessions/2026-11-20.md", "mentees/alex/plans/growth.md",
      "mentees/alex/profile.md", "journal.yml",
    ] {
      let parsed = DocumentParser.parse(bytes, path: path, sections: fuzzSections)
      for diagnostic in parsed.diagnostics {
        #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
      }
      if case .formatted(let text) = Formatter.format(bytes, path: path, sections: fuzzSections) {
        #expect(Formatter.format(Array(text.utf8), path: path, sections: fuzzSections) == .unchanged)
      }
    }
  }
}
