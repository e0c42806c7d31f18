import Foundation

// Benchmarks for `journal`, each printed beside a baseline measured in the same run on the
// same files. Build in release mode first: `swift build -c release`, then
// `.build/release/journal-bench check|commit|share|share-memory|markdown|forget`.

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
guard FileManager.default.isExecutableFile(atPath: journal) else {
  FileHandle.standardError.write(Data("journal-bench: build journal first: swift build -c release\n".utf8))
  exit(2)
}

switch arguments.first {
case "check", nil:
  let sessions = option("--sessions", default: 10_000)
  let runs = option("--runs", default: 5)
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let generated = try JournalGenerator(sessions: sessions).write(to: folder)
  print("journal of \(generated.files) files (\(generated.sessions) sessions, \(generated.people) people), \(generated.bytes / 1024) KiB")
  print("median of \(runs) warm runs; peak memory is the child's maximum resident set\n")

  let cat = try measure(
    "/bin/sh", ["-c", "find '\(folder.path)' -type f -name '*.*' -exec cat {} + > /dev/null"],
    runs: runs)
  let check = try measure(
    journal, ["check", "--journal", folder.path, "--today", "2026-11-26", "--format", "json"],
    runs: runs, expectStatus: [0, 1])
  let summary = try measure(
    journal, ["summary", "--journal", folder.path, "--today", "2026-11-26"], runs: runs)
  let html = try measure(
    journal, ["summary", "--journal", folder.path, "--today", "2026-11-26", "--format", "html"],
    runs: runs)
  printTable([
    ("cat (read every file)", cat), ("journal check", check), ("journal summary", summary),
    ("journal summary --format html", html),
  ])
  print(
    String(
      format: "\ncheck / cat: %.2fx   summary / check: %.2fx   html summary / check: %.2fx",
      check.wall / cat.wall, summary.wall / check.wall, html.wall / check.wall))
case "commit":
  try commitBenchmark(
    sessions: option("--sessions", default: 10_000), commits: option("--commits", default: 1_000),
    runs: option("--runs", default: 5), journal: journal, other: stringOption("--compare"))
case "share":
  try shareBenchmark(
    people: option("--people", default: 200), commits: option("--commits", default: 5_000),
    runs: option("--runs", default: 5), journal: journal)
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
    Data("usage: journal-bench check [--sessions N] [--runs N]\n       journal-bench commit [--sessions N] [--commits N] [--runs N] [--compare OTHER-JOURNAL]\n       journal-bench share [--people N] [--commits N] [--runs N]\n       journal-bench share-memory [--megabytes N]\n       journal-bench markdown [--bytes N] [--runs N]\n       journal-bench forget [--sessions N] [--commits N] [--runs N]\n       journal-bench generate DIR [--sessions N] [--commits N]\n".utf8))
  exit(2)
}
