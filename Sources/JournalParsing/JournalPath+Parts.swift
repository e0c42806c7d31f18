import JournalModel

/// Paths as bytes: split at the `/` byte and compared byte by byte.
///
/// A name may start with a combining mark or a zero-width joiner, which Swift joins with the
/// `/` before it into one `Character`; splitting or comparing by `Character` would then miss
/// that `/`, and the folder with everything in it would go unread in silence.
extension JournalPath {
  /// The parts of a `/`-separated path, split at each `/` byte.
  public static func components(of path: String, omittingEmpty: Bool = true) -> [Substring] {
    var parts: [Substring] = []
    let utf8 = path.utf8
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == UInt8(ascii: "/") {
        if !omittingEmpty || start != index { parts.append(path[start..<index]) }
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    if !omittingEmpty || start != index { parts.append(path[start..<index]) }
    return parts
  }

  /// Whether a file or folder name is hidden: it starts with a `.` byte, whatever follows.
  public static func isHidden(_ name: some StringProtocol) -> Bool {
    name.utf8.first == UInt8(ascii: ".")
  }

  /// Whether a journal-relative path is hidden or lies in a hidden folder: not the journal's
  /// (editors' swap files, a stopped write's temporary copy), never committed.
  public static func isInHidden(_ path: String) -> Bool {
    components(of: path).contains(where: isHidden)
  }

  /// Whether `path` is `folder` itself or lies inside it; an empty folder holds everything.
  public static func isInside(_ path: String, folder: String) -> Bool {
    subpath(of: path, under: folder) != nil
  }

  /// `path` relative to `folder` (`""` for the folder itself), or nil when it lies elsewhere.
  /// An empty folder holds every path.
  public static func subpath(of path: String, under folder: String) -> String? {
    if folder.isEmpty { return path }
    let bytes = path.utf8
    let prefix = folder.utf8
    guard bytes.starts(with: prefix) else { return nil }
    let rest = bytes.dropFirst(prefix.count)
    if rest.isEmpty { return "" }
    // A folder given with its trailing `/` is followed directly by the rest.
    if prefix.last == UInt8(ascii: "/") { return String(decoding: rest, as: UTF8.self) }
    guard rest.first == UInt8(ascii: "/") else { return nil }
    return String(decoding: rest.dropFirst(), as: UTF8.self)
  }

  /// The person whose folder holds a file (`mentees/<id>/…`), or nil: the second of the
  /// path's `components`, when there are at least three and the first is `mentees`. Read
  /// without splitting the whole path, since every file of a journal is asked this.
  public static func person(of path: String) -> String? {
    // Over the path's bytes: stepping a `String`'s indices cost more than the rest of the split.
    TextBytes.withBytes(of: path) { bytes -> String? in
      var first: Range<Int>?
      var second: Range<Int>?
      var start = 0
      var index = 0
      while index < bytes.count, second == nil {
        if bytes[index] == UInt8(ascii: "/") {
          if start != index {
            if first == nil { first = start..<index } else { second = start..<index }
          }
          start = index + 1
        }
        index += 1
      }
      // A third part is any byte but `/` after the second.
      guard let first, let second, bytes[start...].contains(where: { $0 != UInt8(ascii: "/") }),
        UnsafeBufferPointer(rebasing: bytes[first]).elementsEqual(peopleFolder.utf8)
      else { return nil }
      return TextBytes.string(bytes, second)
    }
  }

  /// The last of the path's `components`, or "" when it has none: its file name.
  public static func lastComponent(of path: String) -> Substring {
    let utf8 = path.utf8
    var end = utf8.endIndex
    while end != utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") {
      end = utf8.index(before: end)
    }
    var start = end
    while start != utf8.startIndex, utf8[utf8.index(before: start)] != UInt8(ascii: "/") {
      start = utf8.index(before: start)
    }
    return path[start..<end]
  }

  /// Byte-for-byte equality of a path part and a name.
  static func same(_ part: Substring, _ name: String) -> Bool {
    part.utf8.elementsEqual(name.utf8)
  }
}
