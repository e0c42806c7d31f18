import Foundation
import JournalModel

/// Writes `bytes` to the file at `path`, made or emptied first, as git writes a scratch file
/// such as `COMMIT_EDITMSG` (`fopen` and `fwrite`): in place, and not flushed to disk, where
/// Foundation's `Data.write(to:)` would wait for an `fsync`.
func writeScratchFile(_ bytes: [UInt8], to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
  guard descriptor >= 0 else {
    throw GitError(function: "open", code: -1, message: "cannot write \(path): \(String(cString: strerror(errno)))")
  }
  defer { close(descriptor) }
  if let failure = bytes.withUnsafeBytes({ FileDescriptor.writeAll($0, to: descriptor) }) {
    throw GitError(function: "write", code: -1, message: "cannot write \(path): \(String(cString: strerror(failure)))")
  }
}
