import Foundation
internal import Clibgit2

/// Commits written after another's likeness: the same people, dates and message encoding.
extension Repository {
  /// A commit's message as its bytes are stored, whatever their encoding.
  public func rawMessage(_ id: ObjectID) throws -> [UInt8] {
    var oid = id.oid
    var commit: OpaquePointer?
    try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
    defer { git_commit_free(commit) }
    guard let raw = git_commit_message_raw(commit) else { return [] }
    return Array(UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
  }

  /// Writes, without moving any reference, a commit of `tree` on `parents` whose author,
  /// committer (names, emails, dates and zones, byte for byte) and `encoding` header are
  /// `source`'s, and whose message is `message`.
  public func writeCommit(like source: ObjectID, tree: ObjectID, parents: [ObjectID], message: [UInt8]) throws
    -> ObjectID
  {
    var sourceID = source.oid
    var original: OpaquePointer?
    try check(git_commit_lookup(&original, pointer, &sourceID), "git_commit_lookup")
    defer { git_commit_free(original) }
    return try createCommit(
      tree: tree, parents: parents, author: git_commit_author(original), committer: git_commit_committer(original),
      encoding: git_commit_message_encoding(original), message: message.map { CChar(bitPattern: $0) } + [0])
  }
}
