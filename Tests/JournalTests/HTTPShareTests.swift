import Foundation
import Testing

/// `journal share` over HTTP to `git http-backend` behind a small server that wants a token
/// (`Fixtures/http/git-http-server.py`), on 127.0.0.1: the token is sent, once, and only to the
/// host the URL names.
@Suite struct HTTPShareTests {
  @Test func pushesWithTheTokenAndOnlyToTheNamedHost() throws {
    let remote = try BareRepository()
    let repository = try ShareTests.journalWithHistory()
    let served = try GitHTTPServer(token: "t0ken", root: remote.folder.path)
    let sharedURL = "http://127.0.0.1:\(served.port)/shared.git"

    let missing = try repository.journal(["share", "alice", "--to", sharedURL], environment: [:])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("put an access token in JOURNAL_TOKEN"), "\(missing.stderr)")

    let wrong = try repository.journal(["share", "alice", "--to", sharedURL], environment: ["JOURNAL_TOKEN": "wrong"])
    #expect(wrong.status == 2)
    #expect(wrong.stderr.contains("refused the token in JOURNAL_TOKEN"), "\(wrong.stderr)")
    // Sent once, not again and again.
    #expect(served.requests.filter { $0 != "-" }.count == 1)

    let right = try repository.journal(["share", "alice", "--to", sharedURL], environment: ["JOURNAL_TOKEN": "t0ken"])
    #expect(right.status == 0, "\(right.stderr)")
    #expect(right.stderr.isEmpty, "\(right.stderr)")
    #expect(try remote.git("rev-list", "--count", "main") == "3\n")

    // A server that sends journal to another host name gets nothing from it.
    let redirecting = try GitHTTPServer(token: "", root: remote.folder.path, redirect: "http://localhost:\(served.port)")
    let before = served.requests.count
    let redirected = try repository.journal(
      ["share", "alice", "--to", "http://127.0.0.1:\(redirecting.port)/shared.git"], environment: ["JOURNAL_TOKEN": "t0ken"])
    #expect(redirected.status == 2)
    #expect(
      redirected.stderr.contains(
        "http://localhost:\(served.port) asked for credentials, but the URL names http://127.0.0.1:\(redirecting.port)"),
      "\(redirected.stderr)")
    #expect(served.requests.count > before, "the redirect was followed")
    #expect(served.requests.dropFirst(before).allSatisfy { $0 == "-" }, "the token never went to localhost")
    #expect(redirecting.requests.allSatisfy { $0 == "-" })
  }
}

extension HTTPShareTests {
  /// The round trip over HTTP: the person's commits are fetched with the same token, and
  /// the push on top of them is a fast-forward.
  @Test func takesThePersonsCommitsInOverHTTP() throws {
    let (repository, remote) = try TwoWayShareTests.sharedJournal()
    let served = try GitHTTPServer(token: "t0ken", root: remote.folder.path)
    let url = "http://127.0.0.1:\(served.port)/shared.git"
    let alice = try PersonClone(remote.path)
    try alice.edit("mentees/alice/sessions/2026-10-08.md") {
      $0.replacingOccurrences(of: "go?\n", with: "go?\n\(TwoWayShareTests.reply)\n")
    }
    let pushed = try alice.commitAndPush("Reply", at: "2026-10-09T10:00:00+00:00")
    let run = try repository.journal(["share", "alice", "--to", url], environment: ["JOURNAL_TOKEN": "t0ken"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("took in 1 commit of alice's from \(url) main:"), "\(run.stdout)")
    #expect(try remote.git("merge-base", "--is-ancestor", pushed, "main").isEmpty)
    #expect(try repository.git("show", "HEAD:mentees/alice/sessions/2026-10-08.md").contains(TwoWayShareTests.reply))
  }

  /// Over the network the server's git takes the branch's lock: a lock a stopped push left
  /// there is its refusal, passed on in one line, with nothing changed.
  @Test func aLockOnTheServersBranchIsItsRefusal() throws {
    let remote = try BareRepository()
    let repository = try ShareTests.journalWithHistory()
    let served = try GitHTTPServer(token: "t0ken", root: remote.folder.path)
    let url = "http://127.0.0.1:\(served.port)/shared.git"
    #expect(try repository.journal(["share", "alice", "--to", url], environment: ["JOURNAL_TOKEN": "t0ken"]).status == 0)
    FileManager.default.createFile(atPath: remote.path + "/refs/heads/main.lock", contents: Data())
    try repository.write(["mentees/alice/sessions/2026-10-08.md": ShareTests.session(on: "2026-10-08")])
    try repository.commit("Alice, third session", author: "Hannah Reyes", at: "2026-10-08T12:00:00+00:00")
    let shared = try remote.git("rev-parse", "main")
    let run = try repository.journal(["share", "alice", "--to", url], environment: ["JOURNAL_TOKEN": "t0ken"])
    #expect(run.status == 2)
    #expect(run.stderr == "journal: \(url) refused the push to main: failed to update ref\n", "\(run.stderr)")
    #expect(try remote.git("rev-parse", "main") == shared)
  }

  /// Over the network, libgit2 cannot learn which branch an empty remote's HEAD names. The
  /// share goes to main, and then, seeing that HEAD names no branch the remote has, says so.
  @Test func warnsWhenAnEmptyRemotesHeadNamesAnotherBranch() throws {
    let remote = try BareRepository(defaultBranch: "master")
    let repository = try ShareTests.journalWithHistory()
    let served = try GitHTTPServer(token: "t0ken", root: remote.folder.path)
    let url = "http://127.0.0.1:\(served.port)/shared.git"
    let run = try repository.journal(["share", "alice", "--to", url], environment: ["JOURNAL_TOKEN": "t0ken"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(" main: 3 commits pushed"), "\(run.stdout)")
    #expect(
      run.stderr
        == "journal: warning: shared to main, but the HEAD of \(url) names a branch it does not have (an empty repository made with git init --bare names master), so a clone of it checks out no files; make main its default branch: git symbolic-ref HEAD refs/heads/main in that repository, or the hosting service's settings\n",
      "\(run.stderr)")
    // git is the oracle for what a clone checks out.
    let cloned = try remote.cloneWithGit()
    #expect(cloned.stderr.contains("remote HEAD refers to nonexistent ref, unable to checkout"), "\(cloned.stderr)")
    #expect(cloned.names == [".git"])

    // Once HEAD names main, nothing to warn about.
    try remote.git("symbolic-ref", "HEAD", "refs/heads/main")
    try repository.write(["mentees/alice/sessions/2026-10-15.md": ShareTests.session(on: "2026-10-15")])
    try repository.commit("Alice again", author: "Hannah Reyes", at: "2026-10-15T12:00:00+00:00")
    let again = try repository.journal(["share", "alice", "--to", url], environment: ["JOURNAL_TOKEN": "t0ken"])
    #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")

    // A remote with branches but a HEAD that names none of them does not say where to push:
    // refused, with what to pass.
    let other = try BareRepository(defaultBranch: "master")
    try other.git("fetch", "-q", remote.path, "main:refs/heads/elsewhere")
    let otherServed = try GitHTTPServer(token: "t0ken", root: other.folder.path)
    let refused = try repository.journal(
      ["share", "alice", "--to", "http://127.0.0.1:\(otherServed.port)/shared.git"], environment: ["JOURNAL_TOKEN": "t0ken"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("pass --branch"), "\(refused.stderr)")
    #expect(try other.git("for-each-ref", "--format=%(refname)") == "refs/heads/elsewhere\n")
  }
}

extension HTTPShareTests {
  /// A redirect to the same host on another port is another server: the token stays home.
  @Test func theTokenGoesOnlyToTheSameSchemeHostAndPort() throws {
    let remote = try BareRepository()
    let repository = try ShareTests.journalWithHistory()
    let served = try GitHTTPServer(token: "t0ken", root: remote.folder.path)
    let redirecting = try GitHTTPServer(token: "", root: remote.folder.path, redirect: "http://127.0.0.1:\(served.port)")
    let run = try repository.journal(
      ["share", "alice", "--to", "http://127.0.0.1:\(redirecting.port)/shared.git"], environment: ["JOURNAL_TOKEN": "t0ken"])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "http://127.0.0.1:\(served.port) asked for credentials, but the URL names http://127.0.0.1:\(redirecting.port)"),
      "\(run.stderr)")
    #expect(!served.requests.isEmpty, "the redirect was followed")
    #expect(served.requests.allSatisfy { $0 == "-" }, "the token went to another port")
    #expect(try remote.git("for-each-ref").isEmpty)
  }

  /// A password or token written into the URL, or given in JOURNAL_TOKEN, is never printed:
  /// not in journal's own messages, not in libgit2's, not on success.
  @Test func secretsAreNeverPrinted() throws {
    let remote = try BareRepository()
    let repository = try ShareTests.journalWithHistory()
    let served = try GitHTTPServer(token: "zqs-t0ken", root: remote.folder.path)
    let closed = try closedPort()
    var runs: [Run] = []
    for url in [
      "https://sam:zqs-password@[bad/x.git",  // libgit2: malformed URL '…'
      "https://sam:zqs-password@@127.0.0.1:\(closed)/x.git",
      "https://sam:zqs-password@git.example.com:99999/x.git",  // journal: the port is not a number
      "https://zqs-bare-token@127.0.0.1:\(closed)/x.git",  // a token as the user, unreachable
      "http://x-access-token:zqs-t0ken@127.0.0.1:\(served.port)/shared.git",  // accepted
      "http://x-access-token:zqs-t0ken@127.0.0.1:\(served.port)/shared.git",  // again: nothing to push
      "http://zqs-bare-token@127.0.0.1:\(served.port)/shared.git",  // refused by the server
    ] {
      runs.append(try repository.journal(["share", "alice", "--to", url], environment: ["JOURNAL_TOKEN": "zqs-env-token"]))
    }
    #expect(runs.map(\.status) == [2, 2, 2, 2, 0, 0, 2], "\(runs.map(\.stderr))")
    for run in runs {
      #expect(!(run.stdout + run.stderr).contains("zqs"), "a secret was printed: \(run.stdout)\(run.stderr)")
      #expect(run.stderr.split(separator: "\n").count <= 1, "\(run.stderr)")
    }
    #expect(runs[4].stdout.contains("shared alice to http://***@127.0.0.1:\(served.port)/shared.git main: 3 commits pushed"), "\(runs[4].stdout)")
    #expect(runs[0].stderr.hasPrefix("journal: cannot fetch from https://***@[bad/x.git: "), "\(runs[0].stderr)")
    // Nor is one sent or kept: the receiving repository and the record hold none.
    #expect(!(try allObjectsAndReferences(remote.path)).contains("zqs"))
    #expect(!(try allObjectsAndReferences(remote.path)).lowercased().contains("bob"))
    #expect(!(try repository.git("log", "--format=%B", "--all")).contains("zqs"))
    #expect(!(try repository.git("for-each-ref")).contains("zqs"))
  }
}

/// `Fixtures/http/git-http-server.py`, running until the test ends.
final class GitHTTPServer {
  let folder: TemporaryFolder
  let pid: pid_t
  let port: Int

  init(token: String, root: String? = nil, redirect: String? = nil) throws {
    folder = try TemporaryFolder()
    let script = packageRoot.appendingPathComponent("Tests/JournalTests/Fixtures/http/git-http-server.py").path
    var arguments = [script, root ?? folder.path, folder.path + "/port", folder.path + "/log", "--token", token]
    if let redirect { arguments += ["--redirect", redirect] }
    pid = try startProgram(
      "/usr/bin/python3", arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1"],
      errors: folder.path + "/errors")
    var found: Int?
    for _ in 0..<200 where found == nil {
      found = (try? String(contentsOfFile: folder.path + "/port", encoding: .utf8)).flatMap { Int($0) }
      if found == nil { usleep(25_000) }
    }
    guard let found else {
      kill(pid, SIGTERM)
      throw SSHServer.SetupFailure(what: "the HTTP server did not start: \((try? String(contentsOfFile: folder.path + "/errors", encoding: .utf8)) ?? "")")
    }
    port = found
  }

  deinit {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
  }

  /// Each request's Authorization header, or "-" for none.
  var requests: [String] {
    ((try? String(contentsOfFile: folder.path + "/log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
  }
}
