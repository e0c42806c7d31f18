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
  /// the threshold is given under that key, in a configuration file of the highest level
  /// (the application's) put in front of the repository's configuration, which stays as it
  /// was on disk. Meant for the repository's last use, like `withObjectsInMemory`.
  public func withBigFileThreshold<T>(fallback: Int64, _ body: () throws -> T) throws -> T {
    var config: OpaquePointer?
    try check(git_repository_config(&config, pointer), "git_repository_config")
    defer { git_config_free(config) }
    var threshold: Int64 = 0
    let found = git_config_get_int64(&threshold, config, "core.bigFileThreshold")
    if found == GIT_ENOTFOUND.rawValue {
      threshold = fallback
    } else {
      try check(found, "git_config_get_int64")
    }
    guard let folder = mkdtemp(strdup(NSTemporaryDirectory() + "/journal-config-XXXXXX")).map({ pointer in
      defer { free(pointer) }
      return String(cString: pointer)
    }) else {
      throw GitError(function: "mkdtemp", code: -1, message: "cannot create a temporary folder: \(String(cString: strerror(errno)))")
    }
    // libgit2 reads the file again whenever it changed on disk: it stays until `body` is done.
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/config"
    try Data("[pack]\n\tdeltaCacheSize = \(threshold)\n".utf8).write(to: URL(fileURLWithPath: file))
    try check(git_config_add_file_ondisk(config, file, GIT_CONFIG_LEVEL_APP, pointer, 1), "git_config_add_file_ondisk")
    return try body()
  }
}
