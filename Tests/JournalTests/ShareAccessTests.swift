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
    #expect(https.display == "https://***@git.example.com/sam/feedback.git")
    #expect(try RemoteURL("/srv/git/sam.git").transport == .local)
    #expect(try RemoteURL("file:///srv/git/sam.git").transport == .local)
    #expect(try RemoteURL("../sam.git").transport == .local)
    #expect(throws: JournalError.self) { try RemoteURL("ftp://example.com/x.git") }
    #expect(throws: JournalError.self) { try RemoteURL("ssh://example.com:99999/x.git") }
    #expect(throws: JournalError.self) { try RemoteURL("") }
  }

  /// One remote written several ways gives one normalised URL, without anything secret, and
  /// so one record; another repository gives another.
  @Test func normalisedURLsNameTheRepositoryAlone() throws {
    func normalized(_ text: String) throws -> String { try RemoteURL(text).normalized }
    #expect(try normalized("https://sam:s3cret@Git.Example.com:443/sam/feedback.git/") == "https://git.example.com/sam/feedback.git")
    #expect(try normalized("https://TOKEN@git.example.com/sam/feedback.git") == "https://git.example.com/sam/feedback.git")
    #expect(try normalized("http://git.example.com:8080/x.git") == "http://git.example.com:8080/x.git")
    #expect(try normalized("ssh://git@git.example.com:22/srv/x.git") == "ssh://git.example.com/srv/x.git")
    #expect(try normalized("git@git.example.com:/srv/x.git") == "ssh://git.example.com/srv/x.git")
    #expect(try normalized("git@git.example.com:sam/x.git") == "ssh://git.example.com/~/sam/x.git")
    #expect(try normalized("ssh://other@git.example.com/~/sam/x.git") == "ssh://git.example.com/~/sam/x.git")
    #expect(try normalized("ssh://[::1]:2222/x.git") == "ssh://[::1]:2222/x.git")
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/x.git", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.git", withDestinationPath: folder.path + "/x.git")
    let real = try normalized(folder.path + "/x.git")
    #expect(real.hasPrefix("file:///") && real.hasSuffix("/x.git"))
    #expect(try normalized("file://" + folder.path + "/x.git/") == real)
    #expect(try normalized(folder.path + "/link.git") == real)
    #expect(try normalized(folder.path + "/./sub/../x.git") == real)
    #expect(try normalized(folder.path + "/y.git") != real)
  }

  @Test func recordsAreNamedByJournalPersonAndRemote() {
    let root = ShareRecord.Key(prefix: "", person: "alice", remote: "file:///srv/alice.git")
    let team = ShareRecord.Key(prefix: "team notes/ünï.lock/", person: "alice", remote: "file:///srv/alice.git")
    let other = ShareRecord.Key(prefix: "", person: "alice", remote: "file:///srv/alice2.git")
    #expect(root.reference.hasPrefix("refs/journal/share/%2F/alice/") && root.reference.hasSuffix("/record"))
    #expect(team.reference.hasPrefix("refs/journal/share/%2Fteam%20notes%2F%C3%BCn%C3%AF%2Elock/alice/"))
    #expect(root.reference.split(separator: "/")[5].count == 16)
    #expect(root.reference != other.reference)
    #expect(root.reference.split(separator: "/")[5] == team.reference.split(separator: "/")[5])
    // git itself takes every name.
    for key in [root, team, other] {
      let run = try? runProgram("/usr/bin/git", ["check-ref-format", key.reference])
      #expect(run?.status == 0, "\(key.reference)")
    }
  }

  /// The line that ties a journal commit to the person's: added as git's interpret-trailers
  /// adds a trailer, read back only as the last line and only for its own remote.
  @Test func sharedFromIsTheLastLineForItsRemote() throws {
    let id = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    let remote = "file:///srv/alice.git"
    func appended(_ message: String) -> String {
      String(decoding: SharedFrom.appending(to: Array(message.utf8), remote: remote, commit: id), as: UTF8.self)
    }
    let line = "Shared-from: file:///srv/alice.git 0123456789abcdef0123456789abcdef01234567\n"
    #expect(appended("Reply\n") == "Reply\n\n" + line)
    #expect(appended("Reply") == "Reply\n\n" + line)
    #expect(appended("Reply\n\nA body.\n\n\n") == "Reply\n\nA body.\n\n" + line)
    #expect(appended("Reply\n\nSigned-off-by: Alice <a@x>\n") == "Reply\n\nSigned-off-by: Alice <a@x>\n" + line)
    // A subject that looks like a trailer is still a subject.
    #expect(appended("Note: a reply\n") == "Note: a reply\n\n" + line)
    #expect(appended("") == line)
    for message in ["Reply\n", "Reply\n\nSigned-off-by: Alice <a@x>\n", ""] {
      #expect(SharedFrom.commit(in: Array(appended(message).utf8), remote: remote) == id)
      #expect(SharedFrom.commit(in: Array(appended(message).utf8), remote: "file:///srv/bob.git") == nil)
    }
    // Only the last line counts: one quoted in a message is not the journal's.
    #expect(SharedFrom.commit(in: Array((line + "\nmore\n").utf8), remote: remote) == nil)
  }

  /// The lines a conflict is named by, when the notes hold lines that look like conflict
  /// markers themselves: the merge is asked for longer markers, so only its own are read.
  @Test func conflictsAreNamedByTheirLinesWhateverTheNotesHold() throws {
    let folder = try TemporaryFolder()
    let repository = try Repository.create(at: folder.path + "/repository")
    func tree(_ text: String) throws -> ObjectID {
      try repository.writeTree([TreeEntry(name: "note.md", id: try repository.writeBlob(Array(text.utf8)), kind: .file)])
    }
    let base = "one\n<<<<<<< not a marker\n=======\n>>>>>>> nor this\ntwo\nthree\nfour\n"
    let ours = base.replacingOccurrences(of: "two\n", with: "two, ours\nand more\n")
    let theirs = base.replacingOccurrences(of: "two\n", with: "two, theirs\n")
    let result = try repository.mergeTrees(ancestor: try tree(base), ours: try tree(ours), theirs: try tree(theirs))
    guard case .conflicts(let conflicts) = result else {
      Issue.record("no conflict: \(result)")
      return
    }
    #expect(conflicts.map(\.path) == ["note.md"])
    #expect(conflicts.first?.hunks.map { [$0.ours, $0.theirs] } == [[5..<7, 5..<6]])
    // Changes apart merge.
    let apart = base.replacingOccurrences(of: "four\n", with: "four, theirs\n")
    guard case .merged(let merged) = try repository.mergeTrees(ancestor: try tree(base), ours: try tree(ours), theirs: try tree(apart)) else {
      Issue.record("changes apart did not merge")
      return
    }
    let entry = try #require(try repository.treeEntry("note.md", in: merged))
    #expect(String(decoding: try repository.blobContent(entry.id), as: UTF8.self) == ours.replacingOccurrences(of: "four\n", with: "four, theirs\n"))
  }

  /// One redaction for every message: the user information of any URL in it (all of it over
  /// HTTP, where a token may stand in the user's place; the password over SSH), and the
  /// secrets themselves wherever they appear.
  @Test func oneRedactionHidesEverySecret() throws {
    let url = try RemoteURL("https://sam:pa%73s-word@git.example.com/sam/x.git")
    let redaction = Redaction(urlText: url.text, token: "tok-12345", passphrase: "phrase-678")
    #expect(
      redaction.apply("malformed URL 'https://sam:pass-word@git.example.com/sam/x.git'")
        == "malformed URL 'https://***@git.example.com/sam/x.git'")
    #expect(redaction.apply("https://TOKEN@host/x and http://u:p@h:8080/y") == "https://***@host/x and http://***@h:8080/y")
    #expect(redaction.apply("ssh://git:hunter22@host/x, ssh://git@host/y") == "ssh://git:***@host/x, ssh://git@host/y")
    #expect(redaction.apply("sent tok-12345 and pass-word and pa%73s-word, not phrase-678") == "sent *** and *** and ***, not ***")
    #expect(redaction.apply("git@host:sam/x.git, /srv/a@b.git, https://host/a@b") == "git@host:sam/x.git, /srv/a@b.git, https://***@b")
    #expect(redaction.apply("nothing here") == "nothing here")
    // The scalars around a URL are not taken apart, whatever they combine with.
    #expect(redaction.apply("«https://u:p@h/x»\u{301}") == "«https://***@h/x»\u{301}")
  }

  @Test func theTokenGoesOnlyToTheHostTheURLNames() throws {
    let access = RemoteAccess(environment: ["HOME": "/nonexistent", "JOURNAL_TOKEN": "t0ken", "USER": "sam"])
    let callbacks = access.callbacks(for: try RemoteURL("https://git.example.com/sam/feedback.git"))
    func request(_ url: String) -> CredentialRequest {
      CredentialRequest(url: url, userFromURL: nil, allowsSSHKey: false, allowsUserPassword: true, allowsUserName: false)
    }
    // Redirected elsewhere, or to the same host on another port or scheme: refused, the token
    // never handed over.
    for elsewhere in [
      "https://evil.example.net/sam/feedback.git", "https://git.example.com:8443/sam/feedback.git",
      "http://git.example.com/sam/feedback.git",
    ] {
      #expect(throws: JournalError.self) { try callbacks.credential(request(elsewhere)) }
    }
    guard case .userPassword(let user, let password)? = try callbacks.credential(request("https://GIT.example.com:443/sam/feedback.git"))
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
    let text = SharedConfig.text(JournalConfig(title: "Team notes", rules: [
      "late-feedback": RuleSetting(parameters: ["max-days": .number(9), "bogus": .number(1)]),
      "vague-feedback": RuleSetting(level: .error, parameters: ["phrases": .list(["rock \"star\"", "a\\b"])]),
      "retention": RuleSetting(level: .off),
      "no-such-rule": RuleSetting(level: .error),
    ]))
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
    let odd = SharedConfig.text(JournalConfig(rules: ["vague-feedback": RuleSetting(parameters: ["phrases": .list([awkward])])]))
    let read = DocumentParser.parse(Array(odd.utf8), path: "journal.yml", sections: .standard)
    guard case .config(let config)? = read.document else {
      Issue.record("journal.yml not read: \(read.diagnostics)")
      return
    }
    #expect(config.rules["vague-feedback"]?.parameters["phrases"] == .list([awkward]))
    #expect(read.diagnostics.map(\.message) == ["`phrases` holds the control character U+007F"])
  }

  /// The headings journal.yml adds go with the shared notes, in the same bytes for the same
  /// headings, and journal reads them back to the same names, whatever they hold.
  @Test func sharedSettingsKeepTheAddedHeadings() {
    let sections = SectionNames(added: [
      ("Homework", .actions), ("Kudos: \"great\" work #1", .strengths), ("Agreed  steps", .actions),
      ("back\\slash", .dialogue),
    ])
    let text = SharedConfig.text(JournalConfig(sections: sections))
    #expect(
      text == """
        # One person's notes, shared from a mentor's journal with `journal share`.
        sections:
          strengths: ["kudos: \\"great\\" work #1"]
          dialogue: ["back\\\\slash"]
          actions: ["homework", "agreed steps"]

        """)
    func added(_ names: SectionNames?) -> Set<String> {
      Set((names?.names ?? []).filter(\.isConfigured).map { "\($0.part) \($0.text)" })
    }
    #expect(added(DocumentParserProbe.config(text)?.sections) == added(sections))
    #expect(added(sections).count == 4)
    // A journal that adds none writes no `sections:`.
    #expect(!SharedConfig.text(JournalConfig()).contains("sections"))
  }

  /// The rubrics the shared notes name go with them, and no other: in the same bytes for the
  /// same rubrics, every text through JSON's string form, and journal's reader gives back
  /// the very rubrics, whatever their texts hold.
  @Test func sharedSettingsCarryTheNamedRubricsAlone() throws {
    let awkward = Rubric(
      name: "null", title: "Backend \"core\" #1: a\\b",
      categories: [
        Rubric.Category(id: "no", title: "  leading, trailing  ", good: "tab\there, é, \"quoted\""),
        Rubric.Category(id: "1", title: "- not a list"),
      ],
      scale: [Rubric.Point(value: 10, label: "yes"), Rubric.Point(value: 2, label: "~")])
    let plain = Rubric(
      name: "backend", categories: [Rubric.Category(id: "design", title: "System design")],
      scale: [Rubric.Point(value: 1, label: "No"), Rubric.Point(value: 2, label: "Yes")])
    let other = Rubric(
      name: "staff", categories: [Rubric.Category(id: "strategy", title: "Strategy")],
      scale: [Rubric.Point(value: 1, label: "No"), Rubric.Point(value: 2, label: "Yes")])
    let config = JournalConfig(title: "Hiring", rubrics: [other, plain, awkward])
    let text = SharedConfig.text(config, rubrics: ["null", "backend", "not-defined"])
    #expect(
      text == """
        # One person's notes, shared from a mentor's journal with `journal share`.
        rubrics:
          backend:
            scale:
              1: "No"
              2: "Yes"
            categories:
              - id: "design"
                title: "System design"
          null:
            title: "Backend \\"core\\" #1: a\\\\b"
            scale:
              2: "~"
              10: "yes"
            categories:
              - id: "no"
                title: "  leading, trailing  "
                good: "tab\\there, é, \\"quoted\\""
              - id: "1"
                title: "- not a list"

        """, "\(text)")
    func shape(_ rubric: Rubric) -> String {
      let categories = rubric.categories.map { "\($0.id)|\($0.title)|\($0.good ?? "-")" }
      return "\(rubric.name)|\(rubric.title ?? "-")|\(rubric.scaleDescription)|\(categories)"
    }
    let read = try #require(DocumentParserProbe.config(text))
    #expect(read.rubrics.map(shape) == [plain, awkward].map(shape))
    // None named, none written; the rest of the file as before.
    #expect(SharedConfig.text(config) == "# One person's notes, shared from a mentor's journal with `journal share`.\n")
    #expect(SharedConfig.text(config, rubrics: ["staff"]).contains("  staff:\n"))
  }
}

import JournalParsing

enum DocumentParserProbe {
  static func config(_ text: String) -> JournalConfig? {
    let parsed = DocumentParser.parse(Array(text.utf8), path: "journal.yml", sections: .standard)
    guard case .config(let config)? = parsed.document, parsed.diagnostics.isEmpty else { return nil }
    return config
  }
}
