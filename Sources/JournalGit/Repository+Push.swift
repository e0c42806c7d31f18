import Foundation
internal import Clibgit2

/// A server's SSH host key, as libgit2 saw it during the handshake.
public struct HostKey: Sendable {
  /// The host name as written in the URL.
  public let host: String
  /// The key in the SSH wire format (the base64-decoded field of a `known_hosts` line), when
  /// libgit2 passes it.
  public let raw: [UInt8]?
  /// SHA-256 of the key: what `ssh` shows as `SHA256:…`.
  public let sha256: [UInt8]?
}

/// A credential for a remote, chosen by the caller.
public enum RemoteCredential: Sendable {
  case sshAgent(user: String)
  case sshKeyFile(user: String, privateKey: String, passphrase: String?)
  case userPassword(user: String, password: String)
  /// Only a user name: what an SSH URL without one is asked for first.
  case userName(String)
}

/// What a credential request allows.
public struct CredentialRequest: Sendable {
  /// The URL being connected to; after a redirect, the URL redirected to.
  public let url: String
  public let userFromURL: String?
  public let allowsSSHKey: Bool
  public let allowsUserPassword: Bool
  public let allowsUserName: Bool

  public init(url: String, userFromURL: String?, allowsSSHKey: Bool, allowsUserPassword: Bool, allowsUserName: Bool) {
    self.url = url
    self.userFromURL = userFromURL
    self.allowsSSHKey = allowsSSHKey
    self.allowsUserPassword = allowsUserPassword
    self.allowsUserName = allowsUserName
  }
}

/// The decisions a connection to a remote needs from its caller. Each may throw; the error
/// stops the push or the listing and is the one it throws.
public struct RemoteCallbacks {
  /// A credential to try, or nil when there is none left to try.
  public var credential: (CredentialRequest) throws -> RemoteCredential?
  /// Accepts the SSH host key by returning, or refuses it by throwing.
  public var verifyHostKey: (HostKey) throws -> Void

  public init(
    credential: @escaping (CredentialRequest) throws -> RemoteCredential?,
    verifyHostKey: @escaping (HostKey) throws -> Void
  ) {
    self.credential = credential
    self.verifyHostKey = verifyHostKey
  }
}

/// A push the remote refused, or one that would not be a fast-forward.
public struct PushRejected: Error, Sendable {
  public let reference: String
  public let reason: String
  /// The remote holds commits the pushed history does not contain.
  public let notFastForward: Bool
}

/// What a push did.
public struct PushResult: Sendable {
  /// What the remote's reference pointed at before the push, as the remote said when the
  /// push began; nil when it did not exist. The push sent the commits after it.
  public let previous: ObjectID?
}

/// What libgit2's C callbacks reach through their payload, for one connection.
final class RemoteContext {
  let callbacks: RemoteCallbacks
  /// The error a callback threw, which stopped the operation.
  var failure: (any Error)?
  var rejections: [(String, String)] = []
  var previous: ObjectID?

  init(_ callbacks: RemoteCallbacks) { self.callbacks = callbacks }

  /// libgit2's callbacks for credentials and certificates, answered by `callbacks`; the
  /// payload is this context, which must outlive the operation.
  func install(into remoteCallbacks: inout git_remote_callbacks) {
    remoteCallbacks.payload = Unmanaged.passUnretained(self).toOpaque()
    remoteCallbacks.credentials = { output, url, user, allowed, payload in
      let context = Unmanaged<RemoteContext>.fromOpaque(payload!).takeUnretainedValue()
      let request = CredentialRequest(
        url: url.map { String(cString: $0) } ?? "", userFromURL: user.map { String(cString: $0) },
        allowsSSHKey: allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0,
        allowsUserPassword: allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0,
        allowsUserName: allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0)
      do {
        guard let credential = try context.callbacks.credential(request) else { return GIT_EAUTH.rawValue }
        switch credential {
        case .sshAgent(let user):
          return git_credential_ssh_key_from_agent(output, user)
        case .sshKeyFile(let user, let privateKey, let passphrase):
          return git_credential_ssh_key_new(output, user, nil, privateKey, passphrase)
        case .userPassword(let user, let password):
          return git_credential_userpass_plaintext_new(output, user, password)
        case .userName(let user):
          return git_credential_username_new(output, user)
        }
      } catch {
        context.failure = error
        return GIT_EUSER.rawValue
      }
    }
    remoteCallbacks.certificate_check = { certificate, valid, host, payload in
      let context = Unmanaged<RemoteContext>.fromOpaque(payload!).takeUnretainedValue()
      guard let certificate, certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else {
        // TLS: libgit2 has already checked the certificate against the system's authorities.
        return valid != 0 ? 0 : GIT_ECERTIFICATE.rawValue
      }
      let key = UnsafeRawPointer(certificate).assumingMemoryBound(to: git_cert_hostkey.self).pointee
      var raw: [UInt8]?
      if key.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let bytes = key.hostkey {
        raw = Array(UnsafeRawBufferPointer(start: bytes, count: key.hostkey_len))
      }
      var sha256: [UInt8]?
      if key.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0 {
        var hash = key.hash_sha256
        sha256 = withUnsafeBytes(of: &hash) { Array($0) }
      }
      do {
        try context.callbacks.verifyHostKey(
          HostKey(host: host.map { String(cString: $0) } ?? "", raw: raw, sha256: sha256))
        return 0
      } catch {
        context.failure = error
        return GIT_EUSER.rawValue
      }
    }
  }
}

extension Repository {
  /// Pushes the local reference `local` to `reference` (`refs/heads/main`) of the repository
  /// at `url`, without force: libgit2 refuses anything that is not a fast-forward. Nothing
  /// local changes; the remote is not saved in the configuration.
  @discardableResult
  public func push(_ local: String, to url: String, reference: String, callbacks: RemoteCallbacks) throws -> PushResult {
    var remote: OpaquePointer?
    try check(git_remote_create_anonymous(&remote, pointer, url), "git_remote_create_anonymous")
    defer { git_remote_free(remote) }

    let context = RemoteContext(callbacks)
    var options = git_push_options()
    try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
    options.pb_parallelism = 1
    context.install(into: &options.callbacks)
    options.callbacks.push_negotiation = { updates, count, payload in
      let context = Unmanaged<RemoteContext>.fromOpaque(payload!).takeUnretainedValue()
      if count > 0, var previous = updates?[0]?.pointee.src, git_oid_is_zero(&previous) == 0 {
        context.previous = ObjectID(previous)
      }
      return 0
    }
    RemoteContext.collectRejections(into: &options.callbacks)

    let refspec = "\(local):\(reference)"
    let result = withStringArray([refspec]) { refspecs in
      var refspecs = refspecs
      return git_remote_push(remote, &refspecs, &options)
    }
    if result < 0 {
      if let failure = context.failure { throw failure }
      if result == GIT_ENONFASTFORWARD.rawValue {
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? ""
        throw PushRejected(reference: reference, reason: message, notFastForward: true)
      }
      try check(result, "git_remote_push")
    }
    if let (name, reason) = context.rejections.first {
      throw PushRejected(reference: name, reason: reason, notFastForward: false)
    }
    return PushResult(previous: context.previous)
  }
}
