import Foundation
import JournalKit
import JournalModel
import Testing

@testable import JournalParsing

/// Paths are split at the `/` byte. A folder name that starts with a zero-width joiner or a
/// combining mark makes one `Character` of it and the `/` before it, so splitting by
/// `Character` misses that `/`: the folder, and an invalid note inside it, would go unread.
@Suite struct PathNameTests {
  /// Folder names whose first scalar joins the `/` before it into one `Character`.
  static let joiningNames = ["\u{200D}kai", "\u{301}lee", "\u{FE0F}ana"]

  static let invalidSession = "---\ndate: 2026-11-20\ntype: nonsense\n---\n"

  @Test(arguments: joiningNames)
  func classifiesAFolderThatStartsWithAJoiningScalar(_ name: String) {
    #expect(
      JournalPath.classify("mentees/\(name)/sessions/2026-11-20.md")
        == .session(person: name, date: Day(year: 2026, month: 11, day: 20)))
    #expect(JournalPath.classify("mentees/\(name)/profile.md") == .profile(person: name))
    #expect(JournalPath.classify("mentees/alex/plans/\(name).md") == .plan(person: "alex", slug: name))
    #expect(JournalPath.classify("mentees/alex/\(name)/notes.md") == .misplaced)
    #expect(JournalPath.classify("mentees/\(name)/private/notes.md") == .privateNote(person: name))
  }

  @Test func aLeadingDotIsHiddenWhateverFollowsIt() {
    #expect(JournalPath.classify("mentees/.\u{301}kai/sessions/2026-11-20.md") == .ignored)
    #expect(JournalPath.classify("mentees/alex/sessions/.\u{200D}2026-11-20.md") == .ignored)
  }

  @Test(arguments: joiningNames)
  func anInvalidNoteInSuchAFolderIsReported(_ name: String) throws {
    var files = [
      "journal.yml": "title: T\n",
      "mentees/\(name)/sessions/2026-11-20.md": Self.invalidSession,
    ]
    files["mentees/\(name)/profile.md"] = "---\nname: Someone\n---\n"
    let report = try check(files)
    let path = "mentees/\(name)/sessions/2026-11-20.md"
    #expect(report.diagnostics.contains { $0.file == path && $0.rule == "invalid-value" })
    #expect(report.diagnostics.contains { $0.file == path && $0.rule == "file-name" })
    #expect(report.fileCount == 3)
  }

  @Test func theProgramReportsAnInvalidNoteInSuchAFolder() throws {
    let folder = try TemporaryFolder()
    var files = ["journal.yml": "title: T\n"]
    for name in Self.joiningNames {
      files["mentees/\(name)/profile.md"] = "---\nname: Someone\n---\n"
      files["mentees/\(name)/sessions/2026-11-20.md"] = Self.invalidSession
    }
    try folder.write(files)
    let run = try runJournal(["check", "--today", "2026-11-26", "--format", "json"], in: folder.path)
    #expect(run.status == 1)
    for name in Self.joiningNames {
      #expect(run.stdout.contains("\"mentees/\(name)/sessions/2026-11-20.md\""), "\(name.unicodeScalars.map(\.value))")
    }
    #expect(run.stdout.contains("\"files\":7"))

    // Named on the command line, the folder is inside the journal and is reported on alone.
    let one = try runJournal(
      ["check", "mentees/\(Self.joiningNames[0])", "--today", "2026-11-26", "--format", "json"], in: folder.path)
    #expect(one.status == 1)
    #expect(one.stdout.contains("\"files\":2"))
    #expect(!one.stdout.contains(Self.joiningNames[1]))
  }

  @Test func selectionsAndOwnersSplitAtTheSlashByte() {
    let name = Self.joiningNames[0]
    #expect(JournalPath.isInside("mentees/\(name)/profile.md", folder: "mentees"))
    #expect(JournalPath.isInside("mentees/\(name)/profile.md", folder: "mentees/\(name)"))
    #expect(!JournalPath.isInside("mentees/\(name)x/profile.md", folder: "mentees/\(name)"))
    #expect(JournalPath.isInside("mentees", folder: "mentees"))
    #expect(JournalPath.person(of: "mentees/\(name)/sessions/2026-11-20.md") == name)
    #expect(JournalPath.person(of: "mentees/\(name)") == nil)
    #expect(JournalPath.subpath(of: "/j/\(name)/x", under: "/j") == "\(name)/x")
    #expect(JournalPath.subpath(of: "/j", under: "/j") == "")
    #expect(JournalPath.subpath(of: "/jx", under: "/j") == nil)
    #expect(JournalPath.subpath(of: "a/\(name)", under: "a/") == name)
  }

  /// `person(of:)` and `lastComponent(of:)` read only what they need of a path; they give
  /// what splitting the whole path gives, for every path of up to five pieces built from
  /// names, `/`, a joining mark and a dot.
  @Test func ownersAndFileNamesAgreeWithTheWholeSplit() {
    let pieces = ["mentees", "a", "/", "\u{301}", ".", "mentees/"]
    var paths = [""]
    var frontier = [""]
    for _ in 0..<5 {
      frontier = frontier.flatMap { path in pieces.map { path + $0 } }
      paths += frontier
    }
    for path in paths {
      let parts = JournalPath.components(of: path)
      let owner = parts.count >= 3 && parts[0].utf8.elementsEqual("mentees".utf8) ? parts[1] : nil
      #expect(JournalPath.person(of: path).map { Array($0.utf8) } == owner.map { Array($0.utf8) }, "\(path.debugDescription)")
      #expect(JournalPath.lastComponent(of: path).utf8.elementsEqual((parts.last ?? "").utf8), "\(path.debugDescription)")
    }
  }

  /// A letter followed by a mark that has no precomposed form sorts between `a` and `z` as a
  /// `Character`; an id is lowercase ASCII letters, digits and `-`, byte by byte.
  /// An absolute path is one whose first byte is `/`, whatever scalar follows it.
  @Test(arguments: joiningNames)
  func anAbsolutePathStartsWithTheSlashByte(_ name: String) {
    #expect(PathNames.absolute("/" + name + "/notes") == "/" + name + "/notes")
  }

  @Test func anIDIsASCIIByteByByte() {
    #expect(Person.isValidID("sam-okafor"))
    #expect(!Person.isValidID("b\u{20DD}ob"))
    #expect(!Person.isValidID("-sam"))
    #expect(!Person.isValidID("sam-"))
    #expect(!Person.isValidID(""))
    #expect(!Person.isValidID("Sam"))
  }
}
