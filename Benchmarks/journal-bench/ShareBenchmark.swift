import Foundation

/// `journal share` of one person out of `people`, from a history of `commits` commits, each
/// adding one session for one person in turn; then a re-share after one more commit. Beside
/// them, git doing parts of the same job on the same repository: listing the commits that
/// touched the person's folder, and pushing the shared history to a new repository. Then the
/// round trip (`roundTripBenchmark`).
func shareBenchmark(people: Int, commits: Int, runs: Int, replies: Int, journal: String) throws {
  guard people >= 1, commits > people else { throw BenchError("share needs --people 1 or more and --commits above it") }
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-share-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: root) }
  let folder = root.appendingPathComponent("journal")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let git = "git -C '\(folder.path)' -c user.name=Bench -c user.email=bench@example.com"
  let gitProgram = try pathOfProgram("git")
  try benchShell("\(git) init -q -b main")

  var stream = "commit refs/heads/main\ncommitter Bench <bench@example.com> 1700000000 +0000\n"
  let first = "journal: start"
  stream += "data \(first.utf8.count)\n\(first)\n"
  func inline(_ path: String, _ text: String) -> String { "M 100644 inline \(path)\ndata \(text.utf8.count)\n\(text)\n" }
  stream += inline("journal.yml", "title: Bench\n")
  for person in 0..<people {
    stream += inline("mentees/person-\(person)/profile.md", "---\nname: Person \(person)\nrelationship: report\n---\n")
    stream += inline("mentees/person-\(person)/private/notes.md", "private notes \(person)\n")
  }
  for index in 1..<commits {
    let person = index % people
    let day = 1 + index / people
    let date = String(format: "2026-%02d-%02d", 1 + (day / 28) % 12, 1 + day % 28)
    let message = "journal: session with person-\(person)"
    stream += "commit refs/heads/main\nauthor Mentor <mentor@example.com> \(1_700_000_000 + index * 600) +0100\n"
    stream += "committer Mentor <mentor@example.com> \(1_700_000_000 + index * 600) +0100\n"
    stream += "data \(message.utf8.count)\n\(message)\n"
    let body = "---\ndate: \(date)\ntype: career-development\n---\n## Strengths\n\n- Session \(index): ran the review and wrote the timeline the same day\n"
    stream += inline("mentees/person-\(person)/sessions/\(date)-s\(index).md", body)
  }
  try benchShell("\(git) fast-import --quiet", input: stream)
  try benchShell("\(git) reset -q --hard && \(git) gc -q")
  // One person out of many; the last one where the journal has fewer than eight.
  let person = "person-\(min(7, people - 1))"
  print("repository of \(people) people and \(commits) commits; sharing \(person), whose folder \(commits / people) commits changed")
  print("median of \(runs) runs\n")

  var firstTimes: [Double] = []
  var againTimes: [Double] = []
  var listTimes: [Double] = []
  var pushTimes: [Double] = []
  for run in 0..<runs {
    let remote = root.appendingPathComponent("shared-\(run).git").path
    try benchShell("git init -q --bare -b main '\(remote)'")
    try benchShell("\(git) for-each-ref --format='%(refname)' refs/journal | xargs -r -n1 \(git) update-ref -d")
    // The baselines are spawned by git's own path, as journal is: through sh they would carry
    // one more exec.
    listTimes.append(
      try runOnce(gitProgram, ["-C", folder.path, "rev-list", "HEAD", "--", "mentees/\(person)/"], in: nil).wall)
    firstTimes.append(try runOnce(journal, ["share", person, "--to", remote], in: folder.path).wall)
    // git pushing the same history to an empty repository: the transfer alone.
    let copy = root.appendingPathComponent("copy-\(run).git").path
    try benchShell("git init -q --bare -b main '\(copy)'")
    let recordFile = root.appendingPathComponent("record-\(run)").path
    try benchShell("\(git) for-each-ref --format='%(refname)' 'refs/journal/share/*/\(person)/*/record' > '\(recordFile)'")
    let record = try String(contentsOfFile: recordFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    pushTimes.append(
      try runOnce(gitProgram, ["-C", folder.path, "push", "-q", copy, "\(record)^1:refs/heads/main"], in: nil).wall)
    // One new session for the person, then the re-share.
    let name = "mentees/\(person)/sessions/2027-01-01-run\(run).md"
    try Data("---\ndate: 2027-01-01\ntype: career-development\n---\n".utf8).write(to: folder.appendingPathComponent(name))
    try benchShell("\(git) add '\(name)' && \(git) commit -q -m 'journal: one more'")
    againTimes.append(try runOnce(journal, ["share", person, "--to", remote], in: folder.path).wall)
  }
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  let firstShare = median(firstTimes)
  let again = median(againTimes)
  print(String(format: "git rev-list HEAD -- mentees/%@/            %7.3f s", person, median(listTimes)))
  print(String(format: "git push of the shared history to a new repository %7.3f s", median(pushTimes)))
  print(String(format: "journal share (first, whole history)              %7.3f s", firstShare))
  print(String(format: "journal share (after one new commit)              %7.3f s   %.1f%% of the first", again, again / firstShare * 100))
  try roundTripBenchmark(folder: folder, root: root, person: person, replies: replies, runs: runs, journal: journal)
}

func benchShell(_ command: String, input: String? = nil) throws {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", command]
  let pipe = Pipe()
  if input != nil { process.standardInput = pipe }
  try process.run()
  if let input {
    pipe.fileHandleForWriting.write(Data(input.utf8))
    try pipe.fileHandleForWriting.close()
  }
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { throw BenchError("`\(command)` failed") }
}
