import Foundation
internal import Clibgit2

extension IndexLock {
  /// Removes every entry under `folder` (slash-separated, relative to the working tree) from
  /// the locked index; written only by `write()`.
  public func removeFolder(_ folder: String) throws {
    try check(git_index_remove_directory(index, folder, 0), "git_index_remove_directory")
  }

  /// Whether the locked index has an entry under `folder`.
  public func hasEntries(under folder: String) -> Bool {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    var position = 0
    guard git_index_find_prefix(&position, index, prefix) == 0, let entry = git_index_get_byindex(index, position) else {
      return false
    }
    return String(cString: entry.pointee.path).hasPrefix(prefix)
  }

  /// The objects the locked index names: the blobs of its entries (not the commits that
  /// submodule entries name), which `git gc` keeps as it keeps what references reach.
  public var objectIDs: [ObjectID] {
    (0..<git_index_entrycount(index)).compactMap { position in
      guard let entry = git_index_get_byindex(index, position), entry.pointee.mode != GIT_FILEMODE_COMMIT.rawValue
      else { return nil }
      return ObjectID(entry.pointee.id)
    }
  }
}

extension IndexLock {
  /// Forgets the resolved conflicts the index remembers (`REUC`) under `folder`.
  public func removeResolvedConflicts(under folder: String) throws {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    var position = git_index_reuc_entrycount(index)
    while position > 0 {
      position -= 1
      guard let entry = git_index_reuc_get_byindex(index, position),
        String(cString: entry.pointee.path).hasPrefix(prefix)
      else { continue }
      try check(git_index_reuc_remove(index, position), "git_index_reuc_remove")
    }
  }

  /// Makes the index's cache of trees (`TREE`) anew from its entries, so that it names no
  /// folder the index no longer has (libgit2 only marks a changed folder invalid, keeping its
  /// name); returns the tree of the whole index, which the trees it names are part of.
  public func rebuildTreeCache() throws -> ObjectID {
    var tree = git_oid()
    try check(git_index_write_tree(&tree, index), "git_index_write_tree")
    return ObjectID(tree)
  }
}
