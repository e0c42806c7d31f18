import Foundation
import JournalModel
import Testing

/// The built `journal` program, run the way people and CI run it.
@Suite struct CommandLineTests {
  @Test func sampleJournalIsCleanOfErrors() throws {
    let run = try runJournal(["check", "SampleJournal", "--today", "2026-11-26"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.hasSuffix("checked 27 files: 0 errors, 3 warnings\n"))
  }

  /// Standard output that cannot take the report (a full disk) is an I/O failure: one line
  /// and status 2, never a trap with a stack trace.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
  func unwritableOutputIsOneLineAndStatusTwo() throws {
    let folder = try TemporaryFolder()
    let errors = folder.path + "/stderr"
    let pid = try startProgram(
      journalBinary.path, ["check", "SampleJournal", "--today", "2026-11-26"], in: packageRoot,
      environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], output: "/dev/full", errors: errors)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    #expect(status & 0x7F == 0, "stopped by signal \(status & 0x7F)")
    #expect((status >> 8) & 0xFF == 2)
    #expect(try String(contentsOfFile: errors, encoding: .utf8) == "journal: cannot write to standard output: No space left on device\n")
  }

  @Test func strictFailsOnWarnings() throws {
    let run = try runJournal(["check", "SampleJournal", "--today", "2026-11-26", "--strict"])
    #expect(run.status == 1)
  }

  @Test func errorsExitWithOne() throws {
    let folder = try TemporaryFolder()
    try folder.write([
      "journal.yml": "title: T\n",
      "mentees/alex/profile.md": "---\nname: Alex\n---\n",
      "mentees/alex/sessions/2026-11-20.md": "---\ndate: 2026-11-20\ntype: carrer-development\n---\n",
    ])
    let run = try runJournal(["check", "--today", "2026-11-26"], in: folder.path + "/mentees/alex")
    #expect(run.status == 1)
    // Paths are relative to the current folder.
    #expect(run.stdout == """
      sessions/2026-11-20.md:3:7: error: `carrer-development` is not a session type [invalid-value]
      3 | type: carrer-development
        |       ^
        = hint: did you mean `career-development`?

      checked 3 files: 1 error, 0 warnings

      """)
  }

  @Test func jsonFormat() throws {
    let run = try runJournal(["check", "SampleJournal", "--today", "2026-11-26", "--format", "json"])
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    #expect(object["files"] as? Int == 27)
    #expect(object["errors"] as? Int == 0)
    #expect(object["warnings"] as? Int == 3)
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 3)
    let first = diagnostics[0]
    #expect(first["file"] as? String == "SampleJournal/mentees/lee-chen/profile.md")
    #expect(first["line"] as? Int == 12)
    #expect(first["column"] as? Int == 10)
    #expect(first["severity"] as? String == "warning")
    #expect(first["rule"] as? String == "overdue-check-in")
    #expect((first["message"] as? String)?.hasPrefix("21 days since the last session") == true)
  }

  @Test func githubFormat() throws {
    let run = try runJournal(["check", "SampleJournal", "--today", "2026-11-26", "--format", "github"])
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(
      lines[1]
        == "::warning file=SampleJournal/mentees/lee-chen/sessions/2026-11-05-design-crit.md,line=14,col=12,title=journal missed-follow-up::follow-up with Lee Chen was due 2026-11-19 (7 days ago) and no later session is recorded%0Arecord the follow-up session, or move the date"
    )
    #expect(lines[3] == "checked 27 files: 0 errors, 3 warnings")
  }

  @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
    // Output to a pipe is never coloured.
    let piped = try runJournal(["check", "SampleJournal", "--today", "2026-11-26"])
    #expect(!piped.stdout.contains("\u{1B}["))
    let noColor = try runJournal(
      ["check", "SampleJournal", "--today", "2026-11-26"], environment: ["NO_COLOR": "1"])
    #expect(!noColor.stdout.contains("\u{1B}["))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func colourOnATerminal() throws {
    // script(1) gives the program a pseudo-terminal, as a person's shell does.
    let command = "\(journalBinary.path) check SampleJournal --today 2026-11-26"
    let terminal = try runScript(command, environment: [:])
    #expect(terminal.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
    let noColor = try runScript(command, environment: ["NO_COLOR": "1"])
    #expect(!noColor.contains("\u{1B}["))
    #expect(noColor.contains("warning: follow-up with Lee Chen"))
  }

  private func runScript(_ command: String, environment: [String: String]) throws -> String {
    try runProgram(
      "/usr/bin/script", ["-qec", command, "/dev/null"], in: packageRoot,
      environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm", "HOME": NSTemporaryDirectory()]
        .merging(environment) { _, new in new }
    ).stdout
  }

  @Test func journalNotFoundIsOneLineAndExitTwo() throws {
    let folder = try TemporaryFolder()
    let run = try runJournal(["check"], in: folder.path)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("journal: no journal found in "))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test func usageErrorsExitTwo() throws {
    for arguments in [
      ["check", "--format", "xml"], ["check", "--today", "2026-02-30"], ["frobnicate"],
      ["check", "no/such/path"], ["check", "--journal", "/nonexistent"],
    ] {
      let run = try runJournal(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(!run.stderr.isEmpty)
      #expect(!run.stderr.contains("Fatal error"))
    }
  }

  /// What ArgumentParser refuses (an unknown option, a value outside a list, a missing
  /// argument) is one line too, as every usage error is, naming the help of the command the
  /// arguments reached rather than printing its usage.
  @Test func aCommandLineArgumentParserRefusesIsOneLine() throws {
    let cases: [([String], String)] = [
      (["fmt", "--bogus"], "unknown option '--bogus' (see 'journal fmt --help')"),
      (
        ["check", "SampleJournal", "--format", "xml"],
        "the value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'github' or 'sarif' (see 'journal check --help')"
      ),
      (["show", "--journal", "SampleJournal"], "missing expected argument '<id>' (see 'journal show --help')"),
      (["export", "actions", "--bogus"], "unknown option '--bogus' (see 'journal export actions --help')"),
      // What was typed is shown visibly: an escape and a line break stay on the one line.
      (["fmt", "--bo\u{1B}[31mgus\nx"], "unknown option '--bo\\u{1B}[31mgus\\u{A}x' (see 'journal fmt --help')"),
    ]
    for (arguments, message) in cases {
      let run = try runJournal(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stdout.isEmpty, "\(arguments)")
      #expect(run.stderr == "journal: \(message)\n", "\(arguments)")
    }
  }

  /// A value journal reads itself is refused in one line that names the value, never with the
  /// usage of another command (`Usage: journal <subcommand>`).
  @Test func aValueJournalCannotTakeIsOneLine() throws {
    let cases: [([String], String)] = [
      (["check", "SampleJournal", "--today", "2026-02-30"], "--today takes a real date written YYYY-MM-DD, not `2026-02-30`"),
      (["summary", "--journal", "SampleJournal", "--since", "last week"], "--since takes a real date written YYYY-MM-DD, not `last week`"),
      (["summary", "--journal", "SampleJournal", "--until", "2026-13-01"], "--until takes a real date written YYYY-MM-DD, not `2026-13-01`"),
      (["show", "sam-okafor", "--journal", "SampleJournal", "--limit", "0"], "--limit takes a number of sessions, 1 or more, not `0`"),
      (["letter", "--journal", "SampleJournal"], "give the person's id: journal letter ID [SESSION]"),
      (
        ["new", "person", "bo", "--name", "Bo", "--journal", "SampleJournal", "--cadence", "weekly"],
        "--cadence takes a count and d, w or m, such as `1w` or `2w`, not `weekly`"
      ),
    ]
    for (arguments, message) in cases {
      let run = try runJournal(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stdout.isEmpty, "\(arguments)")
      #expect(run.stderr == "journal: \(message)\n", "\(arguments)")
    }
  }

  /// The caret stands under the column it names on a terminal: a wide character (an emoji,
  /// CJK) before it takes two cells and a combining accent none. Read back by the pyte
  /// terminal emulator, which draws each as a terminal does (but stops drawing a line at a
  /// zero-width joiner, so the emoji here stand alone).
  @Test(.enabled(if: pythonHas("pyte"), "needs python3 with pyte (scripts/install-deps --test)"))
  func theCaretStandsUnderItsColumnOnATerminal() throws {
    let folder = try TemporaryFolder()
    try folder.write([
      "journal.yml": "title: T\n",
      "mentees/zoe/profile.md": "---\nname: Zoë\n---\n",
      "mentees/zoe/sessions/2026-11-20.md":
        "---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n"
        + "- [ ] 🎉 Zoe\u{308} plans the 日本語 demo 💻 due: 2026-12-05\n- [ ] Ａｂ\tdue:2026-13-01\n",
    ])
    let run = try runJournal(["check", "--today", "2026-11-26"], in: folder.path)
    #expect(run.status == 1)
    try folder.write(["output": run.stdout])
    let read = try runPython(
      """
      import sys, pyte
      text = open(sys.argv[1], encoding='utf-8').read()
      lines = text.split('\\n')
      screen = pyte.Screen(200, len(lines) + 1)
      pyte.Stream(screen).feed(text.replace('\\n', '\\r\\n'))
      def cells(y): return [screen.buffer[y][x].data for x in range(screen.columns)]
      for y in range(len(lines) - 1):
          below = cells(y + 1)
          if '^' in below and ' | ' in lines[y]:
              print(''.join(cells(y)[below.index('^'):][:4]))
      """, [folder.path + "/output"])
    #expect(read.status == 0, "\(read.errors)")
    #expect(read.output == "due:\ndue:\n", "\(run.stdout)")
  }

  /// A line wider than the excerpt's 160 cells is cut to a window around the caret, `…` at
  /// each cut, so that the caret is on the row below the text it points at.
  @Test func aLongLineIsCutAroundTheCaret() throws {
    let folder = try TemporaryFolder()
    let words = (1...60).map { "w\($0)" }.joined(separator: " ")
    try folder.write([
      "journal.yml": "title: T\n",
      "mentees/zoe/profile.md": "---\nname: Zoe\n---\n",
      "mentees/zoe/sessions/2026-11-20.md":
        "---\ndate: 2026-11-20\ntype: career-development\n---\n## Actions\n\n- [ ] \(words) due:2026-13-01 \(words)\n",
    ])
    let run = try runJournal(["check", "--today", "2026-11-26"], in: folder.path)
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "mentees/zoe/sessions/2026-11-20.md:7:238: error: `due:2026-13-01` is not a real calendar date [action-syntax]")
    let excerpt = String(lines[1].dropFirst("7 | ".count))
    let caret = String(lines[2].dropFirst("  | ".count))
    #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"), "\(excerpt)")
    #expect(excerpt.unicodeScalars.count == 160, "\(excerpt)")
    #expect(caret == String(repeating: " ", count: 54) + "^")
    #expect(excerpt.unicodeScalars.dropFirst(54).starts(with: "due:2026-13-01".unicodeScalars), "\(excerpt)")
  }

  @Test func pathsOutsideTheJournalAreRefused() throws {
    let run = try runJournal(["check", "--journal", "SampleJournal", "Package.swift"])
    #expect(run.status == 2)
    #expect(run.stderr == "journal: Package.swift is not inside the journal at SampleJournal\n")
  }

  /// Run inside a journal, a path outside it is outside that journal: not a sign that there is
  /// no journal anywhere.
  @Test func aPathOutsideTheJournalOfTheCurrentFolderIsNamedSo() throws {
    let folder = try TemporaryFolder()
    try folder.write(["j/journal.yml": "title: T\n", "outside/notes.md": "---\ndate: 2026-11-20\n---\n"])
    let cases: [([String], String)] = [
      (["check", "../outside/notes.md"], "../outside/notes.md is not inside the journal at ."),
      (["fmt", "--check", "../outside"], "../outside is not inside the journal at ."),
      (["check", "../outside/missing.md"], "../outside/missing.md: no such file or folder"),
    ]
    for (arguments, message) in cases {
      let run = try runJournal(arguments, in: folder.path + "/j")
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr == "journal: \(message)\n", "\(arguments)")
    }
  }

  @Test func checkingOneFileReportsOnlyIt() throws {
    let run = try runJournal([
      "check", "SampleJournal/mentees/maria-lopez/sessions/2026-11-18.md", "--today", "2026-11-26",
      "--format", "json",
    ])
    #expect(run.stdout.contains("\"files\":1,"))
    #expect(run.stdout.contains("\"warnings\":1,"))
    #expect(run.stdout.contains("overdue-action"))
  }

  @Test func versionNamesLibgit2() throws {
    let run = try runJournal(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("0.1.0 (libgit2 1."))
  }

  @Test func helpHasExamples() throws {
    let run = try runJournal(["check", "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("journal check SampleJournal --today 2026-11-26"))
  }

  /// Every command's help names the program with it, as `journal help check` does,
  /// although the command alone is parsed first.
  @Test func helpUsageNamesTheProgram() throws {
    let root = try runJournal(["--help"])
    // The commands `journal --help` lists: a lower-case name at two spaces' indent under
    // SUBCOMMANDS, up to the first empty line.
    let section = root.stdout.components(separatedBy: "SUBCOMMANDS:\n").last ?? ""
    let listed = section.components(separatedBy: "\n\n")[0].split(separator: "\n")
      .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
      .compactMap { $0.split(separator: " ").first.map(String.init) }
      .filter { $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" } }
    #expect(listed.contains("check") && listed.contains("debrief"), "\(listed)")
    let cases = listed.filter { $0 != "help" }.map { ([$0, "--help"], $0) }
      + [(["help", "check"], "check"), (["new", "session", "--help"], "new session")]
    for (arguments, command) in cases {
      let run = try runJournal(arguments)
      #expect(run.status == 0, "\(arguments)")
      let usage = run.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE: ") } ?? ""
      #expect(usage.hasPrefix("USAGE: journal \(command)"), "\(arguments): \(usage)")
    }
  }

  /// `--generate-completion-script` belongs to the root command; after a command's name it
  /// still prints the script, although the command alone is parsed first.
  @Test func completionScriptAfterACommand() throws {
    let run = try runJournal(["check", "--generate-completion-script", "bash"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("#!/bin/bash"))
    #expect(run.stdout.contains("_journal_check()"))
  }

  /// A command journal does not have: one line, the command meant, exit status 2; help for
  /// a command that does not exist is the same mistake.
  @Test func unknownCommandsNameTheOneMeant() throws {
    let cases: [([String], String)] = [
      (["chek"], "journal: `chek` is not a journal command; did you mean `check`?\n"),
      (["sumary", "--today", "2026-11-26"], "journal: `sumary` is not a journal command; did you mean `summary`?\n"),
      (["nonexistent"], "journal: `nonexistent` is not a journal command; `journal --help` lists them\n"),
      (["help", "nonexistent"], "journal: `nonexistent` is not a journal command; `journal --help` lists them\n"),
      (["help", "chek"], "journal: `chek` is not a journal command; did you mean `check`?\n"),
      (["new", "sesion", "sam"], "journal: `sesion` is not a command of `journal new`; did you mean `session`?\n"),
      (["help", "new", "sesion"], "journal: `sesion` is not a command of `journal new`; did you mean `session`?\n"),
      (["help", "check", "extra"], "journal: `extra` is not a command of `journal check`; `journal check --help` lists them\n"),
    ]
    for (arguments, message) in cases {
      let run = try runJournal(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr == message, "\(arguments)")
      #expect(run.stdout == "", "\(arguments)")
    }
    for arguments in [["help"], ["help", "check"], ["help", "new", "session"], ["help", "help"]] {
      let run = try runJournal(arguments)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(run.stdout.hasPrefix("OVERVIEW: "), "\(arguments)")
    }
  }

  /// `journal` alone, and a command that only groups commands named without one: a usage
  /// error, as `git` alone, `git worktree` or `git sparse-checkout` alone is (git's own
  /// defaults, `git remote` listing and `git stash` pushing, have no counterpart here): one
  /// line naming commands, status 2, nothing on standard output for a script to take as a
  /// result. Help is still help.
  @Test func aMissingSubcommandIsAUsageError() throws {
    let root = "journal: `journal` needs a command, such as `check`, `new` or `summary`; `journal --help` lists them all\n"
    let cases: [([String], String)] = [
      ([], root), (["--journal", "SampleJournal"], root),
      (["export"], "journal: `journal export` needs a command: `actions` or `follow-ups`\n"),
      (["export", "--journal", "SampleJournal"], "journal: `journal export` needs a command: `actions` or `follow-ups`\n"),
      (["new"], "journal: `journal new` needs a command: `person`, `session`, `self-assessment` or `plan`\n"),
      (["hooks"], "journal: `journal hooks` needs a command: `install` or `uninstall`\n"),
    ]
    for (arguments, message) in cases {
      let run = try runJournal(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr == message, "\(arguments)")
      #expect(run.stdout == "", "\(arguments)")
    }
    for arguments in [["export", "--help"], ["new", "-h"], ["help", "hooks"], ["hooks", "install", "--help"], ["--help"], ["help"]] {
      let run = try runJournal(arguments)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(run.stdout.hasPrefix("OVERVIEW: "), "\(arguments)")
    }
    // The root's own options still answer alone.
    let version = try runJournal(["--version"])
    #expect(version.status == 0, "\(version.stderr)")
    #expect(version.stdout.contains("libgit2"))
    let completion = try runJournal(["--generate-completion-script", "bash"])
    #expect(completion.status == 0, "\(completion.stderr)")
  }

  /// Golden files: each folder under Fixtures/golden holds a journal, the arguments, and the
  /// expected output and status. `JOURNAL_UPDATE_GOLDEN=1 swift test` rewrites them.
  @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: fixtures.path + "/golden").sorted())
  func golden(_ name: String) throws {
    try checkGolden(fixtures.appendingPathComponent("golden/\(name)"))
  }
}

/// Runs a golden case: `folder` holds the arguments (`args`, one a line), the expected output
/// and status (`expected`), and the journal to run in (`journal`, else the package root).
/// `JOURNAL_UPDATE_GOLDEN=1` rewrites `expected`. Returns what the run printed.
@discardableResult
func checkGolden(_ folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
  let arguments = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
    .split(separator: "\n").map(String.init)
  let journal = folder.appendingPathComponent("journal")
  let directory = FileManager.default.fileExists(atPath: journal.path) ? journal.path : packageRoot.path
  let run = try runJournal(arguments, in: directory)
  let actual = run.stdout + "[exit \(run.status)]\n"
  let expectedURL = folder.appendingPathComponent("expected")
  if ProcessInfo.processInfo.environment["JOURNAL_UPDATE_GOLDEN"] != nil {
    try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
  }
  let expected = try String(contentsOf: expectedURL, encoding: .utf8)
  #expect(actual == expected, "regenerate with JOURNAL_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
  return actual
}
