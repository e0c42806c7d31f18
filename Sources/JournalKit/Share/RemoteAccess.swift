import Foundation
import JournalGit

/// How `journal share` proves who it is to a server, and how it knows the server is the right
/// one.
///
/// - SSH: a key file (`--ssh-key`, else `JOURNAL_SSH_KEY`, with `JOURNAL_SSH_PASSPHRASE` if it
///   has one), else the keys of `ssh-agent`, else `~/.ssh/id_ed25519`, `id_ecdsa` and `id_rsa`.
///   Each is tried once. The server's host key must be in `known_hosts` (`~/.ssh/known_hosts`
///   and `/etc/ssh/ssh_known_hosts`, or the files given) or match `--host-key SHA256:…`;
///   it is never accepted for being new.
/// - HTTPS: the token in `JOURNAL_TOKEN`, sent only to the scheme, host and port the URL
///   names, once.
public struct RemoteAccess: Sendable {
  public var sshKey: String?
  public var sshPassphrase: String?
  public var agentSocket: String?
  public var knownHostsFiles: [String]
  public var hostKeyFingerprint: String?
  public var token: String?
  public var tokenUser: String
  /// The SSH user when the URL names none.
  public var userName: String
  public var home: String

  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment, sshKey: String? = nil,
    knownHosts: [String] = [], hostKeyFingerprint: String? = nil
  ) {
    home = environment["HOME"] ?? NSHomeDirectory()
    self.sshKey = sshKey ?? environment["JOURNAL_SSH_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    sshPassphrase = environment["JOURNAL_SSH_PASSPHRASE"]
    agentSocket = environment["SSH_AUTH_SOCK"].flatMap { $0.isEmpty ? nil : $0 }
    knownHostsFiles =
      knownHosts.isEmpty ? [home + "/.ssh/known_hosts", "/etc/ssh/ssh_known_hosts"] : knownHosts
    self.hostKeyFingerprint = hostKeyFingerprint
    token = environment["JOURNAL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    tokenUser = environment["JOURNAL_TOKEN_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "x-access-token"
    userName = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
  }

  /// The answers to libgit2's questions while pushing to `url`.
  func callbacks(for url: RemoteURL) -> RemoteCallbacks {
    let attempts = Attempts()
    return RemoteCallbacks(
      credential: { request in try self.credential(request, url: url, attempts: attempts) },
      verifyHostKey: { key in try self.verify(key, url: url) })
  }

  private final class Attempts: @unchecked Sendable {
    var sshKeys: [RemoteCredential]?
    var tokenSent = false
  }

  private func credential(_ request: CredentialRequest, url: RemoteURL, attempts: Attempts) throws -> RemoteCredential? {
    let host = url.host ?? ""
    if request.allowsUserPassword && url.transport != .ssh {
      // After a redirect, the server asking is the one redirected to: the token goes only to
      // the scheme, host and port the URL names.
      let asked = try RemoteURL(request.url)
      guard asked.transport == url.transport, asked.host?.lowercased() == host.lowercased(),
        asked.effectivePort == url.effectivePort
      else {
        throw JournalError(
          "\(asked.origin) asked for credentials, but the URL names \(url.origin); the token is sent there only")
      }
      guard let token else {
        throw JournalError(
          "\(host) asks who you are; put an access token in JOURNAL_TOKEN (and its user in JOURNAL_TOKEN_USER if the server needs one)")
      }
      guard !attempts.tokenSent else {
        throw JournalError("\(host) refused the token in JOURNAL_TOKEN: authentication failed")
      }
      attempts.tokenSent = true
      return .userPassword(user: request.userFromURL ?? url.user ?? tokenUser, password: token)
    }
    let user = request.userFromURL ?? url.user ?? userName
    if request.allowsUserName && !request.allowsSSHKey { return .userName(user) }
    guard request.allowsSSHKey else {
      throw JournalError("\(host) asks for a kind of credential journal does not have")
    }
    if attempts.sshKeys == nil {
      var keys: [RemoteCredential] = []
      if let sshKey {
        guard FileManager.default.isReadableFile(atPath: sshKey) else {
          throw JournalError("cannot read the SSH key \(sshKey)")
        }
        keys.append(.sshKeyFile(user: user, privateKey: sshKey, passphrase: sshPassphrase))
      } else {
        if agentSocket != nil { keys.append(.sshAgent(user: user)) }
        for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
          let path = home + "/.ssh/" + name
          if FileManager.default.isReadableFile(atPath: path) {
            keys.append(.sshKeyFile(user: user, privateKey: path, passphrase: sshPassphrase))
          }
        }
      }
      attempts.sshKeys = keys
    }
    guard let next = attempts.sshKeys?.first else {
      let tried = sshKey.map { "the key \($0)" } ?? "ssh-agent and the keys in ~/.ssh"
      throw JournalError("\(host) refused \(user)'s SSH keys (tried \(tried)): authentication failed")
    }
    attempts.sshKeys?.removeFirst()
    return next
  }

  private func verify(_ key: HostKey, url: RemoteURL) throws {
    let host = url.host ?? key.host
    let fingerprint = key.sha256.map(KnownHosts.fingerprint(sha256:)) ?? "unknown fingerprint"
    let type = key.raw.flatMap(KnownHosts.keyType) ?? "host"
    if let expected = hostKeyFingerprint {
      guard expected.replacingOccurrences(of: "=", with: "") == fingerprint else {
        throw JournalError(
          "the host key of \(host) is \(fingerprint), not the \(expected) given with --host-key; not connecting")
      }
      return
    }
    guard let raw = key.raw else {
      throw JournalError("cannot check the host key of \(host): the SSH library did not pass it on")
    }
    switch KnownHosts(files: knownHostsFiles).verdict(host: host, port: url.port, key: raw) {
    case .trusted:
      return
    case .revoked:
      throw JournalError("the host key of \(host) (\(fingerprint)) is marked @revoked in known_hosts; not connecting")
    case .changed:
      throw JournalError(
        "the host key of \(host) has changed: it is now \(type) \(fingerprint), which known_hosts does not list for it; not connecting")
    case .unknown:
      throw JournalError(
        "the host key of \(host) is not in known_hosts (\(type) \(fingerprint)); after checking it with the server's owner, add it (ssh-keyscan) or pass --host-key \(fingerprint)")
    }
  }
}
