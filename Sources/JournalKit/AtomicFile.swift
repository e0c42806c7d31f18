import Foundation

/// Writes that never leave a half-written note: a temporary file created exclusively in the
/// same folder, written, flushed to disk, then moved into place, and the folder flushed too.
public enum AtomicFile {
  /// Creates `path` with `contents`; refuses, changing nothing, when it already exists.
  public static func create(_ path: String, contents: String, mode: mode_t = 0o644) throws {
    let temporary = try writeTemporary(beside: path, contents: contents, mode: mode)
    // link() fails rather than replace an existing file, unlike rename().
    if link(temporary, path) != 0 {
      let error = errno
      unlink(temporary)
      throw JournalError(
        error == EEXIST
          ? "\(path) already exists; journal never overwrites a note"
          : "cannot write \(path): \(String(cString: strerror(error)))")
    }
    unlink(temporary)
    syncFolder(of: path)
  }

  /// Replaces `path` with `contents`, keeping its mode; the old text stays whole until the
  /// new one is on disk.
  public static func replace(_ path: String, contents: String) throws {
    var info = stat()
    let exists = lstat(path, &info) == 0
    // Only a regular file is replaced: never a device such as /dev/null, a link or a folder.
    if exists && info.st_mode & S_IFMT != S_IFREG {
      throw JournalError("\(path) is not a regular file; journal writes only regular files")
    }
    let mode: mode_t = exists ? info.st_mode & 0o7777 : 0o644
    let temporary = try writeTemporary(beside: path, contents: contents, mode: mode)
    guard rename(temporary, path) == 0 else {
      let error = errno
      unlink(temporary)
      throw JournalError("cannot write \(path): \(String(cString: strerror(error)))")
    }
    syncFolder(of: path)
  }

  private static func writeTemporary(beside path: String, contents: String, mode: mode_t) throws -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).journal-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw JournalError("cannot write in \(folder.isEmpty ? "." : folder): \(String(cString: strerror(errno)))")
    }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do {
      defer { close(descriptor) }
      var bytes = Array(contents.utf8)
      var written = 0
      while written < bytes.count {
        let count = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
        if count < 0 {
          if errno == EINTR { continue }
          throw JournalError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        written += count
      }
      guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
        throw JournalError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
    } catch {
      unlink(temporary)
      throw error
    }
    return temporary
  }

  private static func syncFolder(of path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }
}
