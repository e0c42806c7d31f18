import Foundation
import JournalKit
import JournalChecks
import JournalModel
import JournalRules
import Testing

@testable import JournalParsing

/// Whatever a file holds, `journal check` says what is wrong with it, where, and goes on
/// to the next file: no crash, no hang, no unbounded memory.
@Suite struct HostileInputTests {
  static let valid = "---\ndate: 2026-11-20\ntype: career-development\n---\nTalked through the roadmap.\n"

  /// Checks one hostile session beside a valid one, and returns the hostile file's findings,
  /// but for `empty-session`: most hostile files are front matter alone, and whether a session
  /// was written up is not what these tests are about.
  func findings(_ bytes: [UInt8]) throws -> [Diagnostic] {
    var files = RuleExample.session(Self.valid).files.mapValues { Array($0.utf8) }
    files["mentees/alex/sessions/2026-11-21.md"] = bytes
    files["mentees/alex/sessions/2026-11-20.md"] = Array(Self.valid.utf8)
    let report = try Checker.check(MemoryJournal(files: files), today: sampleToday)
    #expect(report.fileCount == 4, "every other file is still checked")
    #expect(!report.diagnostics.contains { $0.file == "mentees/alex/sessions/2026-11-20.md" })
    return report.diagnostics.filter { $0.file == "mentees/alex/sessions/2026-11-21.md" && $0.rule != EmptySessionRule.id }
  }

  func findings(_ text: String) throws -> [Diagnostic] { try findings(Array(text.utf8)) }

  @Test func randomBytes() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      let bytes = (0..<Int.random(in: 0..<4096, using: &generator)).map { _ in
        UInt8.random(in: 0...255, using: &generator)
      }
      let found = try findings(bytes)
      #expect(found.contains { $0.severity == .error }, "random bytes are never a valid note")
    }
  }

  /// A duration or cadence too large for a number is refused, never a crash.
  @Test func hugeDurationAndCadence() throws {
    #expect(SessionLength("153722867280912931h") == nil)
    #expect(SessionLength("99999999999999999999m") == nil)
    #expect(SessionLength("9223372036854775807m") == nil)
    #expect(SessionLength("1h30m")?.minutes == 90)
    #expect(Cadence("99999999999999999999999w") == nil)
    #expect(Cadence("366d") != nil && Cadence("367d") == nil && Cadence("0w") == nil)
    let text = "---\ndate: 2026-11-20\ntype: career-development\nduration: 153722867280912931h\n---\n"
    #expect(try findings(Array(text.utf8)).contains { $0.message.contains("duration") })
  }

  @Test func nulByte() throws {
    let found = try findings("---\ndate: 2026-11-21\ntype: ca\u{0}reer\n---\n")
    #expect(found.map(\.rule) == ["encoding"])
    #expect(found[0].location == Location(line: 3, column: 9))
  }

  @Test func invalidAndOverlongUTF8() throws {
    // 0xC0 0xAF is an overlong '/', 0xED 0xA0 0x80 a surrogate, 0xFF never valid.
    for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] {
      let found = try findings(Array("---\nmentor: é".utf8) + bad + Array("\n---\n".utf8))
      #expect(found.map(\.rule) == ["encoding"])
      #expect(found.first?.location == Location(line: 2, column: 10), "column counts é as one")
    }
  }

  @Test func byteOrderMarkAndLineEndings() throws {
    let crlf = "\u{FEFF}---\r\ndate: 2026-11-21\r\ntype: career-development\r\nmentr: x\r\n---\r\n"
    let found = try findings(crlf)
    #expect(found.map(\.rule) == ["unknown-field"])
    #expect(found.first?.location == Location(line: 4, column: 1))
    let loneCR = "---\rdate: 2026-11-21\rtype: career-development\rmentr: x\r---\r"
    #expect(try findings(loneCR).first?.location == Location(line: 4, column: 1))
  }

  @Test func tabsInYAML() throws {
    let found = try findings("---\ndate: 2026-11-21\n\ttype: career-development\n---\n")
    #expect(found.map(\.rule) == ["yaml-syntax"])
    #expect(found.first?.location == Location(line: 3, column: 1))
    #expect(found.first?.message == "a tab indents this line, and YAML cannot be indented with tabs")
    #expect(found.first?.hint == "replace the tab with spaces")
  }

  @Test func truncatedYAML() throws {
    for text in ["---\ndate: 2026-11-21\ntype: \"career", "---\ndate: [2026", "---\n"] {
      let found = try findings(text)
      #expect(found.contains { $0.rule == "front-matter" }, "\(text)")
    }
    let unclosedQuote = try findings("---\ndate: 2026-11-21\ntype: \"career\n---\n")
    #expect(unclosedQuote.map(\.rule) == ["yaml-syntax"])
  }

  @Test func aliasBombIsRefusedNotExpanded() throws {
    var yaml = "---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
    for level in 1..<10 {
      let previous = String(UnicodeScalar(UInt8(96 + level)))
      let name = String(UnicodeScalar(UInt8(97 + level)))
      yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
    }
    yaml += "---\n"
    let found = try findings(yaml)
    #expect(found.first?.rule == "yaml-syntax")
    #expect(found.first?.location == Location(line: 2, column: 4))
    #expect(found.first?.message == "YAML anchors are not allowed in front matter")
    // The work is bounded by the bytes, not by what the aliases would expand to (9^10
    // items): the reader stops at the first anchor, with one finding and no nodes, before
    // any alias is read.
    let front = Array(yaml.utf8.dropFirst(4).dropLast(4))
    let (nodes, problems) = front.withUnsafeBufferPointer { YAMLReader.read($0, firstLine: 2, file: "f.md") }
    #expect(nodes == nil && problems.map(\.location) == [Location(line: 2, column: 4)])
    // An alias without its anchor is refused at the alias, as the first thing it could expand.
    let (aliased, aliasProblems) = Array("a: [x]\nb: [*a, *a]\n".utf8).withUnsafeBufferPointer {
      YAMLReader.read($0, firstLine: 2, file: "f.md")
    }
    #expect(aliased == nil && aliasProblems.map(\.location) == [Location(line: 3, column: 5)])
  }

  @Test func deepNesting() throws {
    let flow = "---\ndate: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\n"
    let found = try findings(flow)
    #expect(found.map(\.rule) == ["yaml-syntax"])
    #expect(found.first?.message == "front matter is nested more than 64 levels deep")
    var block = "---\n"
    // Ten thousand block levels would make a 50 MB file, refused for its size; a thousand
    // stay under the size limit and must be refused for their depth.
    for depth in 0..<1_000 { block += String(repeating: " ", count: depth) + "k:\n" }
    block += "---\n"
    #expect(try findings(block).map(\.rule) == ["yaml-syntax"])
    let dashes = "---\ntags: " + String(repeating: "- ", count: 10_000) + "x\n---\n"
    #expect(try findings(dashes).map(\.rule) == ["yaml-syntax"])
  }

  @Test func deeplyNestedMarkdownBody() throws {
    let body = Self.valid.replacingOccurrences(of: "2026-11-20", with: "2026-11-21")
      + "## Notes\n\n" + String(repeating: "> ", count: 10_000) + "x\n"
      + String(repeating: "*a ", count: 20_000) + "\n"
      + String(repeating: "- ", count: 5_000) + "deep\n"
    // Refused before cmark-gfm reads it: the body is larger than journal reads.
    #expect(try findings(body).map(\.rule) == ["markdown-limits"])
  }

  @Test func duplicateKeysAreAllReported() throws {
    let found = try findings(
      "---\ndate: 2026-11-21\ntype: career-development\nmentor: A\ntype: project-specific\nmentor: B\nmedium: zoom\n---\n")
    #expect(found.map { "\($0.rule)@\($0.location.line)" } == ["duplicate-id@5", "duplicate-id@6", "invalid-value@7"])
  }

  @Test func frontMatterThatNeverCloses() throws {
    let found = try findings("---\ndate: 2026-11-21\ntype: career-development\n\n## Strengths\n")
    #expect(found.map(\.rule) == ["front-matter"])
    #expect(found.first?.message == "front matter opened here is never closed")
  }

  @Test func oversizedFileIsRefusedWithoutReading() throws {
    let folder = try TemporaryFolder()
    try folder.write(RuleExample.session(Self.valid).files)
    let path = folder.url.appendingPathComponent("mentees/alex/sessions/2026-11-21.md")
    try sparseFile(path, megabytes: 50)
    let valid = folder.path + "/" + RuleExample.sessionPath
    let watch = try ReadWatch([path.path, valid])
    let report = try Checker.check(DiskJournal(try JournalLocation.at(folder.path)), today: sampleToday)
    // Bounded work: refused by the size its status gives, before a byte of it is read.
    let read = watch.read()
    try #require(read.contains(valid), "the watch sees the valid note read")
    #expect(!read.contains(path.path), "the 50 MiB file was read")
    let found = report.diagnostics.filter { $0.file == "mentees/alex/sessions/2026-11-21.md" }
    #expect(found.map(\.message) == ["file is 50 MiB (52428800 bytes); journal reads notes of at most 1 MiB"])
    #expect(report.fileCount == 4)
  }

  @Test func hundredMegabytesAndATenMegabyteLine() throws {
    let folder = try TemporaryFolder()
    try folder.write(RuleExample.session(Self.valid).files)
    let big = folder.url.appendingPathComponent("mentees/alex/sessions/2026-11-21.md")
    try sparseFile(big, megabytes: 100)
    let line = "---\ndate: 2026-11-22\ntype: career-development\nmentor: " + String(repeating: "x", count: 10 * 1024 * 1024) + "\n---\n"
    try folder.write(["mentees/alex/sessions/2026-11-22.md": line])
    let long = folder.path + "/mentees/alex/sessions/2026-11-22.md"
    let valid = folder.path + "/" + RuleExample.sessionPath
    let watch = try ReadWatch([big.path, long, valid])
    let report = try Checker.check(DiskJournal(try JournalLocation.at(folder.path)), today: sampleToday)
    // Bounded work: neither file is read, so neither line reaches a parser.
    let read = watch.read()
    try #require(read.contains(valid), "the watch sees the valid note read")
    #expect(!read.contains(big.path), "the 100 MiB file was read")
    #expect(!read.contains(long), "the file with a 10 MiB line was read")
    #expect(report.diagnostics.map(\.message) == [
      "file is 100 MiB (104857600 bytes); journal reads notes of at most 1 MiB",
      "file is 10 MiB (10485819 bytes); journal reads notes of at most 1 MiB",
    ])
    #expect(report.fileCount == 5)
  }

  @Test func symbolicLinksAreReportedNotFollowed() throws {
    let folder = try TemporaryFolder()
    try folder.write(RuleExample.session(Self.valid).files)
    let outside = try TemporaryFolder()
    try outside.write(["secret.md": "---\ndate: 2026-11-21\ntype: nonsense\n---\n"])
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/mentees/alex/sessions/2026-11-21.md",
      withDestinationPath: outside.path + "/secret.md")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/mentees/alex/plans", withDestinationPath: outside.path)
    let report = try Checker.check(DiskJournal(try JournalLocation.at(folder.path)), today: sampleToday)
    #expect(report.diagnostics.map { "\($0.file): \($0.message)" } == [
      "mentees/alex/plans: is a symbolic link; journal does not follow links",
      "mentees/alex/sessions/2026-11-21.md: is a symbolic link; journal does not follow links",
    ])
    #expect(!report.diagnostics.contains { $0.message.contains("nonsense") })
  }

  @Test(.enabled(if: getuid() != 0, "permissions do not bind the superuser"))
  func unreadableFileIsReportedAndOthersChecked() throws {
    let folder = try TemporaryFolder()
    try folder.write(RuleExample.session(Self.valid).files)
    try folder.write(["mentees/alex/sessions/2026-11-21.md": Self.valid])
    chmod(folder.path + "/mentees/alex/sessions/2026-11-21.md", 0)
    let report = try Checker.check(DiskJournal(try JournalLocation.at(folder.path)), today: sampleToday)
    #expect(report.diagnostics.map(\.message) == ["cannot read the file: Permission denied"])
  }

  @Test func awkwardFileNames() throws {
    let folder = try TemporaryFolder()
    try folder.write(RuleExample.session(Self.valid).files)
    try folder.write([
      "mentees/alex/sessions/2026-11-21 notes.md": "---\ndate: 2026-11-21\ntype: career-development\n---\nNotes.\n",
      "mentees/alex/sessions/2026-11-22-café.md": "---\ndate: 2026-11-22\ntype: career-development\n---\nNotes.\n",
      "mentees/alex/plans/-rf.md": "---\ntitle: x\ncreated: 2026-11-01\n---\n",
    ])
    let run = try runJournal(["check", "--today", "2026-11-26"], in: folder.path)
    #expect(run.status == 1)
    #expect(run.stdout.contains("mentees/alex/sessions/2026-11-21 notes.md:1:1: error: session file name `2026-11-21 notes.md` has a malformed suffix [file-name]"))
    #expect(run.stdout.contains("mentees/alex/sessions/2026-11-22-café.md:1:1: error"))
    #expect(run.stdout.contains("mentees/alex/plans/-rf.md:1:1: error: plan file name `-rf.md` is not a valid slug [file-name]"))
    #expect(run.stdout.hasSuffix("checked 6 files: 3 errors, 0 warnings\n"))
  }
}

@Suite struct FrontMatterEdgeTests {
  @Test func deepIndentationAloneIsNotDeepNesting() throws {
    let text = "---\ndate: 2026-11-20\ntype: career-development\nobjectives:\n" + String(repeating: " ", count: 80) + "- Agree the plan\n---\n"
    #expect(try checkSession(text).isEmpty)
  }

  @Test func emptyValuesAreMissing() throws {
    let found = try checkSession("---\ndate: 2026-11-20\ntype: \"  \"\n---\n")
    #expect(found.map(\.message) == ["required field `type` is empty"])
    #expect(found.first?.location == Location(line: 3, column: 1))
  }

  @Test func headingsWithASpaceBeforeTheColon() throws {
    let found = try checkSession(
      "---\ndate: 2026-11-20\ntype: career-development\n---\n## Improvements :\n\n- The handover on 11-14 missed the open Sev2 incident entirely\n")
    #expect(found.map(\.rule).sorted() == ["no-action", "unbalanced-feedback"])
  }

  @Test func emptyRuleSettingsChangeNothing() throws {
    var files = RuleExample.session(HostileInputTests.valid).files
    files["journal.yml"] = "title: T\nrules:\n  late-feedback:\n  vague-feedback:\n    severity: ~\n"
    #expect(try check(files).diagnostics.isEmpty)
  }
}

/// A file of that many mebibytes that takes no disk space: journal must refuse it by size.
func sparseFile(_ url: URL, megabytes: UInt64) throws {
  _ = FileManager.default.createFile(atPath: url.path, contents: nil)
  let handle = try FileHandle(forWritingTo: url)
  try handle.truncate(atOffset: megabytes * 1024 * 1024)
  try handle.close()
}

/// Watches files for reads with inotify: the kernel reports each read (`IN_ACCESS`) whatever
/// the filesystem's access-time options, so whether journal read a file is seen afterwards,
/// without timing anything.
final class ReadWatch {
  private let descriptor: Int32
  private var paths: [Int32: String] = [:]

  init(_ watched: [String]) throws {
    descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno)!) }
    for path in watched {
      let watch = inotify_add_watch(descriptor, path, UInt32(IN_ACCESS))
      guard watch >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno)!) }
      paths[watch] = path
    }
  }

  deinit { close(descriptor) }

  /// The paths read since the watch began.
  func read() -> Set<String> {
    var read: Set<String> = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return read }
      var offset = 0
      // Each event: the watch (Int32), its mask, a cookie and the length of a name that follows.
      while offset + MemoryLayout<inotify_event>.size <= count {
        let (watch, mask, nameLength) = buffer.withUnsafeBytes {
          ($0.load(fromByteOffset: offset, as: Int32.self), $0.load(fromByteOffset: offset + 4, as: UInt32.self),
           $0.load(fromByteOffset: offset + 12, as: UInt32.self))
        }
        if mask & UInt32(IN_ACCESS) != 0, let path = paths[watch] { read.insert(path) }
        offset += MemoryLayout<inotify_event>.size + Int(nameLength)
      }
    }
  }
}
