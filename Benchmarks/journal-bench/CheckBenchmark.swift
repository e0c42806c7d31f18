import Foundation

/// `journal check` and `journal summary` of a generated journal, beside `cat` of the same files
/// and `journal-floor`, the same parsing by the C libraries alone, all in turn in each round.
/// Prints the targets' figures (wall time against `cat`, CPU time per file, the summary's peak
/// memory against the check's) and the check against the floor.
func checkBenchmark(sessions: Int, runs: Int, journal: String, floor: String) throws {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-\(ProcessInfo.processInfo.processIdentifier)")
  let floorOutput = folder.path + ".floor"
  defer {
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.removeItem(atPath: floorOutput)
  }
  let generated = try JournalGenerator(sessions: sessions).write(to: folder)
  print("journal of \(generated.files) files (\(generated.sessions) sessions, \(generated.people) people), \(generated.bytes / 1024) KiB")
  print(
    "median of \(runs) warm runs, the commands in turn in each round; peak memory is the child's maximum "
      + "resident set,\ncounted from this program's own (a spawned child shares it until exec), so cat's and "
      + "the floor's show only that\n")

  let names = [
    "cat (read every file)", "journal-floor (C parsing alone)", "journal check", "journal summary",
    "journal summary --format html",
  ]
  let results = try measureInTurn(
    [
      Command("/bin/sh", ["-c", "find '\(folder.path)' -type f -name '*.*' -exec cat {} + > /dev/null"]),
      Command(floor, [folder.path], output: floorOutput),
      Command(
        journal, ["check", "--journal", folder.path, "--today", "2026-11-26", "--format", "json"],
        expectStatus: [0, 1]),
      Command(journal, ["summary", "--journal", folder.path, "--today", "2026-11-26"]),
      Command(journal, ["summary", "--journal", folder.path, "--today", "2026-11-26", "--format", "html"]),
    ],
    runs: runs)
  let (cat, floored, check, summary, html) = (results[0], results[1], results[2], results[3], results[4])
  // The floor must have parsed what the check read: every file of the generated journal.
  let printed = try String(contentsOfFile: floorOutput, encoding: .utf8)
  guard let report = FloorReport(printed), report.files == generated.files, report.bytes == generated.bytes else {
    throw BenchError(
      "journal-floor read other files than the journal holds (\(generated.files) files, \(generated.bytes) bytes): "
        + printed)
  }
  printTable(Array(zip(names, results)))
  print(
    String(
      format: "\ncheck / cat: %.2fx wall (target 1.5x)   check CPU: %.1f µs a file (target 45)",
      check.wall / cat.wall, check.cpu / Double(generated.files) * 1e6))
  print(
    String(
      format: "summary / check: %.2fx wall, %.2fx peak memory (target 2x)   html summary / check: %.2fx wall, %.2fx peak memory",
      summary.wall / check.wall, Double(summary.peakKiB) / Double(check.peakKiB),
      html.wall / check.wall, Double(html.peakKiB) / Double(check.peakKiB)))
  print("\njournal-floor: \(printed.split(separator: "\n").first ?? "")")
  for line in FloorComparison(files: generated.files, check: check, floor: floored, cat: cat).lines { print(line) }
}

/// `journal check` of the sample journal against `git status` in the same repository: both
/// read the same working tree, so `git status` is what a check costs at its least. The two are
/// run in turn, `runs` times each, and their medians compared.
func sampleBenchmark(sample: String, runs: Int, journal: String, startupFloor: String, floor: String) throws {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-sample-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: folder) }
  try FileManager.default.copyItem(atPath: sample, toPath: folder.path)
  let git = "git -C '\(folder.path)' -c user.name=Bench -c user.email=bench@example.com"
  // The files are dated an hour back before they are added, as in a journal a user has had a
  // while: an index written in the same second as its files holds "racily clean" entries,
  // which git status must read and hash again on every run, a cost no settled repository has.
  _ = try runOnce(
    "/bin/sh",
    ["-c", "find '\(folder.path)' -exec touch -h -d '1 hour ago' {} + && \(git) init -q && \(git) add -A && \(git) commit -q -m sample"],
    in: nil)
  let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
    var isFolder: ObjCBool = false
    return !path.hasPrefix(".git")
      && FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
      && !isFolder.boolValue
  }
  print("\(sample) in a new git repository, \(files.count) files; \(runs) runs of each, in turn, after one warm-up\n")
  // `journal --version` is journal's start-up alone: the loader, the Swift runtime and
  // Foundation, and the command line's parsing, before any file is read. journal-startup-floor
  // is the same start-up with nothing of journal's: a program built as journal is that only
  // prints (--bare), and one whose ArgumentParser parses the check's two options.
  let medians = try zip(
    [
      "git status", "journal check", "journal --version (start-up alone)",
      "Swift and Foundation, printing (--bare)", "the same, ArgumentParser parsing 2 options",
      "journal-floor (C parsing alone)",
    ],
    measureInTurn(
      [
        Command(try pathOfProgram("git"), ["-C", folder.path, "status", "--porcelain"]),
        Command(journal, ["check", "--journal", folder.path, "--today", "2026-11-26"], expectStatus: [0, 1]),
        Command(journal, ["--version"]),
        Command(startupFloor, ["--bare"]),
        Command(startupFloor, ["--journal", folder.path, "--today", "2026-11-26"]),
        Command(floor, [folder.path]),
      ], runs: runs)
  ).map { ($0, $1) }
  printTable(medians)
  let gitWall = medians[0].1.wall
  print(String(format: "\ncheck / git status: %.2fx wall (target 2x)", medians[1].1.wall / gitWall))
  print(
    String(
      format: "start-up / git status: journal --version %.2fx; Swift and Foundation %.2fx, with ArgumentParser %.2fx",
      medians[2].1.wall / gitWall, medians[3].1.wall / gitWall, medians[4].1.wall / gitWall))
  print(String(format: "the files' parsing by the C libraries alone / git status: %.2fx wall", medians[5].1.wall / gitWall))
}
