import Foundation
import JournalKit
import Testing

/// `journal fmt`: the canonical layout, the same meaning.
@Suite struct FmtTests {
  static let messy = """
    ---
    follow-up: "2026-12-04"
    # What we set out to do
    objectives: [Review the prototype, Agree the research plan]
    type: project-specific
    date: 2026-11-20
    tags: [checkout]
    ---
    ## Actions

    * [X] due:2026-11-25 Share the notes owner:lee
    - [ ] priority:high Add the error states due:2026-11-27   owner:lee

    ```
    - [ ] due:2026-01-01 inside a code block stays as it is
    ```
    """

  static let canonical = """
    ---
    date: 2026-11-20
    type: project-specific
    # What we set out to do
    objectives:
      - Review the prototype
      - Agree the research plan
    follow-up: 2026-12-04
    tags:
      - checkout
    ---
    ## Actions

    - [x] Share the notes due:2026-11-25 owner:lee
    - [ ] Add the error states due:2026-11-27 owner:lee priority:high

    ```
    - [ ] due:2026-01-01 inside a code block stays as it is
    ```

    """

  @Test func rewritesIntoTheCanonicalLayoutKeepingTheMode() throws {
    let repo = try GitFixture()
    let path = repo.path + "/mentees/alice/sessions/2026-11-20.md"
    try repo.write(["mentees/alice/sessions/2026-11-20.md": Self.messy])
    chmod(path, 0o600)
    let check = try repo.journal("fmt", "--check")
    #expect(check.status == 1)
    #expect(check.stdout == "mentees/alice/sessions/2026-11-20.md is not formatted\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.messy, "--check changes nothing")
    let run = try repo.journal("fmt")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "formatted mentees/alice/sessions/2026-11-20.md\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.canonical)
    var info = stat()
    #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    #expect(try repo.journal("fmt", "--check").status == 0, "formatting is idempotent")
  }

  @Test func leavesNotesWithErrorsAlone() throws {
    let repo = try GitFixture()
    let broken = "---\ntype: chat\ndate: 2026-11-20\n---\n"
    try repo.write(["mentees/alice/sessions/2026-11-20.md": broken])
    let run = try repo.journal("fmt")
    #expect(run.status == 1)
    #expect(run.stderr == "journal: mentees/alice/sessions/2026-11-20.md was not formatted: it has errors; run journal check\n")
    // --check formats nothing, so it says the note was not checked.
    let checked = try repo.journal("fmt", "--check")
    #expect(checked.status == 1)
    #expect(checked.stderr == "journal: mentees/alice/sessions/2026-11-20.md was not checked: it has errors; run journal check\n")
    #expect(try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-20.md", encoding: .utf8) == broken)
  }

  /// A named path that is not there is refused, as journal check refuses it: a mistyped name
  /// must not pass for a note that is formatted.
  @Test func aPathThatIsNotThereIsRefused() throws {
    let repo = try GitFixture()
    for arguments in [["fmt", "mentees/alice/sessions/2026-11-02.md"], ["fmt", "--check", "mentees/alise"]] {
      let run = try repo.journal(arguments, environment: [:])
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr == "journal: \(arguments.last!): no such file or folder\n", "\(arguments)")
    }
  }

  @Test func sampleJournalIsFormatted() throws {
    let run = try runJournal(["fmt", "--check", "--journal", "SampleJournal"])
    #expect(run.status == 0, "\(run.stdout)")
  }
}

/// `journal fmt --check --diff`: the changes as a unified diff, which git applies.
@Suite struct FmtDiffTests {
  @Test func printsTheDiffThatGitApplies() throws {
    let repo = try GitFixture()
    let path = "mentees/alice/sessions/2026-11-20.md"
    try repo.write([path: FmtTests.messy])
    let run = try repo.journal("fmt", "--check", "--diff")
    #expect(run.status == 1)
    #expect(run.stderr == "")
    #expect(
      run.stdout == """
        --- a/\(path)
        +++ b/\(path)
        @@ -1,16 +1,19 @@
         ---
        -follow-up: "2026-12-04"
        -# What we set out to do
        -objectives: [Review the prototype, Agree the research plan]
        -type: project-specific
         date: 2026-11-20
        -tags: [checkout]
        +type: project-specific
        +# What we set out to do
        +objectives:
        +  - Review the prototype
        +  - Agree the research plan
        +follow-up: 2026-12-04
        +tags:
        +  - checkout
         ---
         ## Actions
         
        -* [X] due:2026-11-25 Share the notes owner:lee
        -- [ ] priority:high Add the error states due:2026-11-27   owner:lee
        +- [x] Share the notes due:2026-11-25 owner:lee
        +- [ ] Add the error states due:2026-11-27 owner:lee priority:high
         
         ```
         - [ ] due:2026-01-01 inside a code block stays as it is
        -```
        \\ No newline at end of file
        +```

        """)
    #expect(try String(contentsOfFile: repo.path + "/" + path, encoding: .utf8) == FmtTests.messy, "--diff changes nothing")
    // git is the reader: the diff applies, and gives what journal fmt writes.
    try repo.write(["fix.patch": run.stdout])
    try repo.git("apply", "fix.patch")
    #expect(try String(contentsOfFile: repo.path + "/" + path, encoding: .utf8) == FmtTests.canonical)
    #expect(try repo.journal("fmt", "--check", "--diff").stdout == "", "nothing left to change")
  }

  /// Line endings, a missing final newline and canonically equal but different bytes: the
  /// diff is made of bytes, so git applies it to each.
  @Test func diffsOfAwkwardTextApply() throws {
    let repo = try GitFixture()
    let crlf = "---\r\ntype: career-development\r\ndate: 2026-11-20\r\n---\r\n## Strengths\r\n\r\n- Caf\u{E9} and cafe\u{301} read alike\r\n"
    let files = [
      "mentees/alice/sessions/2026-11-20.md": crlf,
      "mentees/alice/sessions/2026-11-21.md": "---\ndate: 2026-11-21\ntype: career-development\n---\n\n\n",
    ]
    try repo.write(files)
    let run = try repo.journal("fmt", "--diff")
    #expect(run.status == 1)
    // Searched as bytes: as Characters, the CR LF before a line would hide the LF.
    let bytes = Data(run.stdout.utf8)
    #expect(bytes.range(of: Data("\n-- Caf\u{E9} and cafe\u{301} read alike\r\n+---\n".utf8)) != nil)
    #expect(bytes.range(of: Data("\n+- Caf\u{E9} and cafe\u{301} read alike\n--- a/".utf8)) != nil)
    try repo.write(["fix.patch": run.stdout])
    try repo.git("apply", "fix.patch")
    #expect(try repo.journal("fmt", "--check").stdout == "")
    #expect(try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-20.md", encoding: .utf8).contains("cafe\u{301} read alike\n"))
  }

  /// On a terminal (given by script(1)) the diff is coloured and a control in a note is
  /// shown as its code, never sent to the terminal.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1)"))
  func onATerminalTheDiffIsColouredAndSafe() throws {
    let repo = try GitFixture()
    try repo.write(["mentees/alice/sessions/2026-11-20.md": "---\ntype: career-development\ndate: 2026-11-20\n---\nAn \u{1B}[2J escape.\n"])
    let run = try runProgram(
      "/usr/bin/script", ["-qec", "'\(journalBinary.path)' fmt --diff", "/dev/null"], in: URL(fileURLWithPath: repo.path),
      environment: ["PATH": "/usr/bin:/bin", "HOME": repo.home.path, "TERM": "xterm"])
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    // script(1) gives the terminal's CR LF line ends.
    #expect(
      run.stdout == [
        "\u{1B}[1m--- a/mentees/alice/sessions/2026-11-20.md\u{1B}[0m",
        "\u{1B}[1m+++ b/mentees/alice/sessions/2026-11-20.md\u{1B}[0m",
        "\u{1B}[1;34m@@ -1,5 +1,5 @@\u{1B}[0m",
        " ---",
        "\u{1B}[1;31m-type: career-development\u{1B}[0m",
        " date: 2026-11-20",
        "\u{1B}[32m+type: career-development\u{1B}[0m",
        " ---",
        " An \\u{1B}[2J escape.",
        "",
      ].joined(separator: "\r\n"))
  }

  /// Random pairs of texts from a small alphabet of lines: every diff applies with `patch`,
  /// a reader apart from git.
  @Test func randomDiffsApply() throws {
    let seed = HostileText.seed
    var random = SeededGenerator(seed: seed)
    let folder = try TemporaryFolder()
    let pieces = ["a\n", "b\n", "c\n", "\n", "a\r\n", "é\n", "e\u{301}\n", "- [ ] x\n"]
    for round in 0..<30 {
      func text() -> String {
        var text = (0..<Int(random.next() % 30)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        if random.next() % 4 == 0, !text.isEmpty { text.removeLast() }
        return text
      }
      let old = text()
      let new = text()
      try folder.write(["old": old])
      let patch = UnifiedDiff.text(old: old, new: new, path: "old", context: Int(random.next() % 4))
      guard !patch.isEmpty else {
        #expect(old.utf8.elementsEqual(new.utf8), "seed \(seed), round \(round)")
        continue
      }
      try folder.write(["p.patch": patch])
      let applied = try runProgram("/usr/bin/patch", ["-p1", "-s", "-i", "p.patch"], in: URL(fileURLWithPath: folder.path))
      let result = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/old"))
      #expect(applied.status == 0 && result == Data(new.utf8), "seed \(seed), round \(round): JOURNAL_SEED=\(seed) replays it\n\(patch)")
    }
  }
}

extension FmtDiffTests {
  /// Past the bound on the search for the shortest diff, the changed middle is replaced
  /// whole: longer, still right.
  @Test func aDiffOfManyChangesStillApplies() throws {
    let folder = try TemporaryFolder()
    let old = (0..<3000).map { "line \($0)\n" }.joined()
    let new = (0..<3000).map { $0 % 2 == 0 ? "line \($0)\r\n" : "line \($0)\n" }.joined()
    try folder.write(["old": old, "p.patch": UnifiedDiff.text(old: old, new: new, path: "old")])
    let applied = try runProgram("/usr/bin/patch", ["-p1", "-s", "-i", "p.patch"], in: URL(fileURLWithPath: folder.path))
    #expect(applied.status == 0, "\(applied.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/old")) == Data(new.utf8))
  }
}
