import ArgumentParser
import Foundation
import JournalKit

extension Sharer.Resolution: ExpressibleByArgument {}

/// `journal share`: one person's history, pushed to a repository of their own.
struct ShareCommand: ParsableCommand, ReadsJournal, TakesToday, ConnectsOverSSH {
  static let configuration = CommandConfiguration(
    commandName: "share",
    _superCommandName: "journal",
    abstract: "Share one person's history, and nobody else's, with a repository of their own, and take in what they wrote there.",
    discussion: """
      Rewrites the history of mentees/ID/ (without private/) as a history of its own, plus a \
      journal.yml holding only what checking the person's notes needs (the rule settings, \
      added section headings, and the rubrics their sessions name), so the receiving \
      repository is a journal that passes journal check. Each commit that changed the person's shareable files becomes \
      one commit, with the same author, committer and dates, and a message that names only \
      that person's changes. The same history always gives the same commit ids, so a re-run \
      only appends commits, and the push is always a fast-forward: never a force push.

      It is a round trip: the person may clone their repository, write (a reply in a \
      session's Dialogue, a ticked or new action, a self-assessment) and push. The next share \
      fetches their branch first and takes their commits into the journal as they made them \
      (their author, dates and message, and a last line Shared-from: REMOTE COMMIT), merged \
      into the journal's branch, then pushes the journal's new commits on top of theirs. Only \
      changes inside mentees/ID/ may come back: a commit that changes anything else \
      (journal.yml, another folder, private/, hidden files, links) stops the share, with both \
      sides unchanged, unless --allowed-only, which takes in only the allowed part. Their \
      changes to the generated README.md are left out. What comes in must pass journal check \
      (unless --no-verify). Where both the journal and the person changed the same lines, \
      the share stops and names the file and lines; --resolve journal|person|both settles \
      them.

      The history starts where the person's folder appears, unless that commit is a pure \
      rename of another folder (the same files, byte for byte, and nothing else); \
      --follow-from OLD-ID continues it into the folder OLD-ID where it appears.

      The translation is recorded in this repository, one record per journal, person and \
      remote (refs/journal/share/JOURNAL/ID/REMOTE/record), only after a successful push; the \
      next share to that remote pushes only what is new, to the branch pushed to before.

      SSH: --ssh-key or JOURNAL_SSH_KEY (passphrase in JOURNAL_SSH_PASSPHRASE), else \
      ssh-agent, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa. The server's host key must be in \
      known_hosts or match --host-key. HTTPS: a token in JOURNAL_TOKEN (user in \
      JOURNAL_TOKEN_USER), sent only to the scheme, host and port the URL names. No message \
      prints a password or token.

      Examples:
        journal share sam-okafor --to git@git.example.com:sam/feedback.git
        journal share sam-okafor --to ssh://git@git.example.com:2222/sam/feedback.git --ssh-key ~/.ssh/journal
        journal share sam-okafor --to https://git.example.com/sam/feedback.git
        journal share sam-okafor --to /srv/git/sam.git --dry-run

      The shared journal is checked as it will be pushed; with errors, nothing is pushed \
      (exit 1) unless --no-verify.

      A repository on this machine (a path or file://) with receiving hooks (pre-receive, \
      update, ...) is refused: libgit2 would push to it without running them.

      Exit status: 0 shared (or, with --dry-run, translated); 1 the shared journal has errors, \
      what comes back has errors, or the journal and the person changed the same lines; \
      2 no such person, receiving hooks on a local repository, failed \
      authentication, unknown or changed host key, unreachable remote, a push that would not \
      be a fast-forward, or another failure. On failure nothing is recorded locally.
      """)

  @Argument(help: ArgumentHelp("The person whose history to share.", valueName: "id"), completion: Completion.people)
  var id: String

  @Option(help: ArgumentHelp("The repository to push to: a path, or a file://, ssh://, user@host:path or https:// URL.", valueName: "url"))
  var to: String

  @Option(
    help: ArgumentHelp(
      "The branch of that repository to push to (default: the one pushed to last time, else the one its HEAD names, else main).",
      valueName: "name"))
  var branch: String?

  @Flag(help: "Show what would be taken in and pushed, each commit with the files it changes, and change nothing.")
  var dryRun = false

  @Option(.sshKey) var sshKey: String?
  @Option(.hostKey) var hostKey: String?
  @Option(.knownHosts) var knownHosts: [String] = []

  @Flag(help: "Push, and take the person's changes in, even when they have errors.")
  var noVerify = false

  @Flag(help: "Take in only the person's changes inside their own folder, leaving out the rest, instead of stopping.")
  var allowedOnly = false

  @Option(
    help: ArgumentHelp(
      "Where the journal and the person changed the same lines: keep the journal's lines, the person's, or both (the journal's first).",
      valueName: "journal|person|both"))
  var resolve: Sharer.Resolution?

  @Option(
    help: ArgumentHelp(
      "The folder this person's folder continues where it first appears (a rename with changes); its history is shared too.",
      valueName: "old-id"), completion: Completion.people)
  var followFrom: String?

  @Option(.journal) var journal: String?
  @Option(.today) var today: String?

  func run() throws {
    let location = try locateJournal(stoppedForget: .refuse)
    let url = try RemoteURL(to)
    let outcome: Sharer.Outcome
    do {
      outcome = try Sharer.share(
        location, person: id,
        options: Sharer.Options(
          url: url, branch: branch, dryRun: dryRun, access: access, verify: !noVerify, today: resolveToday(),
          followFrom: followFrom, allowedOnly: allowedOnly, resolve: resolve))
    } catch let conflict as ShareConflict {
      for line in conflict.lines { Output.error("journal: conflict: \(shown(line))") }
      Output.error(
        "journal: not shared: the journal and \(shown(id)) changed the same lines since the last share (\(shown(id))'s \(conflict.commitID.prefix(7)) on \(shown(conflict.remote))); nothing changed on either side: share again with --resolve journal, person or both, or make those lines in the journal read as \(shown(id))'s do, commit, and share again")
      throw ExitCode(1)
    }
    for note in outcome.notes { Output.error("journal: note: \(note)") }
    for warning in outcome.warnings { Output.error("journal: warning: \(warning)") }
    if let report = outcome.refused {
      let cache = SourceCache(source: MemoryJournal(files: outcome.files))
      if outcome.refusedIncoming {
        Output.write(report.text(style: Output.style, displayPath: { "(from \(id)) " + $0 }, lines: cache.lines))
        Output.error(
          "journal: not shared: \(shown(id))'s changes have errors; nothing changed on either side: ask \(shown(id)) to mend them in their repository and push, then share again (--no-verify takes them in as they are)")
      } else {
        Output.write(report.text(style: Output.style, displayPath: { "(shared) " + $0 }, lines: cache.lines))
        Output.error("journal: not shared: \(shown(id))'s shared journal has errors (use --no-verify to share anyway)")
      }
      throw ExitCode(1)
    }
    var text = ""
    // What each of the person's commits changes is listed in every run, so that what comes
    // into the journal (a note of the mentor's they removed, say) is seen as it comes; what
    // is pushed, only in a dry run.
    func files(_ stats: [Sharer.FileStat], always: Bool = false) -> String {
      guard dryRun || always else { return "" }
      return stats.map { stat in
        let letter = stat.change.prefix(1).uppercased()
        let lines = stat.added.map { added in " (+\(added) -\(stat.removed ?? 0))" } ?? " (binary)"
        return "      \(letter) \(shown(stat.path))\(lines)\n"
      }.joined()
    }
    if !outcome.incoming.isEmpty {
      text += "\(dryRun ? "would take in" : "took in") \(Wording.count(outcome.incoming.count, "commit")) of \(shown(id))'s from \(shown(outcome.remote)) \(shown(outcome.branch)):\n"
      for commit in outcome.incoming {
        text += "  \(commit.id.prefix(7)) \(shown(commit.summary)) (\(shown(commit.author)))\n" + files(commit.files, always: true)
      }
      for left in outcome.leftOut { text += "  left out: \(shown(left))\n" }
      if dryRun && !outcome.commits.isEmpty { text += "would push:\n" }
    }
    for commit in outcome.commits {
      text += "  \(commit.id.prefix(7)) \(shown(commit.summary))\n" + files(commit.files)
    }
    let count = outcome.commits.count
    let commits = Wording.count(count, "commit")
    let at = outcome.head.prefix(7)
    let target = "\(shown(id)) to \(shown(outcome.remote)) \(shown(outcome.branch))"
    if !outcome.pushed {
      let new = count == 0 ? "nothing new to push there" : "\(commits) not yet shared there"
      text += "would share \(target): \(new), at \(at) (dry run: nothing pushed)\n"
    } else if count == 0 {
      text += "shared \(target): nothing to push, already at \(at)\n"
    } else {
      let taken = outcome.incoming.count
      let takenIn = taken == 0 ? "" : "\(Wording.count(taken, "commit")) of \(shown(id))'s taken in, "
      text += "shared \(target): \(takenIn)\(commits) pushed, at \(at)\n"
    }
    Output.write(text)
  }
}
