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
    let treeObject = try lookupTree(tree)
    defer { git_tree_free(treeObject) }
    var parentObjects: [OpaquePointer?] = []
    defer { parentObjects.forEach { git_commit_free($0) } }
    for parent in parents {
      var oid = parent.oid
      var object: OpaquePointer?
      try check(git_commit_lookup(&object, pointer, &oid), "git_commit_lookup")
      parentObjects.append(object)
    }
    var commit = git_oid()
    let text = message.map { CChar(bitPattern: $0) } + [0]
    try check(
      git_commit_create(
        &commit, pointer, nil, git_commit_author(original), git_commit_committer(original),
        git_commit_message_encoding(original), text, treeObject, parentObjects.count, &parentObjects),
      "git_commit_create")
    return ObjectID(commit)
  }
}
