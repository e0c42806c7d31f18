import Foundation
internal import Clibgit2

extension Repository {
  /// Runs `body` with every object it writes held in memory rather than in `.git/objects`.
  /// Each call of `keep(tips, hiding)` writes, as one pack, what is reachable from the
  /// commits `tips` and not from the commits `hiding` (commits the object database already
  /// has, with everything they reach), as `git pack-objects --revs` would choose it, then
  /// drops what memory held; whatever is held when `body` returns or throws is dropped, and
  /// the object database is as if it had never been written.
  ///
  /// libgit2's own dump of a memory store packs each commit with its whole tree, which for a
  /// commit of the whole journal is the whole journal again: hence the walk.
  ///
  /// Meant for the repository's last use: the memory store stays in front of the object
  /// database for as long as this `Repository` lives.
  public func withObjectsInMemory<T>(
    _ body: (_ keep: (_ tips: [ObjectID], _ hiding: [ObjectID]) throws -> Void) throws -> T
  ) throws -> T {
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    var backend: UnsafeMutablePointer<git_odb_backend>?
    try check(git_mempack_new(&backend), "git_mempack_new")
    // The object database owns the backend from here on, and frees it.
    try check(git_odb_add_backend(odb, backend, 999), "git_odb_add_backend")
    defer { git_mempack_reset(backend) }
    return try body { tips, hidden in
      var walk: OpaquePointer?
      try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
      defer { git_revwalk_free(walk) }
      for tip in tips {
        var oid = tip.oid
        try check(git_revwalk_push(walk, &oid), "git_revwalk_push")
      }
      for commit in hidden where hasObject(commit) {
        var oid = commit.oid
        try check(git_revwalk_hide(walk, &oid), "git_revwalk_hide")
      }
      var builder: OpaquePointer?
      try check(git_packbuilder_new(&builder, pointer), "git_packbuilder_new")
      defer { git_packbuilder_free(builder) }
      git_packbuilder_set_threads(builder, 1)
      try check(git_packbuilder_insert_walk(builder, walk), "git_packbuilder_insert_walk")
      guard git_packbuilder_object_count(builder) > 0 else {
        git_mempack_reset(backend)
        return
      }
      var pack = git_buf()
      try check(git_packbuilder_write_buf(&pack, builder), "git_packbuilder_write_buf")
      defer { git_buf_dispose(&pack) }
      var writer: UnsafeMutablePointer<git_odb_writepack>?
      try check(git_odb_write_pack(&writer, odb, nil, nil), "git_odb_write_pack")
      defer { writer?.pointee.free(writer) }
      var progress = git_indexer_progress()
      try check(writer!.pointee.append(writer, pack.ptr, pack.size, &progress), "git_odb_writepack append")
      try check(writer!.pointee.commit(writer, &progress), "git_odb_writepack commit")
      git_mempack_reset(backend)
    }
  }
}
