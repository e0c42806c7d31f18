import Foundation
internal import Clibgit2

/// A repository on this machine that a push to a path or a `file://` URL writes into, read
/// directly, before the push: libgit2 pushes to it by writing its objects and references
/// itself.
public struct LocalRemote: Sendable {
  /// The reference HEAD names, `refs/heads/master`, even when that branch does not exist yet;
  /// nil for a detached HEAD.
  public let head: String?
  /// Every reference but HEAD, with what it points at.
  public let references: [String: ObjectID]

  /// The repository at `path` (as libgit2's local transport opens it), or nil when there is
  /// none there: the push then says why.
  public static func inspect(_ path: String) throws -> LocalRemote? {
    Libgit2.initialize()
    var repository: OpaquePointer?
    let opened = git_repository_open_ext(&repository, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
    if opened == GIT_ENOTFOUND.rawValue { return nil }
    try check(opened, "git_repository_open_ext")
    defer { git_repository_free(repository) }

    var head: String?
    var reference: OpaquePointer?
    if git_reference_lookup(&reference, repository, "HEAD") == 0 {
      head = git_reference_symbolic_target(reference).map { String(cString: $0) }
      git_reference_free(reference)
    }
    var references: [String: ObjectID] = [:]
    var iterator: OpaquePointer?
    try check(git_reference_iterator_new(&iterator, repository), "git_reference_iterator_new")
    defer { git_reference_iterator_free(iterator) }
    var name: UnsafePointer<CChar>?
    while git_reference_next_name(&name, iterator) == 0, let name {
      var oid = git_oid()
      if git_reference_name_to_id(&oid, repository, name) == 0 {
        references[String(cString: name)] = ObjectID(oid)
      }
    }
    return LocalRemote(head: head, references: references)
  }
}
