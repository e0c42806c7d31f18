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

      The translation is recorded in refs/journal/share/ID in this repository, only after a \
      successful push.

      SSH: --ssh-key or JOURNAL_SSH_KEY (passphrase in JOURNAL_SSH_PASSPHRASE), else \
      ssh-agent, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa. The server's host key must be in \
      known_hosts or match --host-key. HTTPS: a token in JOURNAL_TOKEN (user in \
      JOURNAL_TOKEN_USER), sent only to the host the URL names.

      Examples:
        journal share sam-okafor --to git@git.example.com:sam/feedback.git
        journal share sam-okafor --to ssh://git@git.example.com:2222/sam/feedback.git --ssh-key ~/.ssh/journal
        journal share sam-okafor --to https://git.example.com/sam/feedback.git
        journal share sam-okafor --to /srv/git/sam.git --dry-run

      The shared journal is checked as it will be pushed; with errors, nothing is pushed \
      (exit 1) unless --no-verify.

      Exit status: 0 shared (or, with --dry-run, translated); 1 the shared journal has errors; \
      2 no such person, failed \
      authentication, unknown or changed host key, unreachable remote, a push that would not \
      be a fast-forward, or another failure. On failure nothing is recorded locally.
      """)

  @Argument(help: ArgumentHelp("The person whose history to share.", valueName: "id"), completion: Completion.people)
  var id: String

  @Option(help: ArgumentHelp("The repository to push to: a path, or a file://, ssh://, user@host:path or https:// URL.", valueName: "url"))
  var to: String

  @Option(help: ArgumentHelp("The branch of that repository to push to.", valueName: "name"))
  var branch = "main"

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
    let location = try journal.locate()
    let url = try RemoteURL(to)
    let access = RemoteAccess(sshKey: sshKey, knownHosts: knownHosts, hostKeyFingerprint: hostKey)
    let outcome = try Sharer.share(
      location, person: id,
      options: Sharer.Options(
        url: url, branch: branch, dryRun: dryRun, access: access, verify: !noVerify, today: today.resolve(),
        followFrom: followFrom))
    if let report = outcome.refused {
      let cache = SourceCache(source: MemoryJournal(files: outcome.files))
      Output.write(report.text(style: Output.style, displayPath: { "(shared) " + $0 }, lines: cache.lines))
      Output.error("journal: not shared: \(id)'s shared journal has errors (use --no-verify to share anyway)")
      throw ExitCode(1)
    }
    if let (commit, removed) = outcome.beginning {
      let folders = removed.map { "mentees/\($0)/" }.joined(separator: ", ")
      let hint =
        removed.count == 1
        ? "if those were \(id)'s notes, share with --follow-from \(removed[0])"
        : "if one of them held \(id)'s notes, share with --follow-from and its id"
      Output.error(
        "journal: note: \(id)'s history starts at \(commit), where mentees/\(id)/ appears; that commit removed \(folders), but not as a pure rename: \(hint)")
    }
    var text = ""
    for commit in outcome.added {
      text += "  \(commit.id.prefix(7)) \(commit.summary)\n"
    }
    let count = outcome.added.count
    let new = count == 0 ? "no new commits" : count == 1 ? "1 new commit" : "\(count) new commits"
    if outcome.pushed {
      text += "shared \(id) to \(url.display) \(branch): \(new), at \(outcome.head.prefix(7))\n"
    } else {
      text += "would share \(id) to \(url.display) \(branch): \(new), at \(outcome.head.prefix(7)) (dry run: nothing pushed)\n"
    }
    Output.write(text)
  }
}
