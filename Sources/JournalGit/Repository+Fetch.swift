import Foundation
internal import Clibgit2

/// What a fetch found on the remote, and what it brought.
public struct FetchResult: Sendable {
  /// The remote's references and the branch its HEAD names, as listed on the connection.
  public let remote: RemoteReferences
  /// The reference asked for, and the commit it names on the remote, when the remote has it;
  /// its history is then in this repository's object database.
  public let fetched: (reference: String, commit: ObjectID)?
}

extension Repository {
  /// Connects to the repository at `url` and lists its references as `git ls-remote` does;
  /// then, when `choose` names one of them, downloads the objects of its history that this
  /// repository lacks, over the same connection, as `git fetch URL <reference>` does, but
  /// without updating any reference (not even `FETCH_HEAD`). The objects arrive as one pack,
  /// where the object database writes packs (see `withQuarantine`).
  ///
  /// libgit2 1.5 negotiates with every local reference, so what this repository already has
  /// is not sent again. Over a path or `file://`, its local transport sends the history of
  /// every branch of the remote, not only the one asked for.
  public func fetch(
    from url: String, callbacks: RemoteCallbacks, choosing choose: (RemoteReferences) throws -> String?
  ) throws -> FetchResult {
    var remote: OpaquePointer?
    try check(git_remote_create_anonymous(&remote, pointer, url), "git_remote_create_anonymous")
    defer { git_remote_free(remote) }
    let context = RemoteContext(callbacks)
    var options = git_fetch_options()
    try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
    context.install(into: &options.callbacks)
    options.update_fetchhead = 0
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
    options.prune = GIT_FETCH_NO_PRUNE

    func checked(_ result: Int32, _ function: StaticString) throws {
      if result < 0, let failure = context.failure { throw failure }
      try check(result, function)
    }
    try checked(git_remote_connect(remote, GIT_DIRECTION_FETCH, &options.callbacks, nil, nil), "git_remote_connect")
    defer { git_remote_disconnect(remote) }
    let listed = try listing(remote)
    guard let name = try choose(listed), let commit = listed.references[name] else {
      return FetchResult(remote: listed, fetched: nil)
    }
    if !hasObject(commit) {
      try withStringArray([name]) { refspecs in
        var refspecs = refspecs
        try checked(git_remote_download(remote, &refspecs, &options), "git_remote_download")
      }
    }
    return FetchResult(remote: listed, fetched: (name, commit))
  }

  /// The references a connected remote advertised.
  func listing(_ remote: OpaquePointer?) throws -> RemoteReferences {
    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    try check(git_remote_ls(&heads, &count, remote), "git_remote_ls")
    var head: String?
    var references: [String: ObjectID] = [:]
    for index in 0..<count {
      guard let entry = heads?[index]?.pointee else { continue }
      let name = String(cString: entry.name)
      if name == "HEAD" {
        head = entry.symref_target.map { String(cString: $0) }
      } else {
        references[name] = ObjectID(entry.oid)
      }
    }
    return RemoteReferences(head: head, references: references)
  }
}
