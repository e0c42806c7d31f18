import Foundation
import JournalGit
import JournalModel
import JournalParsing

/// Every branch, tag and other reference of a repository rewritten so that one person's
/// folder never appears, computed whole before anything moves. Its objects are written to
/// wherever the repository writes them (`Forgetter` keeps them in memory until one pack holds
/// them).
///
/// - Each commit's tree loses `<journal>/mentees/<id>/` (and the folders that leaves empty);
///   every other entry keeps its name, mode and id, so other paths are byte for byte as they
///   were, and a commit that never held the folder keeps its tree.
/// - A commit that changed only that folder, and so becomes empty, disappears; one that was
///   empty to begin with stays. A merge left with one distinct parent and that parent's tree
///   disappears too.
/// - Headers are kept byte for byte (authors, committers, dates, `encoding`), but a commit
///   that changes loses its signature (`gpgsig`), which no longer matches, and the signed tags
///   merged into it (`mergetag`) whose commit changed.
/// - A message `journal commit` generated that names the person is generated again from the
///   changes that remain; any other message that names them has each mention replaced by
///   `Mentions.replacement`. Annotated tags are rewritten to point at the new commits, with
///   their messages cleaned the same way and their signatures dropped when they change.
/// - A commit whose tree, parents and message are unchanged keeps its id.
final class PersonRemoval {
  let repository: Repository
  /// Where the journal sits: `""` or `team/notes/`.
  let prefix: String
  let person: String
  private(set) var mentions: Mentions

  /// What became of each commit: itself, a new commit, or, for a commit that disappeared, the
  /// commit that takes its place (nil when none does).
  private(set) var commits: [ObjectID: ObjectID?] = [:]
  private(set) var tags: [ObjectID: ObjectID?] = [:]
  private(set) var rewritten = 0
  private(set) var dropped = 0
  private(set) var signaturesDropped = 0
  private(set) var messages: [MessageChange] = []
  /// Commits kept that changed the person's folder, whose messages name them in no way
  /// journal recognises and stay as written (a first name, a nickname may be in them).
  private(set) var keptMessages: [(old: ObjectID, new: ObjectID, subject: String)] = []
  /// Commits kept whose author or committer is named like the person.
  private(set) var namedSignatures = 0

  struct MessageChange: Sendable {
    let old: ObjectID
    let new: ObjectID
    let oldSubject: String
    let newSubject: String
    /// Generated again from what remains, rather than cleaned of mentions.
    let generated: Bool
    /// The tag's name, when it is an annotated tag's message.
    var tag: String? = nil
  }

  /// The commits that disappeared (`commits` maps each to the commit that takes its place).
  private(set) var droppedCommits: Set<ObjectID> = []
  /// The encodings other than UTF-8 that commit messages name (`encoding` headers).
  private var encodings: Set<String> = []
  /// Every version of the person's folder, and, once asked for, every tree and blob in them.
  private var folderTrees: Set<ObjectID> = []
  /// Whether any commit rewritten holds the person's folder.
  var heldFolder: Bool { !folderTrees.isEmpty }
  private var heldObjects: Set<ObjectID>?
  private var cleanedTrees: [ObjectID: ObjectID?] = [:]

  private var treeOf: [ObjectID: ObjectID] = [:]
  private var filtered: [ObjectID: ObjectID] = [:]
  private var empty: ObjectID?

  init(repository: Repository, prefix: String, person: String) {
    self.repository = repository
    self.prefix = prefix
    self.person = person
    mentions = Mentions(id: person, names: [])
  }

  /// The person's folder from the top of the working tree, `team/notes/mentees/carla-diaz`.
  var folder: String { prefix + JournalPath.peopleFolder + "/" + person }
  private var folderPath: [String] { JournalPath.components(of: folder).map(String.init) }

  /// Rewrites the history reachable from `targets` (what the references point at).
  func rewrite(_ targets: [ObjectID]) throws {
    var tips: [ObjectID] = []
    for target in targets { if let commit = repository.peeledCommit(target) { tips.append(commit) } }
    let order = try repository.commitsParentsFirst(from: tips)
    // The names the person had: every version of their profile.
    var profiles: Set<ObjectID> = []
    // Everyone else the journal held, so that a mention of theirs stays theirs.
    var peopleTrees: Set<ObjectID> = []
    var otherFolders: Set<ObjectID> = []
    var otherIDs: Set<String> = []
    var otherProfiles: [ObjectID: String] = [:]
    var headers: [ObjectID: CommitHeader] = [:]
    for commit in order {
      let header = try repository.commitHeader(commit)
      headers[commit] = header
      treeOf[commit] = header.tree
      if let entry = try repository.treeEntry(folder, in: header.tree), entry.kind == .folder, folderTrees.insert(entry.id).inserted,
        let profile = try repository.treeEntry("profile.md", in: entry.id)
      {
        profiles.insert(profile.id)
      }
      if let people = try repository.treeEntry(prefix + JournalPath.peopleFolder, in: header.tree), people.kind == .folder,
        peopleTrees.insert(people.id).inserted
      {
        for other in try repository.treeEntries(people.id)
        where other.kind == .folder && other.name != person && otherFolders.insert(other.id).inserted {
          otherIDs.insert(other.name)
          if let profile = try repository.treeEntry("profile.md", in: other.id) { otherProfiles[profile.id] = other.name }
        }
      }
    }
    var names: [String] = []
    for profile in profiles {
      if let name = try profileName(profile, of: person), !names.contains(name) { names.append(name) }
    }
    var otherNames: Set<String> = []
    for (profile, id) in otherProfiles {
      if let name = try profileName(profile, of: id) { otherNames.insert(name) }
    }
    mentions = Mentions(id: person, names: names, otherIDs: otherIDs.sorted(), otherNames: otherNames.sorted())
    for commit in order { try rewriteCommit(headers[commit]!) }
  }

  /// The name a version of a person's profile gives them, if it can be read.
  private func profileName(_ profile: ObjectID, of id: String) throws -> String? {
    // A profile's body has no sections to name.
    let parsed = DocumentParser.parse(try repository.blobContent(profile), path: "mentees/\(id)/profile.md", sections: .standard)
    if case .profile(let found)? = parsed.document { return found.name }
    return nil
  }

  private func filteredTree(_ tree: ObjectID) throws -> ObjectID {
    if let known = filtered[tree] { return known }
    let result = try repository.removing(folderPath, from: tree) ?? emptyTree()
    filtered[tree] = result
    return result
  }

  private func emptyTree() throws -> ObjectID {
    if let empty { return empty }
    let tree = try repository.emptyTree()
    empty = tree
    return tree
  }

  private func rewriteCommit(_ header: CommitHeader) throws {
    let commit = header.id
    var parents: [ObjectID] = []
    for parent in header.parents {
      if let mapped = commits[parent] ?? nil, !parents.contains(mapped) { parents.append(mapped) }
    }
    let tree = try filteredTree(header.tree)
    let parentTree = try parents.first.map { treeOf[$0]! } ?? emptyTree()
    if tree == parentTree {
      let wasEmpty = try header.tree == (header.parents.first.map { treeOf[$0]! } ?? emptyTree())
      if (header.parents.count <= 1 && !wasEmpty) || (header.parents.count > 1 && parents.count < 2) {
        commits[commit] = .some(parents.first)
        droppedCommits.insert(commit)
        dropped += 1
        return
      }
    }
    let text = try repository.objectText(commit)
    var message = text.message
    var messageChange: (ObjectID) -> MessageChange? = { _ in nil }
    let encoding = text.values("encoding").first.map { String(decoding: $0, as: UTF8.self) }
    if let encoding, !TextEncoding.isUTF8(encoding) { encodings.insert(encoding) }
    if mentions.isNamed(in: message, encoding: encoding) {
      let (newMessage, generated) = try rewrittenMessage(header, message: message, encoding: encoding)
      message = newMessage
      messageChange = { new in
        MessageChange(
          old: commit, new: new, oldSubject: Self.subject(text.message, encoding: encoding),
          newSubject: Self.subject(newMessage, encoding: encoding),
          generated: generated)
      }
    }
    if tree == header.tree && parents == header.parents && message == text.message {
      commits[commit] = commit
      if mentions.isNamed(in: header.author.name) || mentions.isNamed(in: header.committer.name) { namedSignatures += 1 }
      return
    }
    var headers = [ObjectText.Header(name: "tree", value: tree.description)]
    headers += parents.map { ObjectText.Header(name: "parent", value: $0.description) }
    for header in text.headers {
      switch header.name {
      case "tree", "parent":
        continue
      case "gpgsig", "gpgsig-sha256":
        signaturesDropped += 1
        continue
      case "mergetag":
        // The signed tag of a merged commit stays valid only if that commit is unchanged.
        if let object = Self.taggedObject(header.value), commits[object] == .some(object),
          !mentions.isNamed(in: header.value)
        {
          headers.append(header)
        } else {
          signaturesDropped += 1
        }
      default:
        headers.append(header)
      }
    }
    let new = try repository.writeObject(ObjectText(headers: headers, message: message), kind: .commit)
    commits[commit] = new
    treeOf[new] = tree
    rewritten += 1
    if let change = messageChange(new) {
      messages.append(change)
    } else if try changedFolder(header) {
      keptMessages.append((commit, new, Self.subject(message, encoding: encoding)))
    }
    if mentions.isNamed(in: header.author.name) || mentions.isNamed(in: header.committer.name) { namedSignatures += 1 }
  }

  /// Whether a commit changed the person's folder against its first parent.
  private func changedFolder(_ header: CommitHeader) throws -> Bool {
    let before = try header.parents.first.flatMap { try repository.treeEntry(folder, in: treeOf[$0]!) }
    return try repository.treeEntry(folder, in: header.tree)?.id != before?.id
  }

  /// A message that names the person, rewritten: generated again when it is what
  /// `journal commit` generated for this commit, otherwise cleaned of every mention.
  private func rewrittenMessage(_ header: CommitHeader, message: [UInt8], encoding: String?) throws -> ([UInt8], Bool) {
    if TextEncoding.isUTF8(encoding), header.parents.count <= 1 {
      let changes = try journalChanges(header)
      let text = String(decoding: message, as: UTF8.self)
      if !changes.isEmpty,
        text == CommitMessage.make(changes)
          || text == CommitMessage.make(changes.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) })
      {
        let remaining = changes.filter { JournalPath.person(of: $0.path) != person }
        if !remaining.isEmpty, !mentions.isNamed(in: CommitMessage.make(remaining)) {
          return (Array(CommitMessage.make(remaining).utf8), true)
        }
      }
    }
    return (mentions.redacted(message, encoding: encoding), false)
  }

  /// The journal's files a commit changed against its first parent, described as
  /// `journal commit` describes them.
  private func journalChanges(_ header: CommitHeader) throws -> [JournalChange] {
    let before = header.parents.first.map { treeOf[$0]! }
    let config = prefix + JournalPath.configName
    let people = prefix + JournalPath.peopleFolder + "/"
    // As `journal commit` read them then: with the headings that commit's journal.yml adds.
    let sections = try repository.journalConfig(try repository.treeEntry(config, in: header.tree)).sections
    return try repository.changes(from: before, to: header.tree).compactMap { change in
      guard change.path == config || change.path.hasPrefix(people) else { return nil }
      return try JournalChange(change, prefix: prefix, in: header.tree, of: repository, sections: sections)
    }
  }

  /// What becomes of the object a reference points at: a commit as rewritten, an annotated
  /// tag rewritten to point at it, anything else as it is. nil: nothing is left to point at.
  func rewrittenTarget(_ id: ObjectID) throws -> ObjectID? {
    switch try repository.objectKind(id) {
    case .commit: return commits[id] ?? id
    case .tag: return try rewrittenTag(id)
    case .blob: return try isPersons(id) ? nil : id
    case .tree: return try isPersons(id) ? nil : withoutFolders(id)
    }
  }

  /// A tree (a tag may name any) without the versions of the person's folder it holds at any
  /// depth, and the folders that leaves empty: nil when nothing is left.
  private func withoutFolders(_ tree: ObjectID) throws -> ObjectID? {
    if let known = cleanedTrees[tree] { return known }
    var entries: [TreeEntry] = []
    var changed = false
    for entry in try repository.treeEntries(tree) {
      guard entry.kind == .folder else {
        entries.append(entry)
        continue
      }
      if entry.name == person && folderTrees.contains(entry.id) {
        changed = true
        continue
      }
      let inner = try withoutFolders(entry.id)
      changed = changed || inner != entry.id
      if let inner { entries.append(TreeEntry(name: entry.name, id: inner, kind: .folder)) }
    }
    let result: ObjectID? = !changed ? tree : entries.isEmpty ? nil : try repository.writeTree(entries)
    cleanedTrees[tree] = .some(result)
    return result
  }

  /// Whether a file git wrote from a message (`COMMIT_EDITMSG`, …) names the person, read as
  /// UTF-8 or as any encoding a commit message of the history is in.
  func isNamed(inMessageFile bytes: [UInt8]) -> Bool {
    mentions.isNamed(in: bytes) || encodings.contains { mentions.isNamed(in: bytes, encoding: $0) }
  }

  /// Whether a tree or blob is, or was, in the person's folder: one of its versions, or
  /// anything in one.
  func isPersons(_ id: ObjectID) throws -> Bool {
    if heldObjects == nil {
      var held = folderTrees
      var pending = Array(folderTrees)
      while let tree = pending.popLast() {
        for entry in try repository.treeEntries(tree) where entry.kind != .submodule && held.insert(entry.id).inserted {
          if entry.kind == .folder { pending.append(entry.id) }
        }
      }
      heldObjects = held
    }
    return heldObjects!.contains(id)
  }

  private func rewrittenTag(_ id: ObjectID) throws -> ObjectID? {
    if let known = tags[id] { return known }
    let (target, _) = try repository.tagTarget(id)
    let result: ObjectID?
    if let newTarget = try rewrittenTarget(target) {
      var text = try repository.objectText(id)
      var (message, signature) = Self.splitSignature(text.message)
      let named = mentions.isNamed(in: message)
      if named { message = mentions.redacted(message) }
      if newTarget == target && message + signature == text.message {
        result = id
      } else {
        if !signature.isEmpty { signaturesDropped += 1 }
        let original = text.message
        text.headers = text.headers.map { $0.name == "object" ? ObjectText.Header(name: "object", value: newTarget.description) : $0 }
          .filter { !$0.name.hasPrefix("gpgsig") }
        text.message = message
        let new = try repository.writeObject(text, kind: .tag)
        result = new
        if named {
          messages.append(
            MessageChange(
              old: id, new: new, oldSubject: Self.subject(original, encoding: nil),
              newSubject: Self.subject(message, encoding: nil), generated: false,
              tag: text.values("tag").first.map { String(decoding: $0, as: UTF8.self) }))
        }
      }
    } else {
      result = nil
    }
    tags[id] = result
    return result
  }

  /// A tag's message and the signature appended to it (OpenPGP, X.509 or SSH), as git's
  /// `parse_signature` tells them apart: the signature starts at the last line that begins one.
  static func splitSignature(_ message: [UInt8]) -> ([UInt8], [UInt8]) {
    let starts = ["-----BEGIN PGP SIGNATURE-----", "-----BEGIN PGP MESSAGE-----", "-----BEGIN SIGNED MESSAGE-----",
      "-----BEGIN SSH SIGNATURE-----"].map { Array($0.utf8) }
    var lineStart = 0
    var found: Int?
    while lineStart < message.count {
      if starts.contains(where: { message[lineStart...].starts(with: $0) }) { found = lineStart }
      guard let end = message[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
      lineStart = end + 1
    }
    guard let found else { return (message, []) }
    return (Array(message[..<found]), Array(message[found...]))
  }

  /// The commit a `mergetag` header's tag points at (its first line, `object <id>`).
  private static func taggedObject(_ value: [UInt8]) -> ObjectID? {
    let line = String(decoding: value.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    guard line.hasPrefix("object ") else { return nil }
    return ObjectID(hex: String(line.dropFirst("object ".count)))
  }

  /// A message's first line, read as `git log` reads it.
  static func subject(_ message: [UInt8], encoding: String?) -> String {
    TextEncoding.decode(Array(message.prefix { $0 != UInt8(ascii: "\n") }), encoding: encoding)
  }
}
