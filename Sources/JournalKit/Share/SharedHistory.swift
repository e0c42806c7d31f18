import Foundation
import JournalChecks
import JournalGit
import JournalModel
import JournalParsing

/// One person's history, rewritten so that it holds their own shareable notes and nothing
/// else: `mentees/<id>/` without `private/`, and a `journal.yml` that carries only the rule
/// settings. Each commit on the source's first-parent line that changed those files becomes
/// one commit, with the same author, committer and dates and a message made from that
/// person's changes alone.
///
/// The result depends on nothing but the source commits, so the same history always gives
/// the same commit ids. A run can go on from an earlier translation (`ShareRecord`), and then
/// translates only the commits made since.
struct SharedHistory {
  let repository: Repository
  /// Where the journal sits in the repository: `""` or `Journal/`.
  let prefix: String
  let person: String
  /// The folder the user says this person's folder continues, where it first appears
  /// (`--follow-from`).
  let followFrom: String?

  struct Commit: Sendable {
    let shared: ObjectID
    let source: ObjectID
    let summary: String
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

  /// Translates the history up to HEAD, going on from `earlier` when HEAD's first-parent
  /// line reaches its source commit with the person's folder under their own name; otherwise
  /// from the start, then telling whether that gave `check`'s shared tip at its source.
  func build(continuing earlier: ShareRecord.Point?, checking check: ShareRecord.Point? = nil) throws -> Result {
    guard let head = try repository.headCommit() else {
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
      throw JournalError(
        "\(person) has no history to share: there is no \(prefix)mentees/\(person)/ in the last commit")
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
    func translate(_ step: Step) throws {
      let config = try repository.treeEntry(prefix + JournalPath.configName, in: step.header.tree)?.id
      if let key = lastKey, key.0 == step.folder, key.1 == step.tree, key.2 == config { return }
      lastKey = (step.folder, step.tree, config)
      // A folder left with only private notes shares as no folder at all.
      var entries = [TreeEntry(name: JournalPath.configName, id: try sharedConfig(config), kind: .file)]
      if let filtered = try filteredTree(step.tree) {
        let mentees = try repository.writeTree([TreeEntry(name: step.folder, id: filtered, kind: .folder)])
        entries.append(TreeEntry(name: JournalPath.peopleFolder, id: mentees, kind: .folder))
      } else if lastRoot == nil {
        return
      }
      let root = try repository.writeTree(entries)
      if root == lastRoot { return }
      let changes = try repository.changes(from: lastRoot, to: root).map {
        JournalChange(kind: $0.kind, path: $0.path, document: nil)
      }
      let message = CommitMessage.make(changes)
      let commit = try repository.writeCommit(
        tree: root, parents: parent.map { [$0] } ?? [], author: step.header.author,
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
      reproduced: reproduced && !continued)
  }

  private func personEntry(_ folder: String, in tree: ObjectID) throws -> TreeEntry? {
    guard let entry = try repository.treeEntry(prefix + JournalPath.peopleFolder + "/" + folder, in: tree),
      entry.kind == .folder
    else { return nil }
    return entry
  }

  // MARK: Filtering

  /// The folder without `private/`, hidden files, symbolic links and submodules, at any
  /// depth; nil when nothing is left.
  private func filteredTree(_ tree: ObjectID) throws -> ObjectID? {
    if let known = cache.filtered[tree] { return known }
    var kept: [TreeEntry] = []
    for entry in try repository.treeEntries(tree) where !entry.name.hasPrefix(".") {
      switch entry.kind {
      case .folder:
        guard entry.name != "private", let inner = try filteredTree(entry.id) else { continue }
        kept.append(TreeEntry(name: entry.name, id: inner, kind: .folder))
      case .file, .executable:
        kept.append(entry)
      case .link, .submodule:
        continue
      }
    }
    let result = kept.isEmpty ? nil : try repository.writeTree(kept)
    cache.filtered[tree] = result
    return result
  }

  // MARK: Settings

  /// The shared `journal.yml`: the rule settings of the source's, and nothing else: not its
  /// title, not its comments.
  private func sharedConfig(_ source: ObjectID?) throws -> ObjectID {
    let key = source?.description ?? ""
    if let known = cache.config[key] { return known }
    var settings: [String: RuleSetting] = [:]
    if let source {
      let parsed = DocumentParser.parse(try repository.blobContent(source), path: JournalPath.configName)
      if case .config(let config)? = parsed.document { settings = config.rules }
    }
    let blob = try repository.writeBlob(Array(SharedConfig.text(settings).utf8))
    cache.config[key] = blob
    return blob
  }

  private final class Cache {
    var filtered: [ObjectID: ObjectID?] = [:]
    var config: [String: ObjectID] = [:]
  }

  private let cache = Cache()
}
