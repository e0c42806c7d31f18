import Foundation
internal import Clibgit2

extension Repository {
  /// Runs `body` with every object it writes held in memory rather than in `.git/objects`.
  /// Each call of `keep` writes those held so far as one pack; whatever is held when `body`
  /// returns or throws is dropped, and the object database is as if it had never been written.
  ///
  /// Meant for the repository's last use: the memory store stays in front of the object
  /// database for as long as this `Repository` lives.
  public func withObjectsInMemory<T>(_ body: (_ keep: () throws -> Void) throws -> T) throws -> T {
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    var backend: UnsafeMutablePointer<git_odb_backend>?
    try check(git_mempack_new(&backend), "git_mempack_new")
    // The object database owns the backend from here on, and frees it.
    try check(git_odb_add_backend(odb, backend, 999), "git_odb_add_backend")
    defer { git_mempack_reset(backend) }
    return try body {
      var pack = git_buf()
      try check(git_mempack_dump(&pack, pointer, backend), "git_mempack_dump")
      defer { git_buf_dispose(&pack) }
      // A pack's header: "PACK", its version, then the number of objects, big-endian.
      guard pack.size >= 12, let bytes = pack.ptr else { return }
      let count = (8..<12).reduce(0) { $0 << 8 | Int(UInt8(bitPattern: bytes[$1])) }
      guard count > 0 else { return }
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
