import Foundation
internal import Clibgit2

/// Runs `body` with a `git_strarray` of `prefixes`, each a file or a folder, to be matched
/// literally: callers set libgit2's `DISABLE_PATHSPEC_MATCH` flag, so that a name holding
/// `*`, `?`, `[` or `\\` is never read as a pattern (libgit2's escaped patterns do not match
/// such names).
func withPathspec<T>(_ prefixes: [String], _ body: (git_strarray) throws -> T) rethrows -> T {
  try withStringArray(prefixes, body)
}

/// Runs `body` with a `git_strarray` of `strings` as they are. The C strings are ours, freed
/// here.
func withStringArray<T>(_ strings: [String], _ body: (git_strarray) throws -> T) rethrows -> T {
  var strings: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  defer { strings.forEach { free($0) } }
  return try strings.withUnsafeMutableBufferPointer { buffer in
    try body(git_strarray(strings: buffer.baseAddress, count: buffer.count))
  }
}
