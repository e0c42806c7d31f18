import Foundation
internal import Clibgit2

/// A commit or tag object as git stores it: header lines, a blank line, then the message.
/// Each header keeps its exact bytes (a multi-line one, such as `gpgsig`, with its
/// continuation lines), so an object rewritten with a few headers changed is byte for byte
/// the original everywhere else: names, emails, dates and time zones as they were written.
public struct ObjectText: Sendable, Equatable {
  public struct Header: Sendable, Equatable {
    public let name: String
    /// The whole header, its name included, without the final line feed.
    public let raw: [UInt8]

    /// The value after the name and its space; continuation lines keep their leading space.
    public var value: [UInt8] { Array(raw.dropFirst(name.utf8.count + 1)) }

    public init(name: String, value: String) {
      self.name = name
      raw = Array((name + " " + value).utf8)
    }

    init(raw: [UInt8]) {
      self.raw = raw
      name = String(decoding: raw.prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self)
    }
  }

  public var headers: [Header]
  public var message: [UInt8]

  public init(headers: [Header], message: [UInt8]) {
    self.headers = headers
    self.message = message
  }

  public init(parsing bytes: [UInt8]) {
    var headers: [Header] = []
    var index = 0
    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
      var end = index
      // A line that starts with a space continues the header before it.
      repeat {
        end = bytes[end...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        if end < bytes.count { end += 1 }
      } while end < bytes.count && bytes[end] == UInt8(ascii: " ")
      let line = bytes[index..<end]
      headers.append(Header(raw: Array(line.last == UInt8(ascii: "\n") ? line.dropLast() : line)))
      index = end
    }
    self.headers = headers
    message = index < bytes.count ? Array(bytes[(index + 1)...]) : []
  }

  /// The values of the headers named `name`, in order.
  public func values(_ name: String) -> [[UInt8]] { headers.filter { $0.name == name }.map(\.value) }

  public var bytes: [UInt8] {
    var out: [UInt8] = []
    for header in headers {
      out += header.raw
      out.append(UInt8(ascii: "\n"))
    }
    out.append(UInt8(ascii: "\n"))
    return out + message
  }
}

/// What kind of object an id names.
public enum ObjectKind: Sendable, Equatable {
  case commit, tree, blob, tag

  init?(_ type: git_object_t) {
    switch type {
    case GIT_OBJECT_COMMIT: self = .commit
    case GIT_OBJECT_TREE: self = .tree
    case GIT_OBJECT_BLOB: self = .blob
    case GIT_OBJECT_TAG: self = .tag
    default: return nil
    }
  }

  var type: git_object_t {
    switch self {
    case .commit: GIT_OBJECT_COMMIT
    case .tree: GIT_OBJECT_TREE
    case .blob: GIT_OBJECT_BLOB
    case .tag: GIT_OBJECT_TAG
    }
  }
}

/// A reference as the reference database holds it.
public struct ReferenceValue: Sendable, Equatable {
  public let name: String
  /// What it points at; nil for a symbolic reference.
  public let target: ObjectID?
  /// The reference a symbolic one names.
  public let symbolic: String?
}

extension Repository {
  /// The kind of the object `id`, read from its header.
  public func objectKind(_ id: ObjectID) throws -> ObjectKind {
    guard let kind = ObjectKind(try objectHeader(id).type) else {
      throw GitError(function: "git_odb_read_header", code: -1, message: "\(id) is not an object git knows")
    }
    return kind
  }

  /// The bytes of a commit or tag object, as stored.
  public func objectText(_ id: ObjectID) throws -> ObjectText {
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    var oid = id.oid
    var object: OpaquePointer?
    try check(git_odb_read(&object, odb, &oid), "git_odb_read")
    defer { git_odb_object_free(object) }
    let size = git_odb_object_size(object)
    guard size > 0, let data = git_odb_object_data(object) else { return ObjectText(parsing: []) }
    return ObjectText(parsing: Array(UnsafeRawBufferPointer(start: data, count: size)))
  }

  /// Writes an object from its bytes, as `git hash-object -w --literally` would.
  public func writeObject(_ text: ObjectText, kind: ObjectKind) throws -> ObjectID {
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    let bytes = text.bytes
    var oid = git_oid()
    try check(git_odb_write(&oid, odb, bytes, bytes.count, kind.type), "git_odb_write")
    return ObjectID(oid)
  }

  /// The object a tag points at, and its kind.
  public func tagTarget(_ id: ObjectID) throws -> (id: ObjectID, kind: ObjectKind) {
    var oid = id.oid
    var tag: OpaquePointer?
    try check(git_tag_lookup(&tag, pointer, &oid), "git_tag_lookup")
    defer { git_tag_free(tag) }
    guard let kind = ObjectKind(git_tag_target_type(tag)) else {
      throw GitError(function: "git_tag_target_type", code: -1, message: "tag \(id) points at no object git knows")
    }
    return (ObjectID(git_tag_target_id(tag).pointee), kind)
  }

  /// Every reference but HEAD, in the order of their names.
  public func references() throws -> [ReferenceValue] {
    var iterator: OpaquePointer?
    try check(git_reference_iterator_new(&iterator, pointer), "git_reference_iterator_new")
    defer { git_reference_iterator_free(iterator) }
    var values: [ReferenceValue] = []
    while true {
      var reference: OpaquePointer?
      let result = git_reference_next(&reference, iterator)
      if result == GIT_ITEROVER.rawValue { break }
      try check(result, "git_reference_next")
      defer { git_reference_free(reference) }
      values.append(
        ReferenceValue(
          name: String(cString: git_reference_name(reference)),
          target: git_reference_target(reference).map { ObjectID($0.pointee) },
          symbolic: git_reference_symbolic_target(reference).map { String(cString: $0) }))
    }
    return values.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
  }

  /// The commits reachable from `tips`, every parent before its children.
  public func commitsParentsFirst(from tips: [ObjectID]) throws -> [ObjectID] {
    try walk(from: tips, sorting: GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
  }

  /// Every commit reachable from `tips`.
  public func reachableCommits(from tips: [ObjectID]) throws -> Set<ObjectID> {
    Set(try walk(from: tips, sorting: GIT_SORT_NONE.rawValue))
  }

  /// The tree `tree` without the entry at `path`, and without the folders that removing it
  /// leaves empty; nil when nothing is left; `tree` itself when there is no such entry. Every
  /// other entry keeps its name, mode and id as written.
  public func removing(_ path: [String], from tree: ObjectID) throws -> ObjectID? {
    guard let name = path.first else { return tree }
    var oid = tree.oid
    var source: OpaquePointer?
    try check(git_tree_lookup(&source, pointer, &oid), "git_tree_lookup")
    defer { git_tree_free(source) }
    guard let entry = git_tree_entry_byname(source, name) else { return tree }
    var replacement: ObjectID? = nil
    if path.count > 1 {
      guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return tree }
      let inner = ObjectID(git_tree_entry_id(entry).pointee)
      replacement = try removing(Array(path.dropFirst()), from: inner)
      if replacement == inner { return tree }
    }
    var builder: OpaquePointer?
    try check(git_treebuilder_new(&builder, pointer, source), "git_treebuilder_new")
    defer { git_treebuilder_free(builder) }
    if var inner = replacement?.oid {
      try check(git_treebuilder_insert(nil, builder, name, &inner, GIT_FILEMODE_TREE), "git_treebuilder_insert")
    } else {
      try check(git_treebuilder_remove(builder, name), "git_treebuilder_remove")
      if git_treebuilder_entrycount(builder) == 0 { return nil }
    }
    var written = git_oid()
    try check(git_treebuilder_write(&written, builder), "git_treebuilder_write")
    return ObjectID(written)
  }

  /// The tree with nothing in it, written if the repository lacks it.
  public func emptyTree() throws -> ObjectID { try writeTree([]) }
}
