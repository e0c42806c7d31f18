import Foundation
internal import Clibgit2
import JournalModel

/// A file that differs between HEAD and what is committed.
public struct FileChange: Sendable, Equatable, Hashable {
  public enum Kind: String, Sendable {
    case added, modified, deleted
  }

  /// The path relative to the repository's working tree.
  public let path: String
  public let kind: Kind

  public init(path: String, kind: Kind) {
    self.path = path
    self.kind = kind
  }
}

extension Repository {
  /// The paths under `prefixes` (files or folders relative to the working tree) where HEAD,
  /// the index and the working tree do not all agree, found by libgit2's status: untracked
  /// files git ignores are left out, skip-worktree and assume-unchanged entries are taken as
  /// they are, a repository nested inside is not the caller's (git would record it as a
  /// gitlink). What `git add -A -- prefixes` would look at.
  func statusPaths(under prefixes: [String]) throws -> [String] {
    var options = git_status_options()
    try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
      | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue
    var list: OpaquePointer?
    try withPathspec(prefixes) { pathspec in
      options.pathspec = pathspec
      try check(git_status_list_new(&list, pointer, &options), "git_status_list_new")
    }
    defer { git_status_list_free(list) }
    var paths: Set<String> = []
    for position in 0..<git_status_list_entrycount(list) {
      guard let entry = git_status_byindex(list, position) else { continue }
      if entry.pointee.status.rawValue & GIT_STATUS_CONFLICTED.rawValue != 0 {
        let path = (entry.pointee.index_to_workdir ?? entry.pointee.head_to_index).flatMap { $0.pointee.old_file.path }
        throw CommitRefusal("\(path.map { String(cString: $0) } ?? "a file") has unresolved conflicts; resolve them with git first")
      }
      for delta in [entry.pointee.head_to_index, entry.pointee.index_to_workdir] {
        guard let delta else { continue }
        for path in [delta.pointee.old_file.path, delta.pointee.new_file.path] {
          guard let path else { continue }
          let text = String(cString: path)
          if !text.hasSuffix("/") { paths.insert(text) }
        }
      }
    }
    return paths.sorted()
  }

  struct Entry: Equatable {
    let id: ObjectID
    let mode: UInt32
  }

  /// The entry at `path` in `tree`, or nil.
  func entry(_ path: String, in tree: OpaquePointer) throws -> Entry? {
    var entry: OpaquePointer?
    let result = git_tree_entry_bypath(&entry, tree, path)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, "git_tree_entry_bypath")
    defer { git_tree_entry_free(entry) }
    return Entry(id: ObjectID(git_tree_entry_id(entry).pointee), mode: git_tree_entry_filemode(entry).rawValue)
  }

  /// True when git ignores `path`, a file the index does not hold. Each folder above it is
  /// asked first, from the top: a file in an excluded folder stays ignored whatever a later
  /// negation says (`gitignore`: "It is not possible to re-include a file if a parent
  /// directory of that file is excluded"), as git's walk finds it.
  func isIgnored(_ path: String) throws -> Bool {
    let parts = path.split(separator: "/")
    for depth in parts.indices {
      let prefix = parts[...depth].joined(separator: "/") + (depth < parts.count - 1 ? "/" : "")
      var ignored: Int32 = 0
      try check(git_ignore_path_is_ignored(&ignored, pointer, prefix), "git_ignore_path_is_ignored")
      if ignored == 1 { return true }
    }
    return false
  }
}
