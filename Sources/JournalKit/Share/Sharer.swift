import Foundation
import JournalGit
import JournalModel

/// `journal share`: one person's history, and nobody else's, pushed to a repository of their
/// own.
public enum Sharer {
  public struct Options: Sendable {
    public var url: RemoteURL
    /// The branch to push to; nil: the one pushed to last time, else the one the remote's
    /// HEAD names, else `main`.
    public var branch: String?
    public var dryRun: Bool
    public var access: RemoteAccess
    /// Check the shared journal as it will be pushed, and push nothing when it has errors.
    public var verify: Bool
    public var today: Day
    /// The folder this person's folder continues, where it first appears: the user's word
    /// for what journal only follows on proof.
    public var followFrom: String?

    public init(
      url: RemoteURL, branch: String? = nil, dryRun: Bool = false, access: RemoteAccess, verify: Bool = true,
      today: Day, followFrom: String? = nil
    ) {
      self.url = url
      self.branch = branch
      self.dryRun = dryRun
      self.access = access
      self.verify = verify
      self.today = today
      self.followFrom = followFrom
    }
  }

  public struct SharedCommit: Sendable {
    public let id: String
    public let summary: String
  }

  public struct Outcome: Sendable {
    /// The remote, for messages: its URL without password or token.
    public let remote: String
    /// The tip of the shared history, pushed unless this was a dry run.
    public let head: String
    /// The branch of the remote, `main`.
    public let branch: String
    /// The commits the remote received, oldest first; in a dry run, those made since the
    /// last share to this remote.
    public let commits: [SharedCommit]
    public let pushed: Bool
    /// The shared journal's errors, when they stopped the push.
    public let refused: CheckReport?
    /// The files of the shared journal those errors are in, for showing them.
    public let files: [String: [UInt8]]
    /// What the person sharing should know, one line each.
    public let notes: [String]
    /// What they should act on, one line each.
    public let warnings: [String]
  }

  /// Shares `person`'s history. Every message it gives, thrown or returned, has been through
  /// one `Redaction`: no password or token the URL or the environment holds is in it.
  public static func share(_ location: JournalLocation, person: String, options: Options) throws -> Outcome {
    let redaction = Redaction(url: options.url, access: options.access)
    do {
      let outcome = try share(location, person: person, options: options, remote: redaction.apply(options.url.text))
      return Outcome(
        remote: outcome.remote, head: outcome.head, branch: redaction.apply(outcome.branch), commits: outcome.commits,
        pushed: outcome.pushed, refused: outcome.refused, files: outcome.files, notes: outcome.notes.map(redaction.apply),
        warnings: outcome.warnings.map(redaction.apply))
    } catch let error as JournalError {
      throw JournalError(redaction.apply(error.message))
    } catch let error as GitError {
      throw JournalError(redaction.apply("git: \(error.message)"))
    }
  }

  private static func share(_ location: JournalLocation, person: String, options: Options, remote: String) throws
    -> Outcome
  {
    for id in [person] + (options.followFrom.map { [$0] } ?? []) where !Person.isValidID(id) {
      throw JournalError("`\(id)` is not a person id: use lowercase letters, digits and `-`")
    }
    if options.followFrom == person {
      throw JournalError("--follow-from names \(person) itself: name the folder \(person)'s folder continues")
    }
    if let branch = options.branch {
      let name = branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
      guard !branch.isEmpty, !name.contains(".."), !name.hasSuffix("/"),
        !name.contains(where: { " ~^:?*[\\".contains($0) || $0.isNewline })
      else {
        throw JournalError("`\(branch)` is not a branch name")
      }
    }
    let journal = try JournalRepository.open(location)
    // The translated objects stay in memory until they are about to be pushed: a dry run, or
    // a run that fails before, leaves the object database as it was.
    return try git {
      try journal.repository.withObjectsInMemory { keep in
        try share(journal, person: person, options: options, remote: remote, keep: keep)
      }
    }
  }

  private static func share(
    _ journal: JournalRepository, person: String, options: Options, remote: String, keep: () throws -> Void
  ) throws -> Outcome {
    let repository = journal.repository
    let key = ShareRecord.Key(prefix: journal.prefix, person: person, remote: options.url.normalized)
    // What the record's reference names now: the record is replaced only if it still does.
    let recorded = try repository.reference(key.reference)
    let record = try ShareRecord.read(key, in: repository)
    var notes: [String] = []
    if recorded != nil && record == nil {
      notes.append("\(key.reference) is not a record this version of journal can read; translating from the start")
    }
    // A record of the old form is only looked at when this share has none of its own.
    let legacy = recorded == nil ? try LegacyShareRecord.read(person: person, in: repository) : nil
    // The same share as last time, unless the user says otherwise.
    let followFrom = options.followFrom ?? record?.followFrom
    let history = SharedHistory(
      repository: repository, prefix: journal.prefix, person: person, followFrom: followFrom)
    let result = try history.build(
      continuing: record.flatMap { $0.followFrom == followFrom ? $0.point : nil }, checking: legacy?.point)
    if let beginning = result.beginning, !beginning.removed.isEmpty {
      notes.append(beginningNote(person: person, beginning))
    }
    let given = options.branch.map { $0.hasPrefix("refs/") ? $0 : "refs/heads/" + $0 }
    var warnings: [String] = []
    func outcome(
      _ commits: [SharedCommit], branch: String?, pushed: Bool, refused: CheckReport? = nil,
      files: [String: [UInt8]] = [:]
    ) -> Outcome {
      Outcome(
        remote: remote, head: result.shared.description, branch: branch.map(shortName) ?? "(the branch its HEAD names)",
        commits: commits, pushed: pushed, refused: refused, files: files, notes: notes, warnings: warnings)
    }
    // The receiving repository must be a journal that passes `journal check`.
    if options.verify {
      let journal = try SharedJournal(result.shared, in: repository)
      let report = try Checker.check(journal, today: options.today)
      if report.errorCount > 0 {
        return outcome([], branch: given, pushed: false, refused: report, files: journal.contents(of: report))
      }
    }
    let url = options.url
    let local = url.transport == .local ? try LocalRemote.inspect(url.path) : nil
    // libgit2 writes a push to a repository on this machine itself: git's hooks there would
    // not run. Rather than go around them, refuse.
    if let hook = local?.receivingHooks.first {
      throw JournalError(
        "\(url.display) has \(hook.hasPrefix("u") ? "an" : "a") \(hook) hook, which libgit2 does not run when it pushes to a repository on this machine; journal share will not go around it: push over ssh:// to this machine, where git runs it, or remove the hook")
    }
    // What the remote holds, and which branch its HEAD names: read directly for a local
    // repository, else listed over a connection of its own (not for a dry run, which makes
    // none).
    let localState = local.map { RemoteReferences(head: $0.head, references: $0.references) }
    guard !options.dryRun else {
      let branch = try localState.map { try self.branch(given: given, recorded: record?.branch, remote: $0, url: url) }
      return outcome(
        result.added.map { SharedCommit(id: $0.shared.description, summary: $0.summary) },
        branch: branch ?? given ?? record?.branch, pushed: false)
    }
    let before = try localState ?? listing(url, access: options.access, in: repository)
    let branch = try self.branch(given: given, recorded: record?.branch, remote: before, url: url)
    let branchName = shortName(branch)
    // The objects go to disk before anything can point at them, so that no reference, even
    // one left by a run killed midway, ever names an object the repository lacks. libgit2
    // pushes from a reference, not a commit: a short-lived one names the shared tip while it
    // is pushed, and goes away whatever happens.
    try keep()
    let pushed: PushResult
    do {
      try repository.forceReference(key.pendingReference, to: result.shared)
      defer { try? repository.deleteReference(key.pendingReference) }
      pushed = try repository.push(
        key.pendingReference, to: url.text, reference: branch, callbacks: options.access.callbacks(for: url))
    } catch let rejected as PushRejected {
      if rejected.notFastForward {
        throw JournalError(
          "\(url.display) has commits on \(branchName) that are not in \(person)'s shared history; journal share never force-pushes")
      }
      throw JournalError("\(url.display) refused the push to \(branchName): \(rejected.reason)")
    } catch let error as GitError {
      throw JournalError("cannot push to \(url.display): \(error.message)")
    }

    let earlier = result.continued ? try record?.translations(in: repository) ?? [] : []
    try ShareRecord.write(
      key, translations: earlier + result.added.map { .init(source: $0.source, shared: $0.shared) },
      branch: branch, followFrom: followFrom, replacing: recorded, in: repository, persist: keep)
    if let legacy {
      notes.append(
        try legacy.settle(reproduced: result.reproduced, remoteHeld: pushed.previous, replacedBy: key, in: repository))
    }
    if let warning = try headWarning(pushed: branch, before: before, url: url, access: options.access, in: repository) {
      warnings.append(warning)
    }
    return outcome(try commits(after: pushed.previous, upTo: result.shared, in: repository), branch: branch, pushed: true)
  }

  /// The shared commits after `previous` (nil: all of them) up to `tip`, oldest first: a shared
  /// history has one parent per commit.
  private static func commits(after previous: ObjectID?, upTo tip: ObjectID, in repository: Repository) throws
    -> [SharedCommit]
  {
    var commits: [SharedCommit] = []
    var next: ObjectID? = tip
    while let id = next, id != previous {
      let summary = try repository.commitMessage(id).prefix { $0 != "\n" }
      commits.append(SharedCommit(id: id.description, summary: String(summary)))
      next = try repository.commitHeader(id).parents.first
    }
    return commits.reversed()
  }

  private static func beginningNote(person: String, _ beginning: SharedHistory.Beginning) -> String {
    let removed = beginning.removed
    let folders = removed.map { "mentees/\($0)/" }.joined(separator: ", ")
    let hint =
      removed.count == 1
      ? "if those were \(person)'s notes, share with --follow-from \(removed[0])"
      : "if one of them held \(person)'s notes, share with --follow-from and its id"
    return
      "\(person)'s history starts at \(beginning.commit.short), where mentees/\(person)/ appears; that commit removed \(folders), but not as a pure rename: \(hint)"
  }
}
