import Foundation
import Testing

/// The pre-commit hook, run by the real `git commit`.
@Suite struct HooksTests {
  @Test func hookChecksStagedNotesAndKeepsTheOldHook() throws {
    let repo = try GitFixture(journalAt: "notes", initialCommit: true)
    try repo.journal("commit", in: "notes")
    // A hook already there leaves a mark when it runs.
    try repo.write([".git/hooks/pre-commit": "#!/bin/sh\necho ran >> \"$(git rev-parse --git-dir)/old-hook-ran\"\n"])
    chmod(repo.path + "/.git/hooks/pre-commit", 0o755)
    let install = try repo.journal("hooks", "install", in: "notes")
    #expect(install.status == 0, "\(install.stderr)")
    #expect(install.stdout.hasSuffix("; the hook that was there runs first\n"))

    // A staged note with an error stops the commit, even though the working tree is fixed.
    try repo.write(["notes/mentees/alice/sessions/2026-11-20.md": "---\ndate: 2026-11-20\ntype: chat\n---\n"])
    try repo.git("add", "notes")
    try repo.write(["notes/mentees/alice/sessions/2026-11-20.md": session])
    let head = repo.head
    _ = try repo.git(["commit", "-q", "-m", "bad"], allowFailure: true)
    #expect(repo.head == head, "the hook refused the staged error")
    #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/old-hook-ran"))

    // Staging the fixed note lets the commit through.
    try repo.git("add", "notes")
    try repo.git("commit", "-q", "-m", "good")
    #expect(repo.head != head)

    let check = try repo.journal("check", "--staged", in: "notes")
    #expect(check.stdout == "checked 0 files: 0 errors, 0 warnings\n")

    let uninstall = try repo.journal("hooks", "uninstall", in: "notes")
    #expect(uninstall.stdout.hasSuffix("; the previous hook is back\n"))
    #expect(try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8).contains("old-hook-ran"))
  }
}
