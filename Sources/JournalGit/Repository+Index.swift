import Foundation
internal import Clibgit2

extension Repository {
  /// The index file.
  public var indexPath: String { gitFolder + "index" }

  /// The files the index holds under `prefix` (relative to the working tree), with their
  /// staged content: what the next `git commit` would record.
  /// `indexFile` reads another index file instead (`GIT_INDEX_FILE`).
  public func stagedFiles(under prefix: String, indexFile: String? = nil) throws -> [String: [UInt8]] {
    let index = try openIndex(indexFile)
    defer { git_index_free(index) }
    var files: [String: [UInt8]] = [:]
    for position in 0..<git_index_entrycount(index) {
      guard let entry = git_index_get_byindex(index, position) else { continue }
      let path = String(cString: entry.pointee.path)
      guard path.hasPrefix(prefix), entry.pointee.mode & 0o170000 == 0o100000 else { continue }
      var oid = entry.pointee.id
      var blob: OpaquePointer?
      try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
      defer { git_blob_free(blob) }
      let size = Int(git_blob_rawsize(blob))
      let bytes = UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: size)
      files[path] = Array(bytes)
    }
    return files
  }

  /// The paths under `prefixes` whose staged content differs from HEAD's.
  public func stagedChanges(under prefixes: [String], indexFile: String? = nil) throws -> [String] {
    let index = try openIndex(indexFile)
    defer { git_index_free(index) }
    let tree = try headTree()
    defer { if let tree { git_tree_free(tree) } }
    var options = git_diff_options()
    try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
    options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
    var diff: OpaquePointer?
    try withPathspec(prefixes) { pathspec in
      options.pathspec = pathspec
      try check(git_diff_tree_to_index(&diff, pointer, tree, index, &options), "git_diff_tree_to_index")
    }
    defer { git_diff_free(diff) }
    var paths: [String] = []
    for position in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, position), delta.pointee.status != GIT_DELTA_DELETED else { continue }
      paths.append(String(cString: delta.pointee.new_file.path))
    }
    return paths
  }

  /// The repository's index, freshly read, or the index file at `path`.
  private func openIndex(_ path: String?) throws -> OpaquePointer {
    var index: OpaquePointer?
    if let path {
      try check(git_index_open(&index, path), "git_index_open")
    } else {
      try check(git_repository_index(&index, pointer), "git_repository_index")
      try check(git_index_read(index, 0), "git_index_read")
    }
    return index!
  }
}
