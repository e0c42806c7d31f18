import Foundation
import JournalGit
import JournalModel
import JournalParsing

/// The person's side of the round trip: the commits they pushed to the shared branch since
/// the shared history, checked against what may come back, and written as commits of the
/// journal, merged into its branch.
///
/// Each person's commit becomes one journal commit, on the journal commits its parents were
/// shared from: the journal's tree there with the person's folder as they left it (the
/// mentor's `private/` notes, hidden files and links, which they never saw, kept), their
/// author, committer, dates and message, and a last line `Shared-from: <remote> <commit>`.
/// It depends on nothing else, so the same commits always give the same journal commits. A
/// merge joins the last of them to the journal's branch, as `git merge --no-ff` would: its
/// three-way merge settles what both sides changed since, and its shared counterpart is a
/// fast-forward of what the person pushed.
struct Incoming {
  struct Commit {
    /// The person's commit, and the journal commit made from it.
    let shared: ObjectID
    let journal: ObjectID
    let summary: String
    let author: String
    /// What it changed, as the person's repository holds it.
    let stats: [FileDiffStat]
  }

  /// Oldest first.
  let commits: [Commit]
  /// The merge of the last of them into the journal's branch.
  let merge: ObjectID
  /// The journal commits they were made on: with HEAD, what bounds the objects they add.
  let bases: [ObjectID]
  /// What was not taken in, one line each, for the messages.
  let leftOut: [String]

  /// Something a person's commit changed that may not come back.
  struct Outside {
    let commit: ObjectID
    let path: String
    let reason: String
  }

  struct Context {
    let repository: Repository
    let prefix: String
    let person: String
    /// The remote as its record names it.
    let remote: String
    /// The remote as messages show it.
    let shownRemote: String
    /// Every shared commit this repository knows the journal commit of.
    let sources: [ObjectID: ObjectID]
  }

  /// The person's commits on `tip` that `shared` (the shared history's tip) does not hold,
  /// taken in and merged into `head`; nil when there are none. Refuses, changing nothing,
  /// when one of them changes anything outside the person's folder (unless `allowedOnly`,
  /// which leaves that out), is not built on the shared history, or conflicts with the
  /// journal's own changes since.
  static func take(
    _ tip: ObjectID, shared: ObjectID, head: ObjectID, context: Context, allowedOnly: Bool, favor: MergeFavor,
    identity: () throws -> CommitIdentity
  ) throws -> Incoming? {
    let repository = context.repository
    let list = try repository.commits(from: tip, hiding: [shared])
    guard !list.isEmpty else { return nil }
    let folder = JournalPath.peopleFolder + "/" + context.person + "/"
    var outside: [Outside] = []
    var leftOut: [String] = []
    var readme: [String] = []
    for commit in list {
      let header = try repository.commitHeader(commit)
      guard let first = header.parents.first else {
        throw JournalError(
          "\(context.shownRemote) has \(commit.short), which is not built on \(context.person)'s shared history; journal share never force-pushes")
      }
      let before = try repository.commitHeader(first).tree
      for change in try repository.changes(from: before, to: header.tree) {
        if change.path == SharedReadme.fileName {
          readme.append(commit.short)
          continue
        }
        let kind =
          try (repository.treeEntry(change.path, in: header.tree) ?? repository.treeEntry(change.path, in: before))?.kind
        if let reason = Self.refusal(change.path, kind: kind, folder: folder, person: context.person) {
          outside.append(Outside(commit: commit, path: change.path, reason: reason))
        }
      }
    }
    if let first = outside.first, !allowedOnly {
      let more = outside.count > 1 ? " (and \(outside.count - 1) more change\(outside.count == 2 ? "" : "s") that may not come back)" : ""
      throw JournalError(
        "\(context.person)'s commit \(first.commit.short) on \(context.shownRemote) changes \(first.path), \(first.reason)\(more): nothing was taken in or pushed; only changes inside \(folder) come back (--allowed-only takes in just those)")
    }
    leftOut += outside.map { "\($0.path) (\($0.commit.short), \($0.reason))" }
    if !readme.isEmpty {
      leftOut.append(
        "\(SharedReadme.fileName) (\(readme.joined(separator: ", "))): journal share writes it for \(context.person) on each share")
    }

    // The journal commits, each on the journal commits its parents were shared from.
    var made: [ObjectID: ObjectID] = [:]
    var bases: Set<ObjectID> = []
    var commits: [Commit] = []
    for commit in list {
      let header = try repository.commitHeader(commit)
      let parents = try header.parents.map { parent in
        if made[parent] == nil, let base = context.sources[parent] { bases.insert(base) }
        guard let journal = made[parent] ?? context.sources[parent] else {
          throw JournalError(
            "\(context.person)'s commit \(commit.short) on \(context.shownRemote) is built on \(parent.short), which is not in the history journal shared; journal share never force-pushes")
        }
        return journal
      }
      let base = try repository.commitHeader(parents[0]).tree
      let tree = try Self.tree(base, withFolderOf: header.tree, context: context)
      let message = SharedFrom.appending(to: try repository.rawMessage(commit), remote: context.remote, commit: commit)
      let journal = try repository.writeCommit(like: commit, tree: tree, parents: parents, message: message)
      made[commit] = journal
      let text = try repository.commitMessage(commit)
      commits.append(
        Commit(
          shared: commit, journal: journal, summary: String(text.unicodeScalars.prefix { $0 != "\n" }),
          author: header.author.name,
          stats: try repository.diffStat(from: try repository.commitHeader(header.parents[0]).tree, to: header.tree, binaryAbove: try repository.bigFileThreshold(fallback: Sharer.bigFileThreshold))))
    }
    let last = made[tip]!
    let merged = try repository.mergeTrees(
      ancestor: try repository.mergeBase(head, last).map { try repository.commitHeader($0).tree },
      ours: try repository.commitHeader(head).tree, theirs: try repository.commitHeader(last).tree, favor: favor)
    let tree: ObjectID
    switch merged {
    case .merged(let result): tree = result
    case .conflicts(let conflicts):
      throw ShareConflict(person: context.person, remote: context.shownRemote, commit: tip, prefix: context.prefix, conflicts: conflicts)
    }
    let who = try identity()
    var message = "journal: take in \(context.person)'s \(commits.count == 1 ? "commit" : "\(commits.count) commits") from \(context.shownRemote)\n\n"
    message += commits.map { "- \($0.shared.short) \($0.summary)\n" }.joined()
    if !leftOut.isEmpty { message += "\nLeft out:\n" + leftOut.map { "- \($0)\n" }.joined() }
    if favor != .none {
      message += "\nLines both sides changed were settled with --resolve \(favor.option).\n"
    }
    let merge = try repository.writeCommit(
      tree: tree, parents: [head, last], author: who.author, committer: who.committer, message: message)
    return Incoming(commits: commits, merge: merge, bases: bases.sorted { $0.description < $1.description }, leftOut: leftOut)
  }

  /// The index locked and HEAD read, ready to move the journal's branch from `head` to the
  /// merge; refused, changing nothing, when the branch moved since or the merge would
  /// overwrite uncommitted changes.
  func prepareLanding(on head: ObjectID, person: String, remote: String, in repository: Repository) throws
    -> (transaction: MergeTransaction, identity: CommitIdentity)
  {
    if let operation = repository.operationInProgress {
      throw JournalError(
        "a \(operation.rawValue) is in progress in \(repository.gitFolder); finish or abort it first, and share again")
    }
    let transaction = try git { try MergeTransaction(repository) }
    guard transaction.parent == head else {
      transaction.rollback()
      throw JournalError("the journal's branch moved while journal share worked; share again")
    }
    let obstacles = try git { try transaction.obstacles(to: merge) }
    guard obstacles.isEmpty else {
      transaction.rollback()
      let files = obstacles.prefix(3).joined(separator: ", ") + (obstacles.count > 3 ? " and \(obstacles.count - 3) more" : "")
      throw JournalError(
        "\(files) \(obstacles.count == 1 ? "has" : "have") uncommitted changes that \(person)'s commits from \(remote) would overwrite: nothing was taken in or pushed; commit them (journal commit) or set them aside (git stash), and share again")
    }
    return (transaction, try git { try repository.commitIdentity() })
  }

  /// The notes that differ between two shared commits and are in the second: what the
  /// person's commits changed, once merged.
  static func changedNotes(from old: ObjectID, to new: ObjectID, in repository: Repository) throws -> [String] {
    let tree = try repository.commitHeader(new).tree
    return try repository.changes(from: try repository.commitHeader(old).tree, to: tree).compactMap { change in
      change.kind == .deleted || change.path == SharedReadme.fileName ? nil : change.path
    }
  }

  /// Why a change to `path` (a file, link or folder of `kind` in the person's repository) may
  /// not come back; nil when it may: a file inside the person's own folder, not in a
  /// `private/` folder, not hidden.
  static func refusal(_ path: String, kind: TreeEntry.Kind?, folder: String, person: String) -> String? {
    guard path.hasPrefix(folder) else {
      return path == JournalPath.configName ? "the journal's settings" : "outside \(folder)"
    }
    let parts = path.dropFirst(folder.count).split(separator: "/", omittingEmptySubsequences: false)
    if parts.dropLast().contains("private") { return "in a private/ folder, which is the mentor's own" }
    if parts.contains(where: { $0.hasPrefix(".") }) { return "a hidden file, which journal never shares" }
    switch kind {
    case .link?: return "a symbolic link, which journal never shares"
    case .submodule?: return "a submodule, which journal never shares"
    default: return nil
    }
  }

  /// The journal tree `base` with the person's folder as `shared` (a tree of the person's
  /// repository) holds it: what journal shares of it from `shared`, and the rest (`private/`,
  /// hidden files, links, submodules) from `base`.
  static func tree(_ base: ObjectID, withFolderOf shared: ObjectID, context: Context) throws -> ObjectID {
    let repository = context.repository
    let path = JournalPath.peopleFolder + "/" + context.person
    let theirs = try repository.treeEntry(path, in: shared).flatMap { $0.kind == .folder ? $0.id : nil }
    let ours = try repository.treeEntry(context.prefix + path, in: base).flatMap { $0.kind == .folder ? $0.id : nil }
    let folder = try combine(shared: theirs, journal: ours, path: path + "/", in: repository)
    let components = (context.prefix + path).split(separator: "/").map(String.init)
    return try replacing(components, in: base, with: folder, in: repository) ?? repository.writeTree([])
  }

  /// A folder of the person's: the entries journal shares from `shared`, the others
  /// (`private/` folders, hidden files, links, submodules, at any depth) from `journal`; nil
  /// when nothing is left. A shared entry where the journal keeps one of its own that the
  /// person never saw is refused rather than either being lost.
  private static func combine(shared: ObjectID?, journal: ObjectID?, path: String, in repository: Repository) throws
    -> ObjectID?
  {
    var entries: [String: TreeEntry] = [:]
    var journalFolders: [String: ObjectID] = [:]
    for entry in try journal.map(repository.treeEntries) ?? [] {
      if !SharedHistory.isShared(entry) {
        entries[entry.name] = entry
      } else if entry.kind == .folder {
        journalFolders[entry.name] = entry.id
      }
    }
    var theirs: [String: TreeEntry] = [:]
    for entry in try shared.map(repository.treeEntries) ?? [] where SharedHistory.isShared(entry) {
      theirs[entry.name] = entry
    }
    for name in Set(journalFolders.keys).union(theirs.keys).sorted() {
      let their = theirs[name]
      let kept = try journalFolders[name].flatMap { try combine(shared: nil, journal: $0, path: path + name + "/", in: repository) }
      if entries[name] != nil || (kept != nil && their.map { $0.kind != .folder } == true) {
        throw JournalError(
          "\(path + name) of the person's repository stands where the journal keeps notes or links of the mentor's that are never shared; rename it there, and share again")
      }
      if let their, their.kind != .folder {
        entries[name] = their
      } else if let inner = try combine(shared: their?.id, journal: journalFolders[name], path: path + name + "/", in: repository) {
        entries[name] = TreeEntry(name: name, id: inner, kind: .folder)
      }
    }
    guard !entries.isEmpty else { return nil }
    return try repository.writeTree(Array(entries.values))
  }

  /// `tree` with the entry at `components` replaced by the folder `folder` (nil: removed).
  private static func replacing(_ components: [String], in tree: ObjectID?, with folder: ObjectID?, in repository: Repository)
    throws -> ObjectID?
  {
    guard let name = components.first else { return folder }
    var entries = try tree.map(repository.treeEntries) ?? []
    let existing = entries.first { $0.name == name }
    entries.removeAll { $0.name == name }
    let inner = try replacing(
      Array(components.dropFirst()), in: existing.flatMap { $0.kind == .folder ? $0.id : nil }, with: folder,
      in: repository)
    if let inner { entries.append(TreeEntry(name: name, id: inner, kind: .folder)) }
    return entries.isEmpty ? nil : try repository.writeTree(entries)
  }
}
