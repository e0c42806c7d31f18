import Foundation
import Testing

/// Git is the oracle: for each repository setup, two copies made the same way, the same change
/// committed through `git add <file> && git commit` in one and `journal commit <file>` in the
/// other, then everything git can tell about them compared: commits (ids, so trees, modes,
/// identities, messages and dates alike), index entries and their flags, status, reflogs and
/// file permissions. `docs/git.md` lists the few deliberate differences.
@Suite struct DifferentialTests {
  static let note = "mentees/alice/sessions/2026-11-20.md"

  /// A repository made by `setup` on top of a first commit of the journal, made twice.
  struct Pair {
    let git: GitFixture
    let journal: GitFixture

    init(_ setup: (GitFixture) throws -> Void = { _ in }) throws {
      func make() throws -> GitFixture {
        let repo = try GitFixture()
        // Fixed dates and identity: the same change gives the same commit in both copies.
        repo.environment = [
          "GIT_AUTHOR_DATE": "@1764000000 +0100", "GIT_COMMITTER_DATE": "@1764000000 +0100",
        ]
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "journal: import")
        try setup(repo)
        return repo
      }
      git = try make()
      journal = try make()
    }

    /// Applies the same change to both copies.
    func change(_ body: (GitFixture) throws -> Void) throws {
      try body(git)
      try body(journal)
    }

    /// `git add <paths> && git commit -m <message>` in one copy, `journal commit -m <message>
    /// <paths>` in the other; returns both runs.
    @discardableResult
    func commit(
      _ paths: [String], message: String = "journal: session", gitOptions: [String] = [],
      journalOptions: [String] = [], environment: [String: String] = [:], umask: String? = nil
    ) throws -> (git: Run, journal: Run) {
      let quoted = paths.map(shellQuoted).joined(separator: " ")
      let gitRun = try shell(
        git, "git add -- \(quoted) && git commit -q \(gitOptions.map(shellQuoted).joined(separator: " ")) -m \(shellQuoted(message))",
        environment: environment, umask: umask)
      let journalRun = try shell(
        journal,
        ([journalBinary.path, "commit"] + journalOptions + ["-m", message, "--"] + paths).map(shellQuoted)
          .joined(separator: " "),
        environment: environment, umask: umask)
      return (gitRun, journalRun)
    }

    /// Runs a shell command in a copy, with the copy's environment.
    func shell(_ repo: GitFixture, _ command: String, environment: [String: String] = [:], umask: String? = nil) throws -> Run {
      let script = (umask.map { "umask \($0) && " } ?? "") + command
      return try runProgram(
        "/bin/sh", ["-c", script], in: repo.folder.url,
        environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C"]
          .merging(repo.environment) { _, new in new }.merging(environment) { _, new in new })
    }

    /// Writes the same session into both copies, commits it both ways, and compares.
    func commitSessionAndCompare(_ text: String = session, sourceLocation: SourceLocation = #_sourceLocation) throws {
      try change { try $0.write([DifferentialTests.note: text]) }
      let runs = try commit([DifferentialTests.note])
      #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.git.stderr)\(runs.journal.stderr)", sourceLocation: sourceLocation)
      try expectSame(sourceLocation: sourceLocation)
    }

    /// Everything git tells about both copies, compared side by side.
    func expectSame(permissions: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
      for (name, a, b) in try views(permissions: permissions) {
        #expect(a == b, "\(name) differs:\n--- git\n\(a)\n--- journal\n\(b)", sourceLocation: sourceLocation)
      }
    }

    func views(permissions: Bool) throws -> [(String, String, String)] {
      func indexVersion(_ repo: GitFixture) throws -> String { try DifferentialTests.indexVersion(repo) }
      func view(_ repo: GitFixture) throws -> [(String, String)] {
        // Permissions first: `git status` below may write the index again, with the test's umask.
        var views: [(String, String)] = permissions ? [("permissions", try permissionListing(repo.path + "/.git"))] : []
        views += [
          ("HEAD", try repo.git("rev-parse", "HEAD")),
          ("commit", try repo.git("cat-file", "-p", "HEAD")),
          ("tree", try repo.git("ls-tree", "-r", "--full-tree", "HEAD")),
          ("index", try repo.git("ls-files", "-s", "-t", "-v")),
          ("index flags", try repo.git("ls-files", "--debug").split(separator: "\n").filter { $0.contains("flags:") }.map { $0.split(separator: "flags:").last.map(String.init) ?? "" }.joined(separator: "\n")),
          ("index version", try indexVersion(repo)),
          ("status", try repo.git("status", "--porcelain=v2", "--untracked-files=all", "--ignored")),
          ("reflog of HEAD", try String(contentsOfFile: repo.path + "/.git/logs/HEAD", encoding: .utf8)),
          ("branch reflog", try repo.git("reflog", "show", "--format=%H %gs", "refs/heads/main")),
          ("fsck", try repo.git("fsck", "--strict", "--no-dangling")),
        ]
        return views
      }
      return zip(try view(git), try view(journal)).map { ($0.0, $0.1, $1.1) }
    }
  }

  /// The index file's version, from its header.
  static func indexVersion(_ repo: GitFixture) throws -> String {
    let header = try Data(contentsOf: URL(fileURLWithPath: repo.path + "/.git/index")).prefix(8)
    return String(header.suffix(4).reduce(0) { $0 << 8 | Int($1) })
  }

  /// `mode path` of every object, reference, reflog and the index under a `.git` folder.
  static func permissionListing(_ gitFolder: String) throws -> String {
    let run = try runProgram(
      "/usr/bin/find",
      [gitFolder, "(", "-path", "*/objects*", "-o", "-path", "*/refs*", "-o", "-path", "*/logs*", "-o", "-name", "index", ")",
       "-printf", "%m %P\n"])
    return run.stdout.split(separator: "\n").filter { !$0.hasSuffix(".lock") }.sorted().joined(separator: "\n")
  }

  /// One copy's state, to prove that a refusal changed nothing.
  static func snapshot(_ repo: GitFixture, status: Bool = true) throws -> String {
    let index = (try? Data(contentsOf: URL(fileURLWithPath: repo.path + "/.git/index"))) ?? Data()
    return try [
      repo.git("rev-parse", "HEAD"), repo.git("reflog", "--format=%H %gs"), repo.git("ls-files", "-s", "-t", "-v"),
      status ? repo.git("status", "--porcelain=v2", "--untracked-files=all") : "", index.base64EncodedString(),
    ].joined(separator: "\n")
  }

  // MARK: The matrix

  @Test func plainRepository() throws {
    let pair = try Pair()
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.git.stderr)\(runs.journal.stderr)")
    try pair.expectSame(permissions: true)
  }

  @Test func messageCleanedUpAsGitDoes() throws {
    let pair = try Pair()
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try pair.commit([Self.note], message: "\n\n  journal: session   \n\n\n\n# not a comment with -m\nbody\t \n\n")
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame()
  }

  @Test func emptyMessageIsRefused() throws {
    let pair = try Pair()
    try pair.change { try $0.write([Self.note: session]) }
    let before = try Self.snapshot(pair.journal)
    let runs = try pair.commit([Self.note], message: "  \n\n")
    #expect(runs.git.status != 0)
    #expect(runs.journal.status == 2)
    #expect(runs.journal.stderr == "journal: aborting commit due to empty commit message\n", "\(runs.journal.stderr)")
    #expect(try Self.snapshot(pair.journal) == before)
  }

  @Test func linkedWorktree() throws {
    let pair = try Pair { repo in try repo.git("worktree", "add", "-q", "-b", "other", "wt") }
    for repo in [pair.git, pair.journal] {
      try repo.write(["wt/" + Self.note: session])
    }
    let git = try runProgram(
      "/bin/sh", ["-c", "git add -- \(Self.note) && git commit -q -m 'journal: session'"],
      in: URL(fileURLWithPath: pair.git.path + "/wt"),
      environment: ["HOME": pair.git.home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"].merging(pair.git.environment) { _, new in new })
    let journal = try runJournal(
      ["commit", "-m", "journal: session", Self.note], in: pair.journal.path + "/wt",
      environment: ["HOME": pair.journal.home.path].merging(pair.journal.environment) { _, new in new })
    #expect(git.status == 0 && journal.status == 0, "\(git.stderr)\(journal.stderr)")
    for view in ["rev-parse other", "ls-files -s -t -v", "status --porcelain=v2", "reflog show --format=%H%gs other", "rev-parse main"] {
      let arguments = ["-C", "wt"] + view.split(separator: " ").map(String.init)
      #expect(try pair.git.git(arguments) == pair.journal.git(arguments), "\(view)")
    }
    #expect(try pair.journal.git("-C", "wt", "status", "--porcelain") == "")
  }

  /// "Racy git": a file rewritten with the same size in the second the index was written
  /// looks unchanged by its size and time; git, comparing whole seconds, smudges such an
  /// entry when it writes the index, so that status still reads the file. journal must too,
  /// or the change becomes invisible to git. (`core.trustctime=false` lets the test set the
  /// times; otherwise the change of ctime would give it away.)
  @Test func aRacilyCleanEntryStaysVisible() throws {
    let profile = "mentees/alice/profile.md"
    let pair = try Pair { repo in
      try repo.git("config", "core.trustctime", "false")
      try repo.git("update-index", "--refresh")
    }
    try pair.change { repo in
      // The profile was staged in the index's own second.
      #expect(try runProgram("/usr/bin/touch", ["-d", "@1764000000.1", repo.path + "/" + profile]).status == 0)
      try repo.git("update-index", "--refresh")
      #expect(try runProgram("/usr/bin/touch", ["-d", "@1764000000.5", repo.path + "/.git/index"]).status == 0)
      // Then rewritten with the same size, in that same second.
      try repo.write([profile: "---\nname: Alice Kim\nrelationship: mentee\n---\n", Self.note: session])
      #expect(try runProgram("/usr/bin/touch", ["-d", "@1764000000.3", repo.path + "/" + profile]).status == 0)
    }
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame()
    #expect(try pair.journal.git("status", "--porcelain", "--", profile) == " M \(profile)\n")
  }

  /// A racily clean entry whose file is unchanged, but which a filter configured since would
  /// store differently: git reads such a file again when it writes the index, finds that it
  /// differs, and smudges the entry, even though its stat data matches; journal must too.
  @Test func aRacilyCleanEntryReadThroughANewFilter() throws {
    let profile = "mentees/alice/profile.md"
    let pair = try Pair()
    try pair.change { repo in
      #expect(try runProgram("/usr/bin/touch", ["-d", "@1764000000.1", repo.path + "/" + profile]).status == 0)
      try repo.git("update-index", "--refresh")
      #expect(try runProgram("/usr/bin/touch", ["-d", "@1764000000.5", repo.path + "/.git/index"]).status == 0)
      try repo.write([".git/info/attributes": "\(profile) filter=redact\n", Self.note: session])
      try repo.git("config", "filter.redact.clean", "sed s/Alice/Redacted/")
    }
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame()
    #expect(try pair.journal.git("status", "--porcelain", "--", profile) == " M \(profile)\n")
  }

  @Test func sparseCheckoutOutsideTheCone() throws {
    let pair = try Pair { repo in
      try repo.write(["mentees/bob/profile.md": "---\nname: Bob Lee\nrelationship: report\n---\n"])
      try repo.git("add", "-A")
      try repo.git("commit", "-q", "-m", "bob")
      try repo.git("sparse-checkout", "set", "mentees/alice")
    }
    #expect(!FileManager.default.fileExists(atPath: pair.journal.path + "/mentees/bob/profile.md"))
    let before = try Self.snapshot(pair.journal)
    let runs = try pair.commit(["mentees/bob/profile.md"])
    #expect(runs.git.status != 0, "git add refuses a path outside the sparse checkout")
    #expect(runs.journal.status == 2, "\(runs.journal.stdout)\(runs.journal.stderr)")
    #expect(runs.journal.stderr.contains("outside the sparse-checkout"), "\(runs.journal.stderr)")
    #expect(try Self.snapshot(pair.journal) == before)
    // Inside the cone, a commit leaves the skip-worktree entries as they were.
    try pair.change { try $0.write([Self.note: session]) }
    let inside = try pair.commit([Self.note])
    #expect(inside.git.status == 0 && inside.journal.status == 0, "\(inside.journal.stderr)")
    try pair.expectSame()
    // The whole journal, too: a file the sparse checkout left out is not a deletion.
    try pair.change { try $0.write(["mentees/alice/plans/growth.md": "---\ntitle: Growth\n---\n"]) }
    let journal = try pair.journal.journal("commit", "--no-verify", "-m", "plan")
    #expect(journal.status == 0, "\(journal.stderr)")
    #expect(try pair.journal.git("show", "--name-status", "--format=", "HEAD") == "A\tmentees/alice/plans/growth.md\n")
  }

  /// A named path that matches no file, on disk or in the index, fails as `git add` fails
  /// ("pathspec '…' did not match any files"), naming it as it was typed, before anything is
  /// staged; a tracked file that is gone still matches, and its deletion is committed.
  @Test(arguments: [[Self.missing], [Self.note, Self.missing]]) func aPathThatMatchesNothing(_ paths: [String]) throws {
    let pair = try Pair()
    try pair.change { try $0.write([Self.note: session]) }
    let before = try Self.snapshot(pair.journal)
    let runs = try pair.commit(paths)
    #expect(runs.git.status != 0)
    #expect(runs.git.stderr == "fatal: pathspec '\(Self.missing)' did not match any files\n", "\(runs.git.stderr)")
    #expect(runs.journal.status == 2, "\(runs.journal.stdout)\(runs.journal.stderr)")
    #expect(runs.journal.stderr == "journal: pathspec '\(Self.missing)' did not match any files\n", "\(runs.journal.stderr)")
    #expect(try Self.snapshot(pair.journal) == before)
  }

  @Test func aPathThatMatchesNothingNamedFromASubfolder() throws {
    let pair = try Pair()
    try pair.change { try $0.write([Self.note: session]) }
    let git = try runProgram(
      "/bin/sh", ["-c", "git add -- sessions/nothing.md"], in: URL(fileURLWithPath: pair.git.path + "/mentees/alice"),
      environment: ["HOME": pair.git.home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"])
    let journal = try pair.journal.journal("commit", "sessions/nothing.md", in: "mentees/alice")
    #expect(git.stderr == "fatal: pathspec 'sessions/nothing.md' did not match any files\n", "\(git.stderr)")
    #expect(journal.status == 2)
    #expect(journal.stderr == "journal: pathspec 'sessions/nothing.md' did not match any files\n", "\(journal.stderr)")
  }

  @Test func aTrackedFileThatIsGoneStillMatches() throws {
    let pair = try Pair()
    try pair.change { repo in try FileManager.default.removeItem(atPath: repo.path + "/mentees/alice/profile.md") }
    let runs = try pair.commit(["mentees/alice/profile.md"])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame()
  }

  static let missing = "mentees/alice/sessions/2026-11-21.md"

  @Test func splitIndexIsRefused() throws {
    let pair = try Pair { repo in try repo.git("update-index", "--split-index") }
    try pair.change { try $0.write([Self.note: session]) }
    let before = try Self.snapshot(pair.journal)
    let run = try pair.journal.journal("commit", Self.note)
    #expect(run.status == 2)
    #expect(run.stderr.contains("split index"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(try Self.snapshot(pair.journal) == before)
  }

  @Test func indexVersion4() throws {
    let pair = try Pair { repo in try repo.git("update-index", "--index-version", "4") }
    try pair.commitSessionAndCompare()
    #expect(try Self.indexVersion(pair.journal) == "4")
  }

  @Test func fileModeFalse() throws {
    let pair = try Pair { repo in try repo.git("config", "core.fileMode", "false") }
    try pair.change { repo in
      try repo.write([Self.note: session, "mentees/alice/profile.md": "---\nname: Alice Kim\nrelationship: mentee\n---\n"])
      chmod(repo.path + "/" + Self.note, 0o755)
      chmod(repo.path + "/mentees/alice/profile.md", 0o755)
    }
    let runs = try pair.commit([Self.note, "mentees/alice/profile.md"])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame()
    #expect(try pair.journal.git("status", "--porcelain") == "")
  }

  @Test(arguments: ["true", "input"]) func autocrlf(_ setting: String) throws {
    let pair = try Pair { repo in try repo.git("config", "core.autocrlf", setting) }
    try pair.commitSessionAndCompare(session.replacingOccurrences(of: "\n", with: "\r\n"))
  }

  @Test func attributesEolAndIdent() throws {
    let pair = try Pair { repo in
      try repo.write([".gitattributes": "*.md text eol=crlf ident\n"])
      try repo.git("add", ".gitattributes")
      try repo.git("commit", "-q", "-m", "attributes")
    }
    try pair.commitSessionAndCompare(session.replacingOccurrences(of: "\n", with: "\r\n") + "$Id: abc $\r\n")
  }

  /// A redaction filter: what git stores is what the clean command writes.
  @Test func cleanFilter() throws {
    let pair = try Pair { repo in
      try repo.write([".gitattributes": "mentees/** filter=redact\n"])
      try repo.git("config", "filter.redact.clean", "sed s/SECRET/REDACTED/")
      try repo.git("config", "filter.redact.smudge", "cat")
      try repo.git("add", ".gitattributes")
      try repo.git("commit", "-q", "-m", "attributes")
    }
    try pair.commitSessionAndCompare(session + "- SECRET salary figure\n")
    #expect(try pair.journal.git("cat-file", "-p", "HEAD:\(Self.note)").contains("REDACTED salary"))
  }

  /// An LFS-style filter: the blob is a pointer; the note itself never enters the history.
  @Test func lfsStyleCleanFilter() throws {
    let pair = try Pair { repo in
      try repo.write([
        ".gitattributes": "mentees/*/sessions/*.md filter=pointer\n",
        "pointer-clean": "#!/bin/sh\nset -e\ntmp=$(mktemp)\ncat > \"$tmp\"\nprintf 'version pointer/v1\\noid sha256:%s\\nsize %s\\n' \"$(sha256sum < \"$tmp\" | cut -d' ' -f1)\" \"$(wc -c < \"$tmp\" | tr -d ' ')\"\nrm -f \"$tmp\"\n",
      ])
      chmod(repo.path + "/pointer-clean", 0o755)
      try repo.git("config", "filter.pointer.clean", "./pointer-clean %f")
      try repo.git("config", "filter.pointer.required", "true")
      try repo.git("add", ".gitattributes", "pointer-clean")
      try repo.git("commit", "-q", "-m", "attributes")
    }
    try pair.commitSessionAndCompare()
    #expect(try pair.journal.git("cat-file", "-p", "HEAD:\(Self.note)").hasPrefix("version pointer/v1\noid sha256:"))
  }

  @Test func requiredFilterThatFailsIsRefused() throws {
    let pair = try Pair { repo in
      try repo.write([".gitattributes": "*.md filter=broken\n"])
      try repo.git("add", ".gitattributes")
      try repo.git("commit", "-q", "-m", "attributes")
      try repo.git("config", "filter.broken.clean", "false")
      try repo.git("config", "filter.broken.required", "true")
    }
    try pair.change { try $0.write([Self.note: session]) }
    // git status itself fails on such a filter, so the state is compared without it.
    let before = try Self.snapshot(pair.journal, status: false)
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status != 0)
    #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
    #expect(runs.journal.stderr.contains("filter"), "\(runs.journal.stderr)")
    #expect(try Self.snapshot(pair.journal, status: false) == before)
  }

  /// A private note git ignores (its folder is excluded, so `!*.md` cannot bring it back) is
  /// never committed, named or found.
  @Test func ignoreRulesWithNegations() throws {
    let pair = try Pair { repo in
      try repo.write([".gitignore": "*\n!*/\n!*.md\n!*.yml\n!.gitignore\nmentees/*/private\n"])
      try repo.git("add", ".gitignore")
      try repo.git("commit", "-q", "-m", "ignore")
    }
    let secret = "mentees/alice/private/notes.md"
    try pair.change { try $0.write([secret: "private\n", Self.note: session, "mentees/alice/scratch.txt": "x\n"]) }
    let named = try pair.commit([secret])
    #expect(named.git.status != 0, "git add refuses an ignored file")
    #expect(named.journal.status == 2, "\(named.journal.stdout)\(named.journal.stderr)")
    #expect(named.journal.stderr.contains("ignored"), "\(named.journal.stderr)")
    // The whole journal: git add -A finds what journal finds.
    let git = try pair.shell(pair.git, "git add -A -- mentees journal.yml && git commit -q -m 'journal: session'")
    let journal = try pair.journal.journal("commit", "--no-verify", "-m", "journal: session")
    #expect(git.status == 0 && journal.status == 0, "\(journal.stderr)")
    try pair.expectSame()
    #expect(try pair.journal.git("ls-tree", "-r", "--name-only", "HEAD").contains("private") == false)
  }

  @Test func skipWorktreeAndAssumeUnchanged() throws {
    let pair = try Pair { repo in
      try repo.write(["mentees/alice/plans/growth.md": "---\ntitle: Growth\n---\n"])
      try repo.git("add", "-A")
      try repo.git("commit", "-q", "-m", "plan")
      try repo.git("update-index", "--skip-worktree", "mentees/alice/plans/growth.md")
      try repo.git("update-index", "--assume-unchanged", "mentees/alice/profile.md")
    }
    try pair.change { repo in
      try repo.write([
        "mentees/alice/plans/growth.md": "---\ntitle: Growth, changed locally\n---\n",
        "mentees/alice/profile.md": "---\nname: Alice Kim\nrelationship: mentee\n---\n",
        Self.note: session,
      ])
    }
    // The whole journal: neither kind of entry is looked at, as git add -A does not.
    let git = try pair.shell(pair.git, "git add -A -- mentees journal.yml && git commit -q -m 'journal: session'")
    let journal = try pair.journal.journal("commit", "--no-verify", "-m", "journal: session")
    #expect(git.status == 0 && journal.status == 0, "\(journal.stderr)")
    try pair.expectSame()
    // Named, a skip-worktree entry is refused as git add refuses it.
    let before = try Self.snapshot(pair.journal)
    let named = try pair.commit(["mentees/alice/plans/growth.md"])
    #expect(named.git.status != 0 && named.journal.status == 2, "\(named.journal.stderr)")
    #expect(try Self.snapshot(pair.journal) == before)
  }

  @Test(arguments: ["0002", "0077"]) func sharedGroupRepository(_ umask: String) throws {
    let pair = try Pair { repo in try repo.git("config", "core.sharedRepository", "group") }
    try pair.change { try $0.write([Self.note: session, "mentees/carol/profile.md": "---\nname: Carol\nrelationship: report\n---\n"]) }
    let runs = try pair.commit([Self.note, "mentees/carol/profile.md"], umask: umask)
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame(permissions: true)
  }

  /// git gives shared permissions only to what it creates: an object that was already there
  /// (written before the setting, here with a tighter umask) keeps its mode, with an exact
  /// mode (`0640`) as with `group`.
  @Test(arguments: ["0640", "group"]) func sharedRepositoryLeavesExistingObjectsAlone(_ setting: String) throws {
    let pair = try Pair()
    try pair.change { repo in
      try repo.write([Self.note: session])
      let stored = try runProgram(
        "/bin/sh", ["-c", "umask 0077 && git hash-object -w -- \(Self.note)"], in: repo.folder.url,
        environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"])
      #expect(stored.status == 0, "\(stored.stderr)")
      try repo.git("config", "core.sharedRepository", setting)
    }
    let runs = try pair.commit([Self.note], umask: "0077")
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame(permissions: true)
  }

  @Test func identityFromTheEnvironmentAndConfiguration() throws {
    let pair = try Pair { repo in
      try repo.git("config", "--unset", "user.name")
      try repo.git("config", "--unset", "user.email")
      try repo.git("config", "author.name", "Configured Author")
      try repo.git("config", "author.email", "author@example.com")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try pair.commit(
      [Self.note],
      environment: [
        "GIT_COMMITTER_NAME": "CI Bot", "GIT_COMMITTER_EMAIL": "ci@example.com",
        "GIT_AUTHOR_DATE": "2026-11-20T10:11:12+02:00", "GIT_COMMITTER_DATE": "Fri, 20 Nov 2026 09:00:00 -0500",
      ])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame()
  }

  @Test func identityFromIncludeIf() throws {
    let pair = try Pair { repo in
      try repo.git("config", "--unset", "user.name")
      try repo.git("config", "--unset", "user.email")
      try repo.write([".git/work-identity": "[user]\n\tname = Included Name\n\temail = included@example.com\n"])
      try repo.git("config", "includeIf.gitdir:\(repo.path)/.git.path", repo.path + "/.git/work-identity")
    }
    try pair.commitSessionAndCompare()
  }

  @Test func useConfigOnlyWithoutAnEmailIsRefused() throws {
    let pair = try Pair { repo in
      try repo.git("config", "--unset", "user.email")
      try repo.git("config", "user.useConfigOnly", "true")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let before = try Self.snapshot(pair.journal)
    let runs = try pair.commit([Self.note], environment: ["EMAIL": "guess@example.com"])
    #expect(runs.git.status != 0)
    #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
    #expect(try Self.snapshot(pair.journal) == before)
  }

  // MARK: Hooks

  /// A pre-commit hook sees exactly what is about to be committed through `GIT_INDEX_FILE`; a
  /// commit-msg hook edits the message; post-commit sees the new HEAD.
  @Test func hooksRunAsGitRunsThem() throws {
    let pair = try Pair { repo in
      try repo.write([
        ".git/hooks/pre-commit": "#!/bin/sh\n{ echo \"pre-commit $*\"; git diff --cached --name-status; test -f \"$GIT_INDEX_FILE\" && echo index-file; echo \"editor=$GIT_EDITOR\"; pwd; } >> .git/hook-log\n",
        ".git/hooks/prepare-commit-msg": "#!/bin/sh\necho \"prepare-commit-msg $(basename \"$1\") $2\" >> .git/hook-log\n",
        ".git/hooks/commit-msg": "#!/bin/sh\necho \"commit-msg $(basename \"$1\")\" >> .git/hook-log\nprintf '\\nReviewed-by: Hook <hook@example.com>\\n' >> \"$1\"\n",
        ".git/hooks/post-commit": "#!/bin/sh\necho \"post-commit $(git log -1 --format=%s)\" >> .git/hook-log\n",
      ])
      for hook in ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit"] { chmod(repo.path + "/.git/hooks/" + hook, 0o755) }
    }
    try pair.commitSessionAndCompare()
    let log = { (repo: GitFixture) in try String(contentsOfFile: repo.path + "/.git/hook-log", encoding: .utf8) }
    #expect(try log(pair.git) == log(pair.journal).replacingOccurrences(of: pair.journal.path, with: pair.git.path))
    #expect(try pair.journal.git("log", "-1", "--format=%B").hasSuffix("Reviewed-by: Hook <hook@example.com>\n\n"))
  }

  /// git takes "now" once (`ident_default_date`), before the hooks run: author and committer
  /// share it however long a hook takes. journal too, deciding the identity once.
  @Test func authorAndCommitterShareOneNow() throws {
    let pair = try Pair { repo in
      repo.environment = [:]
      try repo.hook("pre-commit", "#!/bin/sh\nsleep 1.2\n")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    for repo in [pair.git, pair.journal] {
      let times = try repo.git("log", "-1", "--format=%at %ct").split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .newlines)) }
      #expect(times.count == 2 && times[0] == times[1], "\(repo === pair.git ? "git" : "journal"): \(times)")
    }
  }

  /// A pre-commit hook that changes what is staged (a formatter): git commits what the hook
  /// left in `GIT_INDEX_FILE`, and so does journal.
  @Test func aPreCommitHookThatStagesIsCommitted() throws {
    let pair = try Pair { repo in
      try repo.hook("pre-commit", "#!/bin/sh\nprintf -- '- Added by the hook\\n' >> \(DifferentialTests.note)\ngit add \(DifferentialTests.note)\n")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    for view in [["rev-parse", "HEAD"], ["cat-file", "-p", "HEAD"]] {
      #expect(try pair.git.git(view) == pair.journal.git(view))
    }
    #expect(try pair.journal.git("show", "HEAD:\(Self.note)").hasSuffix("- Added by the hook\n"))
  }

  /// What a test's `reference-transaction` hook wrote.
  static func transactionLog(_ repo: GitFixture) throws -> String {
    try String(contentsOfFile: repo.path + "/.git/transaction-log", encoding: .utf8)
  }

  /// git 2.28 and later run `reference-transaction` when a commit moves the branch:
  /// `prepared` with the references locked, then `committed`, each with `<old> <new> <ref>`
  /// lines for HEAD and the branch on standard input, in the working tree's top folder.
  @Test func referenceTransactionHookSeesWhatGitShows() throws {
    let pair = try Pair { repo in
      try repo.hook(
        "reference-transaction",
        "#!/bin/sh\n{ echo \"$1 $# $(pwd) author=$GIT_AUTHOR_NAME/$GIT_AUTHOR_DATE prefix=$GIT_PREFIX index=${GIT_INDEX_FILE-none}\"; cat; } >> .git/transaction-log\n")
    }
    try pair.commitSessionAndCompare()
    let log = Self.transactionLog
    #expect(try log(pair.git) == log(pair.journal).replacingOccurrences(of: pair.journal.path, with: pair.git.path))
    let journalLog = try log(pair.journal)
    #expect(journalLog.contains(" HEAD\n"), "\(journalLog)")
  }

  /// A `reference-transaction` hook that fails at `prepared` aborts the update: git then runs
  /// it with `aborted`, and the branch, reflogs and index stay as they were.
  @Test func aReferenceTransactionHookThatRefuses() throws {
    let pair = try Pair { repo in
      try repo.hook(
        "reference-transaction",
        "#!/bin/sh\n{ echo \"$1\"; cat; } >> .git/transaction-log\nif [ \"$1\" = prepared ]; then echo 'no, not now' >&2; exit 3; fi\n")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let before = try Self.snapshot(pair.journal)
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status != 0)
    #expect(runs.journal.status == 1, "\(runs.journal.stderr)")
    #expect(runs.journal.stderr.contains("no, not now"), "\(runs.journal.stderr)")
    #expect(runs.journal.stderr.contains("reference-transaction"), "\(runs.journal.stderr)")
    #expect(try Self.snapshot(pair.journal) == before)
    let log = Self.transactionLog
    #expect(try log(pair.git) == log(pair.journal))
    #expect(try log(pair.journal).hasPrefix("prepared\n"))
    #expect(try log(pair.journal).contains("aborted\n"))
  }

  @Test func aFailingPreCommitHookRefusesAndNoVerifySkipsIt() throws {
    let pair = try Pair { repo in
      try repo.write(["hooks/pre-commit": "#!/bin/sh\necho 'not today' >&2\nexit 1\n"])
      chmod(repo.path + "/hooks/pre-commit", 0o755)
      try repo.git("config", "core.hooksPath", "hooks")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let before = try Self.snapshot(pair.journal)
    let refused = try pair.journal.journal("commit", "-m", "journal: session", Self.note)
    #expect(refused.status == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("not today"))
    #expect(refused.stderr.hasSuffix("journal: not committed: the pre-commit hook failed (exit 1)\n"), "\(refused.stderr)")
    #expect(try Self.snapshot(pair.journal) == before)
    let runs = try pair.commit([Self.note], gitOptions: ["--no-verify"], journalOptions: ["--no-verify"])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    try pair.expectSame()
  }

  // MARK: Signing

  @Test func sshSigning() throws {
    let keys = try TemporaryFolder()
    let key = keys.path + "/signing"
    #expect(try runProgram("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "hannah", "-f", key]).status == 0)
    let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8)
    try keys.write(["allowed": "hannah@example.com " + publicKey])
    let pair = try Pair { repo in
      try repo.git("config", "gpg.format", "ssh")
      try repo.git("config", "user.signingkey", key)
      try repo.git("config", "commit.gpgsign", "true")
      try repo.git("config", "gpg.ssh.allowedSignersFile", keys.path + "/allowed")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    for repo in [pair.git, pair.journal] {
      #expect(try runProgram("/bin/sh", ["-c", "git verify-commit HEAD"], in: repo.folder.url, environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin"]).status == 0)
      #expect(try repo.git("cat-file", "-p", "HEAD").contains("gpgsig -----BEGIN SSH SIGNATURE-----\n"))
    }
    // Apart from the signature, the commits are the same.
    let unsigned = { (repo: GitFixture) in
      try repo.git("cat-file", "-p", "HEAD").split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("gpgsig") && !$0.hasPrefix(" ") }.joined(separator: "\n")
    }
    #expect(try unsigned(pair.git) == unsigned(pair.journal))
  }

  @Test func gpgSigning() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gpg") else {
      // scripts/test installs gpg and requires this test to run.
      if ProcessInfo.processInfo.environment["JOURNAL_REQUIRE_GPG"] == "1" {
        Issue.record("gpg is missing: scripts/install-deps --test installs it")
      } else {
        print("skipped: gpg is missing (scripts/install-deps --test installs it)")
      }
      return
    }
    let gnupg = try TemporaryFolder()
    chmod(gnupg.path, 0o700)
    let environment = ["GNUPGHOME": gnupg.path]
    let made = try runProgram(
      "/usr/bin/gpg", ["--batch", "--passphrase", "", "--quick-generate-key", "Hannah Reyes <hannah@example.com>", "ed25519", "sign", "never"],
      environment: environment.merging(["PATH": "/usr/bin:/bin"]) { _, new in new })
    #expect(made.status == 0, "\(made.stderr)")
    let pair = try Pair { repo in
      repo.environment.merge(environment) { _, new in new }
      try repo.git("config", "commit.gpgsign", "true")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    for repo in [pair.git, pair.journal] {
      #expect(try repo.git("cat-file", "-p", "HEAD").contains("gpgsig -----BEGIN PGP SIGNATURE-----\n"))
      #expect(try runProgram("/bin/sh", ["-c", "git verify-commit HEAD"], in: repo.folder.url, environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin", "GNUPGHOME": gnupg.path]).status == 0)
    }
  }

  /// Never a silent unsigned commit: a signing program that fails refuses the commit.
  @Test func aFailingSignerRefuses() throws {
    let pair = try Pair { repo in
      try repo.git("config", "commit.gpgsign", "true")
      try repo.git("config", "gpg.program", "false")
    }
    try pair.change { try $0.write([Self.note: session]) }
    let before = try Self.snapshot(pair.journal)
    let runs = try pair.commit([Self.note])
    #expect(runs.git.status != 0)
    #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
    #expect(runs.journal.stderr.contains("sign"), "\(runs.journal.stderr)")
    #expect(runs.journal.stderr.split(separator: "\n").count == 1, "\(runs.journal.stderr)")
    #expect(try Self.snapshot(pair.journal) == before)
  }

  // MARK: Locks and concurrency

  /// A `git commit -a` waiting in its editor holds `index.lock`: journal refuses and changes
  /// nothing; the waiting commit then completes, and nothing is reverted.
  @Test func anIndexLockHeldByARealGitProcess() throws {
    let repo = try GitFixture()
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "import")
    try repo.write(["README.md": "readme\n", Self.note: session])
    try repo.git("add", "README.md")
    let release = repo.path + "/.git/release-editor"
    let editor = repo.path + "/.git/wait-editor"
    try writeFile(editor, Data("#!/bin/sh\nwhile [ ! -f '\(release)' ]; do sleep 0.05; done\necho 'readme' > \"$1\"\n".utf8))
    chmod(editor, 0o755)
    let waiting = try startProgram(
      "/usr/bin/git", ["commit", "-a", "-q"], in: repo.folder.url,
      environment: ["HOME": repo.home.path, "PATH": "/usr/bin:/bin", "GIT_EDITOR": editor, "GIT_CONFIG_NOSYSTEM": "1"])
    for _ in 0..<200 where !FileManager.default.fileExists(atPath: repo.path + "/.git/index.lock") { usleep(20_000) }
    #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/index.lock"))
    let before = try Self.snapshot(repo)
    let run = try repo.journal("commit", Self.note)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("journal: the repository is locked by another git process"), "\(run.stderr)")
    #expect(try Self.snapshot(repo) == before)
    _ = FileManager.default.createFile(atPath: release, contents: nil)
    var status: Int32 = 0
    waitpid(waiting, &status, 0)
    #expect(status == 0)
    // Now journal's commit goes through, and the README commit stays.
    #expect(try repo.journal("commit", Self.note).status == 0)
    #expect(try repo.git("log", "--format=%s") == "journal: session with alice on 2026-11-20 (career-development)\nreadme\nimport\n")
    #expect(try repo.git("status", "--porcelain") == "")
  }

  /// `git add` running beside `journal commit`: every `git add` that succeeded is in the index
  /// afterwards.
  @Test func concurrentGitAddsAreNeverLost() async throws {
    let repo = try GitFixture()
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "import")
    let (path, home) = (repo.path, repo.home.path)
    let adds = Task.detached { () -> [String] in
      var added: [String] = []
      for index in 0..<150 {
        let name = "other/file-\(index).txt"
        try? FileManager.default.createDirectory(atPath: path + "/other", withIntermediateDirectories: true)
        try? "\(index)\n".write(toFile: path + "/" + name, atomically: false, encoding: .utf8)
        let run = try? runProgram("/usr/bin/git", ["add", name], in: URL(fileURLWithPath: path), environment: ["HOME": home, "PATH": "/usr/bin:/bin"])
        if run?.status == 0 { added.append(name) }
      }
      return added
    }
    for round in 0..<20 {
      let day = String(format: "2026-11-%02d", round + 1)
      try repo.write(["mentees/alice/sessions/\(day).md": session.replacingOccurrences(of: "2026-11-20", with: day)])
      _ = try runJournal(["commit", "mentees/alice/sessions/\(day).md"], in: path, environment: ["HOME": home])
    }
    let added = await adds.value
    let staged = Set(try repo.git("ls-files", "other").split(separator: "\n").map(String.init))
    #expect(!added.isEmpty)
    #expect(Set(added).subtracting(staged).isEmpty, "lost: \(Set(added).subtracting(staged).sorted())")
    #expect(try repo.git("fsck", "--strict", "--no-dangling").isEmpty)
  }
}

/// `text` as one word for the shell.
func shellQuoted(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
