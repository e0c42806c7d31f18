import Foundation
import JournalModel
import Testing

@testable import JournalParsing

/// Every input the fuzzer ever found a problem with stays here, parsed as every kind of file.
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
      let parsed = DocumentParser.parse(bytes, path: path)
      for diagnostic in parsed.diagnostics {
        #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
      }
      if case .formatted(let text) = Formatter.format(bytes, path: path) {
        #expect(Formatter.format(Array(text.utf8), path: path) == .unchanged)
      }
    }
  }
}
