import Foundation

/// `journal forget` of one person in the repository `historyRepository` makes, against git doing the same job on a
/// copy of the same repository in the same run: `git filter-branch` (removing the folder from
/// every commit, then the backup references, the reference logs and the unreachable objects),
/// `git filter-repo` when it is installed (`pip install git-filter-repo`), and `git gc
/// --prune=now` alone, the floor for writing one pack of everything.
func forgetBenchmark(sessions: Int, commits: Int, runs: Int, journal: String) throws {
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-forget-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: root) }
  let source = root.appendingPathComponent("source")
  let generated = try historyRepository(sessions: sessions, commits: commits, at: source)
  let person = "person-7"
  let hasFilterRepo = (try? benchShell("git filter-repo --version > /dev/null 2>&1")) != nil
  print("repository of \(generated.files) journal files and \(commits) commits; forgetting \(person)")
  print("each command on a fresh copy of the same repository; median of \(runs) runs, interleaved\n")

  var results: [String: [Measurement]] = [:]
  let branch =
    "git filter-branch -f --index-filter 'git rm -r -q --cached --ignore-unmatch mentees/\(person)' --prune-empty -- --all"
    + " && git for-each-ref --format='%(refname)' refs/original | xargs -r -n1 git update-ref -d"
    + " && git reflog expire --expire=now --expire-unreachable=now --all && git gc -q --prune=now"
  var commands: [(String, String, [String])] = [
    ("git gc --prune=now (repacking alone)", "/bin/sh", ["-c", "git gc -q --prune=now"]),
    ("journal forget", journal, ["forget", person, "--yes"]),
    ("git filter-branch, reflog expire, gc", "/bin/sh", ["-c", "FILTER_BRANCH_SQUELCH_WARNING=1 " + branch + " > /dev/null 2>&1"]),
  ]
  if hasFilterRepo {
    commands.append(
      ("git filter-repo --invert-paths", "/bin/sh", ["-c", "git filter-repo --force --quiet --invert-paths --path mentees/\(person)/ > /dev/null"]))
  }
  for run in 0..<runs {
    for (index, command) in commands.enumerated() {
      let copy = root.appendingPathComponent("copy-\(run)-\(index)").path
      try benchShell("cp -a '\(source.path)' '\(copy)'")
      results[command.0, default: []].append(try runOnce(command.1, command.2, in: copy))
      try benchShell("rm -rf '\(copy)'")
    }
  }
  func median(_ values: [Measurement]) -> Measurement {
    func middle(_ numbers: [Double]) -> Double { numbers.sorted()[numbers.count / 2] }
    return Measurement(
      wall: middle(values.map(\.wall)), cpu: middle(values.map(\.cpu)), peakKiB: values.map(\.peakKiB).max() ?? 0)
  }
  printTable(commands.map { ($0.0, median(results[$0.0]!)) })
  if !hasFilterRepo { print("\n(git filter-repo is not installed: pip install git-filter-repo)") }
}
