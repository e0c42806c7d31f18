import Foundation
import JournalModel
import Testing

/// The one writer of text to file descriptors, used by standard output, standard error and the
/// filter driver's warnings.
@Suite struct FileDescriptorTests {
  /// More than a pipe holds at once (64 KiB on Linux), so the writer must go on after partial
  /// writes while the reader drains the pipe; the text mixes ASCII, accents, a combining mark
  /// and CRLF, and must arrive byte for byte.
  @Test func everyByteReachesThePipesReader() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let (readEnd, writeEnd) = (ends[0], ends[1])
    let line = "Zoë Ångström e\u{301} \"quoted\"\r\n# not a comment ✓\n"
    let text = String(repeating: line, count: 20_000)
    let reader = Background { () -> [UInt8] in
      var received: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = read(readEnd, &buffer, buffer.count)
        if count <= 0 { break }
        received += buffer[0..<count]
      }
      return received
    }
    let failure = FileDescriptor.writeAll(text, to: writeEnd)
    close(writeEnd)
    let received = try reader.value()
    close(readEnd)
    #expect(failure == nil)
    #expect(received.count == text.utf8.count)
    #expect(received == Array(text.utf8))
  }

  @Test func nothingToWriteIsNoFailure() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    defer { close(ends[0]) }
    #expect(FileDescriptor.writeAll("", to: ends[1]) == nil)
    close(ends[1])
    var byte: UInt8 = 0
    #expect(read(ends[0], &byte, 1) == 0)
  }

  @Test func aClosedDescriptorGivesItsErrorNumber() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    close(ends[1])
    #expect(FileDescriptor.writeAll("lost", to: ends[1]) == EBADF)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
  func aFullDeviceGivesNoSpace() throws {
    let full = open("/dev/full", O_WRONLY)
    try #require(full >= 0)
    defer { close(full) }
    #expect(FileDescriptor.writeAll("lost", to: full) == ENOSPC)
  }
}
