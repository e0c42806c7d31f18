import Foundation
internal import Clibgit2

extension Repository {
  /// The entries of the repository's own configuration (`.git/config` and the files it
  /// includes), as `git config --local --list` lists them: the name (section and key in lower
  /// case, a subsection as written) and the value, in order; an entry without a value has "".
  public func localConfigEntries() throws -> [(name: String, value: String)] {
    var config: OpaquePointer?
    try check(git_repository_config(&config, pointer), "git_repository_config")
    defer { git_config_free(config) }
    var local: OpaquePointer?
    guard git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL) == 0 else { return [] }
    defer { git_config_free(local) }
    var iterator: OpaquePointer?
    try check(git_config_iterator_new(&iterator, local), "git_config_iterator_new")
    defer { git_config_iterator_free(iterator) }
    var entries: [(name: String, value: String)] = []
    var entry: UnsafeMutablePointer<git_config_entry>?
    while git_config_next(&entry, iterator) == 0, let entry {
      entries.append((String(cString: entry.pointee.name), entry.pointee.value.map { String(cString: $0) } ?? ""))
    }
    return entries
  }
}
