import Foundation
import Testing

/// The configuration git reads that libgit2 1.5 does not (`GIT_CONFIG_GLOBAL`,
/// `GIT_CONFIG_SYSTEM`, `GIT_CONFIG_NOSYSTEM`, `GIT_CONFIG_COUNT`, `GIT_CONFIG_PARAMETERS`,
/// `includeIf.hasconfig:remote.*.url:`, `config.worktree`), with git as the oracle: the same
/// change committed both ways under the same environment, then everything compared. Each case
/// puts the deciding setting (mostly who the commit names) where only that mechanism reaches.
@Suite struct ConfigurationTests {
  static let note = DifferentialTests.note

  /// A pair whose repositories name `Local Name` — unless the mechanism under test says
  /// otherwise.
  static func pair(_ setup: (GitFixture) throws -> Void = { _ in }) throws -> DifferentialTests.Pair {
    try DifferentialTests.Pair { repo in
      try repo.git("config", "user.name", "Local Name")
      try repo.git("config", "user.email", "local@example.com")
      try setup(repo)
    }
  }

  /// Commits the session both ways with `environment`, and compares.
  static func commitAndCompare(
    _ pair: DifferentialTests.Pair, environment: [String: String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try pair.change { try $0.write([Self.note: session]) }
    let runs = try pair.commit([Self.note], environment: environment)
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.git.stderr)\(runs.journal.stderr)", sourceLocation: sourceLocation)
    try pair.expectSame(permissions: true, sourceLocation: sourceLocation)
  }

  /// Who HEAD names as its author, in the journal's copy.
  static func author(_ pair: DifferentialTests.Pair) throws -> String {
    try pair.journal.git("log", "-1", "--format=%an <%ae>").trimmingCharacters(in: .newlines)
  }

  @Test func globalFileFromTheEnvironment() throws {
    let files = try TemporaryFolder()
    try files.write(["global": "[author]\n\tname = Global Name\n\temail = global@example.com\n"])
    let pair = try Self.pair { repo in
      // What ~/.gitconfig says does not count once GIT_CONFIG_GLOBAL names another file.
      try repo.home.write([".gitconfig": "[author]\n\tname = Home Name\n"])
    }
    try Self.commitAndCompare(pair, environment: ["GIT_CONFIG_GLOBAL": files.path + "/global"])
    #expect(try Self.author(pair) == "Global Name <global@example.com>")
  }

  @Test func systemFileFromTheEnvironment() throws {
    let files = try TemporaryFolder()
    try files.write(["system": "[author]\n\tname = System Name\n"])
    let pair = try Self.pair()
    try Self.commitAndCompare(pair, environment: ["GIT_CONFIG_NOSYSTEM": "0", "GIT_CONFIG_SYSTEM": files.path + "/system"])
    #expect(try Self.author(pair) == "System Name <local@example.com>")
  }

  @Test(arguments: ["1", "true", "yes"]) func noSystemFile(_ value: String) throws {
    let files = try TemporaryFolder()
    try files.write(["system": "[author]\n\tname = System Name\n"])
    let pair = try Self.pair()
    try Self.commitAndCompare(pair, environment: ["GIT_CONFIG_NOSYSTEM": value, "GIT_CONFIG_SYSTEM": files.path + "/system"])
    #expect(try Self.author(pair) == "Local Name <local@example.com>")
  }

  /// `GIT_CONFIG_COUNT` comes last and wins; a key is read as git reads it (section and name
  /// in any case); a key given twice is a multi-valued one, whose last value counts.
  @Test func entriesFromTheEnvironment() throws {
    let pair = try Self.pair()
    try Self.commitAndCompare(
      pair,
      environment: [
        "GIT_CONFIG_COUNT": "3", "GIT_CONFIG_KEY_0": "user.name", "GIT_CONFIG_VALUE_0": "First Name",
        "GIT_CONFIG_KEY_1": "User.Name", "GIT_CONFIG_VALUE_1": "Counted \"Name\" \\ Here",
        "GIT_CONFIG_KEY_2": "USER.email", "GIT_CONFIG_VALUE_2": "counted@example.com",
      ])
    #expect(try Self.author(pair) == "Counted \"Name\" \\ Here <counted@example.com>")
  }

  /// `git -c` passes its settings to the programs it runs in `GIT_CONFIG_PARAMETERS`.
  @Test func parametersFromTheEnvironment() throws {
    let pair = try Self.pair()
    try Self.commitAndCompare(
      pair, environment: ["GIT_CONFIG_PARAMETERS": "'user.name'='It'\\''s Me' 'user.email'='param@example.com'"])
    #expect(try Self.author(pair) == "It's Me <param@example.com>")
  }

  @Test(arguments: [
    ["GIT_CONFIG_COUNT": "two"],
    ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_VALUE_0": "x"],
    ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.name"],
    ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "nodot", "GIT_CONFIG_VALUE_0": "x"],
    ["GIT_CONFIG_PARAMETERS": "'user.name"],
  ])
  func malformedEntriesAreRefused(_ environment: [String: String]) throws {
    let pair = try Self.pair()
    try pair.change { try $0.write([Self.note: session]) }
    let before = try DifferentialTests.snapshot(pair.journal)
    let runs = try pair.commit([Self.note], environment: environment)
    #expect(runs.git.status != 0)
    #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
    #expect(runs.journal.stderr.split(separator: "\n").count == 1, "\(runs.journal.stderr)")
    #expect(try DifferentialTests.snapshot(pair.journal) == before)
  }

  /// `includeIf.hasconfig:remote.*.url:` includes a file when any remote's URL matches the
  /// pattern (git's wildmatch, `**` crossing slashes), at the place of the include.
  @Test(arguments: [
    ("https://example.com/team/**", true), ("https://example.com/*", false), ("*://example.com/team/*.git", true),
    ("https://example.com/other/**", false),
  ])
  func includeByRemoteURL(_ pattern: String, _ included: Bool) throws {
    let files = try TemporaryFolder()
    try files.write(["team": "[user]\n\tname = Team Name\n"])
    let pair = try Self.pair { repo in
      try repo.git("remote", "add", "origin", "https://example.com/team/notes.git")
      try repo.git("config", "includeIf.hasconfig:remote.*.url:\(pattern).path", files.path + "/team")
      // Set after the include, so it wins over what the include brings.
      try repo.git("config", "user.email", "after@example.com")
    }
    try Self.commitAndCompare(pair, environment: [:])
    #expect(try Self.author(pair) == (included ? "Team Name" : "Local Name") + " <after@example.com>")
  }

  /// git refuses a file included by remote URL that sets a remote URL itself.
  @Test func aFileIncludedByRemoteURLMayNotSetOne() throws {
    let files = try TemporaryFolder()
    try files.write(["team": "[remote \"other\"]\n\turl = https://example.com/other.git\n"])
    let pair = try Self.pair()
    try pair.change { try $0.write([Self.note: session]) }
    let before = try DifferentialTests.snapshot(pair.journal, status: false)
    // Given in the environment, so that git can still be asked about the repository after.
    let runs = try pair.commit(
      [Self.note],
      environment: [
        "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "includeIf.hasconfig:remote.*.url:https://nowhere.example/**.path",
        "GIT_CONFIG_VALUE_0": files.path + "/team",
      ])
    #expect(runs.git.status != 0)
    #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
    #expect(runs.journal.stderr.contains("remote URLs cannot be configured"), "\(runs.journal.stderr)")
    #expect(try DifferentialTests.snapshot(pair.journal, status: false) == before)
  }

  /// `extensions.worktreeConfig`: `config.worktree` is read after the repository's own file
  /// (`git sparse-checkout` turns it on), in either repository format version.
  @Test(arguments: ["0", "1"]) func worktreeConfiguration(_ version: String) throws {
    let pair = try Self.pair { repo in
      try repo.git("config", "core.repositoryformatversion", version)
      try repo.git("config", "extensions.worktreeConfig", "true")
      try repo.git("config", "--worktree", "user.name", "Worktree Name")
    }
    try Self.commitAndCompare(pair, environment: [:])
    #expect(try Self.author(pair) == "Worktree Name <local@example.com>")
  }

  /// Hooks, filters and shared permissions read the configuration the environment gives, as
  /// identities do.
  @Test func everythingReadsTheSameConfiguration() throws {
    let pair = try Self.pair { repo in
      try repo.write([
        ".gitattributes": "mentees/** filter=redact\n",
        "hooks/pre-commit": "#!/bin/sh\necho \"pre-commit $(basename \"$GIT_INDEX_FILE\")\" >> .git/hook-log\n",
      ])
      chmod(repo.path + "/hooks/pre-commit", 0o755)
      try repo.git("add", ".gitattributes", "hooks")
      try repo.git("commit", "-q", "-m", "attributes and hooks")
    }
    // For every git run too, so that git status reads the notes through the same filter.
    for repo in [pair.git, pair.journal] {
      repo.environment.merge([
        "GIT_CONFIG_COUNT": "3", "GIT_CONFIG_KEY_0": "core.hooksPath", "GIT_CONFIG_VALUE_0": "hooks",
        "GIT_CONFIG_KEY_1": "filter.redact.clean", "GIT_CONFIG_VALUE_1": "sed s/Strengths/REDACTED/",
        "GIT_CONFIG_KEY_2": "core.sharedRepository", "GIT_CONFIG_VALUE_2": "group",
      ]) { _, new in new }
    }
    try Self.commitAndCompare(pair, environment: [:])
    #expect(try pair.journal.git("cat-file", "blob", "HEAD:\(Self.note)").contains("REDACTED"))
    let log = { (repo: GitFixture) in (try? String(contentsOfFile: repo.path + "/.git/hook-log", encoding: .utf8)) ?? "" }
    #expect(log(pair.git) == "pre-commit index\n")
    #expect(log(pair.journal).hasPrefix("pre-commit "), "\(log(pair.journal))")
  }

  /// Signing asked for in the environment: never a silent unsigned commit.
  @Test func signingAskedForInTheEnvironment() throws {
    let pair = try Self.pair()
    try pair.change { try $0.write([Self.note: session]) }
    let before = try DifferentialTests.snapshot(pair.journal)
    let runs = try pair.commit(
      [Self.note],
      environment: [
        "GIT_CONFIG_COUNT": "2", "GIT_CONFIG_KEY_0": "commit.gpgSign", "GIT_CONFIG_VALUE_0": "true",
        "GIT_CONFIG_KEY_1": "gpg.program", "GIT_CONFIG_VALUE_1": "false",
      ])
    #expect(runs.git.status != 0)
    #expect(runs.journal.status == 2, "\(runs.journal.stderr)")
    #expect(try DifferentialTests.snapshot(pair.journal) == before)
  }
}
