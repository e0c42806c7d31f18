import Foundation
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
    #expect(try String(contentsOfFile: repo.path + "/mentees/alice/sessions/2026-11-20.md", encoding: .utf8) == broken)
  }

  @Test func sampleJournalIsFormatted() throws {
    let run = try runJournal(["fmt", "--check", "--journal", "SampleJournal"])
    #expect(run.status == 0, "\(run.stdout)")
  }
}
