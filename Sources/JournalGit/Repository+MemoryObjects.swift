import Foundation
internal import Clibgit2

extension Repository {
  /// Runs `body` with every object it writes held in memory rather than in `.git/objects`.
  /// Calling `keep` writes them all as one pack; otherwise, or when `body` throws, they are
  /// dropped, and the object database is exactly as it was.
  ///
  /// Meant for the repository's last use: the memory store stays in front of the object
  /// database for as long as this `Repository` lives.
  public func withObjectsInMemory<T>(_ body: (_ keep: () throws -> Void) throws -> T) throws -> T {
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    var backend: OpaquePointer?
    try check(git_mempack_new(&backend), "git_mempack_new")
    // The object database owns the backend from here on, and frees it.
    try check(git_odb_add_backend(odb, backend, 999), "git_odb_add_backend")
    defer { git_mempack_reset(backend) }
    var kept = false
    return try body {
      guard !kept else { return }
      var pack = git_buf()
      try check(git_mempack_dump(&pack, pointer, backend), "git_mempack_dump")
      defer { git_buf_dispose(&pack) }
      var writer: UnsafeMutablePointer<git_odb_writepack>?
      try check(git_odb_write_pack(&writer, odb, nil, nil), "git_odb_write_pack")
      defer { writer?.pointee.free(writer) }
      var progress = git_indexer_progress()
      try check(writer!.pointee.append(writer, pack.ptr, pack.size, &progress), "git_odb_writepack append")
      try check(writer!.pointee.commit(writer, &progress), "git_odb_writepack commit")
      kept = true
    }
  }
}
