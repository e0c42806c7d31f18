import Foundation
import JournalKit
import Testing

/// Writes are whole or absent, never over an existing note, and keep a file's mode.
@Suite struct AtomicFileTests {
  @Test func replaceKeepsAPrivateMode() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/notes.md"
    try folder.write(["notes.md": "old\n"])
    chmod(path, 0o600)
    try AtomicFile.replace(path, contents: "new\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.md"])
  }

  @Test func createNeverOverwrites() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/notes.md"
    try AtomicFile.create(path, contents: "first\n")
    #expect(throws: JournalError.self) { try AtomicFile.create(path, contents: "second\n") }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.md"], "no temporary file is left")
  }

  /// A write stopped before its rename leaves its temporary file: only that file's own are
  /// removed, not another file's, nor a name that merely starts the same.
  @Test func removeLeftoversTakesOnlyThatFilesTemporaries() throws {
    let folder = try TemporaryFolder()
    try folder.write([
      ".STATE.journal-a1B2c3": "stopped\n", ".STATE.journal-zzzzzz": "stopped\n", "STATE": "whole\n",
      ".OTHER.journal-a1B2c3": "other\n", ".STATE.journal-a1B2c3d": "not one\n", ".STATE.journal-": "not one\n",
    ])
    AtomicFile.removeLeftovers(of: folder.path + "/STATE")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == [".OTHER.journal-a1B2c3", ".STATE.journal-", ".STATE.journal-a1B2c3d", "STATE"])
  }

  /// The names `leftover-file` reports and `removeLeftovers` removes are exactly the ones
  /// `create` and `replace` make: `.`, the name, `.journal-` and six letters or digits.
  @Test func aTemporaryNameGivesItsOriginal() {
    #expect(AtomicFile.original(ofTemporary: ".2026-11-20.md.journal-AbC123") == "2026-11-20.md")
    #expect(AtomicFile.original(ofTemporary: ".profile.md.journal-x7Yz09") == "profile.md")
    #expect(AtomicFile.original(ofTemporary: ".Zoë é.md.journal-000000") == "Zoë é.md")
    #expect(AtomicFile.original(ofTemporary: "..md.journal-AbC123") == ".md")
    for name in [
      "..journal-AbC123", ".journal-AbC123", ".a.journal-AbC12", ".a.journal-AbC1234", ".a.journal-AbC12!",
      "a.journal-AbC123", ".a.journal_AbC123", ".a.Journal-AbC123", ".a.journal-AbC12é", ".a.md.swp", "",
    ] {
      #expect(AtomicFile.original(ofTemporary: name) == nil, "\(name)")
    }
  }

  /// Runs journal in `directory` under a umask, as a shell started with it would.
  static func journal(umask mask: String, _ arguments: [String], in directory: String) throws -> Run {
    try runProgram(
      "/bin/sh", ["-c", "umask \(mask) && exec \"$0\" \"$@\"", journalBinary.path] + arguments,
      in: URL(fileURLWithPath: directory),
      environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"])
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
  }

  @Test(arguments: [("027", 0o640), ("002", 0o664), ("077", 0o600), ("022", 0o644)] as [(String, mode_t)])
  func newFilesFollowTheUmask(mask: String, expected: mode_t) throws {
    let folder = try TemporaryFolder()
    let steps = [
      ["init", "j"], ["new", "person", "sam", "--name", "Sam", "--journal", "j"],
      ["new", "session", "sam", "--journal", "j", "--today", "2026-11-26"],
      ["new", "plan", "sam", "growth", "--title", "Growth", "--journal", "j"],
      ["summary", "--journal", "j", "--format", "markdown", "--output", "summary.md"],
      ["export", "actions", "--journal", "j", "--output", "actions.csv"],
    ]
    for arguments in steps {
      let run = try Self.journal(umask: mask, arguments, in: folder.path)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
    for file in [
      "j/journal.yml", "j/mentees/sam/profile.md", "j/mentees/sam/sessions/2026-11-26.md",
      "j/mentees/sam/plans/growth.md", "summary.md", "actions.csv",
    ] {
      #expect(Self.mode(folder.path + "/" + file) == expected, "\(file) under umask \(mask)")
    }
  }

  @Test(.enabled(if: getuid() == 0, "needs root to give a file to another owner"))
  func replaceKeepsOwnerAndGroup() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/report.md"
    try folder.write(["report.md": "old\n"])
    #expect(chown(path, 65534, 65534) == 0)
    chmod(path, 0o640)
    try AtomicFile.replace(path, contents: "new\n")
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_uid == 65534 && info.st_gid == 65534)
    #expect(info.st_mode & 0o7777 == 0o640)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
  }

  static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

  /// A report whose owner or group the user may not give a new file is left as it is, with a
  /// one-line message: replacing it would hand it to someone else.
  @Test(
    .enabled(if: getuid() == 0 && setpriv != nil, "needs root and setpriv to run journal as another user"),
    arguments: [(0, 0), (65534, 0)] as [(uid_t, gid_t)])
  func replaceRefusesAnOwnerOrGroupItCannotKeep(owner: uid_t, group: gid_t) throws {
    let folder = try TemporaryFolder()
    try folder.write([
      "j/journal.yml": "title: T\n", "j/mentees/sam/profile.md": "---\nname: Sam\n---\n", "report.md": "old\n",
    ])
    for path in ["", "/j", "/j/mentees", "/j/mentees/sam"] { chmod(folder.path + path, 0o777) }
    let report = folder.path + "/report.md"
    #expect(chown(report, owner, group) == 0)
    chmod(report, 0o666)
    let run = try runProgram(
      Self.setpriv!,
      ["--reuid=65534", "--regid=65534", "--clear-groups", journalBinary.path, "summary", "--journal", "j", "--output", "report.md"],
      in: folder.url, environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8"])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("journal: cannot replace report.md"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(try String(contentsOfFile: report, encoding: .utf8) == "old\n")
    var info = stat()
    #expect(stat(report, &info) == 0 && info.st_uid == owner && info.st_gid == group)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["j", "report.md"], "no temporary file is left")
  }
}
