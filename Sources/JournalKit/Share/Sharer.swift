import Foundation
import JournalGit
import JournalModel
import JournalParsing

/// `journal share`: one person's history, and nobody else's, pushed to a repository of their
/// own; and what they pushed there themselves taken into the journal first, so that the
/// remote's new history is a fast-forward of theirs.
public enum Sharer {
  /// Shares `person`'s history. Every message it gives, thrown or returned, has been through
  /// one `Redaction`: no password or token the URL or the environment holds is in it.
  public static func share(_ location: JournalLocation, person: String, options: Options) throws -> Outcome {
    let redaction = Redaction(url: options.url, access: options.access)
    do {
      return try share(location, person: person, options: options, remote: redaction.apply(options.url.text))
        .redacted(redaction)
    } catch let error as JournalError {
      throw JournalError(redaction.apply(error.message))
    } catch let error as GitError {
      throw JournalError(redaction.apply("git: \(error.message)"))
    }
  }

  /// Blobs larger than this are packed whole, without looking for deltas, unless the
  /// repository's `core.bigFileThreshold` says otherwise.
  static let bigFileThreshold: Int64 = 50 << 20

  private static func share(_ location: JournalLocation, person: String, options: Options, remote: String) throws
    -> Outcome
  {
    for id in [person] + (options.followFrom.map { [$0] } ?? []) where !Person.isValidID(id) {
      let known = try DiskJournal(location).listing(people: nil).people
      if Names.meant(by: id, among: known) != nil { throw JournalError.unknownPerson(id, known: known) }
      throw JournalError("`\(id)` is not a person id: use lowercase letters, digits and `-`")
    }
    if options.followFrom == person {
      throw JournalError("--follow-from names \(person) itself: name the folder \(person)'s folder continues")
    }
    if let branch = options.branch {
      let name = branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
      guard !branch.isEmpty, ReferenceName.isValid(name) else {
        throw JournalError("`\(branch)` is not a branch name")
      }
    }
    // An id that names no folder here but is near one is a typo, not a person to share.
    if !FileManager.default.fileExists(atPath: location.root + "/" + JournalPath.peopleFolder + "/" + person),
      let near = Names.meant(by: person, among: try DiskJournal(location).listing(people: nil).people)
    {
      throw JournalError("no person `\(person)` in the journal; did you mean `\(near)`?")
    }
    let journal = try JournalRepository.open(location)
    // The translated objects stay in memory until they are about to be pushed, and what the
    // person pushed stays in a quarantine until the journal takes it in: a dry run, or a run
    // that fails before, leaves the object database as it was.
    // Large attachments are packed whole, as git packs blobs over core.bigFileThreshold:
    // libgit2 would otherwise look for deltas in each, at several times its size in memory.
    return try git {
      try journal.repository.withBigFileThreshold(fallback: bigFileThreshold) {
        try journal.repository.withObjectsInMemory { keep in
          try journal.repository.withQuarantine { migrate in
            try share(journal, person: person, options: options, remote: remote) { tips, hiding in
              try keep(tips, hiding)
              try migrate()
            }
          }
        }
      }
    }
  }

  private static func share(
    _ journal: JournalRepository, person: String, options: Options, remote: String,
    keep: (_ tips: [ObjectID], _ hiding: [ObjectID]) throws -> Void
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
    let given = options.branch.map { $0.hasPrefix("refs/") ? $0 : "refs/heads/" + $0 }
    // A person the last commit does not hold is the first thing to say, before anything
    // about the remote.
    if let head = try repository.headCommit(),
      try repository.treeEntry(journal.prefix + JournalPath.peopleFolder + "/" + person, in: repository.commitHeader(head).tree)?
        .kind != .folder
    {
      throw SharedHistory.noHistory(person, prefix: journal.prefix)
    }
    let url = options.url
    let local = url.transport == .local ? try LocalRemote.inspect(url.path) : nil
    if url.transport == .local, local == nil {
      throw JournalError(
        "no repository at \(url.display): make one with git init --bare \(ShellQuote.quote(url.path)), or give another --to")
    }
    // libgit2 writes a push to a repository on this machine itself, and only to a bare one.
    if let local, !local.isBare {
      throw JournalError(
        "\(url.display) has a working tree, and journal share pushes only to a bare repository on this machine: make one with git init --bare, or push over ssh:// to this machine")
    }
    // Git's hooks there would not run. Rather than go around them, refuse.
    if let hook = local?.receivingHooks.first {
      throw JournalError(
        "\(url.display) has \(hook.hasPrefix("u") ? "an" : "a") \(hook) hook, which libgit2 does not run when it pushes to a repository on this machine; journal share will not go around it: push over ssh:// to this machine, where git runs it, or remove the hook")
    }
    // What the remote holds, which branch to share to, and what the person pushed there.
    let (before, branch, tip) = try readRemote(
      url, local: local, given: given, recorded: record?.branch, access: options.access, in: repository)
    let history = SharedHistory(
      repository: repository, prefix: journal.prefix, person: person, followFrom: followFrom, remote: key.remote,
      held: tip.map { [$0] } ?? [])
    let result = try history.build(
      continuing: record.flatMap { $0.followFrom == followFrom ? $0.point : nil }, checking: legacy?.point)
    if let beginning = result.beginning, !beginning.removed.isEmpty {
      notes.append(beginningNote(person: person, beginning))
    }
    let earlier = result.continued ? try record?.translations(in: repository) ?? [] : []

    // The person's commits since the shared history, taken in under a merge, and that merge
    // translated in turn.
    var incoming: Incoming?
    var final = result
    if let tip, !(try repository.isAncestor(tip, of: result.shared)) {
      var sources: [ObjectID: ObjectID] = [:]
      for point in earlier + result.added.map(\.point) + result.takenIn { sources[point.shared] = point.source }
      let context = Incoming.Context(
        repository: repository, prefix: journal.prefix, person: person, remote: key.remote, shownRemote: remote,
        sources: sources)
      incoming = try Incoming.take(
        tip, shared: result.shared, head: result.source, context: context, allowedOnly: options.allowedOnly,
        favor: options.resolve?.favor ?? .none, identity: { try repository.commitIdentity() })
      if let incoming {
        final = try history.build(
          upTo: incoming.merge, continuing: ShareRecord.Point(source: result.source, shared: result.shared))
      }
    }
    var warnings: [String] = []
    func outcome(
      _ commits: [SharedCommit], pushed: Bool, refused: CheckReport? = nil, refusedIncoming: Bool = false,
      files: [String: [UInt8]] = [:]
    ) -> Outcome {
      Outcome(
        remote: remote, head: final.shared.description, branch: shortName(branch), commits: commits, pushed: pushed,
        incoming: (incoming?.commits ?? []).map {
          IncomingCommit(id: $0.shared.description, summary: $0.summary, author: $0.author, files: $0.stats.map(FileStat.init))
        },
        leftOut: incoming?.leftOut ?? [], refused: refused, refusedIncoming: refusedIncoming, files: files, notes: notes,
        warnings: warnings)
    }

    // What the person changed must pass `journal check`, as `journal commit` wants of the
    // journal's own changes; and the receiving repository must be a journal that passes it.
    if options.verify {
      let shared = try SharedJournal(final.shared, in: repository)
      if incoming != nil {
        let changed = try Incoming.changedNotes(from: result.shared, to: final.shared, in: repository)
        // Against the shared settings before their commits: the shared journal.yml carries
        // the rubrics the shared notes name, and a rubric only the person's own changes name
        // is reported as unknown there, as in their clone, whether the journal has it or not.
        let theirs = try SharedJournal(final.shared, settings: result.shared, in: repository)
        let report = try Checker.check(theirs, today: options.today, only: changed).narrowed(to: changed)
        if report.errorCount > 0 {
          return outcome([], pushed: false, refused: report, refusedIncoming: true, files: theirs.contents(of: report))
        }
      }
      let report = try Checker.check(shared, today: options.today)
      if report.errorCount > 0 {
        return outcome([], pushed: false, refused: report, files: shared.contents(of: report))
      }
    }

    // The merge lands on the journal's branch as `git merge` would land it, or not at all.
    let landing = try incoming.map { try $0.prepareLanding(on: result.source, person: person, remote: remote, in: repository) }
    guard !options.dryRun else {
      landing?.transaction.rollback()
      return outcome(try commits(from: final.shared, after: tip, in: repository, withFiles: true), pushed: false)
    }
    // Objects go to disk before anything can point at them, so that no reference, even one
    // left by a run killed midway, ever names an object the repository lacks: what the
    // branch and the remote will hold, less what the repository has already.
    let present = [result.source] + (tip.map { [$0] } ?? []) + (record.map { [$0.point.shared] } ?? [])
      + (incoming?.bases ?? [])
    try keep([final.shared] + (incoming.map { [$0.merge] } ?? []), present)
    if let landing, let incoming {
      try landing.transaction.apply(
        incoming.merge, committer: landing.identity.committer,
        reflog: "journal share: take in \(person)'s commits from \(remote)")
    }
    let landed = incoming.map {
      "took in \(Wording.count($0.commits.count, "commit")) of \(person)'s, but "
    } ?? ""

    // libgit2 pushes from a reference, not a commit: a short-lived one names the shared tip
    // while it is pushed, and goes away whatever happens.
    let pushed: PushResult
    let branchName = shortName(branch)
    do {
      do {
        try repository.forceReference(key.pendingReference, to: final.shared)
      } catch let error as GitError where error.isLocked {
        throw JournalError(landed + key.heldLock(on: key.pendingReference, shownRemote: url.display, in: repository))
      }
      defer { try? repository.deleteReference(key.pendingReference) }
      pushed = try repository.push(
        key.pendingReference, to: url.text, reference: branch, callbacks: options.access.callbacks(for: url))
    } catch let rejected as PushRejected {
      if rejected.notFastForward {
        throw JournalError(
          "\(landed)\(url.display) has commits on \(branchName) that are not in \(person)'s shared history; journal share never force-pushes")
      }
      // libgit2 writes a repository on this machine itself, and a lock left on the branch
      // fails the push with an empty reason: said as a held lock is said here.
      if let lock = local.map({ $0.commonFolder + branch + ".lock" }), FileManager.default.fileExists(atPath: lock) {
        throw JournalError(
          "\(landed)\(lock) exists: another push to \(branchName) of \(url.display) seems to be running, or one was stopped and left it; if none is running, remove it and share again")
      }
      throw JournalError("\(landed)\(url.display) refused the push to \(branchName): \(rejected.reason)")
    } catch let error as GitError {
      throw JournalError("\(landed)cannot push to \(url.display): \(error.message)")
    }

    // The record lists every shared commit with the journal commit it stands for: the
    // translated ones, and the person's own with the journal commits taken in from them.
    var translations = earlier
    var listed = Set(earlier.map(\.shared))
    for point in result.takenIn + result.added.map(\.point) + final.takenIn + final.added.map(\.point)
    where listed.insert(point.shared).inserted {
      translations.append(point)
    }
    try ShareRecord.write(
      key, translations: translations, branch: branch, followFrom: followFrom, replacing: recorded, in: repository,
      persist: { try keep([$0], [final.shared]) })
    if let legacy {
      notes.append(
        try legacy.settle(reproduced: result.reproduced, remoteHeld: pushed.previous, replacedBy: key, in: repository))
    }
    if let warning = try headWarning(pushed: branch, before: before, url: url, access: options.access, in: repository) {
      warnings.append(warning)
    }
    return outcome(try commits(from: final.shared, after: pushed.previous, in: repository), pushed: true)
  }

  /// The shared commits `tip` has and `previous` (nil: none) has not, oldest first; with
  /// what each changed, for a dry run.
  private static func commits(from tip: ObjectID, after previous: ObjectID?, in repository: Repository, withFiles: Bool = false)
    throws -> [SharedCommit]
  {
    try repository.commits(from: tip, hiding: previous.map { [$0] } ?? []).map { id in
      let summary = try repository.commitMessage(id).unicodeScalars.prefix { $0 != "\n" }
      var files: [FileStat] = []
      if withFiles {
        let header = try repository.commitHeader(id)
        let parent = try header.parents.first.map { try repository.commitHeader($0).tree }
        files = try repository.diffStat(from: parent, to: header.tree, binaryAbove: try repository.bigFileThreshold(fallback: Sharer.bigFileThreshold)).map(FileStat.init)
      }
      return SharedCommit(id: id.description, summary: String(String.UnicodeScalarView(summary)), files: files)
    }
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
