import Foundation
import JournalChecks
import JournalGit
import JournalModel
import JournalParsing

/// One person's history, rewritten so that it holds their own shareable notes and nothing
/// else: `mentees/<id>/` without `private/`, a `journal.yml` that carries only the rule
/// settings, the added headings and the rubrics those notes name (`SharedConfig`), and a
/// `README.md` made from those notes for the person (`SharedReadme`). Each commit on the
/// source's first-parent line that changed those files becomes one commit, with the same
/// author, committer and dates and a message made from that person's changes alone.
///
/// The result depends on nothing but the source commits, so the same history always gives
/// the same commit ids. A run can go on from an earlier translation (`ShareRecord`), and then
/// translates only the commits made since.
///
/// A merge that took the person's own commits into the journal (`Sharer+Incoming`) becomes a
/// merge of the shared history and those commits, as the person made them: their second
/// parent names the person's commit it was made from (`SharedFrom`), for this remote.
struct SharedHistory {
  let repository: Repository
  /// Where the journal sits in the repository: `""` or `Journal/`.
  let prefix: String
  let person: String
  /// The folder the user says this person's folder continues, where it first appears
  /// (`--follow-from`).
  let followFrom: String?
  /// The remote shared to, as its record names it: the person's commits taken in from it are
  /// theirs again in its shared history.
  let remote: String
  /// Commits the remote holds, with their history: a person's commit is a parent in the
  /// shared history only if it is among them, so that a merge never brings the remote
  /// anything through it that the remote did not already have.
  let held: [ObjectID]

  struct Commit: Sendable {
    let shared: ObjectID
    let source: ObjectID
    let summary: String

    var point: ShareRecord.Point { ShareRecord.Point(source: source, shared: shared) }
  }

  struct Result {
    /// The source commit translated last: HEAD.
    let source: ObjectID
    /// The tip of the shared history.
    let shared: ObjectID
    /// The commits made by this run, oldest first.
    let added: [Commit]
    /// Whether the run went on from the translation it was given.
    let continued: Bool
    /// Where the history starts, when it starts at a folder that appears in a commit that
    /// removed others: they might be this person's past, which only the user can say.
    let beginning: Beginning?
    /// Whether this run, translating from the start, made the translation it was asked to
    /// check: the same shared tip for the same source commit.
    let reproduced: Bool
    /// The journal's commits this run found taken in from the person's repository, each with
    /// the person's commit it was made from, oldest first.
    let takenIn: [ShareRecord.Point]
  }

  /// The commit where the person's folder appears, and the folders it removed.
  struct Beginning {
    let commit: ObjectID
    let removed: [String]
  }

  /// A step of the first-parent line: the commit, and the person's folder name and tree in it.
  private struct Step {
    let header: CommitHeader
    let folder: String
    let tree: ObjectID
  }

  /// Translates the history up to `tip` (nil: HEAD), going on from `earlier` when the
  /// first-parent line reaches its source commit with the person's folder under their own
  /// name; otherwise from the start, then telling whether that gave `check`'s shared tip at
  /// its source.
  func build(upTo tip: ObjectID? = nil, continuing earlier: ShareRecord.Point?, checking check: ShareRecord.Point? = nil)
    throws -> Result
  {
    guard let head = try tip ?? repository.headCommit() else {
      throw JournalError("the repository has no commits yet; commit the journal first (journal commit)")
    }
    var steps: [Step] = []
    var continued = false
    var folder = person
    var followed = false
    var beginning: Beginning?
    var header = try repository.commitHeader(head)
    var entry = try personEntry(folder, in: header.tree)
    // Back along the first parents, one tree lookup per commit, until the earlier
    // translation, the commit where the folder appears, or the root. A folder is followed
    // into another's past only on proof (a pure rename) or on the user's word.
    while let current = entry {
      if let earlier, header.id == earlier.source, folder == person, repository.hasObject(earlier.shared) {
        continued = true
        break
      }
      steps.append(Step(header: header, folder: folder, tree: current.id))
      guard let parent = header.parents.first else { break }
      let parentHeader = try repository.commitHeader(parent)
      var parentEntry = try personEntry(folder, in: parentHeader.tree)
      if parentEntry == nil {
        if let renamed = try renamedFrom(folder, tree: current.id, commit: header.tree, parent: parentHeader.tree) {
          folder = renamed
        } else if let followFrom, !followed {
          guard try personEntry(followFrom, in: parentHeader.tree) != nil else {
            throw JournalError(
              "--follow-from \(followFrom): there is no \(prefix)mentees/\(followFrom)/ in \(parent.short), the commit before \(prefix)mentees/\(folder)/ appears")
          }
          folder = followFrom
          followed = true
        } else {
          beginning = Beginning(
            commit: header.id, removed: try removedFolders(commit: header.tree, parent: parentHeader.tree))
          break
        }
        parentEntry = try personEntry(folder, in: parentHeader.tree)
      }
      header = parentHeader
      entry = parentEntry
    }
    if steps.isEmpty && !continued {
      throw Self.noHistory(person, prefix: prefix)
    }
    if let followFrom, !followed, !continued {
      throw JournalError(
        "--follow-from \(followFrom): \(prefix)mentees/\(folder)/ is there from the first commit on; there is nothing before it to follow")
    }

    var parent = continued ? earlier?.shared : nil
    var lastRoot = try parent.map { try repository.commitHeader($0).tree }
    var lastKey: (String, ObjectID, ObjectID?)?
    var added: [Commit] = []
    var reproduced = false
    var takenIn: [ShareRecord.Point] = []
    func translate(_ step: Step) throws {
      let configEntry = try repository.treeEntry(prefix + JournalPath.configName, in: step.header.tree)
      let config = configEntry?.id
      // The person's commits this one merged in: the shared commit is a merge of them too.
      let merged = try personsCommits(mergedBy: step.header, folder: step.folder)
      takenIn += merged.flatMap(\.taken)
      if merged.isEmpty, let key = lastKey, key.0 == step.folder, key.1 == step.tree, key.2 == config { return }
      lastKey = (step.folder, step.tree, config)
      let settings = try sharedSettings(configEntry)
      var entries: [TreeEntry] = []
      var rubrics: Set<String> = []
      // A folder left with only private notes shares as no folder at all.
      if let filtered = try filteredTree(step.tree) {
        let mentees = try repository.writeTree([TreeEntry(name: step.folder, id: filtered, kind: .folder)])
        entries.append(TreeEntry(name: JournalPath.peopleFolder, id: mentees, kind: .folder))
        let folder = try cache.readme.read(
          folder: step.folder, tree: filtered, sections: settings.sections, key: settings.key, in: repository)
        entries.append(TreeEntry(name: SharedReadme.fileName, id: folder.page, kind: .file))
        rubrics = folder.rubrics
      } else if lastRoot == nil {
        return
      }
      entries.append(TreeEntry(name: JournalPath.configName, id: try sharedConfig(settings, rubrics: rubrics), kind: .file))
      let root = try repository.writeTree(entries)
      if merged.isEmpty && root == lastRoot { return }
      // The page follows the notes: the message names the notes' changes, in the words
      // `journal commit` gives them in the journal.
      func changes(from old: ObjectID?) throws -> [JournalChange] {
        try repository.changes(from: old, to: root).filter { $0.path != SharedReadme.fileName }.map {
          try JournalChange($0, in: root, of: repository, sections: settings.sections)
        }
      }
      let message: String
      if let last = merged.last?.tip {
        // What the merge brings the person: the journal's changes since their commits.
        message = mergeMessage(try changes(from: try repository.commitHeader(last).tree))
      } else {
        message = CommitMessage.make(try changes(from: lastRoot))
      }
      let commit = try repository.writeCommit(
        tree: root, parents: (parent.map { [$0] } ?? []) + merged.map(\.tip), author: step.header.author,
        committer: step.header.committer, message: message)
      added.append(Commit(shared: commit, source: step.header.id, summary: String(message.prefix { $0 != "\n" })))
      parent = commit
      lastRoot = root
    }
    for step in steps.reversed() {
      try translate(step)
      if let check, step.header.id == check.source { reproduced = parent == check.shared }
    }
    guard let shared = parent else {
      throw JournalError("\(person) has nothing to share: their folder holds only private notes")
    }
    return Result(
      source: head, shared: shared, added: added, continued: continued, beginning: beginning,
      reproduced: reproduced && !continued, takenIn: takenIn)
  }

  // MARK: The person's commits

  /// The person's commits a journal commit merged in from this remote: for each parent
  /// after the first whose message ends with `Shared-from: <this remote> <commit>`, that
  /// commit, when the remote holds it (`held`) and it is this person's (`folder` is the
  /// person's folder there), and every such pair in that parent's history.
  ///
  /// The trailer names the remote, not the person: a share of someone else to that remote,
  /// by mistake, must not take another person's commits for theirs. If it did, and the
  /// remote's branch were at such a commit (a share that took it in and could not push), the
  /// other person's notes would reach the remote as a fast-forward.
  private func personsCommits(mergedBy header: CommitHeader, folder: String) throws
    -> [(tip: ObjectID, taken: [ShareRecord.Point])]
  {
    try header.parents.dropFirst().compactMap { parent in
      guard let tip = try personsCommit(parent), repository.hasObject(tip),
        try isPersons(tip, takenInAs: parent, folder: folder),
        try held.contains(where: { try repository.isAncestor(tip, of: $0) })
      else { return nil }
      var taken: [ShareRecord.Point] = []
      var seen: Set<ObjectID> = []
      var queue = [parent]
      while let next = queue.popLast() {
        guard seen.insert(next).inserted, let own = try personsCommit(next) else { continue }
        taken.append(ShareRecord.Point(source: next, shared: own))
        queue += try repository.commitHeader(next).parents
      }
      return (tip, taken.reversed())
    }
  }

  /// Whether a person's commit, taken into the journal as `journal`, is this person's: it
  /// holds their folder (a shared repository holds one person's, at `mentees/` of its root),
  /// or the journal commit made from it changed their folder and nothing else (they removed
  /// it whole).
  private func isPersons(_ commit: ObjectID, takenInAs journal: ObjectID, folder: String) throws -> Bool {
    let root = try repository.commitHeader(commit).tree
    if let entry = try repository.treeEntry(JournalPath.peopleFolder + "/" + folder, in: root), entry.kind == .folder {
      return true
    }
    let header = try repository.commitHeader(journal)
    let before = try header.parents.first.map { try repository.commitHeader($0).tree }
    let changes = try repository.changes(from: before, to: header.tree)
    let inside = prefix + JournalPath.peopleFolder + "/" + folder + "/"
    return !changes.isEmpty && changes.allSatisfy { $0.path.hasPrefix(inside) }
  }

  /// The error for a person whose folder the last commit does not hold.
  static func noHistory(_ person: String, prefix: String) -> JournalError {
    JournalError("\(person) has no history to share: there is no \(prefix)mentees/\(person)/ in the last commit")
  }

  /// The person's commit a journal commit was made from, by the last line of its message.
  func personsCommit(_ commit: ObjectID) throws -> ObjectID? {
    SharedFrom.commit(in: try repository.rawMessage(commit), remote: remote)
  }

  /// A merge's message in the shared history: it names only the person and the changes it
  /// brings them, in the words `journal commit` uses.
  private func mergeMessage(_ changes: [JournalChange]) -> String {
    let subject = "journal: \(person)'s own changes taken into the journal"
    guard !changes.isEmpty else { return subject + "\n" }
    return subject + "\n\n" + changes.map { "- " + $0.phrase }.joined(separator: "\n") + "\n"
  }

  private func personEntry(_ folder: String, in tree: ObjectID) throws -> TreeEntry? {
    guard let entry = try repository.treeEntry(prefix + JournalPath.peopleFolder + "/" + folder, in: tree),
      entry.kind == .folder
    else { return nil }
    return entry
  }

  // MARK: Filtering

  /// Whether journal shares an entry of a person's folder: not a `private/` folder, not a
  /// hidden file, not a symbolic link or a submodule.
  static func isShared(_ entry: TreeEntry) -> Bool {
    !entry.name.hasPrefix(".") && entry.kind != .link && entry.kind != .submodule
      && !(entry.kind == .folder && entry.name == "private")
  }

  /// The folder without `private/`, hidden files, symbolic links and submodules, at any
  /// depth; nil when nothing is left.
  private func filteredTree(_ tree: ObjectID) throws -> ObjectID? {
    if let known = cache.filtered[tree] { return known }
    var kept: [TreeEntry] = []
    for entry in try repository.treeEntries(tree) where Self.isShared(entry) {
      if entry.kind == .folder {
        guard let inner = try filteredTree(entry.id) else { continue }
        kept.append(TreeEntry(name: entry.name, id: inner, kind: .folder))
      } else {
        kept.append(entry)
      }
    }
    let result = kept.isEmpty ? nil : try repository.writeTree(kept)
    cache.filtered[tree] = result
    return result
  }

  // MARK: Settings

  /// A source `journal.yml`, read, with the headings the shared one adds as journal reads them
  /// back from it (the notes and the page are read with those, as the person's check reads
  /// them); `key` tells one source file from another.
  private struct Settings {
    let config: JournalConfig
    let sections: SectionNames
    let key: String
  }

  private func sharedSettings(_ source: TreeEntry?) throws -> Settings {
    let key = source.map { "\($0.id) \($0.kind)" } ?? ""
    if let known = cache.settings[key] { return known }
    let config = try repository.journalConfig(source)
    // The headings do not depend on the rubrics the shared file carries.
    let sections = DocumentParser.config(Array(SharedConfig.text(config).utf8))?.sections ?? .standard
    let settings = Settings(config: config, sections: sections, key: key)
    cache.settings[key] = settings
    return settings
  }

  /// The shared `journal.yml`: the rule settings and section headings of the source's, and
  /// the rubrics the shared notes name (`rubrics`), and nothing else: not its title, not its
  /// comments, not its other rubrics.
  private func sharedConfig(_ settings: Settings, rubrics: Set<String>) throws -> ObjectID {
    let key = settings.key + " " + rubrics.sorted().joined(separator: " ")
    if let known = cache.config[key] { return known }
    let blob = try repository.writeBlob(Array(SharedConfig.text(settings.config, rubrics: rubrics).utf8))
    cache.config[key] = blob
    return blob
  }

  private final class Cache {
    var filtered: [ObjectID: ObjectID?] = [:]
    var settings: [String: Settings] = [:]
    var config: [String: ObjectID] = [:]
    let readme = SharedReadme.Maker()
  }

  private let cache = Cache()
}
