import Foundation
import Testing

/// A real git repository in a temporary folder, with an explicit author, inspected with the
/// real `git` program.
final class GitFixture {
  let folder: TemporaryFolder
  /// An empty home folder, so no user's git configuration leaks into the test.
  let home: TemporaryFolder
  var path: String { folder.path }
  /// Variables every git and journal run here gets (fixed dates, say, so two copies make the
  /// same commits).
  var environment: [String: String] = [:]

  init(journalAt subfolder: String? = nil, initialCommit: Bool = false) throws {
    folder = try TemporaryFolder()
    home = try TemporaryFolder()
    try git("init", "-q", "-b", "main")
    try git("config", "user.name", "Hannah Reyes")
    try git("config", "user.email", "hannah@example.com")
    if initialCommit {
      try folder.write(["README.md": "readme\n"])
      try git("add", "README.md")
      try git("commit", "-q", "-m", "init")
    }
    let journal = subfolder.map { "\($0)/" } ?? ""
    try folder.write([
      "\(journal)journal.yml": "title: Test journal\n",
      "\(journal)mentees/alice/profile.md": "---\nname: Alice Kim\nrelationship: report\n---\n",
    ])
  }

  /// A copy of `other`: its working tree and git folder, in a folder of its own.
  init(copying other: GitFixture) throws {
    folder = try TemporaryFolder()
    home = try TemporaryFolder()
    environment = other.environment
    let copy = try runProgram("/bin/cp", ["-a", other.path + "/.", folder.path])
    guard copy.status == 0 else { throw GitFailure(arguments: ["cp", "-a"], status: copy.status) }
  }

  /// Runs git in the repository and returns its standard output.
  @discardableResult
  func git(_ arguments: String...) throws -> String {
    try git(arguments)
  }

  @discardableResult
  func git(_ arguments: [String], allowFailure: Bool = false, environment: [String: String] = [:]) throws -> String {
    let run = try runProgram(
      "/usr/bin/git", arguments, in: folder.url,
      environment: ["HOME": home.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C"]
        .merging(self.environment) { _, new in new }.merging(environment) { _, new in new })
    if run.status != 0 && !allowFailure {
      throw GitFailure(arguments: arguments, status: run.status)
    }
    return run.stdout
  }

  struct GitFailure: Error {
    let arguments: [String]
    let status: Int32
  }

  /// Runs the built journal in `subfolder` of the repository.
  @discardableResult
  func journal(_ arguments: String..., in subfolder: String = "") throws -> Run {
    try runJournal(
      arguments, in: subfolder.isEmpty ? path : path + "/" + subfolder,
      environment: ["HOME": home.path].merging(environment) { _, new in new })
  }

  /// Runs the built journal with more environment variables.
  func journal(_ arguments: [String], environment: [String: String]) throws -> Run {
    try runJournal(
      arguments, in: path,
      environment: ["HOME": home.path].merging(self.environment) { _, new in new }.merging(environment) { _, new in new })
  }

  func write(_ files: [String: String]) throws { try folder.write(files) }

  /// Installs `script` as the hook `name` in `.git/hooks`, executable.
  func hook(_ name: String, _ script: String) throws {
    try write([".git/hooks/" + name: script])
    chmod(path + "/.git/hooks/" + name, 0o755)
  }

  var head: String { (try? git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)) ?? "" }
}

let session = "---\ndate: 2026-11-20\ntype: career-development\n---\n## Strengths\n\n- Led the incident review for the 11-18 outage and wrote the timeline the same day\n"
