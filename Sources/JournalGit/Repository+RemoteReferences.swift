import Foundation
internal import Clibgit2

/// A remote's references, as it shows them to a fetch.
public struct RemoteReferences: Sendable {
  /// The reference HEAD names, `refs/heads/main`, when the remote says: a server says so only
  /// when HEAD names a branch it has (libgit2 1.5 speaks git's protocol version 1, which has no
  /// word for an unborn HEAD).
  public let head: String?
  /// Every reference but HEAD, with what it points at.
  public let references: [String: ObjectID]

  public init(head: String?, references: [String: ObjectID]) {
    self.head = head
    self.references = references
  }
}

extension Repository {
  /// The references of the repository at `url`, listed as `git ls-remote` lists them, over a
  /// connection of its own. Nothing local changes.
  public func remoteReferences(at url: String, callbacks: RemoteCallbacks) throws -> RemoteReferences {
    var remote: OpaquePointer?
    try check(git_remote_create_anonymous(&remote, pointer, url), "git_remote_create_anonymous")
    defer { git_remote_free(remote) }
    let context = RemoteContext(callbacks)
    var remoteCallbacks = git_remote_callbacks()
    try check(git_remote_init_callbacks(&remoteCallbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "git_remote_init_callbacks")
    context.install(into: &remoteCallbacks)
    let connected = git_remote_connect(remote, GIT_DIRECTION_FETCH, &remoteCallbacks, nil, nil)
    if connected < 0, let failure = context.failure { throw failure }
    try check(connected, "git_remote_connect")
    defer { git_remote_disconnect(remote) }
    return try listing(remote)
  }
}
