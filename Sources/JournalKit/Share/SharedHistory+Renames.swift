import JournalGit
import JournalParsing

/// When a person's folder appears, whether it is another folder renamed. Only proof counts:
/// a guess that takes someone else's folder for this person's past would push that person's
/// whole history to this one's repository.
extension SharedHistory {
  /// The folder `folder` was renamed from in a commit (its root tree `commit`, its first
  /// parent's `parent`), where the folder's tree is `tree`: only when the commit is a pure
  /// rename of a whole folder. That is, the parent had exactly one person folder with the
  /// very same tree (every file, at the same place, with the same bytes and mode, and
  /// nothing else: no file from a third folder), the commit removed it, and the commit added
  /// none of its files anywhere else among the people's folders.
  func renamedFrom(_ folder: String, tree: ObjectID, commit: ObjectID, parent: ObjectID) throws -> String? {
    guard let before = try peopleFolder(in: parent), let after = try peopleFolder(in: commit) else { return nil }
    let candidates = try repository.treeEntries(before).filter { $0.kind == .folder && $0.id == tree }
    guard candidates.count == 1, let old = candidates.first,
      try repository.treeEntry(old.name, in: after) == nil
    else { return nil }
    let copied = try addedFiles(from: before, to: after, skipping: folder)
    guard copied.isDisjoint(with: try fileContents(in: old.id)) else { return nil }
    return old.name
  }

  /// The person folders of the parent that a commit removed, by name.
  func removedFolders(commit: ObjectID, parent: ObjectID) throws -> [String] {
    guard let before = try peopleFolder(in: parent) else { return [] }
    let after = try peopleFolder(in: commit)
    return try repository.treeEntries(before).filter { entry in
      guard entry.kind == .folder else { return false }
      guard let after else { return true }
      return try repository.treeEntry(entry.name, in: after)?.kind != .folder
    }.map(\.name)
  }

  private func peopleFolder(in root: ObjectID) throws -> ObjectID? {
    guard let entry = try repository.treeEntry(prefix + JournalPath.peopleFolder, in: root), entry.kind == .folder
    else { return nil }
    return entry.id
  }

  /// Every file's content in a tree, at any depth.
  private func fileContents(in tree: ObjectID) throws -> Set<ObjectID> {
    var found: Set<ObjectID> = []
    for entry in try repository.treeEntries(tree) {
      switch entry.kind {
      case .folder: found.formUnion(try fileContents(in: entry.id))
      case .file, .executable, .link: found.insert(entry.id)
      case .submodule: continue
      }
    }
    return found
  }

  /// The content of every file `new` holds that `old` did not hold at the same place; only
  /// the folders that differ are read. `skipping` names a top-level entry left out.
  private func addedFiles(from old: ObjectID?, to new: ObjectID, skipping: String? = nil) throws -> Set<ObjectID> {
    var previous: [String: TreeEntry] = [:]
    for entry in try old.map(repository.treeEntries) ?? [] { previous[entry.name] = entry }
    var found: Set<ObjectID> = []
    for entry in try repository.treeEntries(new) where entry.name != skipping && previous[entry.name] != entry {
      switch entry.kind {
      case .folder:
        let before = previous[entry.name].flatMap { $0.kind == .folder ? $0.id : nil }
        found.formUnion(try addedFiles(from: before, to: entry.id))
      case .file, .executable, .link: found.insert(entry.id)
      case .submodule: continue
      }
    }
    return found
  }
}
