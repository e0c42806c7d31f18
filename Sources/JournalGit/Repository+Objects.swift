import Foundation
internal import Clibgit2

/// One entry of a git tree.
public struct TreeEntry: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case file, executable, link, folder, submodule
  }

  public let name: String
  public let id: ObjectID
  public let kind: Kind

  public init(name: String, id: ObjectID, kind: Kind) {
    self.name = name
    self.id = id
    self.kind = kind
  }

  init(_ entry: OpaquePointer) {
    name = String(cString: git_tree_entry_name(entry))
    id = ObjectID(git_tree_entry_id(entry).pointee)
    kind =
      switch git_tree_entry_filemode(entry) {
      case GIT_FILEMODE_TREE: .folder
      case GIT_FILEMODE_BLOB_EXECUTABLE: .executable
      case GIT_FILEMODE_LINK: .link
      case GIT_FILEMODE_COMMIT: .submodule
      default: .file
      }
  }

  var mode: git_filemode_t {
    switch kind {
    case .file: GIT_FILEMODE_BLOB
    case .executable: GIT_FILEMODE_BLOB_EXECUTABLE
    case .link: GIT_FILEMODE_LINK
    case .folder: GIT_FILEMODE_TREE
    case .submodule: GIT_FILEMODE_COMMIT
    }
  }
}

/// What a commit records, apart from its message.
public struct CommitHeader: Sendable {
  public let id: ObjectID
  public let tree: ObjectID
  public let parents: [ObjectID]
  public let author: Signature
  public let committer: Signature
}

/// Reading and writing objects and references directly: what history rewriting needs.
extension Repository {
  /// The commit HEAD points at; nil on an unborn branch.
  public func headCommit() throws -> ObjectID? {
    switch try head() {
    case .unborn: nil
    case .branch(_, let commit), .detached(let commit): commit
    }
  }

  public func commitHeader(_ id: ObjectID) throws -> CommitHeader {
    var oid = id.oid
    var commit: OpaquePointer?
    try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
    defer { git_commit_free(commit) }
    let parents = (0..<git_commit_parentcount(commit)).compactMap { index in
      git_commit_parent_id(commit, index).map { ObjectID($0.pointee) }
    }
    return CommitHeader(
      id: id, tree: ObjectID(git_commit_tree_id(commit).pointee), parents: parents,
      author: Signature(git_commit_author(commit)), committer: Signature(git_commit_committer(commit)))
  }

  /// A commit's message, as written.
  public func commitMessage(_ id: ObjectID) throws -> String {
    var oid = id.oid
    var commit: OpaquePointer?
    try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
    defer { git_commit_free(commit) }
    return String(cString: git_commit_message(commit))
  }

  /// The entry at `path` (slash-separated) inside the tree `tree`, or nil when there is none.
  public func treeEntry(_ path: String, in tree: ObjectID) throws -> TreeEntry? {
    var oid = tree.oid
    var root: OpaquePointer?
    try check(git_tree_lookup(&root, pointer, &oid), "git_tree_lookup")
    defer { git_tree_free(root) }
    var entry: OpaquePointer?
    let result = git_tree_entry_bypath(&entry, root, path)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, "git_tree_entry_bypath")
    defer { git_tree_entry_free(entry) }
    return TreeEntry(entry!)
  }

  /// The entries of a tree, in git's order.
  public func treeEntries(_ tree: ObjectID) throws -> [TreeEntry] {
    var oid = tree.oid
    var object: OpaquePointer?
    try check(git_tree_lookup(&object, pointer, &oid), "git_tree_lookup")
    defer { git_tree_free(object) }
    return (0..<git_tree_entrycount(object)).compactMap { index in
      git_tree_entry_byindex(object, index).map { TreeEntry($0) }
    }
  }

  /// Writes a tree holding exactly `entries`.
  public func writeTree(_ entries: [TreeEntry]) throws -> ObjectID {
    var builder: OpaquePointer?
    try check(git_treebuilder_new(&builder, pointer, nil), "git_treebuilder_new")
    defer { git_treebuilder_free(builder) }
    for entry in entries {
      var oid = entry.id.oid
      try check(git_treebuilder_insert(nil, builder, entry.name, &oid, entry.mode), "git_treebuilder_insert")
    }
    var tree = git_oid()
    try check(git_treebuilder_write(&tree, builder), "git_treebuilder_write")
    return ObjectID(tree)
  }

  public func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
    var blob = git_oid()
    try check(git_blob_create_from_buffer(&blob, pointer, bytes, bytes.count), "git_blob_create_from_buffer")
    return ObjectID(blob)
  }

  /// A blob's size in bytes, read from the object's header, without its content.
  public func blobSize(_ id: ObjectID) throws -> Int { try objectHeader(id).size }

  /// An object's size and type, read from its header, without its content.
  func objectHeader(_ id: ObjectID) throws -> (size: Int, type: git_object_t) {
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    var oid = id.oid
    var size = 0
    var type = GIT_OBJECT_ANY
    try check(git_odb_read_header(&size, &type, odb, &oid), "git_odb_read_header")
    return (size, type)
  }

  public func blobContent(_ id: ObjectID) throws -> [UInt8] {
    var oid = id.oid
    var blob: OpaquePointer?
    try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
    return Array(UnsafeRawBufferPointer(start: raw, count: size))
  }

  /// Writes a commit object without moving any reference.
  public func writeCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
  ) throws -> ObjectID {
    let authorSignature = try author.make()
    defer { git_signature_free(authorSignature) }
    let committerSignature = try committer.make()
    defer { git_signature_free(committerSignature) }
    return try createCommit(
      tree: tree, parents: parents, author: authorSignature, committer: committerSignature, encoding: nil,
      message: Array(message.utf8CString))
  }

  /// `git_commit_create` of `tree` on `parents`, with a NUL-terminated `message`, moving no
  /// reference.
  func createCommit(
    tree: ObjectID, parents: [ObjectID], author: UnsafePointer<git_signature>, committer: UnsafePointer<git_signature>,
    encoding: UnsafePointer<CChar>?, message: [CChar]
  ) throws -> ObjectID {
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
    try check(
      git_commit_create(
        &commit, pointer, nil, author, committer, encoding, message, treeObject, parentObjects.count, &parentObjects),
      "git_commit_create")
    return ObjectID(commit)
  }

  /// The files that differ between two trees (nil is the empty tree), paths relative to them.
  public func changes(from old: ObjectID?, to new: ObjectID?) throws -> [FileChange] {
    func lookup(_ id: ObjectID?) throws -> OpaquePointer? {
      guard var oid = id?.oid else { return nil }
      var tree: OpaquePointer?
      try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
      return tree
    }
    let oldTree = try lookup(old)
    defer { if let oldTree { git_tree_free(oldTree) } }
    let newTree = try lookup(new)
    defer { if let newTree { git_tree_free(newTree) } }
    var diff: OpaquePointer?
    try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, nil), "git_diff_tree_to_tree")
    defer { git_diff_free(diff) }
    return fileChanges(diff!)
  }

  /// What a reference points at, or nil when it does not exist.
  public func reference(_ name: String) throws -> ObjectID? {
    var oid = git_oid()
    let result = git_reference_name_to_id(&oid, pointer, name)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, "git_reference_name_to_id")
    return ObjectID(oid)
  }

  /// Points `name` at `target`, only if it still points at `expected` (nil: does not exist),
  /// with a reflog entry; fails with `isModified` when another process moved it first.
  public func setReference(_ name: String, to target: ObjectID, expected: ObjectID?, log: String) throws {
    var oid = target.oid
    var reference: OpaquePointer?
    if var old = expected?.oid {
      try check(
        git_reference_create_matching(&reference, pointer, name, &oid, 1, &old, log),
        "git_reference_create_matching")
    } else {
      try check(git_reference_create(&reference, pointer, name, &oid, 0, log), "git_reference_create")
    }
    git_reference_free(reference)
  }

  /// Deletes a reference, if it exists.
  public func deleteReference(_ name: String) throws {
    var reference: OpaquePointer?
    let result = git_reference_lookup(&reference, pointer, name)
    if result == GIT_ENOTFOUND.rawValue { return }
    try check(result, "git_reference_lookup")
    defer { git_reference_free(reference) }
    try check(git_reference_delete(reference), "git_reference_delete")
  }

  /// Deletes a reference only if it still points at `expected`; true when it was deleted.
  @discardableResult
  public func deleteReference(_ name: String, expected: ObjectID) throws -> Bool {
    var reference: OpaquePointer?
    let result = git_reference_lookup(&reference, pointer, name)
    if result == GIT_ENOTFOUND.rawValue { return false }
    try check(result, "git_reference_lookup")
    defer { git_reference_free(reference) }
    guard let target = git_reference_target(reference), ObjectID(target.pointee) == expected else { return false }
    // libgit2 deletes it only if it still holds the value just read.
    try check(git_reference_delete(reference), "git_reference_delete")
    return true
  }

  /// Points `name` at `target` whatever it pointed at, without a reflog entry's history
  /// mattering: for short-lived references.
  public func forceReference(_ name: String, to target: ObjectID) throws {
    var oid = target.oid
    var reference: OpaquePointer?
    try check(git_reference_create(&reference, pointer, name, &oid, 1, nil), "git_reference_create")
    git_reference_free(reference)
  }

  /// True when the object database holds the object.
  public func hasObject(_ id: ObjectID) -> Bool {
    var oid = id.oid
    var object: OpaquePointer?
    guard git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) == 0 else { return false }
    git_object_free(object)
    return true
  }
}

extension Signature {
  public init(name: String, email: String, time: Int64, offset: Int32) {
    self.name = name
    self.email = email
    self.time = time
    self.offset = offset
  }

  func make() throws -> UnsafeMutablePointer<git_signature> {
    var signature: UnsafeMutablePointer<git_signature>?
    try check(git_signature_new(&signature, name, email, git_time_t(time), offset), "git_signature_new")
    return signature!
  }
}
