import Foundation
import Testing

@testable import journal_bench

/// `journal-floor`, the C program `journal-bench check` measures the check against, and how
/// the benchmark reads what it prints.
@Suite struct FloorTests {
  static let floorBinary = journalBinary.deletingLastPathComponent().appendingPathComponent("journal-floor").path

  /// The floor reads the files the check reads: SampleJournal's notes and journal.yml, not its
  /// README or private notes (the check counts the same files).
  @Test func readsTheFilesTheCheckReads() throws {
    let floor = try runProgram(Self.floorBinary, [packageRoot.path + "/SampleJournal"])
    #expect(floor.status == 0, "\(floor.stderr)")
    let report = try #require(FloorReport(floor.stdout), "\(floor.stdout)")
    let check = try runJournal(
      ["check", "--journal", packageRoot.path + "/SampleJournal", "--today", "2026-11-26", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], "\(check.stdout)")
    #expect(report.files == json["files"] as? Int)
    #expect(report.files > 0)
    #expect(floor.stdout.contains(" 0 not UTF-8, "), "\(floor.stdout)")
    #expect(floor.stdout.contains(" 0 YAML errors, "), "\(floor.stdout)")
  }

  /// Its UTF-8 check is real: an overlong form, a surrogate and a truncated sequence are each
  /// refused, and a file of every valid length is not.
  @Test func refusesWhatIsNotUTF8() throws {
    let journal = try TemporaryFolder()
    let note = "---\ndate: 2026-11-20\n---\n## Notes\n\n- [ ] Ship it\n"
    try journal.write(["mentees/ana/sessions/2026-11-20.md": note + "é € 𝄞\n"])
    let refused: [[UInt8]] = [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]]
    for (index, bad) in refused.enumerated() {
      try journal.write("mentees/ana/sessions/2026-11-0\(index + 1).md", Data(note.utf8) + Data(bad))
    }
    let floor = try runProgram(Self.floorBinary, ["--threads", "1", journal.path])
    #expect(floor.status == 0, "\(floor.stderr)")
    #expect(floor.stdout.hasPrefix("5 files, "), "\(floor.stdout)")
    #expect(floor.stdout.contains(": 4 not UTF-8, "), "\(floor.stdout)")
  }

  /// A folder that is not there, or not a folder, is refused in one line, not a crash.
  @Test func refusesAMissingFolder() throws {
    let journal = try TemporaryFolder()
    for path in [journal.path + "/missing", packageRoot.path + "/Package.swift"] {
      let floor = try runProgram(Self.floorBinary, [path])
      #expect(floor.status == 1)
      #expect(floor.stdout.isEmpty)
      #expect(floor.stderr.hasPrefix("journal-floor: cannot read \(path): "), "\(floor.stderr)")
      #expect(floor.stderr.filter { $0 == "\n" }.count == 1, "\(floor.stderr)")
    }
    let usage = try runProgram(Self.floorBinary, [])
    #expect(usage.status == 2)
    #expect(usage.stderr == "usage: journal-floor [--threads N] FOLDER\n")
  }

  @Test func readsTheFloorsReport() {
    #expect(
      FloorReport("10401 files, 8912345 bytes, 2 threads: 0 not UTF-8, 1 YAML events, checksum 9\n")
        == FloorReport(files: 10401, bytes: 8_912_345, threads: 2))
    #expect(FloorReport("") == nil)
    #expect(FloorReport("journal-floor: cannot read /x: No such file or directory\n") == nil)
    #expect(FloorReport("10401 files, 2 threads: …\n") == nil)
    #expect(FloorReport("many files, 1 bytes, 2 threads: …\n") == nil)
  }

  /// Per-file CPU, the ratios, and the target moved to the run's floor.
  @Test func comparesTheCheckWithTheFloor() {
    let comparison = FloorComparison(
      files: 10_000, check: Measurement(wall: 0.9, cpu: 0.8, peakKiB: 1),
      floor: Measurement(wall: 0.3, cpu: 0.4, peakKiB: 1), cat: Measurement(wall: 0.6, cpu: 0.2, peakKiB: 1))
    #expect(comparison.checkCPUAFile == 80)
    #expect(comparison.floorCPUAFile == 40)
    #expect(comparison.cpuRatio == 2)
    #expect(abs(comparison.wallRatio - 3) < 1e-12)
    #expect(comparison.targetAtThisFloor == 120)
    #expect(
      comparison.lines == [
        "floor / cat: 0.50x wall   floor CPU: 40.0 µs a file",
        "check / floor: 2.00x CPU (80.0 against 40.0 µs a file), 3.00x wall",
        "the 45 µs target was set as 3x the floor measured then (15 µs a file); 3x this run's floor is 120.0 µs",
      ])
  }
}
