import Foundation

// Benchmarks for `journal`, each printed beside a baseline measured in the same run on the
// same files. Build in release mode first: `scripts/build` (or `swift build -c release`), then
// `.build/release/journal-bench check|memory|sample|commit|share|share-memory|markdown|forget`.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: Int) -> Int {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
    let number = Int(arguments[index + 1])
  else { return value }
  return number
}

/// A string option's value, such as a path.
func stringOption(_ name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}

let binFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  .deletingLastPathComponent()
let journal = binFolder.appendingPathComponent("journal").path
/// The C program that does the check's parsing alone: the floor the check is measured against.
let floorProgram = binFolder.appendingPathComponent("journal-floor").path
/// A Swift program built as journal is, doing nothing of journal's: the floor of its start-up.
let startupFloor = binFolder.appendingPathComponent("journal-startup-floor").path
guard
  [journal, floorProgram, startupFloor].allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) })
else {
  FileHandle.standardError.write(
    Data("journal-bench: build journal, journal-floor and journal-startup-floor first: scripts/build\n".utf8))
  exit(2)
}

switch arguments.first {
case "check", nil:
  try checkBenchmark(
    sessions: option("--sessions", default: 10_000), runs: option("--runs", default: 5), journal: journal,
    floor: floorProgram)
case "memory":
  // The summary's memory against the check's where a journal is large.
  try checkBenchmark(
    sessions: option("--sessions", default: 100_000), runs: option("--runs", default: 1), journal: journal,
    floor: floorProgram)
case "sample":
  let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("SampleJournal").path
  try sampleBenchmark(sample: sample, runs: option("--runs", default: 21), journal: journal, startupFloor: startupFloor, floor: floorProgram)
case "commit":
  try commitBenchmark(
    sessions: option("--sessions", default: 10_000), commits: option("--commits", default: 1_000),
    runs: option("--runs", default: 5), journal: journal, other: stringOption("--compare"))
case "share":
  try shareBenchmark(
    people: option("--people", default: 200), commits: option("--commits", default: 5_000),
    runs: option("--runs", default: 5), replies: option("--replies", default: 25), journal: journal)
case "forget":
  try forgetBenchmark(
    sessions: option("--sessions", default: 10_000), commits: option("--commits", default: 1_000),
    runs: option("--runs", default: 3), journal: journal)
case "share-memory":
  try shareMemoryBenchmark(megabytes: option("--megabytes", default: 200), journal: journal)
case "markdown":
  try markdownBenchmark(
    bytes: option("--bytes", default: 32 * 1024), runs: option("--runs", default: 5), journal: journal)
case "generate" where arguments.count >= 2:
  // Writes the benchmark's journal to a folder, for profiling; with --commits, the commit
  // benchmark's git repository.
  let folder = URL(fileURLWithPath: arguments[1])
  let sessions = option("--sessions", default: 10_000)
  let commits = option("--commits", default: 0)
  let generated =
    commits > 0
    ? try historyRepository(sessions: sessions, commits: commits, at: folder)
    : try JournalGenerator(sessions: sessions).write(to: folder)
  print("wrote \(generated.files) files to \(arguments[1])" + (commits > 0 ? ", with \(commits) commits" : ""))
default:
  FileHandle.standardError.write(
    Data("usage: journal-bench check [--sessions N] [--runs N]\n       journal-bench memory [--sessions N] [--runs N]\n       journal-bench sample [--runs N]\n       journal-bench commit [--sessions N] [--commits N] [--runs N] [--compare OTHER-JOURNAL]\n       journal-bench share [--people N] [--commits N] [--runs N] [--replies N]\n       journal-bench share-memory [--megabytes N]\n       journal-bench markdown [--bytes N] [--runs N]\n       journal-bench forget [--sessions N] [--commits N] [--runs N]\n       journal-bench generate DIR [--sessions N] [--commits N]\n".utf8))
  exit(2)
}
