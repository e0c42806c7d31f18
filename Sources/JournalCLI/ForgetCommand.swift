import ArgumentParser
import Foundation
import JournalKit

/// `journal forget`: one person removed from the whole local history.
struct ForgetCommand: ParsableCommand, ReadsJournal {
  static let configuration = CommandConfiguration(
    commandName: "forget",
    _superCommandName: "journal",
    abstract: "Remove one person from the repository's whole history, for good.",
    discussion: """
      Rewrites every branch, tag and other reference of the repository so that mentees/ID/ \
      never appears: the folder is removed from every commit, commits that changed only it \
      disappear, and messages journal commit generated are generated again from what remains \
      (any other message that names the person, by id or by a name their profile gave, has \
      each mention replaced by [forgotten]). Other files, authors, committers and dates stay \
      as they were; signatures of commits that change are dropped. Then the person's share \
      records, the reference-log entries that reach the old history, and every object nothing \
      reaches any more (loose and packed) are removed, and the folder goes from the index and \
      the working tree.

      Without --yes it only says what it would do, as --dry-run does. It refuses uncommitted \
      changes in the journal, a merge or rebase in progress, other working trees, a stash, \
      and references named after the person. Killed at any moment, it leaves a sound \
      repository; run it again to finish.

      Remote branches that still hold the person's data are listed with the git push \
      commands that replace them (forced, with a lease); --push replaces them through \
      libgit2, with the same credentials as journal share. A repository the person's history \
      was shared to is theirs: journal forget does not touch it.

      Examples:
        journal forget carla-diaz --dry-run
        journal forget carla-diaz --yes
        journal forget carla-diaz --yes --push

      Exit status: 0 forgotten (or, with --dry-run, planned); 1 not confirmed: nothing \
      changed, run again with --yes; 2 refused or failed.
      """)

  @Argument(help: ArgumentHelp("The person to forget.", valueName: "id"), completion: Completion.people)
  var id: String

  @Flag(help: "Do it. Without it, journal forget only says what it would do.")
  var yes = false

  @Flag(help: "Say what would be done, and change nothing.")
  var dryRun = false

  @Flag(help: "Replace the remote branches (and tags) that hold the person's data, each under a lease.")
  var push = false

  @OptionGroup(title: "SSH, for --push") var ssh: SSHOptions

  @Option(.journal) var journal: String?

  func run() throws {
    let location = try locateJournal(stoppedForget: .ignore)
    let access = ssh.access
    let outcome = try Forgetter.forget(
      location, person: id, options: Forgetter.Options(confirmed: yes, dryRun: dryRun, push: push, access: access))
    for warning in outcome.warnings { Output.error("journal: warning: \(warning)") }
    Output.write(Self.report(outcome, dryRun: dryRun || !yes))
    if !outcome.applied && !dryRun && yes {
      // Nothing to do: the person is nowhere in the repository.
      return
    }
    if !yes && !dryRun && !outcome.isEmpty {
      Output.error("journal: nothing was changed: run journal forget \(shown(id)) --yes to forget \(shown(id))")
      throw ExitCode(1)
    }
  }

  static func report(_ outcome: Forgetter.Outcome, dryRun: Bool) -> String {
    let person = shown(outcome.person)
    if outcome.isEmpty {
      return "\(person) appears in no commit, tag or share record of this repository: nothing to forget\n"
    }
    func names(_ changes: [Forgetter.ReferenceChange]) -> String { changes.map { shown($0.name) }.joined(separator: ", ") }
    var text = dryRun ? "would forget \(person) (nothing changed):\n" : "forgot \(person):\n"
    let moved = outcome.references.filter { $0.new != nil }
    let deleted = outcome.references.filter { $0.new == nil }
    if !moved.isEmpty { text += "  \(Wording.count(moved.count, "reference")) rewritten: \(names(moved))\n" }
    if !deleted.isEmpty { text += "  \(Wording.count(deleted.count, "reference")) deleted (nothing of them is left, or they pointed at the person's files): \(names(deleted))\n" }
    text += "  \(Wording.count(outcome.commitsRewritten, "commit")) rewritten, \(Wording.count(outcome.commitsDropped, "commit")) removed (they changed only \(person)'s notes)"
    if outcome.signaturesDropped > 0 {
      text += "; \(Wording.count(outcome.signaturesDropped, "signature")) dropped, since what they signed changed"
    }
    text += "\n"
    if !outcome.messages.isEmpty {
      text += "  messages that named \(person):\n"
      for message in outcome.messages {
        let how = message.generated ? "generated again" : "mentions replaced by [forgotten]"
        let before = dryRun ? shown(message.before) + "  ->  " : ""
        // A plan names each commit as `git log` shows it now; a done forget, as it shows it after.
        let name = message.tag.map { "tag " + shown($0) } ?? String((dryRun ? message.old : message.id).prefix(7))
        text += "    \(name) \(before)\(shown(message.after))  (\(how))\n"
      }
    }
    if !outcome.keptMessages.isEmpty {
      text += "  messages kept as written, of commits that changed \(person)'s notes (a first name, a nickname or a description is not recognised: read them):\n"
      for message in outcome.keptMessages {
        text += "    \((dryRun ? message.old : message.id).prefix(7)) \(shown(message.subject))\n"
      }
    }
    for record in outcome.shareRecords {
      text += "  share record \(shown(record.reference)) \(dryRun ? "to delete" : "deleted")"
      text += record.remote.map { " (shared to \(shown($0)))" } ?? ""
      text += "\n"
    }
    if !outcome.shareRecords.isEmpty {
      text += "  a repository \(person)'s history was shared to belongs to \(person): journal forget does not touch it\n"
    }
    if outcome.workingFiles > 0 {
      text += "  working tree: \(Wording.count(outcome.workingFiles, "file")) of \(person)'s folder \(dryRun ? "to remove" : "removed")\n"
    }
    if let cleanup = outcome.cleanup {
      text += "  reference logs: \(Wording.count(cleanup.reflogEntries, "entry", "entries")) removed from \(Wording.count(cleanup.reflogs, "log"))\n"
      if !cleanup.files.isEmpty { text += "  files of the git folder cleaned: \(cleanup.files.joined(separator: ", "))\n" }
      text += "  objects: one pack of \(Wording.count(cleanup.packObjects, "object")) kept; \(Wording.count(cleanup.packsRemoved, "pack")) and \(Wording.count(cleanup.looseObjectsRemoved, "loose object")) removed\n"
    } else if dryRun {
      text += "  then: reference-log entries that reach the old history, and every object nothing reaches any more, removed\n"
    }
    for line in outcome.pushed { text += "  pushed: \(shown(line))\n" }
    let pending = outcome.remotes.filter { update in !outcome.pushed.contains { $0.hasPrefix("\(update.remote) \(update.reference):") } }
    if !pending.isEmpty {
      text += "remote branches that still hold \(person)'s data (as last fetched); replace them with:\n"
      for update in pending { text += "  \(shown(update.command))\n" }
      text += "  (or journal forget \(person) --yes --push); until then, a git fetch brings the old history back\n"
    }
    if !outcome.tags.isEmpty && !outcome.remoteNames.isEmpty && outcome.pushed.isEmpty {
      text += "tags rewritten; where a remote holds one as it was, replace it with:\n"
      for remote in outcome.remoteNames {
        for tag in outcome.tags {
          text += "  git push --force-with-lease=\(shown(tag.name)):\(tag.old) \(shown(remote)) \(tag.new?.description ?? ""):\(shown(tag.name))\n"
        }
      }
    }
    if !dryRun {
      text += "other clones, backups and the repositories pushed to still hold what they held: see docs/retention.md\n"
    }
    return text
  }
}
