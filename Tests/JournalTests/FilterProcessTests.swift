import Foundation
import Testing

/// Long-running filter drivers (`filter.<driver>.process`, gitattributes(5) "Long Running
/// Filter Process"), with git as the oracle: the same change committed through `git add <files>
/// && git commit` and through `journal commit <files>`, with a rot13 filter written from the
/// protocol's documentation (`Fixtures/filters/rot13_process.py`) that logs every request and
/// misbehaves on request. Blobs, trees, index and status must agree, and journal must ask the
/// filter what `git add` asks it, from one process per operation.
@Suite struct FilterProcessTests {
  static let note = DifferentialTests.note
  static let profile = "mentees/alice/profile.md"
  static let filter = fixtures.appendingPathComponent("filters/rot13_process.py").path

  /// A pair of repositories whose notes go through the rot13 process filter.
  static func pair(
    required: Bool = false, clean: String? = nil, capabilities: [String] = []
  ) throws -> DifferentialTests.Pair {
    try DifferentialTests.Pair { repo in
      try repo.write([".gitattributes": "mentees/** filter=rot13\n"])
      try repo.git("add", ".gitattributes")
      try repo.git("commit", "-q", "-m", "attributes")
      let command = (["/usr/bin/python3", filter, repo.path + "/.git/filter-log"] + capabilities).map(shellQuoted)
      try repo.git("config", "filter.rot13.process", command.joined(separator: " "))
      if let clean { try repo.git("config", "filter.rot13.clean", clean) }
      // What was committed before the filter is stored as the filter stores it, so that
      // whether git happens to read it again (racily clean) changes nothing.
      try repo.git("add", "--renormalize", "mentees")
      try repo.git("commit", "-q", "--allow-empty", "-m", "renormalize")
      if required { try repo.git("config", "filter.rot13.required", "true") }
    }
  }

  /// The filter's log in a copy, emptied for the next run.
  static func takeLog(_ repo: GitFixture) throws -> [String] {
    let path = repo.path + "/.git/filter-log"
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: path)
    return text.split(separator: "\n").map(String.init)
  }

  /// `git add <files>` alone, then `git commit`, in the git copy; `journal commit <files>` in
  /// the other; returns both runs, and what the filter logged during `git add` and during
  /// `journal commit`.
  static func commit(_ pair: DifferentialTests.Pair, _ files: [String]) throws
    -> (git: Run, journal: Run, gitLog: [String], journalLog: [String])
  {
    _ = try takeLog(pair.git)
    _ = try takeLog(pair.journal)
    // Files written in the same second as the index git writes are racily clean, and git (as
    // journal) then reads them again through the filter: whether that happens depends on the
    // clock, separately in each copy. Written ten seconds ago, neither copy is racy; racily
    // clean entries have their own differential test.
    let past = Date(timeIntervalSinceNow: -10)
    for repo in [pair.git, pair.journal] {
      for file in files where FileManager.default.fileExists(atPath: repo.path + "/" + file) {
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: repo.path + "/" + file)
      }
    }
    let add = try pair.shell(pair.git, "git add -- " + files.map(shellQuoted).joined(separator: " "))
    let gitLog = try takeLog(pair.git)
    let git = add.status == 0 ? try pair.shell(pair.git, "git commit -q -m 'journal: session'") : add
    let journal = try pair.shell(
      pair.journal, ([journalBinary.path, "commit", "-m", "journal: session", "--"] + files).map(shellQuoted).joined(separator: " "))
    return (git, journal, gitLog, try takeLog(pair.journal))
  }

  /// What the filter was asked about `files`: each request once, in order.
  static func requests(_ log: [String], for files: [String]) -> [String] {
    var seen: [String] = []
    for line in log where files.contains(where: { line.contains(" \($0) ") }) && !seen.contains(line) {
      seen.append(line)
    }
    return seen
  }

  @Test(arguments: [false, true]) func cleansAsGitDoes(_ required: Bool) throws {
    let pair = try Self.pair(required: required)
    let profile = "---\nname: Alice Kim\nrelationship: mentee\n---\n"
    try pair.change { try $0.write([Self.note: session, Self.profile: profile]) }
    let runs = try Self.commit(pair, [Self.note, Self.profile])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.git.stderr)\(runs.journal.stderr)")
    try pair.expectSame(permissions: true)
    #expect(try pair.journal.git("cat-file", "blob", "HEAD:\(Self.note)").contains("qngr: 2026-11-20"))
    // One process for the whole commit, handshaken as git does, asked what git add asked.
    #expect(runs.journalLog.first == runs.gitLog.first && runs.gitLog.first == "START clean smudge delay", "\(runs.journalLog)")
    #expect(runs.journalLog.filter { $0.hasPrefix("START") }.count == 1, "\(runs.journalLog)")
    #expect(runs.journalLog.last == "STOP", "\(runs.journalLog)")
    let files = [Self.note, Self.profile]
    #expect(Self.requests(runs.journalLog, for: files) == Self.requests(runs.gitLog, for: files))
  }

  /// git prefers `process` to `clean` when a driver has both.
  @Test func processIsPreferredToClean() throws {
    let pair = try Self.pair(clean: "sed s/Strengths/CLEANED/")
    try pair.commitSessionAndCompare()
    #expect(try !pair.journal.git("cat-file", "blob", "HEAD:\(Self.note)").contains("CLEANED"))
  }

  /// `status=error`, before or after the content: a driver that is not required leaves the
  /// file as it is; a required one fails the commit, which changes nothing.
  @Test(arguments: ["FILTER-ERROR", "FILTER-LATE-ERROR", "FILTER-DIE"], [false, true])
  func aFileTheFilterFails(_ marker: String, _ required: Bool) throws {
    let pair = try Self.pair(required: required)
    let text = session + "- \(marker) in this line\n"
    try pair.change { try $0.write([Self.note: text]) }
    let before = try DifferentialTests.snapshot(pair.journal, status: false)
    let runs = try Self.commit(pair, [Self.note])
    if required {
      #expect(runs.git.status != 0)
      #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
      #expect(runs.journal.stderr.contains("clean filter 'rot13' failed"), "\(runs.journal.stderr)")
      #expect(runs.journal.stderr.split(separator: "\n").count == 1, "\(runs.journal.stderr)")
      #expect(try DifferentialTests.snapshot(pair.journal, status: false) == before)
    } else {
      #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.git.stderr)\(runs.journal.stderr)")
      try pair.expectSame()
      #expect(try pair.journal.git("cat-file", "blob", "HEAD:\(Self.note)") == text)
      // A driver that died gets one line of warning on standard error; a refusal, none.
      if marker == "FILTER-DIE" {
        #expect(runs.journal.stderr.hasPrefix("journal: warning: external filter "), "\(runs.journal.stderr)")
        #expect(
          runs.journal.stderr.hasSuffix(
            " failed; \(Self.note) is taken as it is, since filter.rot13.required is not set\n"),
          "\(runs.journal.stderr)")
        #expect(runs.journal.stderr.split(separator: "\n").count == 1, "\(runs.journal.stderr)")
      } else {
        #expect(runs.journal.stderr.isEmpty, "\(runs.journal.stderr)")
      }
    }
  }

  /// After a filter that died, git starts it again for the next file; journal too.
  @Test func aFilterThatDiesIsStartedAgain() throws {
    let pair = try Self.pair()
    let profile = "---\nname: Alice Kim\nrelationship: mentee\n---\n\nFILTER-DIE\n"
    try pair.change { try $0.write([Self.note: session, Self.profile: profile]) }
    let runs = try Self.commit(pair, [Self.note, Self.profile])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.git.stderr)\(runs.journal.stderr)")
    try pair.expectSame()
    #expect(try pair.journal.git("cat-file", "blob", "HEAD:\(Self.profile)") == profile)
    #expect(try pair.journal.git("cat-file", "blob", "HEAD:\(Self.note)").contains("qngr: 2026-11-20"))
    #expect(runs.journalLog.filter { $0.hasPrefix("START") }.count == 2, "\(runs.journalLog)")
  }

  /// `status=abort`: the filter is not asked to clean again in this operation, so every later
  /// file goes in as it is, as git does it; a required driver fails.
  @Test(arguments: [false, true]) func abortStopsCleaning(_ required: Bool) throws {
    let pair = try Self.pair(required: required)
    let profile = "---\nname: Alice Kim\nrelationship: mentee\n---\n\nFILTER-ABORT\n"
    try pair.change { try $0.write([Self.note: session, Self.profile: profile]) }
    let before = try DifferentialTests.snapshot(pair.journal, status: false)
    let runs = try Self.commit(pair, [Self.note, Self.profile])
    if required {
      #expect(runs.git.status != 0)
      #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
      #expect(try DifferentialTests.snapshot(pair.journal, status: false) == before)
    } else {
      #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.git.stderr)\(runs.journal.stderr)")
      try pair.expectSame()
      #expect(try pair.journal.git("cat-file", "blob", "HEAD:\(Self.note)") == session)
      let files = [Self.note, Self.profile]
      #expect(Self.requests(runs.journalLog, for: files) == Self.requests(runs.gitLog, for: files))
    }
  }

  /// A filter that cannot clean (it offers only `smudge`) leaves files as they are, or fails
  /// the commit when it is required.
  @Test(arguments: [false, true]) func aFilterWithoutClean(_ required: Bool) throws {
    let pair = try Self.pair(required: required, capabilities: ["smudge"])
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try Self.commit(pair, [Self.note])
    if required {
      #expect(runs.git.status != 0)
      #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
    } else {
      #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.git.stderr)\(runs.journal.stderr)")
      try pair.expectSame()
    }
  }
}
