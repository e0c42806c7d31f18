import ArgumentParser
import Foundation
import JournalKit

/// `journal share`: one person's history, pushed to a repository of their own.
struct ShareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "share",
    abstract: "Push one person's history, and nobody else's, to a repository of their own.",
    discussion: """
      Rewrites the history of mentees/ID/ (without private/) as a history of its own, plus a \
      journal.yml holding only the rule settings, so the receiving repository is a journal \
      that passes journal check. Each commit that changed the person's shareable files becomes \
      one commit, with the same author, committer and dates, and a message that names only \
      that person's changes. The same history always gives the same commit ids, so a re-run \
      only appends commits, and the push is always a fast-forward: never a force push.

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

      Exit status: 0 shared (or, with --dry-run, translated); 1 the shared journal has errors; \
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

  @Flag(help: "Translate the history and show what would be pushed, and push nothing.")
  var dryRun = false

  @Option(help: ArgumentHelp("The private SSH key to use (default: JOURNAL_SSH_KEY, ssh-agent, ~/.ssh).", valueName: "file"), completion: .file())
  var sshKey: String?

  @Option(help: ArgumentHelp("Trust the SSH host key with this fingerprint (SHA256:…) instead of known_hosts.", valueName: "fingerprint"))
  var hostKey: String?

  @Option(help: ArgumentHelp("Read host keys from this file instead of ~/.ssh/known_hosts; may be repeated.", valueName: "file"), completion: .file())
  var knownHosts: [String] = []

  @Flag(help: "Push even when the shared journal has errors.")
  var noVerify = false

  @Option(
    help: ArgumentHelp(
      "The folder this person's folder continues where it first appears (a rename with changes); its history is shared too.",
      valueName: "old-id"), completion: Completion.people)
  var followFrom: String?

  @OptionGroup var journal: JournalOptions
  @OptionGroup var today: TodayOption

  func run() throws {
    let location = try journal.locate(stoppedForget: .refuse)
    let url = try RemoteURL(to)
    let access = RemoteAccess(sshKey: sshKey, knownHosts: knownHosts, hostKeyFingerprint: hostKey)
    let outcome = try Sharer.share(
      location, person: id,
      options: Sharer.Options(
        url: url, branch: branch, dryRun: dryRun, access: access, verify: !noVerify, today: today.resolve(),
        followFrom: followFrom))
    for note in outcome.notes { Output.error("journal: note: \(note)") }
    for warning in outcome.warnings { Output.error("journal: warning: \(warning)") }
    if let report = outcome.refused {
      let cache = SourceCache(source: MemoryJournal(files: outcome.files))
      Output.write(report.text(style: Output.style, displayPath: { "(shared) " + $0 }, lines: cache.lines))
      Output.error("journal: not shared: \(shown(id))'s shared journal has errors (use --no-verify to share anyway)")
      throw ExitCode(1)
    }
    var text = ""
    for commit in outcome.commits {
      text += "  \(commit.id.prefix(7)) \(shown(commit.summary))\n"
    }
    let count = outcome.commits.count
    let commits = count == 1 ? "1 commit" : "\(count) commits"
    let at = outcome.head.prefix(7)
    let target = "\(shown(id)) to \(shown(outcome.remote)) \(shown(outcome.branch))"
    if !outcome.pushed {
      let new = count == 0 ? "nothing new since the last share there" : "\(commits) not yet shared there"
      text += "would share \(target): \(new), at \(at) (dry run: nothing pushed)\n"
    } else if count == 0 {
      text += "shared \(target): nothing to push, already at \(at)\n"
    } else {
      text += "shared \(target): \(commits) pushed, at \(at)\n"
    }
    Output.write(text)
  }
}
