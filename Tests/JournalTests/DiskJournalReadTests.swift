import Foundation
import Testing

@testable import JournalKit

/// `DiskJournal.readWhole` reads a file in one `read` when it holds what its status said, and
/// refuses one that holds more: checked against files whose real length differs from the size
/// it is given, as a file that grows or shrinks while it is read would.
@Suite struct DiskJournalReadTests {
  /// Reads the file at `path`, telling `readWhole` it holds `size` bytes.
  func read(_ path: String, size: Int) throws -> Result<[UInt8], DiskJournal.ReadProblem> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    try #require(descriptor >= 0, "cannot open \(path)")
    defer { close(descriptor) }
    return DiskJournal.readWhole(descriptor, size: size)
  }

  @Test(arguments: [0, 1, 4095, 4096, 70_000])
  func fileOfTheSizeItsStatusGaveIsReadWhole(count: Int) throws {
    let folder = try TemporaryFolder()
    let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    try folder.write("note.md", Data(bytes))
    #expect(try read(folder.path + "/note.md", size: count) == .success(bytes))
  }

  @Test func fileHoldingMoreThanItsSizeIsRefused() throws {
    let folder = try TemporaryFolder()
    try folder.write("note.md", Data(repeating: 0x61, count: 5000))
    #expect(try read(folder.path + "/note.md", size: 4999) == .failure(.changed))
    #expect(try read(folder.path + "/note.md", size: 0) == .failure(.changed))
  }

  @Test func fileHoldingLessThanItsSizeGivesWhatItHolds() throws {
    let folder = try TemporaryFolder()
    try folder.write("note.md", Data(repeating: 0x61, count: 5000))
    #expect(try read(folder.path + "/note.md", size: 6000) == .success([UInt8](repeating: 0x61, count: 5000)))
  }

  /// A file of /proc is a regular file whose status says 0 bytes, and which holds more: read
  /// as a journal's file, it is one that changed.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
  func fileWhoseStatusUndercountsIsRefused() throws {
    var info = stat()
    try #require(stat("/proc/self/status", &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
    #expect(try read("/proc/self/status", size: Int(info.st_size)) == .failure(.changed))
  }
}
