import Foundation
internal import Clibgit2

/// What a repack wrote, and what it removed.
public struct RepackResult: Sendable {
  /// The pack's file name without its extension, `pack-<hex>`.
  public let pack: String
  public let objects: Int
}

extension Repository {
  /// Writes one pack holding every object reachable from `tips` (commits with their history,
  /// tags, trees and blobs) and the objects `extra` names (with what they hold), through libgit2's pack builder.
  /// The pack and its index are flushed to disk, with their folder, before this returns
  /// (libgit2's indexer does so once fsync is on, as journal turns it on), so nothing needs to
  /// be deleted for it to be whole.
  public func writePack(reachableFrom tips: [ObjectID], extra: [ObjectID]) throws -> RepackResult {
    var builder: OpaquePointer?
    try check(git_packbuilder_new(&builder, pointer), "git_packbuilder_new")
    defer { git_packbuilder_free(builder) }
    // Both cores: the delta search is most of the work.
    git_packbuilder_set_threads(builder, 0)
    var walk: OpaquePointer?
    try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
    defer { git_revwalk_free(walk) }
    for tip in tips {
      var oid = tip.oid
      switch try objectKind(tip) {
      case .commit:
        try check(git_revwalk_push(walk, &oid), "git_revwalk_push")
      case .tag:
        // The tag, what it points at, and that commit's history.
        try check(git_packbuilder_insert_recur(builder, &oid, nil), "git_packbuilder_insert_recur")
        if let commit = peeledCommit(tip) {
          var commitOID = commit.oid
          try check(git_revwalk_push(walk, &commitOID), "git_revwalk_push")
        }
      case .tree, .blob:
        try check(git_packbuilder_insert_recur(builder, &oid, nil), "git_packbuilder_insert_recur")
      }
    }
    try check(git_packbuilder_insert_walk(builder, walk), "git_packbuilder_insert_walk")
    for id in extra where hasObject(id) {
      var oid = id.oid
      try check(git_packbuilder_insert_recur(builder, &oid, nil), "git_packbuilder_insert_recur")
    }
    let folder = objectsFolder + "/pack"
    try check(git_packbuilder_write(builder, folder, 0, nil, nil), "git_packbuilder_write")
    guard let name = git_packbuilder_name(builder).map({ "pack-" + String(cString: $0) }) else {
      throw GitError(function: "git_packbuilder_name", code: -1, message: "the pack builder named no pack")
    }
    let permissions = try SharedPermissions(self)
    for suffix in [".pack", ".idx"] { permissions.adjust(folder + "/" + name + suffix) }
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    try check(git_odb_refresh(odb), "git_odb_refresh")
    return RepackResult(pack: name, objects: Int(git_packbuilder_object_count(builder)))
  }

  /// What `removeObjects(keeping:)` removed.
  public struct RemovedObjects: Sendable {
    public var packs = 0
    public var looseObjects = 0
  }

  /// Removes every pack but `pack`, every loose object and every temporary object file left
  /// by git or libgit2, as `git repack -a -d` followed by `git prune --expire=now` would once
  /// `pack` holds everything reachable. First the caches that name objects by id (the
  /// commit-graph and the multi-pack index, which git rebuilds when it wants them), then each
  /// pack in git's order (`.pack` before its `.idx`, as `unlink_pack_path`), then the loose
  /// objects and the folders they leave empty. Killed at any moment, what remains is
  /// redundant: every reachable object is in `pack`.
  public func removeObjects(keeping pack: String) throws -> RemovedObjects {
    let objects = objectsFolder
    let files = FileManager.default
    for cache in [objects + "/info/commit-graph", objects + "/info/commit-graphs", objects + "/pack/multi-pack-index"] {
      try? files.removeItem(atPath: cache)
    }
    var removed = RemovedObjects()
    let packFolder = objects + "/pack/"
    let names = (try? files.contentsOfDirectory(atPath: packFolder)) ?? []
    var bases: Set<String> = []
    for name in names {
      if name.contains("_git2_") || name.hasPrefix("tmp_") {
        unlink(packFolder + name)
      } else if name.hasPrefix("pack-"), let dot = name.lastIndex(of: ".") {
        bases.insert(String(name[..<dot]))
      }
    }
    for base in bases.sorted() where base != pack {
      if names.contains(base + ".pack") { removed.packs += 1 }
      for suffix in [".pack", ".idx", ".rev", ".keep", ".bitmap", ".promisor", ".mtimes"] {
        unlink(packFolder + base + suffix)
      }
    }
    for folder in ((try? files.contentsOfDirectory(atPath: objects)) ?? []).sorted() {
      if folder.hasPrefix("tmp_") || folder.contains("_git2_") {
        unlink(objects + "/" + folder)
        continue
      }
      guard folder.utf8.count == 2, folder.utf8.allSatisfy(isHexDigit) else { continue }
      let path = objects + "/" + folder + "/"
      for name in (try? files.contentsOfDirectory(atPath: path)) ?? [] {
        if name.utf8.count == 38, name.utf8.allSatisfy(isHexDigit) {
          if unlink(path + name) == 0 { removed.looseObjects += 1 }
        } else if name.hasPrefix("tmp_") || name.contains("_git2_") {
          unlink(path + name)
        }
      }
      rmdir(path)
    }
    return removed
  }

  /// Writes `info/refs` and `objects/info/packs` anew, as `git update-server-info` writes them
  /// (for clones over git's "dumb" HTTP), when the repository has them.
  public func updateServerInfo() throws {
    let references = common("info/refs")
    if access(references, F_OK) == 0 {
      var text = ""
      for reference in try self.references() {
        guard let id = reference.target ?? reference.symbolic.flatMap({ try? self.reference($0) }) else { continue }
        text += "\(id)\t\(reference.name)\n"
        if (try? objectKind(id)) == .tag {
          var peeled = id
          while let next = try? tagTarget(peeled) {
            peeled = next.id
            if next.kind != .tag { break }
          }
          text += "\(peeled)\t\(reference.name)^{}\n"
        }
      }
      try replaceFile(references, with: text)
    }
    let packs = objectsFolder + "/info/packs"
    if access(packs, F_OK) == 0 {
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: objectsFolder + "/pack")) ?? [])
        .filter { $0.hasPrefix("pack-") && $0.hasSuffix(".pack") }.sorted()
      try replaceFile(packs, with: names.map { "P \($0)\n" }.joined() + "\n")
    }
  }

  /// Replaces a file under the git folder through a temporary file beside it.
  private func replaceFile(_ path: String, with text: String) throws {
    let temporary = path + "_journal"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw GitError(function: "write", code: -1, message: "cannot write \(temporary)")
    }
    try SharedPermissions(self).adjust(temporary)
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw GitError(function: "rename", code: -1, message: "cannot replace \(path): \(String(cString: strerror(errno)))")
    }
  }
}

private func isHexDigit(_ byte: UInt8) -> Bool {
  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
}
