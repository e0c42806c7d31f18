internal import Clibgit2

/// The repository's configuration as git reads it, built once when the repository was opened
/// (`GitConfiguration`) and frozen since, as git reads its configuration once per command.
final class ConfigSnapshot {
  private let config: OpaquePointer

  convenience init(_ repository: Repository) throws { try self.init(repository.pointer) }

  init(_ repository: OpaquePointer) throws {
    var config: OpaquePointer?
    // The frozen configuration `GitConfiguration` installed, shared rather than copied.
    try check(git_repository_config(&config, repository), "git_repository_config")
    self.config = config!
  }

  deinit { git_config_free(config) }

  /// The value of `name`, or nil when it is not set.
  func string(_ name: String) -> String? {
    var text: UnsafePointer<CChar>?
    guard git_config_get_string(&text, config, name) == 0, let text else { return nil }
    return String(cString: text)
  }

  /// `name` read as git reads a boolean (`true`, `yes`, `on`, `1`…); nil when it is not set
  /// or is not one.
  func bool(_ name: String) -> Bool? {
    var value: Int32 = 0
    guard git_config_get_bool(&value, config, name) == 0 else { return nil }
    return value != 0
  }

  /// `name`'s value and whether it is set for this repository alone (its own configuration or
  /// its worktree's) rather than for the user, the whole system or the command line.
  func entry(_ name: String) -> (value: String, local: Bool)? {
    var entry: UnsafeMutablePointer<git_config_entry>?
    guard git_config_get_entry(&entry, config, name) == 0, let entry else { return nil }
    defer { git_config_entry_free(entry) }
    let level = entry.pointee.level
    return (String(cString: entry.pointee.value), level == GIT_CONFIG_LEVEL_LOCAL || level == GIT_CONFIG_LEVEL_APP)
  }
}
