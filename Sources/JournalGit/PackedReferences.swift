import Foundation
internal import Clibgit2

/// The `packed-refs` file as git reads and writes it (`refs/packed-backend.c`): an optional
/// header naming its traits, then one `<id> <name>` line per reference, sorted by name, each
/// followed by `^<id>` when the reference peels to another object (an annotated tag's
/// target, through every tag in between).
///
/// libgit2 1.5 reads this file but writes it only whole, from its own cache, peeling a tag
/// of a tag one level and giving up at a reference that names no object; journal writes it
/// as git does, and `PackedReferencesTests` compares the bytes with `git pack-refs --all`.
struct PackedReferences {
  struct Entry: Equatable {
    let id: ObjectID
    /// What the reference peels to, when the file says (nil: it does not peel).
    let peeled: ObjectID?
    /// Whether `peeled` is known; if not, it is worked out from the object when written.
    let knowsPeeled: Bool
  }

  /// The header git writes; the spaces around each trait are what older readers look for.
  static let header = "# pack-refs with: peeled fully-peeled sorted \n"

  private(set) var entries: [String: Entry] = [:]

  init() {}

  /// The file at `path`; empty when there is none.
  static func read(_ path: String) throws -> PackedReferences {
    guard let data = FileManager.default.contents(atPath: path) else { return PackedReferences() }
    return try PackedReferences(parsing: Array(data))
  }

  /// Reads the file as git's `create_snapshot` and `next_record` do: with `fully-peeled`
  /// every peelable entry carries its `^` line, so one without is known not to peel; with
  /// `peeled`, that holds for tags only; without either, nothing is known but the `^` lines.
  init(parsing bytes: [UInt8]) throws {
    var position = 0
    func line() throws -> ArraySlice<UInt8> {
      guard let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else {
        throw Self.invalid(bytes[position...])
      }
      defer { position = end + 1 }
      return bytes[position..<end]
    }
    var fully = false
    var tags = false
    if bytes.first == UInt8(ascii: "#") {
      let header = try line()
      let prefix = Array("# pack-refs with:".utf8)
      guard header.starts(with: prefix) else { throw Self.invalid(header) }
      let traits = header.dropFirst(prefix.count).split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
      fully = traits.contains("fully-peeled")
      tags = traits.contains("peeled")
    }
    while position < bytes.count {
      let record = try line()
      guard record.count > 41, let id = Self.id(record.prefix(40)), Self.isSpace(record[record.startIndex + 40]) else {
        throw Self.invalid(record)
      }
      let name = String(decoding: record.dropFirst(41), as: UTF8.self)
      var knows = fully || (tags && name.hasPrefix("refs/tags/"))
      var peeled: ObjectID?
      if position < bytes.count, bytes[position] == UInt8(ascii: "^") {
        let peel = try line()
        guard peel.count == 41, let value = Self.id(peel.dropFirst()) else { throw Self.invalid(peel) }
        peeled = value
        knows = true
      }
      entries[name] = Entry(id: id, peeled: peeled, knowsPeeled: knows)
    }
  }

  /// Sets a reference's value (nil removes it); what it peels to is worked out when written.
  mutating func set(_ name: String, to id: ObjectID?) {
    entries[name] = id.map { Entry(id: $0, peeled: nil, knowsPeeled: false) }
  }

  /// The file's bytes, as git's `write_with_updates` writes them: the header, then every
  /// entry in the byte order of its name; an entry whose peeled value is not known gets the
  /// one `peel` gives (git's `peel_object`).
  func bytes(peel: (ObjectID) -> ObjectID?) -> [UInt8] {
    var out = Array(Self.header.utf8)
    for (name, entry) in entries.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }) {
      out += Array("\(entry.id) \(name)\n".utf8)
      if let peeled = entry.knowsPeeled ? entry.peeled : peel(entry.id) {
        out += Array("^\(peeled)\n".utf8)
      }
    }
    return out
  }

  /// An id written in hexadecimal, in either case, as git's `parse_oid_hex` reads it.
  static func id(_ hex: ArraySlice<UInt8>) -> ObjectID? {
    guard hex.count == 40, hex.allSatisfy({ isHexDigit($0) }) else { return nil }
    return ObjectID(hex: String(decoding: hex, as: UTF8.self).lowercased())
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
  }

  /// git's `isspace`: space, tab, line feed, vertical tab, form feed, carriage return.
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

  private static func invalid(_ line: ArraySlice<UInt8>) -> GitError {
    let shown = String(decoding: line.prefix { $0 != UInt8(ascii: "\n") }.prefix(80), as: UTF8.self)
    return GitError(function: "packed-refs", code: -1, message: "unexpected line in packed-refs: \(shown)")
  }
}

/// A lock as git takes one (`lockfile.c`): `<path>.lock`, created exclusively, means the
/// holder alone may change `path`. Another process's lock is waited for up to `timeout`
/// milliseconds, with git's backoff, then reported with `isLocked`.
final class LockFile {
  /// The file locked.
  let path: String
  var lockPath: String { path + ".lock" }
  private var held = true

  init(_ path: String, timeout: Int, permissions: SharedPermissions) throws {
    self.path = path
    let lockPath = path + ".lock"
    var waited = 0
    var multiplier = 1
    var step = 1
    while true {
      let descriptor = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 {
        close(descriptor)
        permissions.adjust(lockPath)
        return
      }
      let error = errno
      guard error == EEXIST, waited < timeout else {
        throw GitError(
          function: "open", code: error == EEXIST ? Int32(GIT_ELOCKED.rawValue) : -1,
          message: error == EEXIST
            ? "\(lockPath) exists: another git process holds it"
            : "cannot create \(lockPath): \(String(cString: strerror(error)))")
      }
      // git's backoff: 1, 4, 9, … ms, each between 0.75 and 1.25 times that, up to 1 s.
      let wait = multiplier * Int.random(in: 750..<1250) / 1000
      usleep(UInt32(max(wait, 1) * 1000))
      waited += max(wait, 1)
      multiplier += 2 * step + 1
      if multiplier > 1000 { multiplier = 1000 } else { step += 1 }
    }
  }

  /// Removes the lock; the file stays as it is.
  func release() {
    guard held else { return }
    held = false
    unlink(lockPath)
  }

  deinit { release() }
}
