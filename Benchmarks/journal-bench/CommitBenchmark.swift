import Foundation

/// `journal commit` of one new session against `git add <file> && git commit`, in a repository
/// of `sessions` journal files and `commits` commits, each measured on the same repository.
func commitBenchmark(sessions: Int, commits: Int, runs: Int, journal: String) throws {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-commit-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let generated = try historyRepository(sessions: sessions, commits: commits, at: folder)
  let git = "git -C '\(folder.path)' -c user.name=Bench -c user.email=bench@example.com"
  print("repository of \(generated.files) journal files and \(commits) commits")
  print("each run adds one new session, to each person in turn; median of \(runs) runs\n")

  var journalTimes: [Double] = []
  var journalFileTimes: [Double] = []
  var gitTimes: [Double] = []
  var gitAllTimes: [Double] = []
  var gitSyncedTimes: [Double] = []
  let sessionText = "---\ndate: 2026-11-26\ntype: career-development\n---\n## Strengths\n\n- Ran the incident review and wrote the timeline the same day\n"
  // git does not fsync loose objects by default; journal has libgit2 fsync everything it
  // writes. This baseline asks git for the same durability.
  let synced = "\(git) -c core.fsync=all -c core.fsyncMethod=fsync"
  for run in 0..<(runs * 5) {
    // Each person in turn, so the journal keeps the shape it was built with while it is
    // measured, rather than one person's history growing with every run.
    let name = "mentees/person-\(run % generated.people)/sessions/2026-11-26-bench-\(run).md"
    try Data(sessionText.utf8).write(to: folder.appendingPathComponent(name))
    if run % 5 == 4 {
      gitSyncedTimes.append(
        try timed("/bin/sh", ["-c", "\(synced) add '\(name)' && \(synced) commit -q -m 'journal: session'"], environment: [:], directory: folder.path))
    } else if run % 5 == 3 {
      // The same job as git add <file> && git commit: commit the file named.
      journalFileTimes.append(
        try timed(journal, ["commit", "--journal", folder.path, "--today", "2026-11-26", folder.path + "/" + name], environment: [:], directory: folder.path))
    } else if run % 5 == 2 {
      // The same job as journal commit: find what changed in the journal, then commit it.
      gitAllTimes.append(
        try timed("/bin/sh", ["-c", "\(git) add -A mentees journal.yml && \(git) commit -q -m 'journal: session'"], environment: [:], directory: folder.path))
    } else if run % 5 == 0 {
      journalTimes.append(
        try timed(journal, ["commit", "--journal", folder.path, "--today", "2026-11-26"], environment: ["GIT_AUTHOR_NAME": "Bench"], directory: folder.path))
    } else {
      gitTimes.append(
        try timed("/bin/sh", ["-c", "\(git) add '\(name)' && \(git) commit -q -m 'journal: session'"], environment: [:], directory: folder.path))
    }
  }
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  let journalMedian = median(journalTimes)
  let gitMedian = median(gitTimes)
  let gitAllMedian = median(gitAllTimes)
  let journalFileMedian = median(journalFileTimes)
  print(String(format: "git add <file> && git commit                  %7.3f s", gitMedian))
  print(String(format: "  the same, with core.fsync=all             %7.3f s", median(gitSyncedTimes)))
  print(String(format: "journal commit <file>                         %7.3f s   %.2fx", journalFileMedian, journalFileMedian / gitMedian))
  print(String(format: "git add -A mentees journal.yml && git commit  %7.3f s", gitAllMedian))
  print(String(format: "journal commit                                %7.3f s   %.2fx", journalMedian, journalMedian / gitAllMedian))
}

/// Wall time of one run of a command, which must succeed.
private func timed(_ program: String, _ arguments: [String], environment: [String: String], directory: String) throws -> Double {
  try runOnce(program, arguments, in: directory).wall
}

