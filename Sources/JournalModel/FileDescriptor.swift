#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text written to an open file descriptor with write(2) itself: FileHandle traps, with a
/// stack trace, when a stream cannot take the bytes (closed, on a full disk), and turning a
/// `String` into `Data` costs a conformance scan. The one writer for standard output and
/// error, notes' temporary files, git's scratch files, the index lock and the filter driver's
/// pipes and warnings; each caller decides what a failure means.
public enum FileDescriptor {
  /// Writes every byte of `text` to `descriptor`, retrying a write interrupted by a signal,
  /// and returns the error number of a write that failed, or nil when all were written.
  public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
  }

  /// Writes every one of `bytes` to `descriptor`, going on after a partial or interrupted
  /// write, and returns the error number of a write that failed, or nil when all were written.
  ///
  /// A write that takes none of a non-empty buffer without an error (which write(2) allows
  /// but no stream that can make progress does) is reported as `EIO` rather than retried
  /// forever.
  public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if written == 0 { return EIO }
      offset += written
    }
    return nil
  }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#else
  private let systemWrite = Darwin.write
#endif
