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
  /// The hooks `git receive-pack` would run for a push there (`pre-receive`, `update`, …),
  /// found where git looks (`core.hooksPath`, relative to the git folder, else `hooks/`) and
  /// executable, as git wants them; libgit2 runs none of them.
  public let receivingHooks: [String]
  /// Whether it has no working tree: libgit2 pushes only to such a repository on this machine.
  public let isBare: Bool
  /// Its common git folder, ending in `/`, where its references and their locks are.
  public let commonFolder: String

  /// The hooks git runs on the receiving side of a push, in the order it runs them.
  /// `proc-receive` runs only for the references `receive.procReceiveRefs` names;
  /// `push-to-checkout` is left out: it is only for a repository with a working tree, to
  /// which libgit2 does not push at all.
  static let receivingHookNames = [
    "pre-receive", "update", "proc-receive", "reference-transaction", "post-receive", "post-update",
  ]

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
    var config: OpaquePointer?
    try check(git_repository_config_snapshot(&config, repository), "git_repository_config_snapshot")
    defer { git_config_free(config) }
    let hooks = try hooksFolder(repository!, config: config)
    var procReceive = git_buf()
    defer { git_buf_dispose(&procReceive) }
    let procReceiveRefs = git_config_get_string_buf(&procReceive, config, "receive.procReceiveRefs") == 0
    let present = receivingHookNames.filter {
      ($0 != "proc-receive" || procReceiveRefs) && access(hooks + "/" + $0, X_OK) == 0
    }
    return LocalRemote(
      head: head, references: references, receivingHooks: present, isBare: git_repository_is_bare(repository) == 1,
      commonFolder: String(cString: git_repository_commondir(repository)))
  }

  /// Where git looks for the repository's hooks when it receives a push: `core.hooksPath`
  /// (with `~/` expanded; a relative one from the git folder, where receive-pack runs its
  /// hooks), else `hooks/` in the common git folder.
  private static func hooksFolder(_ repository: OpaquePointer, config: OpaquePointer?) throws -> String {
    let gitFolder = String(cString: git_repository_commondir(repository))
    var path = git_buf()
    defer { git_buf_dispose(&path) }
    let found = git_config_get_path(&path, config, "core.hooksPath")
    if found == GIT_ENOTFOUND.rawValue { return gitFolder + "hooks" }
    try check(found, "git_config_get_path")
    let configured = String(cString: path.ptr)
    return configured.hasPrefix("/") ? configured : gitFolder + configured
  }
}
