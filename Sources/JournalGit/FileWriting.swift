import Foundation

/// Writes all of `bytes` to `descriptor`, going on after a partial or interrupted write;
/// false, with `errno` set, when a write fails.
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
  var done = 0
  while done < bytes.count {
    let wrote = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
    if wrote < 0 && errno == EINTR { continue }
    guard wrote > 0 else { return false }
    done += wrote
  }
  return true
}

/// Writes `bytes` to the file at `path`, made or emptied first, as git writes a scratch file
/// such as `COMMIT_EDITMSG` (`fopen` and `fwrite`): in place, and not flushed to disk, where
/// Foundation's `Data.write(to:)` would wait for an `fsync`.
func writeScratchFile(_ bytes: [UInt8], to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
  guard descriptor >= 0 else {
    throw GitError(function: "open", code: -1, message: "cannot write \(path): \(String(cString: strerror(errno)))")
  }
  defer { close(descriptor) }
  guard bytes.withUnsafeBytes({ writeAll($0, to: descriptor) }) else {
    throw GitError(function: "write", code: -1, message: "cannot write \(path): \(String(cString: strerror(errno)))")
  }
}
