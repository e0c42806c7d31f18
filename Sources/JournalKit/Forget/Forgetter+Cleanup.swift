import Foundation
import JournalGit

extension Forgetter {
  /// Once the references have moved: the reference logs, the files git leaves beside them,
  /// the references' own file, then every object nothing reaches any more.
  static func cleanUp(_ repository: Repository, removal: PersonRemoval, keeping pack: RepackResult) throws -> Cleanup {
    var cleanup = Cleanup()
    cleanup.packObjects = pack.objects
    let references = try repository.references()
    let tips = references.filter { $0.symbolic == nil }.compactMap { $0.target.flatMap(repository.peeledCommit) }
    let everything = try repository.reachableCommits(from: tips)
    // ORIG_HEAD first, so that its log is expired against where it now points.
    try cleanFiles(repository, everything: everything, removal: removal, cleanup: &cleanup)
    try expireReflogs(repository, everything: everything, mentions: removal.mentions, cleanup: &cleanup)
    try repository.packReferences()
    let removed = try repository.removeObjects(keeping: pack.pack)
    cleanup.packsRemoved = removed.packs
    cleanup.looseObjectsRemoved = removed.looseObjects
    try repository.updateServerInfo()
    return cleanup
  }

  /// `git reflog expire --expire-unreachable=now --all` (`reflog.c`): an entry goes when its
  /// old or new commit is not reachable from the reference's own tip (for HEAD, from any
  /// reference's), and every entry goes of a log whose reference is gone or points at no
  /// commit. Unlike git, the date does not matter (no entry is too recent to go), and an entry
  /// whose message names the person goes too.
  private static func expireReflogs(
    _ repository: Repository, everything: Set<ObjectID>, mentions: Mentions, cleanup: inout Cleanup
  ) throws {
    var reachableFrom: [ObjectID: Set<ObjectID>] = [:]
    for name in repository.reflogNames() {
      let entries = try repository.reflogEntries(name)
      guard !entries.isEmpty else { continue }
      var reachable: Set<ObjectID>?
      if name == "HEAD" {
        reachable = everything
      } else if let target = try repository.reference(name), (try? repository.objectKind(target)) == .commit {
        if reachableFrom[target] == nil { reachableFrom[target] = try repository.reachableCommits(from: [target]) }
        reachable = reachableFrom[target]
      }
      func unreachable(_ id: ObjectID?) -> Bool {
        // What is not a commit, or is missing, git keeps.
        guard let id, let commit = repository.peeledCommit(id) else { return false }
        return !(reachable?.contains(commit) ?? false)
      }
      var drop: Set<Int> = []
      for (position, entry) in entries.enumerated()
      where reachable == nil || unreachable(entry.old) || unreachable(entry.new) || mentions.isNamed(in: entry.message) {
        drop.insert(position)
      }
      try repository.dropReflogEntries(name, at: drop)
      if !drop.isEmpty {
        cleanup.reflogs += 1
        cleanup.reflogEntries += drop.count
      }
    }
  }

  /// The files git leaves in its folder that may name old commits or the person:
  /// `ORIG_HEAD` follows its commit (or goes, when nothing of it is left), `FETCH_HEAD` goes
  /// when it names an object nothing reaches any more, and the messages left by an editor
  /// (`COMMIT_EDITMSG`, …) go when they name the person.
  private static func cleanFiles(
    _ repository: Repository, everything: Set<ObjectID>, removal: PersonRemoval, cleanup: inout Cleanup
  ) throws {
    let folder = repository.gitFolder
    func read(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: folder + name).map { Array($0) } }
    func remove(_ name: String) {
      if unlink(folder + name) == 0 { cleanup.files.append(name) }
    }
    // A copy a stopped run was putting in place; every such run held the index lock.
    AtomicFile.removeLeftovers(of: folder + "ORIG_HEAD")
    if let bytes = read("ORIG_HEAD") {
      let old = ObjectID(hex: String(decoding: bytes.prefix(40), as: UTF8.self))
      let new = old.flatMap { removal.commits[$0] ?? $0 }
      if let old, let new, everything.contains(new) {
        if new != old {
          try AtomicFile.replace(folder + "ORIG_HEAD", contents: "\(new)\n")
          cleanup.files.append("ORIG_HEAD")
        }
      } else {
        // As git deletes a reference: with its log.
        remove("ORIG_HEAD")
        unlink(folder + "logs/ORIG_HEAD")
      }
    }
    if let bytes = read("FETCH_HEAD") {
      let ids = String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { ObjectID(hex: String($0.prefix(40))) }
      if removal.mentions.isNamed(in: bytes) || ids.contains(where: { repository.peeledCommit($0).map { !everything.contains($0) } ?? true }) {
        remove("FETCH_HEAD")
      }
    }
    for name in ["COMMIT_EDITMSG", "MERGE_MSG", "SQUASH_MSG", "TAG_EDITMSG", "NOTES_EDITMSG", "EDIT_DESCRIPTION"] {
      if let bytes = read(name), removal.isNamed(inMessageFile: bytes) { remove(name) }
    }
    // git rerere's records (`rr-cache/<conflict>/preimage`, `postimage`, …): a record goes
    // when one of its files names the person or is one of theirs, byte for byte.
    for record in ((try? FileManager.default.contentsOfDirectory(atPath: folder + "rr-cache")) ?? []).sorted() {
      let path = "rr-cache/" + record
      let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + path)) ?? []
      let holds = try files.contains { name in
        guard let bytes = read(path + "/" + name) else { return false }
        return try removal.isNamed(inMessageFile: bytes) || removal.isPersons(blobID(bytes))
      }
      if holds, (try? FileManager.default.removeItem(atPath: folder + path)) != nil { cleanup.files.append(path) }
    }
  }

  /// The id git gives a blob of these bytes (`git hash-object`).
  private static func blobID(_ bytes: [UInt8]) -> ObjectID {
    let hash = SHA1.hash(Array("blob \(bytes.count)\0".utf8) + bytes)
    return ObjectID(hex: hash.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())!
  }
}
