import Foundation
import JournalModel
import Testing

/// The pre-commit hook, run by the real `git commit`.
@Suite struct HooksTests {
  @Test func hookChecksStagedNotesAndKeepsTheOldHook() throws {
    let repo = try GitFixture(journalAt: "notes", initialCommit: true)
    // git runs the hook with journal found on PATH.
    let bin = try HookInstallTests.pathWithJournal()
    repo.environment["PATH"] = bin.path + ":/usr/bin:/bin"
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

/// `journal hooks install` puts the hook where git runs it, and the hook checks exactly what
/// git is about to commit.
@Suite struct HookInstallTests {
  static let broken = "---\ndate: 2026-11-20\ntype: chat\n---\n"

  /// A folder holding only a `journal` link to the built program: the PATH a person has.
  static func pathWithJournal() throws -> TemporaryFolder {
    let bin = try TemporaryFolder()
    try FileManager.default.createSymbolicLink(atPath: bin.path + "/journal", withDestinationPath: journalBinary.path)
    return bin
  }

  func commit(_ repo: GitFixture, _ arguments: [String], bin: TemporaryFolder, in folder: String? = nil) throws -> Run {
    try runProgram(
      "/usr/bin/git", arguments, in: URL(fileURLWithPath: folder ?? repo.path),
      environment: ["HOME": repo.home.path, "PATH": bin.path + ":/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"])
  }

  @Test func commitAllIsCheckedAsStaged() throws {
    let repo = try GitFixture()
    let bin = try Self.pathWithJournal()
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    try repo.journal("commit")
    #expect(try repo.journal("hooks", "install").status == 0)
    // The working tree holds an error that only `git commit -a` stages.
    try repo.write(["mentees/alice/sessions/2026-11-20.md": Self.broken])
    let head = repo.head
    let refused = try commit(repo, ["commit", "-q", "-a", "-m", "broken"], bin: bin)
    #expect(refused.status != 0, "\(refused.stdout)\(refused.stderr)")
    // git passes a hook's output to standard error.
    #expect(refused.stderr.contains("`chat` is not a session type"), "\(refused.stderr)")
    #expect(repo.head == head)
    // Named on the command line too (git commit <path>: its own temporary index).
    let named = try commit(repo, ["commit", "-q", "-m", "broken", "mentees/alice/sessions/2026-11-20.md"], bin: bin)
    #expect(named.status != 0)
    #expect(repo.head == head)
  }

  @Test func linkedWorktreeAndAMovedRepository() throws {
    let repo = try GitFixture()
    let bin = try Self.pathWithJournal()
    try repo.journal("commit")
    try repo.git("worktree", "add", "-q", "-b", "other", "wt")
    let install = try runJournal(["hooks", "install"], in: repo.path + "/wt", environment: ["HOME": repo.home.path])
    #expect(install.status == 0, "\(install.stderr)")
    #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/.git/hooks/pre-commit"))
    let hook = try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8)
    #expect(!hook.contains(repo.path) && !hook.contains(journalBinary.path), "no absolute path in \(hook)")
    try repo.write(["wt/mentees/alice/sessions/2026-11-20.md": Self.broken])
    try repo.git("-C", "wt", "add", "-A")
    let refused = try commit(repo, ["commit", "-q", "-m", "broken"], bin: bin, in: repo.path + "/wt")
    #expect(refused.status != 0, "the hook runs in the linked worktree")

    // Moved elsewhere, the repository's hook still finds journal and the journal.
    let elsewhere = try TemporaryFolder()
    let moved = elsewhere.path + "/moved"
    #expect(rename(repo.path, moved) == 0)
    defer { _ = rename(moved, repo.path) }
    try FileManager.default.createDirectory(atPath: moved + "/mentees/alice/sessions", withIntermediateDirectories: true)
    try "---\ndate: 2026-11-21\ntype: chat\n---\n".write(toFile: moved + "/mentees/alice/sessions/2026-11-21.md", atomically: true, encoding: .utf8)
    let env = ["HOME": repo.home.path, "PATH": bin.path + ":/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"]
    #expect(try runProgram("/usr/bin/git", ["add", "-A"], in: URL(fileURLWithPath: moved), environment: env).status == 0)
    let movedRun = try runProgram("/usr/bin/git", ["commit", "-q", "-m", "broken"], in: URL(fileURLWithPath: moved), environment: env)
    #expect(movedRun.status != 0)
    #expect(movedRun.stderr.contains("`chat` is not a session type"), "\(movedRun.stdout)\(movedRun.stderr)")
  }

  @Test func journalMissingFromPathFailsClearly() throws {
    let repo = try GitFixture()
    try repo.journal("commit")
    #expect(try repo.journal("hooks", "install").status == 0)
    try repo.write(["mentees/alice/sessions/2026-11-20.md": session])
    try repo.git("add", "-A")
    let direct = try runProgram(
      "/usr/bin/git", ["commit", "-q", "-m", "x"], in: repo.folder.url,
      environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"])
    #expect(direct.status != 0)
    #expect(direct.stderr.contains("journal is not on PATH"), "\(direct.stderr)")
  }

  @Test func hooksPathLocalIsUsedAndGlobalRefused() throws {
    let repo = try GitFixture()
    try repo.git("config", "core.hooksPath", "githooks")
    let local = try repo.journal("hooks", "install")
    #expect(local.status == 0, "\(local.stderr)")
    #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/githooks/pre-commit"))
    try repo.git("config", "--unset", "core.hooksPath")
    try repo.git("config", "--global", "core.hooksPath", repo.home.path + "/all-hooks")
    let global = try repo.journal("hooks", "install")
    #expect(global.status == 2)
    #expect(global.stderr.contains("would run in every repository"), "\(global.stderr)")
    #expect(global.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: repo.home.path + "/all-hooks/pre-commit"))
  }

  /// The journal folder's name is written into the hook quoted for the shell: read back by
  /// `sh -n` and run with a stand-in `journal` that records its arguments, the hook passes
  /// exactly the folder's name, whatever it holds.
  @Test(arguments: [
    "notes with spaces", "it's", "quote'\u{301}accent", "$HOME and $(touch pwned)", "back`touch pwned`tick",
    "new\nline", "carriage\rreturn", "\"double\" \\ back", "-dash", "tab\there", "*glob?[x]",
  ])
  func hostileJournalFolderNames(_ name: String) throws {
    let repo = try GitFixture(journalAt: name, initialCommit: true)
    let install = try runJournal(["hooks", "install"], in: repo.path + "/" + name, environment: ["HOME": repo.home.path])
    #expect(install.status == 0, "\(install.stderr)")
    let hook = repo.path + "/.git/hooks/pre-commit"
    #expect(try runProgram("/bin/sh", ["-n", hook]).status == 0, "sh -n reads the hook")
    // A stand-in journal writes each argument it gets, NUL-terminated.
    let bin = try TemporaryFolder()
    let record = bin.path + "/arguments"
    try writeFile(bin.path + "/journal", Data("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > '\(record)'\n".utf8))
    chmod(bin.path + "/journal", 0o755)
    let sandbox = repo.path
    // A program just written can be busy for a moment when a test beside this one starts a
    // process ("text file busy"): the hook is run again then.
    var run = try runProgram("/bin/sh", [hook], in: URL(fileURLWithPath: sandbox), environment: ["PATH": bin.path + ":/usr/bin:/bin", "HOME": repo.home.path])
    for _ in 0..<20 where run.status == 126 {
      usleep(50_000)
      run = try runProgram("/bin/sh", [hook], in: URL(fileURLWithPath: sandbox), environment: ["PATH": bin.path + ":/usr/bin:/bin", "HOME": repo.home.path])
    }
    #expect(run.status == 0, "\(run.stderr)")
    let arguments = try Data(contentsOf: URL(fileURLWithPath: record)).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    #expect(arguments == ["check", "--staged", "--journal", "./" + name])
    #expect(!FileManager.default.fileExists(atPath: sandbox + "/pwned"), "nothing in the name was run")
    // And the real journal, run by git, checks that journal.
    try repo.write(["\(name)/mentees/alice/sessions/2026-11-20.md": Self.broken])
    try repo.git("add", "-A")
    let commit = try commit(repo, ["commit", "-q", "-m", "broken"], bin: try Self.pathWithJournal())
    #expect(commit.status != 0, "\(commit.stdout)\(commit.stderr)")
    #expect(commit.stderr.contains("`chat` is not a session type"), "\(commit.stdout)\(commit.stderr)")
  }
}

/// The shell escaper, read back by the shell itself.
@Suite struct ShellQuoteTests {
  @Test(arguments: ["", "plain", "it's", "'", "''", "'\u{301}", "a\nb", "a\rb", "\r\n", "$x `y` $(z) \\", "é\u{301}'\u{301}", "🙂'🙂"])
  func shellReadsBackTheSameBytes(_ text: String) throws {
    let run = try runProgram("/bin/sh", ["-c", "printf '%s' " + ShellQuote.quote(text)])
    #expect(run.status == 0)
    #expect(Array(run.stdout.utf8) == Array(text.utf8))
  }
}
