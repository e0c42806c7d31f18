import Foundation
import JournalModel

/// Writes that never leave a half-written note: a temporary file created exclusively in the
/// same folder, written, flushed to disk, then moved into place, and the folder flushed too.
///
/// A new file's permissions are the asked-for mode less the umask, applied by the system as it
/// is for any program's files (a note or report: `0666 & ~umask`). A replaced file keeps its
/// mode, owner and group; when this user may not give the new file that owner or group, the
/// file is left as it was and the replacement refused, rather than hand it to someone else.
public enum AtomicFile {
  /// Creates `path` with `contents`; refuses, changing nothing, when it already exists.
  /// `mode` is asked for before the umask: 0o666 for a note, 0o777 for a program.
  public static func create(_ path: String, contents: String, mode: mode_t = 0o666) throws {
    let temporary = try writeTemporary(beside: path, contents: contents, mode: mode, keeping: nil)
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

  /// Replaces `path` with `contents`, keeping its mode, owner and group, or creates it as
  /// `create` does; the old text stays whole until the new one is on disk.
  public static func replace(_ path: String, contents: String) throws {
    var info = stat()
    let exists = lstat(path, &info) == 0
    // Only a regular file is replaced: never a device such as /dev/null, a link or a folder.
    if exists && info.st_mode & S_IFMT != S_IFREG {
      throw JournalError("\(path) is not a regular file; journal writes only regular files")
    }
    let temporary = try writeTemporary(beside: path, contents: contents, mode: 0o666, keeping: exists ? info : nil)
    guard rename(temporary, path) == 0 else {
      let error = errno
      unlink(temporary)
      throw JournalError("cannot write \(path): \(String(cString: strerror(error)))")
    }
    syncFolder(of: path)
  }

  /// Removes the temporary files `replace` or `create` of `path` left when stopped before
  /// moving them into place (`.<name>.journal-` and six letters, beside it). Only for a caller
  /// that knows no other process is writing `path` now, such as one holding a lock every
  /// writer of it takes.
  public static func removeLeftovers(of path: String) {
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    let name = (path as NSString).lastPathComponent
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    where original(ofTemporary: entry) == name {
      unlink(folder + "/" + entry)
    }
  }

  /// The name of the file that `name` is a temporary file of (`2026-11-20.md` for
  /// `.2026-11-20.md.journal-AbC123`), or nil for any other name. Such a file outlives the
  /// write only when the process is stopped before it moves the file into place.
  public static func original(ofTemporary name: String) -> String? {
    let bytes = name.utf8
    let marker = temporaryMarker.utf8
    let tail = marker.count + temporaryLetters
    guard bytes.count > 1 + tail, bytes.first == UInt8(ascii: "."),
      bytes.dropFirst(bytes.count - tail).prefix(marker.count).elementsEqual(marker),
      bytes.suffix(temporaryLetters).allSatisfy({ letters.utf8.contains($0) })
    else { return nil }
    return String(decoding: bytes.dropFirst().dropLast(tail), as: UTF8.self)
  }

  /// A temporary file is named `.`, the file's name, this marker and `temporaryLetters` of
  /// `letters`.
  private static let temporaryMarker = ".journal-"
  private static let temporaryLetters = 6
  private static let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

  /// Writes `contents` to a new hidden file beside `path`, created exclusively with `mode`
  /// (less the umask), or with the owner, group and mode of the file it will replace.
  private static func writeTemporary(
    beside path: String, contents: String, mode: mode_t, keeping original: stat?
  ) throws -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let (descriptor, temporary) = try createExclusively(
      prefix: (folder.isEmpty ? "." : folder) + "/.\(name)" + temporaryMarker, mode: mode)
    do {
      defer { close(descriptor) }
      if let failure = FileDescriptor.writeAll(contents, to: descriptor) {
        throw JournalError("cannot write \(path): \(String(cString: strerror(failure)))")
      }
      if let original { try keep(original, on: descriptor, path: path) }
      guard fsync(descriptor) == 0 else {
        throw JournalError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
    } catch {
      unlink(temporary)
      throw error
    }
    return temporary
  }

  /// Creates a file that did not exist, named `prefix` and six random letters, as mkstemp
  /// does but with `mode` given to open(2), so the umask applies.
  private static func createExclusively(prefix: String, mode: mode_t) throws -> (Int32, String) {
    let letters = Array(Self.letters.unicodeScalars)
    var error: Int32 = EEXIST
    for _ in 0..<100 {
      var candidate = prefix
      candidate.unicodeScalars.append(contentsOf: (0..<temporaryLetters).map { _ in letters.randomElement()! })
      let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      if descriptor >= 0 { return (descriptor, candidate) }
      error = errno
      if error != EEXIST { break }
    }
    let folder = (prefix as NSString).deletingLastPathComponent
    throw JournalError("cannot write in \(folder): \(String(cString: strerror(error)))")
  }

  /// Gives the new file the replaced one's owner, group and mode (in that order: a change of
  /// owner clears the set-id bits).
  private static func keep(_ original: stat, on descriptor: Int32, path: String) throws {
    var made = stat()
    guard fstat(descriptor, &made) == 0 else {
      throw JournalError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    if made.st_uid != original.st_uid || made.st_gid != original.st_gid,
      fchown(descriptor, original.st_uid, original.st_gid) != 0
    {
      throw JournalError(
        "cannot replace \(path) keeping its owner \(userName(original.st_uid)) and group "
          + "\(groupName(original.st_gid)): this user may not give a file to them; \(path) is left as it was")
    }
    guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
      throw JournalError("cannot replace \(path) keeping its mode: \(String(cString: strerror(errno)))")
    }
  }

  private static func userName(_ id: uid_t) -> String {
    getpwuid(id).map { String(cString: $0.pointee.pw_name) } ?? String(id)
  }

  private static func groupName(_ id: gid_t) -> String {
    getgrgid(id).map { String(cString: $0.pointee.gr_name) } ?? String(id)
  }

  private static func syncFolder(of path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }
}
