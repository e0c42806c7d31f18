import Foundation
internal import Clibgit2

/// `core.sharedRepository`: the permissions git gives what it writes under `.git` so that a
/// group (or everybody) can work in the repository too. libgit2 1.5 writes with the process's
/// umask alone, so journal adjusts each file and folder it wrote afterwards, exactly as git's
/// `adjust_shared_perm` does (`path.c`).
struct SharedPermissions {
  /// 0: the umask decides; positive: bits added (0660 group, 0664 everybody); negative: the
  /// exact mode, negated (`core.sharedRepository=0640`).
  let setting: Int32

  init(_ repository: Repository) throws {
    setting = try ConfigSnapshot(repository).string("core.sharedRepository").map(Self.parse) ?? 0
  }

  /// git's `git_config_perm`.
  static func parse(_ value: String) throws -> Int32 {
    switch value.lowercased() {
    case "umask": return 0
    case "group": return 0o660
    case "all", "world", "everybody": return 0o664
    default: break
    }
    guard let number = Int32(value, radix: 8) else {
      switch value.lowercased() {
      case "true", "yes", "on": return 0o660
      case "false", "no", "off", "": return 0
      default:
        throw GitError(function: "core.sharedRepository", code: -1, message: "bad core.sharedRepository value '\(value)'")
      }
    }
    switch number {
    case 0: return 0
    case 1: return 0o660
    case 2: return 0o664
    default:
      guard number & 0o600 == 0o600 else {
        throw GitError(
          function: "core.sharedRepository", code: -1,
          message: "core.sharedRepository 0\(String(number, radix: 8)): the owner of files must always have read and write permissions")
      }
      return -(number & 0o666)
    }
  }

  /// Gives `path` (a file or folder journal just wrote) the mode git would give it.
  func adjust(_ path: String) {
    guard setting != 0 else { return }
    var info = stat()
    guard stat(path, &info) == 0 else { return }
    let old = Int32(info.st_mode) & 0o7777
    var tweak = setting < 0 ? -setting : setting
    if old & Int32(S_IWUSR) == 0 { tweak &= ~0o222 }
    // Read bits are copied to execute bits for what the owner can execute.
    if old & Int32(S_IXUSR) != 0 { tweak |= (tweak & 0o444) >> 2 }
    var new = setting < 0 ? (old & ~0o777) | tweak : old | tweak
    if Int32(info.st_mode) & Int32(S_IFMT) == Int32(S_IFDIR) {
      new |= (new & 0o444) >> 2
      // Folders pass their group on to what is made in them.
      if new & 0o060 != 0 { new |= Int32(S_ISGID) }
    }
    if new != old { chmod(path, mode_t(new)) }
  }

  /// The folders between `top` and `path` that do not exist yet, outermost first: the ones a
  /// write of `path` will make, which git adjusts when it makes them.
  func missingFolders(of path: String, under top: String) -> [String] {
    guard setting != 0, path.hasPrefix(top) else { return [] }
    var folder = top
    var missing: [String] = []
    for component in path.dropFirst(top.count).split(separator: "/").dropLast() {
      folder += (folder.hasSuffix("/") ? "" : "/") + component
      if missing.isEmpty && access(folder, F_OK) == 0 { continue }
      missing.append(folder)
    }
    return missing
  }
}
