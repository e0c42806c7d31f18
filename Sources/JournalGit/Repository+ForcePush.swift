import Foundation
internal import Clibgit2

/// One reference of a remote that a forced push replaces, only if the remote still holds
/// `expected` there: git's `--force-with-lease=<remote>:<expected>`.
public struct LeasedUpdate: Sendable, Equatable {
  /// The local reference whose value is pushed; nil deletes the remote reference.
  public let local: String?
  /// The remote's reference, `refs/heads/main`.
  public let remote: String
  public let expected: ObjectID

  public init(local: String?, remote: String, expected: ObjectID) {
    self.local = local
    self.remote = remote
    self.expected = expected
  }
}

/// The remote no longer holds what a lease expected: nothing was pushed.
public struct LeaseBroken: Error, Sendable {
  public let reference: String
  public let expected: ObjectID
  /// What the remote holds there now; nil when the reference is gone.
  public let found: ObjectID?
}

extension Repository {
  /// The names of the configured remotes.
  public func remoteNames() throws -> [String] {
    var names = git_strarray()
    try check(git_remote_list(&names, pointer), "git_remote_list")
    defer { git_strarray_dispose(&names) }
    return (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }
  }

  /// The URL a push to the remote goes to (`pushurl`, else `url`, after `insteadOf`).
  public func remotePushURL(_ name: String) throws -> String? {
    var remote: OpaquePointer?
    try check(git_remote_lookup(&remote, pointer, name), "git_remote_lookup")
    defer { git_remote_free(remote) }
    return (git_remote_pushurl(remote) ?? git_remote_url(remote)).map { String(cString: $0) }
  }

  /// The remote's reference that the remote-tracking reference `tracking` mirrors, by the
  /// remote's fetch refspecs (`refs/remotes/origin/main` is `refs/heads/main`); nil when none
  /// of them maps to it.
  public func remoteReference(tracking: String, remote name: String) throws -> String? {
    var remote: OpaquePointer?
    try check(git_remote_lookup(&remote, pointer, name), "git_remote_lookup")
    defer { git_remote_free(remote) }
    for index in 0..<git_remote_refspec_count(remote) {
      guard let spec = git_remote_get_refspec(remote, index), git_refspec_direction(spec) == GIT_DIRECTION_FETCH,
        git_refspec_dst_matches(spec, tracking) == 1
      else { continue }
      var buffer = git_buf()
      defer { git_buf_dispose(&buffer) }
      guard git_refspec_rtransform(&buffer, spec, tracking) == 0, let text = buffer.ptr else { continue }
      return String(cString: text)
    }
    return nil
  }

  /// Pushes `updates` to the configured remote `name`, each forced but only if the remote
  /// still holds its `expected` value, checked against what the remote says in the same
  /// connection, before anything is sent (`LeaseBroken` otherwise, and nothing is pushed).
  /// The server then applies each update only if the reference has not moved since.
  public func forcePush(remote name: String, updates: [LeasedUpdate], callbacks: RemoteCallbacks) throws {
    guard !updates.isEmpty else { return }
    var remote: OpaquePointer?
    try check(git_remote_lookup(&remote, pointer, name), "git_remote_lookup")
    defer { git_remote_free(remote) }
    let context = RemoteContext(callbacks)
    let payload = Unmanaged.passUnretained(context).toOpaque()
    Leases.shared.set(payload, Dictionary(uniqueKeysWithValues: updates.map { ($0.remote, $0.expected) }))
    defer { Leases.shared.remove(payload) }
    var options = git_push_options()
    try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
    options.pb_parallelism = 1
    context.install(into: &options.callbacks)
    options.callbacks.push_negotiation = { updates, count, payload in
      guard let payload else { return 0 }
      for index in 0..<count {
        guard let update = updates?[index]?.pointee, let name = update.dst_refname.map({ String(cString: $0) }),
          let expected = Leases.shared.expected(payload, name)
        else { continue }
        var found = update.src
        let current = git_oid_is_zero(&found) == 1 ? nil : ObjectID(found)
        if current != expected {
          let context = Unmanaged<RemoteContext>.fromOpaque(payload).takeUnretainedValue()
          context.failure = LeaseBroken(reference: name, expected: expected, found: current)
          return GIT_EUSER.rawValue
        }
      }
      return 0
    }
    RemoteContext.collectRejections(into: &options.callbacks)
    let refspecs = updates.map { ($0.local.map { "+" + $0 } ?? "") + ":" + $0.remote }
    let result = withStringArray(refspecs) { refspecs in
      var refspecs = refspecs
      return git_remote_push(remote, &refspecs, &options)
    }
    if result < 0 {
      if let failure = context.failure { throw failure }
      try check(result, "git_remote_push")
    }
    if let (reference, reason) = context.rejections.first {
      throw PushRejected(reference: reference, reason: reason, notFastForward: false)
    }
  }
}

extension RemoteContext {
  /// Keeps each reference the remote refused, with its reason, in the context's `rejections`.
  static func collectRejections(into callbacks: inout git_remote_callbacks) {
    callbacks.push_update_reference = { reference, status, payload in
      let context = Unmanaged<RemoteContext>.fromOpaque(payload!).takeUnretainedValue()
      if let status, let reference {
        context.rejections.append((String(cString: reference), String(cString: status)))
      }
      return 0
    }
  }
}

/// What each push in progress expects of the remote, found from the payload libgit2 hands its
/// C callbacks (the push's `RemoteContext`, which the credential callbacks need as it is).
/// Safe to share between threads: every access holds the lock.
private final class Leases: @unchecked Sendable {
  static let shared = Leases()
  private let lock = NSLock()
  private var table: [UnsafeMutableRawPointer: [String: ObjectID]] = [:]

  func set(_ payload: UnsafeMutableRawPointer, _ leases: [String: ObjectID]) {
    lock.withLock { table[payload] = leases }
  }

  func remove(_ payload: UnsafeMutableRawPointer) {
    _ = lock.withLock { table.removeValue(forKey: payload) }
  }

  func expected(_ payload: UnsafeMutableRawPointer, _ reference: String) -> ObjectID? {
    lock.withLock { table[payload]?[reference] }
  }
}
