import Foundation
internal import Clibgit2

extension Repository {
  /// Runs `body` with every pack libgit2 builds for this repository (a push's, and
  /// `withObjectsInMemory`'s) storing blobs larger than the repository's
  /// `core.bigFileThreshold`, else `fallback` bytes, whole, without looking for deltas
  /// between them, as `git pack-objects` does. The same objects go into the pack; only how
  /// large blobs are stored in it changes.
  ///
  /// libgit2 1.5 reads its threshold from `pack.deltaCacheSize` (the cache of computed
  /// deltas, which only speeds up writing them) instead of `core.bigFileThreshold`, and
  /// otherwise searches deltas in blobs up to 512 MiB, holding several copies of each. So
  /// the threshold is given under that key, in a configuration file of a level above all
  /// the levels git reads (the command line's the highest), put in front of them; nothing is
  /// written where git reads, and the repository's configuration is as before afterwards.
  public func withBigFileThreshold<T>(fallback: Int64, _ body: () throws -> T) throws -> T {
    var config: OpaquePointer?
    try check(git_repository_config(&config, pointer), "git_repository_config")
    defer { git_config_free(config) }
    let threshold = try bigFileThreshold(in: config, fallback: fallback)
    // A copy of the frozen configuration, the file added and frozen in turn (journal reads
    // only frozen configurations), installed while `body` runs, then the original again.
    var copy: OpaquePointer?
    try check(git_config_snapshot(&copy, config), "git_config_snapshot")
    defer { git_config_free(copy) }
    let file = try NamedTemporaryFile(Array("[pack]\n\tdeltaCacheSize = \(threshold)\n".utf8))
    defer { file.remove() }
    let level = git_config_level_t(rawValue: GitConfiguration.commandLevel.rawValue + 1)
    try check(git_config_add_file_ondisk(copy, file.path, level, pointer, 1), "git_config_add_file_ondisk")
    var layered: OpaquePointer?
    try check(git_config_snapshot(&layered, copy), "git_config_snapshot")
    defer { git_config_free(layered) }
    try check(git_repository_set_config(pointer, layered), "git_repository_set_config")
    defer { git_repository_set_config(pointer, config) }
    return try body()
  }

  /// `core.bigFileThreshold`, else `fallback` bytes.
  public func bigFileThreshold(fallback: Int64) throws -> Int64 {
    var config: OpaquePointer?
    try check(git_repository_config(&config, pointer), "git_repository_config")
    defer { git_config_free(config) }
    return try bigFileThreshold(in: config, fallback: fallback)
  }

  private func bigFileThreshold(in config: OpaquePointer?, fallback: Int64) throws -> Int64 {
    var threshold: Int64 = 0
    let found = git_config_get_int64(&threshold, config, "core.bigFileThreshold")
    if found == GIT_ENOTFOUND.rawValue { return fallback }
    try check(found, "git_config_get_int64")
    return threshold
  }
}
