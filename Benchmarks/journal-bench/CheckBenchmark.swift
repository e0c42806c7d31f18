import Foundation

/// `journal check` and `journal summary` of a generated journal, beside `cat` of the same files.
/// Prints the targets' figures: wall time against `cat`, CPU time per file, and the summary's
/// peak memory against the check's.
func checkBenchmark(sessions: Int, runs: Int, journal: String) throws {
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
      format: "\ncheck / cat: %.2fx wall (target 1.5x)   check CPU: %.1f µs a file (target 45)",
      check.wall / cat.wall, check.cpu / Double(generated.files) * 1e6))
  print(
    String(
      format: "summary / check: %.2fx wall, %.2fx peak memory (target 2x)   html summary / check: %.2fx wall, %.2fx peak memory",
      summary.wall / check.wall, Double(summary.peakKiB) / Double(check.peakKiB),
      html.wall / check.wall, Double(html.peakKiB) / Double(check.peakKiB)))
}

/// `journal check` of the sample journal against `git status` in the same repository: both
/// read the same working tree, so `git status` is what a check costs at its least. The two are
/// run in turn, `runs` times each, and their medians compared.
func sampleBenchmark(sample: String, runs: Int, journal: String) throws {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-sample-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: folder) }
  try FileManager.default.copyItem(atPath: sample, toPath: folder.path)
  let git = "git -C '\(folder.path)' -c user.name=Bench -c user.email=bench@example.com"
  _ = try runOnce("/bin/sh", ["-c", "\(git) init -q && \(git) add -A && \(git) commit -q -m sample"], in: nil)
  let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
    var isFolder: ObjCBool = false
    return !path.hasPrefix(".git")
      && FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
      && !isFolder.boolValue
  }
  print("\(sample) in a new git repository, \(files.count) files; \(runs) runs of each, in turn, after one warm-up\n")
  var rows: [(String, [Measurement])] = [("git status", []), ("journal check", [])]
  for index in 0...runs {
    let status = try runOnce("/usr/bin/env", ["git", "-C", folder.path, "status", "--porcelain"], in: nil)
    let check = try runOnce(
      journal, ["check", "--journal", folder.path, "--today", "2026-11-26"], in: nil, expectStatus: [0, 1])
    if index > 0 {
      rows[0].1.append(status)
      rows[1].1.append(check)
    }
  }
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  let medians = rows.map { name, results in
    (
      name,
      Measurement(
        wall: median(results.map(\.wall)), cpu: median(results.map(\.cpu)),
        peakKiB: results.map(\.peakKiB).max() ?? 0)
    )
  }
  printTable(medians)
  print(String(format: "\ncheck / git status: %.2fx wall (target 2x)", medians[1].1.wall / medians[0].1.wall))
}
