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
}
