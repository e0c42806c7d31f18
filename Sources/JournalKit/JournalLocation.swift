import Foundation
import JournalParsing

/// Where a journal is on disk: the folder that holds `journal.yml`.
public struct JournalLocation: Sendable, Equatable {
  /// The journal folder, absolute and without symbolic links.
  public let root: String

  public init(root: String) { self.root = root }

  /// Finds the journal the way git finds `.git`: `start` itself, then each parent folder.
  public static func find(from start: String) throws -> JournalLocation {
    var folder = PathNames.absolute(start)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
      folder = (folder as NSString).deletingLastPathComponent
    }
    folder = PathNames.resolved(folder)
    var current = folder
    while true {
      if FileManager.default.fileExists(atPath: current + "/" + JournalPath.configName) {
        return JournalLocation(root: current)
      }
      let parent = (current as NSString).deletingLastPathComponent
      if parent == current || parent.isEmpty { break }
      current = parent
    }
    throw JournalError(
      "no journal found in \(start) or any folder above it (a journal is a folder holding \(JournalPath.configName); `journal init` makes one)")
  }

  /// Opens the journal at exactly `folder`, as `--journal` asks.
  public static func at(_ folder: String) throws -> JournalLocation {
    let absolute = PathNames.resolved(PathNames.absolute(folder))
    guard FileManager.default.fileExists(atPath: absolute + "/" + JournalPath.configName) else {
      throw JournalError("\(folder) is not a journal: it has no \(JournalPath.configName)")
    }
    return JournalLocation(root: absolute)
  }

  /// The journal-relative path of a file or folder, or nil when it lies outside the journal.
  public func relativePath(of path: String) -> String? {
    let absolute = PathNames.resolvedParent(PathNames.absolute(path))
    return JournalPath.subpath(of: absolute, under: root)
  }
}

/// Path arithmetic on `/`-separated absolute paths.
public enum PathNames {
  public static func absolute(_ path: String) -> String {
    // Compared as a byte: a name starting with a combining mark makes one Character of it and the "/".
    let joined = path.utf8.first == UInt8(ascii: "/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (joined as NSString).standardizingPath
  }

  /// The path with symbolic links in it resolved, when it exists.
  public static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }

  /// Resolves links in the folders above a path but not in its last part, so a link is
  /// reported as the link it is.
  static func resolvedParent(_ path: String) -> String {
    let parent = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    if parent == path || name.isEmpty { return resolved(path) }
    let resolvedParent = resolved(parent)
    return resolvedParent == "/" ? "/" + name : resolvedParent + "/" + name
  }

  /// `target` as a path relative to the folder `base`; both absolute.
  public static func relative(_ target: String, from base: String) -> String {
    let targetParts = JournalPath.components(of: target)
    let baseParts = JournalPath.components(of: base)
    var common = 0
    while common < targetParts.count, common < baseParts.count,
      targetParts[common].utf8.elementsEqual(baseParts[common].utf8)
    {
      common += 1
    }
    let ups = Array(repeating: "..", count: baseParts.count - common)
    let rest = targetParts[common...].map(String.init)
    let parts = ups + rest
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
