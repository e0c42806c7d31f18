import Foundation
import JournalGit
import JournalModel
import JournalParsing

/// `journal forget`: one person removed from the whole local history of the repository the
/// journal is in, and from everything else of the repository that still holds them.
///
/// In this order, so that a run stopped at any moment leaves a sound repository, and the same
/// command run again finishes it:
///
/// 1. Refusals, with the index locked: uncommitted changes in the journal, an operation in
///    progress, and what a rewrite in place cannot clean (other working trees, a stash,
///    references named after the person, a shallow clone, borrowed or kept objects).
/// 2. The rewrite, computed whole with its objects held in memory (`PersonRemoval`): every
///    reference's history, git notes' included, and other people's share records remapped to
///    the new commits. Configuration naming the person is refused here.
///    Without `--yes`, or with `--dry-run`, it stops here and says what it would do.
/// 3. `JOURNAL_FORGET` is written (`ForgetState`), then one pack of everything the rewritten
///    references, HEAD and the index reach, flushed to disk.
/// 4. Every reference moves at once, under git's locks, each only if it still points where it
///    did, with the person's share records deleted in the same step: one rename of
///    `packed-refs` (`Repository.switchReferences`).
/// 5. The index loses the person's entries, and the working tree their folder.
/// 6. With `--push`, the remotes' branches are replaced, each under a lease.
/// 7. Reference logs are expired as `git reflog expire --expire-unreachable=now --all` expires
///    them (and entries that name the person go too), leftovers such as `ORIG_HEAD` and
///    rerere's records are rewritten or removed, references are packed, then every other pack
///    and loose object is removed; `JOURNAL_FORGET` goes last.
public enum Forgetter {
  public struct Options: Sendable {
    /// Do it; without it, only say what would be done.
    public var confirmed: Bool
    public var dryRun: Bool
    /// Replace the remotes' branches that hold the person's data.
    public var push: Bool
    public var access: RemoteAccess

    public init(confirmed: Bool, dryRun: Bool = false, push: Bool = false, access: RemoteAccess = RemoteAccess()) {
      self.confirmed = confirmed
      self.dryRun = dryRun
      self.push = push
      self.access = access
    }
  }

  /// A reference that moves, or goes (`new` nil).
  public struct ReferenceChange: Sendable {
    public let name: String
    public let old: ObjectID
    public let new: ObjectID?
  }

  /// A branch of a remote that, as its remote-tracking reference last saw it, holds the
  /// person's data.
  public struct RemoteUpdate: Sendable, Equatable {
    public let remote: String
    /// `refs/remotes/origin/main`.
    public let tracking: String
    /// The remote's own reference, `refs/heads/main`.
    public let reference: String
    public let old: ObjectID
    /// nil: nothing is left of it, and the remote branch should go.
    public let new: ObjectID?

    /// The command that replaces it, with git: forced, but only if the remote still holds what
    /// was seen there.
    public var command: String {
      "git push --force-with-lease=\(reference):\(old) \(remote) \(new?.description ?? ""):\(reference)"
    }
  }

  /// A record `journal share` kept of sharing the person's history.
  public struct ShareRecordNote: Sendable {
    public let reference: String
    /// The remote it was shared to, when the record says.
    public let remote: String?
  }

  public struct Outcome: Sendable {
    public let person: String
    /// Whether anything was changed; false for a dry run or without `--yes`.
    public var applied: Bool
    public let references: [ReferenceChange]
    public let commitsRewritten: Int
    public let commitsDropped: Int
    public let signaturesDropped: Int
    /// Commits and annotated tags whose message named the person: (the id in the history
    /// as it was, the new or would-be id, subject before, after, generated again rather than
    /// cleaned, the tag's name).
    public let messages: [(old: String, id: String, before: String, after: String, generated: Bool, tag: String?)]
    /// Commits that changed the person's notes and whose messages stay as written, since
    /// they name the person in no way journal recognises: (the id in the history as it was,
    /// the new or would-be id, subject).
    public var keptMessages: [(old: String, id: String, subject: String)] = []
    public let shareRecords: [ShareRecordNote]
    /// Files of the person's folder in the working tree (removed, or to remove).
    public let workingFiles: Int
    public let remotes: [RemoteUpdate]
    /// Tags rewritten, which a remote may hold too.
    public let tags: [ReferenceChange]
    public let remoteNames: [String]
    /// Set once applied.
    public var cleanup: Cleanup?
    /// What `--push` did, one line each.
    public var pushed: [String] = []
    public var warnings: [String] = []

    /// Nothing in the repository holds the person (as far as references reach).
    public var isEmpty: Bool { references.isEmpty && shareRecords.isEmpty && workingFiles == 0 }
  }

  /// What the clean-up removed.
  public struct Cleanup: Sendable {
    public var reflogEntries = 0
    public var reflogs = 0
    public var files: [String] = []
    public var packObjects = 0
    public var packsRemoved = 0
    public var looseObjectsRemoved = 0
  }

  public static func forget(_ location: JournalLocation, person: String, options: Options) throws -> Outcome {
    guard Person.isValidID(person) else {
      if let near = Names.meant(by: person, among: try DiskJournal(location).listing(people: nil).people) {
        throw JournalError("no person `\(person)` in the journal or its history; did you mean `\(near)`?")
      }
      throw JournalError("`\(person)` is not a person id: use lowercase letters, digits and `-`")
    }
    let journal = try JournalRepository.open(location)
    let repository = journal.repository
    let state = ForgetState.read(in: repository)
    if let stopped = state?.person, stopped != person {
      throw JournalError(ForgetState.message(stopped) + " first")
    }
    try refuseLayout(journal, person: person)
    try refuseShareLocks(journal, person: person)
    // The index stays locked to the end: no commit can start meanwhile, in journal or git.
    let lock = try git { try IndexLock(repository) }
    defer { lock.rollback() }
    // A run stopped while a detached HEAD moved left HEAD naming a stand-in of the same value.
    _ = try git { try repository.restoreDetachedHead() }
    let removal = PersonRemoval(repository: repository, prefix: journal.prefix, person: person)
    try refuseUncommitted(journal, folder: removal.folder, interrupted: state != nil)
    let records = try shareRecords(journal, person: person)
    let recordNames = Set(records.map(\.reference))

    return try git {
      try repository.withObjectsInMemory { _ in
        var references = try repository.references().filter { $0.symbolic == nil && !recordNames.contains($0.name) }
          .map { (name: $0.name, target: $0.target!) }
        if case .detached(let commit) = try repository.head() { references.append(("HEAD", commit)) }
        try removal.rewrite(references.map(\.target))
        let root = (repository.workingTree ?? "") + removal.folder
        // Nowhere a folder of theirs: a message that happens to hold the id ("Carla" for
        // `carla`, typed for `carla-diaz`) is no reason to rewrite the history.
        if !removal.heldFolder, records.isEmpty, countFiles(root) == 0, state == nil {
          let known = try DiskJournal(location).listing(people: nil).people
          if let near = Names.meant(by: person, among: known) {
            throw JournalError("no person `\(person)` in the journal or its history; did you mean `\(near)`?")
          }
          return Outcome(
            person: person, applied: false, references: [], commitsRewritten: 0, commitsDropped: 0,
            signaturesDropped: 0, messages: [], shareRecords: [], workingFiles: 0, remotes: [], tags: [], remoteNames: [])
        }
        try refuseConfiguration(repository, person: person, mentions: removal.mentions)
        var changes: [ReferenceChange] = []
        for reference in references {
          let new = try removal.rewrittenTarget(reference.target)
          if new != reference.target { changes.append(ReferenceChange(name: reference.name, old: reference.target, new: new)) }
        }
        for reference in references
        where reference.name.hasPrefix("refs/notes/") && (try? repository.objectKind(reference.target)) == .commit {
          let new = try removal.rewrittenNotes(reference.target)
          changes.removeAll { $0.name == reference.name }
          if new != reference.target { changes.append(ReferenceChange(name: reference.name, old: reference.target, new: new)) }
        }
        // Other people's share records name source commits that may have changed.
        for reference in references where ShareRecord.isRecord(reference.name) {
          guard let new = try ShareRecord.rewritten(reference.target, by: removal.commits, in: repository) else { continue }
          changes.removeAll { $0.name == reference.name }
          changes.append(ReferenceChange(name: reference.name, old: reference.target, new: new))
        }
        if case .branch(let name, _) = try repository.head(),
          changes.contains(where: { $0.name == "refs/heads/" + name && $0.new == nil })
        {
          throw JournalError(
            "every commit of the branch \(name) only changes \(person)'s notes, so nothing of it would be left; switch to another branch first")
        }
        if let own = changes.first(where: { Repository.isPerWorktree($0.name) }) {
          throw JournalError(
            "\(own.name) belongs to this working tree alone, so git never packs it and it cannot move with the other references: delete it first (git update-ref -d \(own.name))")
        }
        if changes.contains(where: { $0.name == "HEAD" && $0.new == nil }) {
          throw JournalError(
            "HEAD is detached at a commit whose every ancestor only changes \(person)'s notes, so nothing of it would be left; switch to a branch first")
        }
        let remoteNames = try repository.remoteNames()
        var remotes = try remoteUpdates(changes, remoteNames: remoteNames, in: repository)
        for earlier in state?.remotes ?? [] where !remotes.contains(where: { $0.tracking == earlier.tracking }) {
          remotes.append(earlier)
        }
        var outcome = Outcome(
          person: person, applied: false, references: changes, commitsRewritten: removal.rewritten,
          commitsDropped: removal.dropped, signaturesDropped: removal.signaturesDropped,
          messages: removal.messages.map {
            (
              old: $0.old.description, id: $0.new.description, before: $0.oldSubject, after: $0.newSubject,
              generated: $0.generated, tag: $0.tag
            )
          },
          shareRecords: records, workingFiles: countFiles(root), remotes: remotes,
          tags: changes.filter { $0.name.hasPrefix("refs/tags/") }, remoteNames: remoteNames)
        outcome.keptMessages = removal.keptMessages.map {
          (old: $0.old.description, id: $0.new.description, subject: $0.subject)
        }
        if removal.namedSignatures > 0 {
          outcome.warnings.append(
            "\(removal.namedSignatures) commit\(removal.namedSignatures == 1 ? " names" : "s name") someone called like \(person) as author or committer; journal forget keeps authors and committers as they are")
        }
        guard options.confirmed, !options.dryRun, !(outcome.isEmpty && state == nil) else { return outcome }

        try ForgetState(person: person, remotes: remotes).write(in: repository)
        // Everything the references will reach, on disk before any of them moves.
        try lock.removeFolder(removal.folder)
        try lock.removeResolvedConflicts(under: removal.folder)
        let indexTree = try lock.rebuildTreeCache()
        let moved = Dictionary(uniqueKeysWithValues: changes.map { ($0.name, $0.new) })
        let tips = references.compactMap { reference -> ObjectID? in
          if let change = moved[reference.name] { return change }
          return reference.target
        }
        let pack = try repository.writePack(reachableFrom: tips, extra: lock.objectIDs + [indexTree])

        do {
          try moveReferences(changes, deleting: records, in: repository)
        } catch let error as GitError where error.isModified {
          throw JournalError(
            "a reference moved while journal forget ran (\(error.message)), so none was moved; run journal forget again")
        }
        try lock.write()
        try lock.commit()
        try? FileManager.default.removeItem(atPath: root)

        if options.push {
          outcome.pushed = pushRemotes(remotes, tags: outcome.tags, remoteNames: remoteNames, options: options, in: repository)
        }
        outcome.cleanup = try cleanUp(repository, removal: removal, keeping: pack)
        ForgetState.remove(in: repository)
        outcome.applied = true
        return outcome
      }
    }
  }

  /// Moves every reference, and deletes the person's share records with their logs, in one
  /// step (`Repository.switchReferences`): killed at any moment, the references are all as
  /// before or all as after. Each moves only if it still points where it did. The moves leave
  /// no entry in the reference logs: their old values are the history that goes, whose
  /// entries the clean-up removes.
  private static func moveReferences(_ changes: [ReferenceChange], deleting records: [ShareRecordNote], in repository: Repository) throws {
    var moves = changes.filter { $0.name != "HEAD" }.map { ReferenceMove(name: $0.name, old: $0.old, new: $0.new) }
    for record in records {
      if let target = try repository.reference(record.reference) { moves.append(ReferenceMove(name: record.reference, old: target, new: nil)) }
    }
    let head = changes.first { $0.name == "HEAD" }.flatMap { change in change.new.map { (old: change.old, new: $0) } }
    try repository.switchReferences(moves, detachedHead: head)
  }

  // MARK: Refusals

  private static func refuseLayout(_ journal: JournalRepository, person: String) throws {
    let repository = journal.repository
    if let operation = repository.operationInProgress {
      throw JournalError("a \(operation.rawValue) is in progress in \(repository.gitFolder); finish or abort it first")
    }
    if repository.isShallow {
      throw JournalError("this is a shallow clone, whose history is not all here: run git fetch --unshallow first")
    }
    let worktrees = try git { try repository.otherWorktrees() }
    if !worktrees.isEmpty {
      throw JournalError(
        "this repository has other working trees (\(worktrees.joined(separator: ", "))), whose HEAD, index and files journal forget would not clean: remove them first (git worktree remove)")
    }
    if let alternate = repository.alternates.first {
      throw JournalError(
        "this repository borrows objects from \(alternate) (objects/info/alternates), which would keep the old history: run git repack -a -d and remove that file first")
    }
    if let marked = repository.markedPacks.first {
      throw JournalError(
        "the pack \(marked) is marked to be kept: another git process may be receiving it; if none is, remove that file and run journal forget again")
    }
    if try git({ try repository.reference("refs/stash") }) != nil {
      throw JournalError(
        "the stash holds changes made on the old history, which would keep it: apply or drop them first (git stash list)")
    }
    // A share record names its person's id whole: this journal's records of this person are
    // deleted, and another person's (`carla-diaz`'s, for `carla`) are theirs.
    let records = ShareRecord.Key(prefix: journal.prefix, person: person, remote: "").folder
      .split(separator: "/").dropLast().joined(separator: "/") + "/"
    let named = try git { try repository.references() }.map(\.name).filter {
      Mentions.referenceName($0, holds: person) && !$0.hasPrefix(records) && $0 != "refs/journal/share/\(person)"
        && ShareRecord.sharedPerson($0).map { $0 == person } ?? true
    }
    if !named.isEmpty {
      throw JournalError(
        "these references are named after \(person), and their names would stay: \(named.joined(separator: ", ")); rename or delete them first (git branch -m, git tag -d, git branch -dr)")
    }
  }

  /// The repository's configuration names the person: a remote or other section named after
  /// them, or a value that names them (a remote's URL, a branch's description). git keeps it
  /// outside every object, so it is theirs to rename or remove, with the command given.
  private static func refuseConfiguration(_ repository: Repository, person: String, mentions: Mentions) throws {
    var named: [String] = []
    var commands: [String] = []
    for (name, value) in try git({ try repository.localConfigEntries() }) {
      let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      let subsection = parts.count > 2 ? parts.dropFirst().dropLast().joined(separator: ".") : nil
      if let subsection, Mentions.referenceName(subsection, holds: person) || mentions.isNamed(in: subsection) {
        let section = parts[0] + "." + subsection
        guard !named.contains(section) else { continue }
        named.append(section)
        commands.append(
          parts[0] == "remote"
            ? "git remote rename \(subsection) <new-name>, or git remote remove \(subsection)"
            : "git config --rename-section \(section) <new-name>, or git config --remove-section \(section)")
      } else if mentions.isNamed(in: value), !named.contains(name) {
        named.append(name)
        commands.append("git config --unset-all \(name), or set it anew")
      }
    }
    guard !named.isEmpty else { return }
    throw JournalError(
      "the repository's configuration names \(person) (\(named.joined(separator: ", "))), which journal forget would leave as it is: \(commands.joined(separator: "; ")) first")
  }

  private static func refuseUncommitted(_ journal: JournalRepository, folder: String, interrupted: Bool) throws {
    let paths = try git { try journal.repository.uncommittedPaths(under: journal.journalPaths) }.filter { path in
      // Hidden files are not the journal's (editors' swap files), and after an interrupted
      // run, the person's files the index and working tree still hold are that run's.
      !JournalPath.isInHidden(journal.journalPath(path))
        && !(interrupted && JournalPath.isInside(path, folder: folder))
    }
    if !paths.isEmpty {
      let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
      throw JournalError("the journal has uncommitted changes (\(shown)); commit or discard them first")
    }
  }

  // MARK: What else holds the person

  private static func shareRecords(_ journal: JournalRepository, person: String) throws -> [ShareRecordNote] {
    let repository = journal.repository
    let folder = ShareRecord.Key(prefix: journal.prefix, person: person, remote: "").folder
      .split(separator: "/").dropLast().joined(separator: "/") + "/"
    return try git { try repository.references() }.filter { $0.name.hasPrefix(folder) || $0.name == "refs/journal/share/\(person)" }
      .map { reference in
        let message = reference.target.flatMap { try? repository.commitMessage($0) } ?? ""
        let remote = message.split(separator: "\n").first { $0.hasPrefix("remote ") }.map { String($0.dropFirst(7)) }
        return ShareRecordNote(reference: reference.name, remote: remote)
      }
  }

  /// A lock in the folder of the person's share records, which a `journal share` of theirs
  /// holds or a stopped one left (`…/pending.lock`): its path names them, and a share may be
  /// writing there, so it is refused as git refuses a lock it did not take.
  private static func refuseShareLocks(_ journal: JournalRepository, person: String) throws {
    let common = journal.repository.commonFolder
    let folder = ShareRecord.Key(prefix: journal.prefix, person: person, remote: "").folder
      .split(separator: "/").dropLast().joined(separator: "/")
    var locks: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: common + folder)
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".lock") { locks.append(common + folder + "/" + path) }
    }
    let legacy = common + "refs/journal/share/\(person).lock"
    if FileManager.default.fileExists(atPath: legacy) { locks.append(legacy) }
    if let lock = locks.sorted().first {
      throw JournalError(
        "\(lock) exists: a journal share of \(person) seems to be running, or one was stopped and left it; if none is running, remove it and run journal forget again")
    }
  }

  private static func countFiles(_ folder: String) -> Int {
    var count = 0
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
      var info = stat()
      if lstat(folder + "/" + path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { count += 1 }
    }
    return count
  }
}
