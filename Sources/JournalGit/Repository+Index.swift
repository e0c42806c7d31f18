import Foundation
internal import Clibgit2

extension Repository {
  /// The index file.
  public var indexPath: String { gitFolder + "index" }

  /// What the index holds under `prefix` (relative to the working tree): what the next
  /// `git commit` would record.
  public struct StagedEntries {
    /// Regular files, executable or not, with their staged content.
    public var files: [String: [UInt8]] = [:]
    /// Symbolic links, which a commit records as links.
    public var links: [String] = []
    /// Gitlinks: a repository inside the working tree, which a commit records as one entry.
    public var gitlinks: [String] = []
  }

  /// The regular files, symbolic links and gitlinks the index holds under `prefix`.
  /// `indexFile` reads another index file instead (`GIT_INDEX_FILE`).
  public func stagedEntries(under prefix: String, indexFile: String? = nil) throws -> StagedEntries {
    let index = try openIndex(indexFile)
    defer { git_index_free(index) }
    var entries = StagedEntries()
    for position in 0..<git_index_entrycount(index) {
      guard let entry = git_index_get_byindex(index, position) else { continue }
      let path = String(cString: entry.pointee.path)
      guard path.hasPrefix(prefix) else { continue }
      switch entry.pointee.mode & 0o170000 {
      case 0o120000:
        entries.links.append(path)
      case 0o160000:
        entries.gitlinks.append(path)
      case 0o100000:
        var oid = entry.pointee.id
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        let bytes = UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: size)
        entries.files[path] = Array(bytes)
      default:
        continue
      }
    }
    return entries
  }

  /// The paths under `prefixes` whose staged content differs from HEAD's, deleted ones too.
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
      guard let delta = git_diff_get_delta(diff, position) else { continue }
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
