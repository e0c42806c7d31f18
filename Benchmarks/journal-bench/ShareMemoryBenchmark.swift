import Foundation

/// Peak memory of `journal share` when the person's folder holds two large attachments
/// (random bytes, `megabytes` each): the translation and the check before the push alone
/// (`--dry-run`), and the whole share to a new bare repository over a path; beside them,
/// `git push` of the same shared history to another new repository.
func shareMemoryBenchmark(megabytes: Int, journal: String) throws {
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-share-memory-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: root) }
  let folder = root.appendingPathComponent("journal")
  let person = folder.appendingPathComponent("mentees/alice")
  try FileManager.default.createDirectory(at: person.appendingPathComponent("attachments"), withIntermediateDirectories: true)
  try FileManager.default.createDirectory(at: person.appendingPathComponent("sessions"), withIntermediateDirectories: true)
  try Data("title: Bench\n".utf8).write(to: folder.appendingPathComponent("journal.yml"))
  try Data("---\nname: Alice\nrelationship: report\n---\n".utf8).write(to: person.appendingPathComponent("profile.md"))
  try Data(
    "---\ndate: 2026-09-15\ntype: career-development\n---\n## Strengths\n\n- Ran the review on 2026-09-15 and wrote the timeline the same day\n"
      .utf8
  ).write(to: person.appendingPathComponent("sessions/2026-09-15.md"))
  let git = "git -C '\(folder.path)' -c user.name=Bench -c user.email=bench@example.com"
  for name in ["a.bin", "b.bin"] {
    try benchShell("head -c \(megabytes << 20) /dev/urandom > '\(person.path)/attachments/\(name)'")
  }
  try benchShell("\(git) init -q -b main && \(git) add -A && \(git) commit -q -m start")
  print("one person whose folder holds two attachments of \(megabytes) MiB of random bytes; one run each\n")

  let today = ["--today", "2026-09-16"]
  // A dry run reads the remote too: it must be there.
  let dry = root.appendingPathComponent("dry.git").path
  try benchShell("git init -q --bare -b main '\(dry)'")
  let dryRun = try runOnce(journal, ["share", "alice", "--to", dry, "--dry-run"] + today, in: folder.path)
  let shared = root.appendingPathComponent("shared.git").path
  try benchShell("git init -q --bare -b main '\(shared)'")
  let share = try runOnce(journal, ["share", "alice", "--to", shared] + today, in: folder.path)
  let copy = root.appendingPathComponent("copy.git").path
  try benchShell("git init -q --bare -b main '\(copy)'")
  let push = try runOnce(
    "/bin/sh",
    ["-c", "\(git) push -q '\(copy)' \"$(\(git) for-each-ref --format='%(refname)' 'refs/journal/share/*/alice/*/record')^1:refs/heads/main\""],
    in: nil)
  printTable([
    ("journal share --dry-run (translation and check)", dryRun), ("journal share (whole, to a path)", share),
    ("git push of the same history (baseline)", push),
  ])
}
