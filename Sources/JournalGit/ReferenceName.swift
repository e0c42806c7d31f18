internal import Clibgit2

/// Reference names as git's `check-ref-format` reads them.
public enum ReferenceName {
  /// Whether `name` (a full name, `refs/heads/main`) is one git accepts: no control
  /// character, space, `~^:?*[\`, `..`, `@{`, component starting with `.` or ending in
  /// `.lock`, and so on, as libgit2 checks it.
  public static func isValid(_ name: String) -> Bool {
    var valid: Int32 = 0
    return git_reference_name_is_valid(&valid, name) == 0 && valid != 0
  }
}
