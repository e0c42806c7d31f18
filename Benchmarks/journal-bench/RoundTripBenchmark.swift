import Foundation

/// The round trip of `journal share`: the person clones their shared repository, makes
/// `replies` commits in their folder (a reply in a session, a self-assessment) and pushes;
/// then `journal share` fetches them, takes them into the journal under a merge and pushes
/// the merge. Beside it, on a copy of the same journal and remote: `git fetch` of the same
/// commits alone, and `git fetch` with `git cherry-pick` of them (applying each to the
/// journal and committing it, as the import does, without the check, the merge or the push).
/// Each run starts from copies of the same repositories, made outside the timing.
func roundTripBenchmark(folder: URL, root: URL, person: String, replies: Int, runs: Int, journal: String) throws {
  let base = root.appendingPathComponent("round-base")
  let remote = root.appendingPathComponent("round-remote.git").path
  try benchShell("cp -a '\(folder.path)' '\(base.path)' && git init -q --bare -b main '\(remote)'")
  let git = "git -C '\(base.path)' -c user.name=Bench -c user.email=bench@example.com"
  try benchShell("\(git) for-each-ref --format='%(refname)' refs/journal | xargs -r -n1 \(git) update-ref -d")
  // The index written a second after the files, as any later git command leaves it: its
  // entries are not racily clean (a fresh checkout's all are, and both sides would hash
  // every file again).
  try benchShell("sleep 1 && \(git) update-index -q --really-refresh")
  _ = try runOnce(journal, ["share", person, "--to", remote], in: base.path)
  let shared = try benchOutput("git -C '\(remote)' rev-parse main")

  // The person's side: a clone, `replies` commits under their own name, one push.
  let clone = root.appendingPathComponent("round-clone").path
  let their = "git -C '\(clone)' -c user.name='Person Seven' -c user.email=seven@example.com"
  try benchShell("git clone -q '\(remote)' '\(clone)'")
  let sessions = try benchOutput("ls '\(clone)/mentees/\(person)/sessions'").split(separator: "\n")
  for index in 0..<replies {
    if index % 2 == 0, let session = sessions.dropFirst(index / 2 % max(sessions.count, 1)).first {
      try benchShell("printf '\\n## Dialogue\\n\\n- Seven: reply %d\\n' \(index) >> '\(clone)/mentees/\(person)/sessions/\(session)'")
    } else {
      let name = String(format: "2027-02-%02d-self-assessment-%d.md", 1 + index % 28, index)
      let note = "---\ndate: 2027-02-\(String(format: "%02d", 1 + index % 28))\ntype: self-assessment\n---\n## Achievements\n\n- Wrote self-assessment \(index) the same day\n"
      try Data(note.utf8).write(to: URL(fileURLWithPath: "\(clone)/mentees/\(person)/sessions/\(name)"))
    }
    try benchShell("\(their) add -A && \(their) commit -q -m 'Reply \(index)'")
  }
  try benchShell("\(their) push -q origin main")
  print("\nround trip: \(replies) commits of \(person)'s pushed to the shared repository, then shared again")
  print("median of \(runs) runs, each from copies of the same repositories\n")

  let gitProgram = try pathOfProgram("git")
  var shareTimes: [Double] = []
  var fetchTimes: [Double] = []
  var pickTimes: [Double] = []
  for run in 0..<runs {
    let work = root.appendingPathComponent("round-\(run)").path
    let workRemote = root.appendingPathComponent("round-\(run).git").path
    for name in ["journal", "fetch", "pick"] {
      try benchShell("cp -a '\(base.path)' '\(work)-\(name)' && cp -a '\(remote)' '\(workRemote)-\(name)'")
    }
    // Every command is spawned by its own path, git's steps one after another with their
    // times added: through sh or env, one side would carry an exec more than the other.
    let identity = ["-c", "user.name=Bench", "-c", "user.email=bench@example.com"]
    fetchTimes.append(
      try runOnce(gitProgram, ["-C", "\(work)-fetch"] + identity + ["fetch", "-q", "\(workRemote)-fetch", "main"], in: nil)
        .wall)
    let pick = ["-C", "\(work)-pick"] + identity
    pickTimes.append(
      try runOnce(gitProgram, pick + ["fetch", "-q", "\(workRemote)-pick", "main"], in: nil).wall
        + runOnce(gitProgram, pick + ["cherry-pick", "--allow-empty", "\(shared)..FETCH_HEAD"], in: nil).wall)
    shareTimes.append(
      try runOnce(
        journal, ["share", person, "--to", "\(workRemote)-journal"], in: "\(work)-journal",
        environment: [
          "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.com", "GIT_COMMITTER_NAME": "Bench",
          "GIT_COMMITTER_EMAIL": "bench@example.com",
        ]
      ).wall)
    try benchShell("rm -rf '\(work)-journal' '\(work)-fetch' '\(work)-pick' '\(workRemote)-journal' '\(workRemote)-fetch' '\(workRemote)-pick'")
  }
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  let share = median(shareTimes)
  print(String(format: "git fetch of the %d commits (the transfer alone)           %7.3f s", replies, median(fetchTimes)))
  print(String(format: "git fetch and git cherry-pick of them                    %7.3f s", median(pickTimes)))
  print(
    String(
      format: "journal share (fetch, take in, check, merge, push)       %7.3f s   %.2fx fetch and cherry-pick", share,
      share / median(pickTimes)))
}

func benchOutput(_ command: String) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", command]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { throw BenchError("`\(command)` failed") }
  return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
