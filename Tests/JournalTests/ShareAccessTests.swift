import Foundation
import JournalGit
import JournalModel
import Testing

@testable import JournalKit

/// The pieces of `journal share` that decide whom to trust and what to send.
@Suite struct ShareAccessTests {
  @Test func sha1AndHMACMatchTheirStandards() {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
    #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(hex(SHA1.hash(long)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    // RFC 2202, test cases 1 and 6 (a key longer than the block).
    #expect(
      hex(SHA1.hmac(key: [UInt8](repeating: 0x0B, count: 20), message: Array("Hi There".utf8)))
        == "b617318655057264e28bc0b6fb378c8ef146be00")
    #expect(
      hex(
        SHA1.hmac(
          key: [UInt8](repeating: 0xAA, count: 80),
          message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
        == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
  }

  static let key = Array(Data(base64Encoded: "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl")!)
  static let other = Array(Data(base64Encoded: "AAAAC3NzaC1lZDI1NTE5AAAAIHHXpV3Ah/VXl6HcOeLZ3R5UXyyvsNFnk6RyF8WPcT0y")!)

  @Test func knownHostsMatchesPlainHashedPortedAndWildcardNames() {
    let key = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
    // `ssh-keygen -H` of "git.example.com", with salt "salt-16-bytes..." in base64.
    let salt = Array("salt-16-bytes-xy".utf8)
    let hash = SHA1.hmac(key: salt, message: Array("git.example.com".utf8))
    let hashed = "|1|\(Data(salt).base64EncodedString())|\(Data(hash).base64EncodedString())"
    let hosts = KnownHosts(
      text: """
        # a comment
        plain.example.com,10.0.0.1 ssh-ed25519 \(key)
        \(hashed) ssh-ed25519 \(key) hashed entry
        [ported.example.com]:2222 ssh-ed25519 \(key)
        *.wild.example.com,!bad.wild.example.com ssh-ed25519 \(key)
        @revoked revoked.example.com ssh-ed25519 \(key)
        @cert-authority *.example.com ssh-ed25519 \(key)
        not a valid line
        """)
    #expect(hosts.verdict(host: "plain.example.com", port: nil, key: Self.key) == .trusted)
    #expect(hosts.verdict(host: "PLAIN.example.com", port: 22, key: Self.key) == .trusted)
    #expect(hosts.verdict(host: "10.0.0.1", port: nil, key: Self.key) == .trusted)
    #expect(hosts.verdict(host: "plain.example.com", port: nil, key: Self.other) == .changed)
    #expect(hosts.verdict(host: "git.example.com", port: nil, key: Self.key) == .trusted)
    #expect(hosts.verdict(host: "git.example.com", port: 2200, key: Self.key) == .unknown)
    #expect(hosts.verdict(host: "ported.example.com", port: 2222, key: Self.key) == .trusted)
    #expect(hosts.verdict(host: "ported.example.com", port: nil, key: Self.key) == .unknown)
    #expect(hosts.verdict(host: "a.wild.example.com", port: nil, key: Self.key) == .trusted)
    #expect(hosts.verdict(host: "bad.wild.example.com", port: nil, key: Self.key) == .unknown)
    #expect(hosts.verdict(host: "revoked.example.com", port: nil, key: Self.key) == .revoked)
    // A certificate authority line does not vouch for a plain key.
    #expect(hosts.verdict(host: "other.example.com", port: nil, key: Self.key) == .unknown)
    #expect(KnownHosts.keyType(Self.key) == "ssh-ed25519")
  }

  @Test func remoteURLsAsGitWritesThem() throws {
    let ssh = try RemoteURL("ssh://git@git.example.com:2222/sam/feedback.git")
    #expect(ssh.transport == .ssh && ssh.host == "git.example.com" && ssh.port == 2222 && ssh.user == "git")
    let scp = try RemoteURL("git@git.example.com:sam/feedback.git")
    #expect(scp.transport == .ssh && scp.host == "git.example.com" && scp.port == nil && scp.user == "git")
    let https = try RemoteURL("https://sam:s3cret@git.example.com/sam/feedback.git")
    #expect(https.transport == .https && https.host == "git.example.com" && https.user == "sam")
    #expect(https.display == "https://sam:***@git.example.com/sam/feedback.git")
    #expect(try RemoteURL("/srv/git/sam.git").transport == .local)
    #expect(try RemoteURL("file:///srv/git/sam.git").transport == .local)
    #expect(try RemoteURL("../sam.git").transport == .local)
    #expect(throws: JournalError.self) { try RemoteURL("ftp://example.com/x.git") }
    #expect(throws: JournalError.self) { try RemoteURL("ssh://example.com:99999/x.git") }
    #expect(throws: JournalError.self) { try RemoteURL("") }
  }

  @Test func theTokenGoesOnlyToTheHostTheURLNames() throws {
    let access = RemoteAccess(environment: ["HOME": "/nonexistent", "JOURNAL_TOKEN": "t0ken", "USER": "sam"])
    let callbacks = access.callbacks(for: try RemoteURL("https://git.example.com/sam/feedback.git"))
    func request(_ url: String) -> CredentialRequest {
      CredentialRequest(url: url, userFromURL: nil, allowsSSHKey: false, allowsUserPassword: true, allowsUserName: false)
    }
    // Redirected elsewhere: refused, the token never handed over.
    #expect(throws: JournalError.self) { try callbacks.credential(request("https://evil.example.net/sam/feedback.git")) }
    guard case .userPassword(let user, let password)? = try callbacks.credential(request("https://git.example.com/sam/feedback.git"))
    else {
      Issue.record("no token for the named host")
      return
    }
    #expect(user == "x-access-token" && password == "t0ken")
    // Refused once: not sent again.
    #expect(throws: JournalError.self) { try callbacks.credential(request("https://git.example.com/sam/feedback.git")) }

    let none = RemoteAccess(environment: ["HOME": "/nonexistent", "USER": "sam"])
    let error = #expect(throws: JournalError.self) {
      try none.callbacks(for: try RemoteURL("https://git.example.com/x.git")).credential(request("https://git.example.com/x.git"))
    }
    #expect(error?.message.contains("JOURNAL_TOKEN") == true)
  }

  @Test func sharedSettingsKeepOnlyKnownRules() {
    let text = SharedConfig.text([
      "late-feedback": RuleSetting(parameters: ["max-days": .number(9), "bogus": .number(1)]),
      "vague-feedback": RuleSetting(level: .error, parameters: ["phrases": .list(["rock \"star\"", "a\\b"])]),
      "retention": RuleSetting(level: .off),
      "no-such-rule": RuleSetting(level: .error),
    ])
    #expect(
      text == """
        # One person's notes, shared from a mentor's journal with `journal share`.
        rules:
          late-feedback:
            max-days: 9
          retention: off
          vague-feedback:
            severity: error
            phrases: ["rock \\"star\\"", "a\\\\b"]

        """)
    // And journal reads it back to the same settings.
    let parsed = DocumentParserProbe.config(text)
    #expect(parsed?.rules["vague-feedback"]?.parameters["phrases"] == .list(["rock \"star\"", "a\\b"]))
    #expect(parsed?.rules["late-feedback"]?.parameters["max-days"] == .number(9))
    #expect(parsed?.rules["retention"]?.level == .off)

    // Characters YAML does not take raw, or reads as line breaks, come back as they were;
    // the control characters among them are reported, as in any journal.yml.
    let awkward = "tab\there\u{7F}\u{85}\u{2028}line\u{FEFF}end"
    let odd = SharedConfig.text(["vague-feedback": RuleSetting(parameters: ["phrases": .list([awkward])])])
    let read = DocumentParser.parse(Array(odd.utf8), path: "journal.yml")
    guard case .config(let config)? = read.document else {
      Issue.record("journal.yml not read: \(read.diagnostics)")
      return
    }
    #expect(config.rules["vague-feedback"]?.parameters["phrases"] == .list([awkward]))
    #expect(read.diagnostics.map(\.message) == ["`phrases` holds the control character U+007F"])
  }
}

import JournalParsing

enum DocumentParserProbe {
  static func config(_ text: String) -> JournalConfig? {
    let parsed = DocumentParser.parse(Array(text.utf8), path: "journal.yml")
    guard case .config(let config)? = parsed.document, parsed.diagnostics.isEmpty else { return nil }
    return config
  }
}
