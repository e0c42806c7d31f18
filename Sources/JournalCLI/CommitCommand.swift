import ArgumentParser
import JournalKit

/// `journal commit`: record the journal's changes in git.
struct CommitCommand: ParsableCommand, ReadsJournal, TakesToday {
  static let configuration = CommandConfiguration(
    commandName: "commit",
    _superCommandName: "journal",
    abstract: "Commit the journal's own changes, and nothing else.",
    discussion: """
      Commits every added, modified and deleted file of the journal (journal.yml and mentees/) \
      as it is in the working tree, whatever is staged. Files outside the journal, staged or \
      not, stay exactly as they were. The changed files are checked first; with errors, nothing \
      is committed (exit 1) unless --no-verify. Without -m, the message says what changed.

      With PATHs, commits only the changes in those files or folders of the journal, as \
      git add PATH && git commit --only PATH does.

      Otherwise it commits as git commit does: it takes index.lock before it reads the index, \
      stages through git's filters, attributes and ignore rules, runs the pre-commit, \
      prepare-commit-msg, commit-msg, reference-transaction and post-commit hooks \
      (--no-verify skips the check, pre-commit and commit-msg), takes the identity from GIT_AUTHOR_*, GIT_COMMITTER_*, \
      author.*, committer.* and user.*, cleans the message up as commit.cleanup says, and \
      signs the commit when commit.gpgSign is set. docs/git.md has the details.

      Examples:
        journal commit
        journal commit -m "Notes from the offsite"
        journal commit mentees/sam-okafor/sessions/2026-11-26.md
        journal commit --dry-run

      Exit status: 0 committed, or nothing to commit; 1 the changed files have errors, or a \
      hook refused the commit; 2 the repository is bare, detached, mid-merge or locked, git \
      does not know who you are, the message is empty, signing failed, a named path matches \
      no file (as git add says, "pathspec ... did not match any files"), a named file is \
      hidden, ignored or outside the sparse checkout, or another failure.
      """)

  @Argument(help: ArgumentHelp("Commit only these files or folders of the journal.", valueName: "path"))
  var paths: [String] = []

  @Option(name: .shortAndLong, help: "The commit message (default: one that says what changed).")
  var message: String?

  @Flag(help: "Show what would be committed, and write nothing.")
  var dryRun = false

  @Flag(help: "Commit even when the changed files have errors, and skip the pre-commit and commit-msg hooks.")
  var noVerify = false

  @Option(.journal) var journal: String?
  @Option(.today) var today: String?

  func run() throws {
    let location = try locateJournal(from: paths.first, stoppedForget: .refuse)
    let only = try paths.isEmpty ? nil : paths.map { path in
      guard let relative = location.relativePath(of: path) else {
        throw JournalError("\(path) is not inside the journal at \(display(location.root))")
      }
      return relative
    }
    let outcome: Committer.Outcome
    do {
      outcome = try Committer.commit(
        location, only: only, message: message, dryRun: dryRun, verify: !noVerify, today: resolveToday())
    } catch let unmatched as UnmatchedPath {
      throw JournalError("pathspec '\(typed(unmatched.path, of: only))' did not match any files")
    } catch let hidden as HiddenPath {
      throw JournalError("\(typed(hidden.path, of: only)) is hidden: journal commits no hidden file")
    }
    func list(_ changes: [JournalChange]) -> String {
      changes.map { "  \($0.kind.rawValue.padding(to: 9))\(shown(display(location.root + "/" + $0.path)))\n" }.joined()
    }
    switch outcome {
    case .nothingToCommit:
      Output.write("nothing to commit: the \(paths.isEmpty ? "journal is" : "named files are") as in the last commit\n")
    case .refused(let report):
      let cache = SourceCache(source: DiskJournal(location))
      Output.write(
        report.text(
          style: Output.style, displayPath: displayPaths(in: location.root), lines: cache.lines))
      Output.error("journal: not committed: the changed files have errors (use --no-verify to commit anyway)")
      throw ExitCode(1)
    case .dryRun(let changes, let message):
      Output.write("would commit \(Wording.count(changes.count, "file")):\n" + list(changes))
      let lines = message.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
      Output.write("\n" + lines.map { "    " + shown(String($0)) }.joined(separator: "\n") + "\n")
    case .rejected(let message):
      Output.error("journal: \(shown(message))")
      throw ExitCode(1)
    case .committed(let id, let changes, let message):
      let subject = String(message.unicodeScalars.prefix { $0 != "\n" })
      Output.write("[\(id.prefix(7))] \(shown(subject))\n" + list(changes))
    }
  }

  /// A named path as it was typed, as git add names it, from its journal-relative form.
  private func typed(_ path: String, of relative: [String]?) -> String {
    zip(paths, relative ?? []).first { $0.1 == path }?.0 ?? path
  }
}
