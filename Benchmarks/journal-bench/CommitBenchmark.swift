import Foundation

/// `journal commit` of one new session against `git add <file> && git commit`, in a repository
/// of `sessions` journal files and `commits` commits, each measured on the same repository.
/// `other`, another build of journal, is measured beside them (`--compare`), so that two
/// builds compare within one run on a machine whose speed varies.
func commitBenchmark(sessions: Int, commits: Int, runs: Int, journal: String, other: String? = nil) throws {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-commit-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let generated = try historyRepository(sessions: sessions, commits: commits, at: folder)
  // git is spawned by its own path, each command in turn, their times added: through a
  // shell the baseline would carry one more exec than journal.
  let gitProgram = try pathOfProgram("git")
  let git = ["-C", folder.path, "-c", "user.name=Bench", "-c", "user.email=bench@example.com"]
  print("repository of \(generated.files) journal files and \(commits) commits")
  print("each run adds one new session, to each person in turn; median of \(runs) runs\n")

  var journalTimes: [Measurement] = []
  var journalFileTimes: [Measurement] = []
  var gitTimes: [Measurement] = []
  var gitAllTimes: [Measurement] = []
  var gitSyncedTimes: [Measurement] = []
  var otherTimes: [Measurement] = []
  let sessionText = "---\ndate: 2026-11-26\ntype: career-development\n---\n## Strengths\n\n- Ran the incident review and wrote the timeline the same day\n"
  // git does not fsync loose objects by default; journal has libgit2 fsync everything it
  // writes. This baseline asks git for the same durability.
  let synced = git + ["-c", "core.fsync=all", "-c", "core.fsyncMethod=fsync"]
  func gitSteps(_ steps: [[String]]) throws -> Measurement {
    try steps.map { try timed(gitProgram, $0, directory: folder.path) }.reduce(
      Measurement(wall: 0, cpu: 0, peakKiB: 0)
    ) { Measurement(wall: $0.wall + $1.wall, cpu: $0.cpu + $1.cpu, peakKiB: max($0.peakKiB, $1.peakKiB)) }
  }
  let kinds = other == nil ? 5 : 6
  for run in 0..<(runs * kinds) {
    // Each person in turn, so the journal keeps the shape it was built with while it is
    // measured, rather than one person's history growing with every run.
    let name = "mentees/person-\(run % generated.people)/sessions/2026-11-26-bench-\(run).md"
    try Data(sessionText.utf8).write(to: folder.appendingPathComponent(name))
    if run % kinds == 5, let other {
      otherTimes.append(
        try timed(other, ["commit", "--journal", folder.path, "--today", "2026-11-26", folder.path + "/" + name], directory: folder.path))
    } else if run % kinds == 4 {
      gitSyncedTimes.append(
        try gitSteps([synced + ["add", name], synced + ["commit", "-q", "-m", "journal: session"]]))
    } else if run % kinds == 3 {
      // The same job as git add <file> && git commit: commit the file named.
      journalFileTimes.append(
        try timed(journal, ["commit", "--journal", folder.path, "--today", "2026-11-26", folder.path + "/" + name], directory: folder.path))
    } else if run % kinds == 2 {
      // The same job as journal commit: find what changed in the journal, then commit it.
      gitAllTimes.append(
        try gitSteps([git + ["add", "-A", "mentees", "journal.yml"], git + ["commit", "-q", "-m", "journal: session"]]))
    } else if run % kinds == 0 {
      journalTimes.append(try timed(journal, ["commit", "--journal", folder.path, "--today", "2026-11-26"], directory: folder.path))
    } else {
      gitTimes.append(
        try gitSteps([git + ["add", name], git + ["commit", "-q", "-m", "journal: session"]]))
    }
  }
  // Wall time, and CPU time (the command's and its children's), which a busy machine
  // disturbs less.
  func median(_ values: [Measurement]) -> (wall: Double, cpu: Double) {
    (values.map(\.wall).sorted()[values.count / 2], values.map(\.cpu).sorted()[values.count / 2])
  }
  func line(_ label: String, _ values: [Measurement], against baseline: [Measurement]? = nil) {
    let (wall, cpu) = median(values)
    var text = label.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%7.3f s  %7.3f s", wall, cpu)
    if let baseline {
      let (baseWall, baseCPU) = median(baseline)
      text += String(format: "   %.2fx  %.2fx", wall / baseWall, cpu / baseCPU)
    }
    print(text)
  }
  print("".padding(toLength: 46, withPad: " ", startingAt: 0) + "   wall       CPU")
  line("git add <file> && git commit", gitTimes)
  line("  the same, with core.fsync=all", gitSyncedTimes)
  line("journal commit <file>", journalFileTimes, against: gitTimes)
  if let other, !otherTimes.isEmpty {
    line("the other build: journal commit <file>", otherTimes, against: gitTimes)
    print("  (\(other))")
  }
  line("git add -A mentees journal.yml && git commit", gitAllTimes)
  line("journal commit", journalTimes, against: gitAllTimes)
}

/// Wall and CPU time of one run of a command, which must succeed.
private func timed(_ program: String, _ arguments: [String], directory: String) throws -> Measurement {
  try runOnce(program, arguments, in: directory)
}
