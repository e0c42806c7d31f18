import Foundation
import Testing

/// `journal share` over `ssh://` to a real `sshd`, started by the test on 127.0.0.1 with a
/// throw-away host key and one authorised client key. `scripts/test` installs
/// `openssh-server` and sets `JOURNAL_REQUIRE_SSHD`, so there these tests cannot skip.
@Suite(.enabled(if: SSHServer.available, "needs /usr/sbin/sshd (openssh-server)"))
struct SSHShareTests {
  @Test func sharesOverSSHWithAKeyFileAndKnownHosts() throws {
    let server = try SSHServer()
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository()
    let url = server.url(remote.path)
    let run = try repository.journal(
      ["share", "alice", "--to", url, "--ssh-key", server.clientKey, "--known-hosts", server.knownHosts],
      environment: [:])
    #expect(run.status == 0, "\(run.stderr)\n\(server.log)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "3\n")
    let first = try remote.git("rev-list", "main")

    // Again after a new session, with the key named by the environment and the host listed
    // under its hashed name, as Debian's ssh writes known_hosts: a fast-forward.
    try repository.write(["mentees/alice/sessions/2026-10-15.md": ShareTests.session(on: "2026-10-15")])
    try repository.commit("Alice again", author: "Hannah Reyes", at: "2026-10-15T12:00:00+00:00")
    let hashed = try server.hashedKnownHosts()
    let again = try repository.journal(
      ["share", "alice", "--to", url, "--known-hosts", hashed], environment: ["JOURNAL_SSH_KEY": server.clientKey])
    #expect(again.status == 0, "\(again.stderr)\n\(server.log)")
    #expect(try remote.git("rev-list", "main").hasSuffix(first))
    #expect(try remote.git("rev-list", "--count", "main") == "4\n")
  }

  /// An empty repository made by `git init --bare`, whose HEAD names `master`, does not say
  /// so over SSH (libgit2 speaks version 1 of git's protocol): the share goes to main and
  /// then says, in one line, that a clone checks out no files until HEAD names main.
  @Test func anEmptyRemoteWhoseHeadNamesMasterIsWarnedAboutOverSSH() throws {
    let server = try SSHServer()
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository(defaultBranch: "master")
    let url = server.url(remote.path)
    let run = try repository.journal(
      ["share", "alice", "--to", url, "--ssh-key", server.clientKey, "--known-hosts", server.knownHosts],
      environment: [:])
    #expect(run.status == 0, "\(run.stderr)\n\(server.log)")
    #expect(run.stdout.contains(" main: 3 commits pushed"), "\(run.stdout)")
    #expect(
      run.stderr
        == "journal: warning: shared to main, but the HEAD of \(url) names a branch it does not have (an empty repository made with git init --bare names master), so a clone of it checks out no files; make main its default branch: git symbolic-ref HEAD refs/heads/main in that repository, or the hosting service's settings\n",
      "\(run.stderr)")
  }

  /// The round trip over SSH: the person's commits are fetched through the same host-key
  /// check and key as the push, and the push is a fast-forward of them.
  @Test func takesThePersonsCommitsInOverSSH() throws {
    let server = try SSHServer()
    let (repository, remote) = try TwoWayShareTests.sharedJournal()
    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") {
      $0.replacingOccurrences(of: "go?\n", with: "go?\n\(TwoWayShareTests.reply)\n")
    }
    let pushed = try alice.commitAndPush("Reply", at: "2026-10-09T10:00:00+00:00")
    let arguments = ["share", "alice", "--to", server.url(remote.path), "--ssh-key", server.clientKey]
    // The host key is checked before anything is fetched.
    let empty = server.folder.path + "/empty_known_hosts"
    try Data().write(to: URL(fileURLWithPath: empty))
    let before = [try repository.git("for-each-ref"), try repository.git("count-objects", "-v")]
    let unknown = try repository.journal(arguments + ["--known-hosts", empty], environment: [:])
    #expect(unknown.status == 2 && unknown.stderr.contains("is not in known_hosts"), "\(unknown.stderr)")
    #expect([try repository.git("for-each-ref"), try repository.git("count-objects", "-v")] == before)

    let run = try repository.journal(arguments + ["--known-hosts", server.knownHosts], environment: [:])
    #expect(run.status == 0, "\(run.stderr)\n\(server.log)")
    #expect(run.stdout.contains("took in 1 commit of alice's from \(server.url(remote.path)) main:"), "\(run.stdout)")
    #expect(try repository.git("log", "-1", "--format=%an", "HEAD^2") == "Alice Kim\n")
    #expect(try repository.git("log", "-1", "--format=%B", "HEAD^2").contains("Shared-from: ssh://127.0.0.1:\(server.port)\(remote.path) \(pushed)"))
    #expect(try remote.git("merge-base", "--is-ancestor", pushed, "main").isEmpty)
    #expect(try alice.git("pull", "-q", "--ff-only").isEmpty)
    let again = try repository.journal(arguments + ["--known-hosts", server.knownHosts], environment: [:])
    #expect(again.stdout.contains(": nothing to push, already at "), "\(again.stdout)\(again.stderr)")
  }

  /// A candidate's scorecards shared over SSH: the shared journal.yml carries their rubric, and
  /// what they send back is checked against it.
  @Test func sharesAScorecardsRubricOverSSH() throws {
    let server = try SSHServer()
    let repository = try ShareScorecardTests.candidates()
    let remote = try BareRepository()
    let arguments = [
      "share", "carla", "--to", server.url(remote.path), "--ssh-key", server.clientKey, "--known-hosts", server.knownHosts,
    ]
    let run = try repository.journal(arguments, environment: [:])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)\n\(server.log)")
    let shared = try remote.git("show", "main:journal.yml")
    #expect(ShareScorecardTests.rubrics(shared)?.map { $0.prefix(8) } == ["backend|"], "\(shared)")

    let carla = try PersonClone(remote.path, name: "Carla Diaz", email: "carla@example.net")
    try carla.edit("mentees/carla/sessions/2026-11-13.md") { $0.replacingOccurrences(of: "design: 3", with: "design: 0") }
    try carla.commitAndPush("Rate myself", at: "2026-11-14T09:00:00+00:00")
    let refused = try repository.journal(arguments, environment: [:])
    #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
    #expect(
      (refused.stdout + refused.stderr).contains("rating 0 for `design` is not on the scale of rubric `backend`"),
      "\(refused.stdout)\(refused.stderr)")
  }

  @Test func anUnknownHostKeyIsNeverAccepted() throws {
    let server = try SSHServer()
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository()
    let empty = server.folder.path + "/empty_known_hosts"
    try Data().write(to: URL(fileURLWithPath: empty))
    let before = try repository.git("for-each-ref")
    let arguments = ["share", "alice", "--to", server.url(remote.path), "--ssh-key", server.clientKey]

    let unknown = try repository.journal(arguments + ["--known-hosts", empty], environment: [:])
    #expect(unknown.status == 2)
    #expect(
      unknown.stderr.hasPrefix("journal: the host key of 127.0.0.1 is not in known_hosts (ssh-ed25519 \(server.fingerprint))"),
      "\(unknown.stderr)")
    #expect(unknown.stderr.split(separator: "\n").count == 1)
    #expect(try remote.git("for-each-ref").isEmpty)
    #expect(try repository.git("for-each-ref") == before)

    // known_hosts lists another key for this host and port.
    let changed = try repository.journal(arguments + ["--known-hosts", try server.knownHostsWithAnotherKey()], environment: [:])
    #expect(changed.status == 2)
    #expect(changed.stderr.contains("the host key of 127.0.0.1 has changed"), "\(changed.stderr)")

    // A fingerprint passed explicitly: the wrong one is refused, the right one trusted.
    let wrong = try repository.journal(
      arguments + ["--known-hosts", empty, "--host-key", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
      environment: [:])
    #expect(wrong.status == 2 && wrong.stderr.contains("not the SHA256:AAAA"), "\(wrong.stderr)")
    #expect(try remote.git("for-each-ref").isEmpty)
    let right = try repository.journal(
      arguments + ["--known-hosts", empty, "--host-key", server.fingerprint], environment: [:])
    #expect(right.status == 0, "\(right.stderr)\n\(server.log)")
    #expect(try remote.git("rev-list", "--count", "main") == "3\n")
  }

  @Test func aKeyTheServerDoesNotKnowFailsCleanly() throws {
    let server = try SSHServer()
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository()
    let before = try repository.git("for-each-ref")
    let run = try repository.journal(
      ["share", "alice", "--to", server.url(remote.path), "--ssh-key", server.otherKey, "--known-hosts", server.knownHosts],
      environment: [:])
    #expect(run.status == 2)
    #expect(run.stderr.contains("authentication failed"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(try repository.git("for-each-ref") == before)
    #expect(try remote.git("for-each-ref").isEmpty)
  }

  @Test func usesTheKeysOfSSHAgent() throws {
    let server = try SSHServer()
    let agent = try SSHAgent(folder: server.folder, key: server.clientKey)
    defer { agent.stop() }
    let repository = try ShareTests.journalWithHistory()
    let remote = try BareRepository()
    let run = try repository.journal(
      ["share", "alice", "--to", server.url(remote.path), "--known-hosts", server.knownHosts],
      environment: ["SSH_AUTH_SOCK": agent.socket])
    #expect(run.status == 0, "\(run.stderr)\n\(server.log)")
    #expect(try remote.git("rev-list", "--count", "main") == "3\n")
  }
}

/// A real `sshd` on 127.0.0.1 and a free port, serving git over SSH for the current user.
final class SSHServer {
  static var available: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
      || ProcessInfo.processInfo.environment["JOURNAL_REQUIRE_SSHD"] != nil
  }

  let folder: TemporaryFolder
  let port: Int
  var clientKey: String { folder.path + "/client_key" }
  var otherKey: String { folder.path + "/other_key" }
  var knownHosts: String { folder.path + "/known_hosts" }
  let fingerprint: String
  private let hostKeyLine: String

  init() throws {
    folder = try TemporaryFolder()
    for name in ["host_key", "client_key", "other_key", "another_host_key"] {
      let run = try runProgram("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", folder.path + "/" + name])
      guard run.status == 0 else { throw SetupFailure(what: "ssh-keygen: \(run.stderr)") }
    }
    try FileManager.default.copyItem(atPath: folder.path + "/client_key.pub", toPath: folder.path + "/authorized_keys")
    let publicKey = try String(contentsOfFile: folder.path + "/host_key.pub", encoding: .utf8)
    hostKeyLine = publicKey.split(separator: " ").prefix(2).joined(separator: " ")
    let listing = try runProgram("/usr/bin/ssh-keygen", ["-l", "-E", "sha256", "-f", folder.path + "/host_key.pub"])
    fingerprint = String(listing.stdout.split(separator: " ")[1])
    if getuid() == 0 { try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }

    // sshd runs as a daemon of its own, not as a child this process waits on: Foundation's
    // Process watches every child it started with a blocking wait, which a server that never
    // exits would stall.
    var started: Int?
    for _ in 0..<5 where started == nil {
      let port = try closedPort()
      let config = """
        ListenAddress 127.0.0.1
        Port \(port)
        HostKey \(folder.path)/host_key
        AuthorizedKeysFile \(folder.path)/authorized_keys
        PidFile \(folder.path)/sshd.pid
        StrictModes no
        UsePAM no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PubkeyAuthentication yes
        PermitRootLogin prohibit-password
        LogLevel VERBOSE
        """
      try Data(config.utf8).write(to: URL(fileURLWithPath: folder.path + "/sshd_config"))
      let run = try runProgram(
        "/usr/sbin/sshd", ["-f", folder.path + "/sshd_config", "-E", folder.path + "/sshd.log"])
      guard run.status == 0 else { continue }
      for _ in 0..<100 {
        if canConnect(port) {
          started = port
          break
        }
        usleep(50_000)
      }
      if started == nil { Self.stopDaemon(folder.path) }
    }
    guard let port = started else {
      throw SetupFailure(what: "sshd did not start: \((try? String(contentsOfFile: folder.path + "/sshd.log", encoding: .utf8)) ?? "")")
    }
    self.port = port
    try Data("[127.0.0.1]:\(port) \(hostKeyLine)\n".utf8).write(to: URL(fileURLWithPath: knownHosts))
  }

  deinit { Self.stopDaemon(folder.path) }

  private static func stopDaemon(_ folder: String) {
    guard let text = try? String(contentsOfFile: folder + "/sshd.pid", encoding: .utf8),
      let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return }
    kill(pid, SIGTERM)
    try? FileManager.default.removeItem(atPath: folder + "/sshd.pid")
  }

  func url(_ path: String) -> String { "ssh://\(NSUserName())@127.0.0.1:\(port)\(path)" }

  var log: String { (try? String(contentsOfFile: folder.path + "/sshd.log", encoding: .utf8)) ?? "" }

  /// The same entry, its host name hashed by `ssh-keygen -H`.
  func hashedKnownHosts() throws -> String {
    let path = folder.path + "/known_hosts_hashed"
    try FileManager.default.copyItem(atPath: knownHosts, toPath: path)
    let run = try runProgram("/usr/bin/ssh-keygen", ["-q", "-H", "-f", path])
    guard run.status == 0 else { throw SetupFailure(what: "ssh-keygen -H: \(run.stderr)") }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard text.hasPrefix("|1|") else { throw SetupFailure(what: "not hashed: \(text)") }
    return path
  }

  /// known_hosts with a different key for this host and port.
  func knownHostsWithAnotherKey() throws -> String {
    let other = try String(contentsOfFile: folder.path + "/another_host_key.pub", encoding: .utf8)
    let path = folder.path + "/known_hosts_changed"
    let line = "[127.0.0.1]:\(port) " + other.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
    try Data(line.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  struct SetupFailure: Error {
    let what: String
  }
}

/// An `ssh-agent` holding one key.
final class SSHAgent {
  let socket: String
  let pid: String

  init(folder: TemporaryFolder, key: String) throws {
    socket = folder.path + "/agent.sock"
    let run = try runProgram("/usr/bin/ssh-agent", ["-a", socket, "-s"])
    guard run.status == 0, let range = run.stdout.range(of: "SSH_AGENT_PID=") else {
      throw SSHServer.SetupFailure(what: "ssh-agent: \(run.stderr)")
    }
    pid = String(run.stdout[range.upperBound...].prefix { $0.isNumber })
    let add = try runProgram("/usr/bin/ssh-add", ["-q", key], environment: ["SSH_AUTH_SOCK": socket])
    guard add.status == 0 else { throw SSHServer.SetupFailure(what: "ssh-add: \(add.stderr)") }
  }

  func stop() { if let pid = Int32(pid) { kill(pid, SIGTERM) } }
}

func canConnect(_ port: Int) -> Bool {
  let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(socket) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = UInt16(port).bigEndian
  return withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
    }
  }
}
