import Foundation
internal import Clibgit2

/// Runs `body` with a `git_strarray` of pathspecs that match `prefixes` literally: each a
/// file or a folder, with glob characters escaped.
func withPathspec<T>(_ prefixes: [String], _ body: (git_strarray) throws -> T) rethrows -> T {
  let escaped = prefixes.map { prefix in
    prefix.reduce(into: "") { result, character in
      if "*?[]\\".contains(character) { result.append("\\") }
      result.append(character)
    }
  }
  return try withStringArray(escaped, body)
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
