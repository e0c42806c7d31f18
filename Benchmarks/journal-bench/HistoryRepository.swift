import Foundation

/// The repository `commit` and `forget` measure in: the generated journal of `sessions`
/// sessions committed at once, then `commits - 1` commits through `git fast-import`, each
/// changing one person's profile in turn, packed by `git gc`, the working tree clean.
func historyRepository(sessions: Int, commits: Int, at folder: URL) throws -> JournalGenerator.Summary {
  let generated = try JournalGenerator(sessions: sessions).write(to: folder)
  let git = "git -C '\(folder.path)' -c user.name=Bench -c user.email=bench@example.com"
  // No automatic gc while the repository is built: one left running in the background would
  // race the explicit gc below and slow the timed runs.
  try benchShell("\(git) init -q -b main && \(git) add -A && \(git) -c gc.auto=0 commit -q -m 'journal: import'")
  var stream = ""
  for index in 1..<commits {
    let person = index % max(1, generated.people)
    let message = "journal: update notes \(index)"
    let body = "---\nname: Person \(person)\nrole: Engineer rev \(index)\n---\n"
    stream += "commit refs/heads/main\ncommitter Bench <bench@example.com> \(1_700_000_000 + index) +0000\n"
    stream += "data \(message.utf8.count)\n\(message)\n"
    if index == 1 { stream += "from refs/heads/main^0\n" }
    stream += "M 100644 inline mentees/person-\(person)/profile.md\ndata \(body.utf8.count)\n\(body)\n"
  }
  try benchShell("\(git) fast-import --quiet --force", input: stream)
  try benchShell("\(git) reset -q --hard && \(git) gc -q")
  return generated
}
