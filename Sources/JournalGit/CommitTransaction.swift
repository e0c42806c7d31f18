import Foundation
internal import Clibgit2

/// One commit of some paths, made in git's order (`builtin/commit.c`, a partial commit as
/// `git commit <paths>` makes one, with `git add <paths>` before it):
///
/// 1. `index.lock` is taken, then the index and HEAD read (`IndexLock`);
/// 2. the paths are staged into it through libgit2 (`git_index_add_bypath`: filters,
///    `core.autocrlf`, attributes, `core.fileMode`), skip-worktree entries left alone;
/// 3. a temporary index of HEAD plus those paths (`next-index-<pid>.lock`) is what the
///    hooks see as `GIT_INDEX_FILE` and what the commit's tree is written from (without a
///    hook to see it, the same tree is made from HEAD's directly); the caller approves;
/// 4. `pre-commit`, then the message in `COMMIT_EDITMSG` through `prepare-commit-msg` and
///    `commit-msg`, cleaned up as `commit.cleanup` says;
/// 5. the commit written (signed when `commit.gpgSign` says so), the branch moved with its
///    reflog while `HEAD`'s and the branch's locks are held (`ReferenceTransaction`);
/// 6. the index lock committed, then `post-commit`.
///
/// Any refusal before step 5 leaves branch, reflog, index and working tree as they were
/// (objects already written stay unreferenced until `git gc`).
public final class CommitTransaction {
  public let repository: Repository
  let lock: IndexLock
  /// The branch HEAD names, such as `refs/heads/main`, and where it points (nil: unborn).
  public let branch: String
  public let parent: ObjectID?
  private let permissions: SharedPermissions
  /// The object folders there were, and the objects written since: what is new gets shared
  /// permissions.
  private let objectFolders: Set<String>
  private let created: CreatedObjects
  private var staged = false

  /// Takes the index lock and reads the index.
  public init(_ repository: Repository) throws {
    self.repository = repository
    permissions = try SharedPermissions(repository)
    objectFolders = Set((try? FileManager.default.contentsOfDirectory(atPath: repository.objectsFolder)) ?? [])
    created = try repository.createdObjects()
    created.reset()
    // The lock first, as git takes it: HEAD is read under it.
    lock = try IndexLock(repository)
    switch try repository.head() {
    case .detached(let id):
      throw CommitRefusal("HEAD is detached at \(id.short); check out a branch first (git switch <branch>)")
    case .unborn: parent = nil
    case .branch(_, let id): parent = id
    }
    branch = try repository.headTarget()
  }

  /// Long-running filters started for this commit finish with it, as git's finish when it
  /// exits.
  deinit { FilterProcesses.shared.finishAll() }

  /// Leaves everything as it was (objects already written stay, with the permissions git
  /// gives them when it writes them).
  public func rollback() {
    lock.rollback()
    adjustCreatedObjects()
  }

  // MARK: What to commit

  /// The paths under `prefixes` that may hold something to commit (see
  /// `Repository.statusPaths`). A prefix naming one file (`files`) that git would refuse to
  /// add is refused as `git add` refuses it: one that matches nothing, on disk or in the
  /// index (`PathspecMismatch`), one outside the sparse checkout, or one ignored.
  public func candidates(under prefixes: [String], files: [String] = []) throws -> [String] {
    // git add names the first such path, before it stages anything.
    if let unmatched = files.first(where: { !matchesSomething($0) }) { throw PathspecMismatch(path: unmatched) }
    for file in files {
      if git_index_get_bypath(lock.index, file, 0) != nil {
        if isSkipWorktree(file) {
          throw CommitRefusal(
            "\(file) is outside the sparse-checkout definition (skip-worktree), so it is not updated; change the sparse checkout to commit it")
        }
        continue
      }
      if try repository.isIgnored(file) {
        throw CommitRefusal("\(file) is ignored by git (.gitignore); git add -f would track it")
      }
    }
    // libgit2's status reports a skip-worktree file missing from the working tree as
    // deleted; git looks at neither side of such an entry.
    return try repository.statusPaths(under: prefixes).filter { !isSkipWorktree($0) }
  }

  /// A file or folder in the working tree, or an index entry at `path` or under it.
  private func matchesSomething(_ path: String) -> Bool {
    var info = stat()
    if let root = repository.workingTree, lstat(root + path, &info) == 0 { return true }
    var position = 0
    return git_index_get_bypath(lock.index, path, 0) != nil || git_index_find_prefix(&position, lock.index, path + "/") == 0
  }

  private func isSkipWorktree(_ path: String) -> Bool {
    guard let entry = git_index_get_bypath(lock.index, path, 0) else { return false }
    return UInt32(entry.pointee.flags_extended) & UInt32(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0
  }

  /// Stages `paths` into the locked index as `git add` does (a file gone from the working
  /// tree is removed), and returns what then differs from HEAD among them.
  public func stage(_ paths: [String]) throws -> [FileChange] {
    guard let root = repository.workingTree else { return [] }
    for path in paths where !isSkipWorktree(path) {
      var info = stat()
      if lstat(root + path, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
        try check(git_index_add_bypath(lock.index, path), "git_index_add_bypath")
        lock.upToDate.insert(path)
      } else {
        try check(git_index_remove_bypath(lock.index, path), "git_index_remove_bypath")
      }
    }
    staged = true
    let tree = try parent.map { try repository.tree(ofCommit: $0) }
    defer { if let tree { git_tree_free(tree) } }
    return try paths.compactMap { path in
      let before = try tree.flatMap { try repository.entry(path, in: $0) }
      let after = git_index_get_bypath(lock.index, path, 0).map {
        Repository.Entry(id: ObjectID($0.pointee.id), mode: $0.pointee.mode)
      }
      switch (before, after) {
      case (nil, _?): return FileChange(path: path, kind: .added)
      case (_?, nil): return FileChange(path: path, kind: .deleted)
      case (let old?, let new?) where old != new: return FileChange(path: path, kind: .modified)
      default: return nil
      }
    }
  }

  /// With nothing to commit, keeps what staging put right in the index (an entry an
  /// interrupted run left behind), as `git add` would.
  public func keepIndex() throws {
    guard staged else { return rollback() }
    try lock.write()
    try lock.commit()
    permissions.adjust(lock.indexPath)
    adjustCreatedObjects()
  }

  // MARK: The commit

  public struct Options {
    /// Runs `pre-commit` and `commit-msg`; `--no-verify` turns them off, as in git.
    public var verify = true
    public var environment = ProcessInfo.processInfo.environment
    /// Who the commit names, when the caller has decided it already (from `environment`).
    public var identity: CommitIdentity?
    /// Called once the index is staged and written (to its lock) and before any hook runs:
    /// the caller's own verdict on the commit, which refuses it by throwing.
    public var approve: () throws -> Void = {}

    public init(verify: Bool = true) { self.verify = verify }
  }

  public enum Result {
    case committed(ObjectID, message: String)
    /// The tree would not change (a hook may have put the change back).
    case nothingToCommit
  }

  /// Commits `changes` (as `stage` returned them) with `message`, or refuses with a
  /// `CommitRefusal` and leaves everything as it was.
  public func commit(_ changes: [FileChange], message: String, options: Options = Options()) throws -> Result {
    let identity = try options.identity ?? repository.commitIdentity(environment: options.environment)
    let signer = try CommitSigner(repository)
    try lock.write()
    // The temporary index is only for the hooks to read (and change): without a hook that
    // sees it, the same tree is HEAD's with the changed entries put in.
    let seen: [GitHook] = options.verify ? [.preCommit, .prepareCommitMsg, .commitMsg] : [.prepareCommitMsg]
    let next = try seen.contains(where: { try repository.hookPath($0) != nil })
      ? NextIndex(repository.gitFolder + "next-index-\(getpid()).lock") : nil
    defer { next?.remove() }
    try next?.write(head: parent.map { try repository.tree(ofCommit: $0) }, changes: changes, from: lock.index, repository: repository)
    let unchanged = next?.checksum()
    try options.approve()

    let top = repository.workingTree ?? repository.gitFolder
    var hookEnvironment = [
      "GIT_INDEX_FILE": next?.path ?? lock.indexPath, "GIT_EDITOR": ":",
      "GIT_AUTHOR_NAME": identity.author.name, "GIT_AUTHOR_EMAIL": identity.author.email,
      "GIT_AUTHOR_DATE": "@\(identity.author.time) \(Self.zone(identity.author.offset))",
      "GIT_PREFIX": Self.prefix(of: FileManager.default.currentDirectoryPath, in: top),
    ]
    func run(_ hook: GitHook, _ arguments: [String] = []) throws {
      if let status = try repository.runHook(hook, arguments, environment: hookEnvironment), status != 0 {
        throw CommitRefusal("not committed: the \(hook.rawValue) hook failed (exit \(status))", status: 1)
      }
    }
    if options.verify { try run(.preCommit) }
    // The hook may have changed what is staged: then the tree is written from what it left.
    let tree = try next.flatMap { $0.checksum() != unchanged ? try $0.writeTree(repository) : nil } ?? updatedTree(changes)
    if let parent, try repository.commitHeader(parent).tree == tree { return .nothingToCommit }

    let cleanup = try MessageCleanup(repository)
    let messageFile = repository.gitFolder + "COMMIT_EDITMSG"
    let shownFile = messageFile.hasPrefix(top) ? String(messageFile.dropFirst(top.count)) : messageFile
    try writeScratchFile(Array(cleanup.prepare(message).utf8), to: messageFile)
    try run(.prepareCommitMsg, [shownFile, "message"])
    if options.verify { try run(.commitMsg, [shownFile]) }
    let written = (try? Data(contentsOf: URL(fileURLWithPath: messageFile))).map { String(decoding: $0, as: UTF8.self) } ?? ""
    guard let text = cleanup.clean(written) else {
      throw CommitRefusal("aborting commit due to empty commit message")
    }

    let id = try writeCommit(tree: tree, message: text, identity: identity, signer: signer)
    let subject = String(text.unicodeScalars.prefix { $0 != "\n" })
    let references = try ReferenceTransaction(repository, locking: ["HEAD", branch])
    try references.update(
      branch, to: id, expected: parent, committer: identity.committer,
      message: Self.reflogMessage("commit\(parent == nil ? " (initial)" : ""): " + subject), through: "HEAD")
    // git's own environment, which its commit hooks see too, but no index of theirs.
    try references.commit(hookEnvironment: hookEnvironment.filter { $0.key != "GIT_INDEX_FILE" && $0.key != "GIT_EDITOR" })
    do {
      try lock.commit()
    } catch let error as GitError {
      // As git says it: the branch has moved, and only the index lags behind.
      throw CommitRefusal(
        "committed \(id.short), but the index could not be replaced (\(error.message)); check that the disk is not full, then run git restore --staged :/ to bring it in line")
    }
    permissions.adjust(lock.indexPath)
    adjustCreatedObjects()
    hookEnvironment["GIT_INDEX_FILE"] = lock.indexPath
    _ = try? repository.runHook(.postCommit, environment: hookEnvironment)
    return .committed(id, message: text)
  }

  /// HEAD's tree with the changed paths as the locked index holds them: the tree of the
  /// temporary index, written without one.
  private func updatedTree(_ changes: [FileChange]) throws -> ObjectID {
    let baseline = try parent.map { try repository.tree(ofCommit: $0) }
    defer { if let baseline { git_tree_free(baseline) } }
    var paths: [UnsafeMutablePointer<CChar>?] = []
    defer { paths.forEach { free($0) } }
    var updates: [git_tree_update] = []
    for change in changes {
      let path = strdup(change.path)
      paths.append(path)
      var update = git_tree_update()
      update.path = UnsafePointer(path)
      if let entry = git_index_get_bypath(lock.index, change.path, 0) {
        update.action = GIT_TREE_UPDATE_UPSERT
        update.id = entry.pointee.id
        update.filemode = git_filemode_t(rawValue: entry.pointee.mode)
      } else {
        update.action = GIT_TREE_UPDATE_REMOVE
      }
      updates.append(update)
    }
    var tree = git_oid()
    try check(
      git_tree_create_updated(&tree, repository.pointer, baseline, updates.count, &updates), "git_tree_create_updated")
    return ObjectID(tree)
  }

  private func writeCommit(tree: ObjectID, message: String, identity: CommitIdentity, signer: CommitSigner?) throws -> ObjectID {
    var treeID = tree.oid
    var treeObject: OpaquePointer?
    try check(git_tree_lookup(&treeObject, repository.pointer, &treeID), "git_tree_lookup")
    defer { git_tree_free(treeObject) }
    var parents: [OpaquePointer?] = []
    defer { parents.forEach { git_commit_free($0) } }
    if var oid = parent?.oid {
      var commit: OpaquePointer?
      try check(git_commit_lookup(&commit, repository.pointer, &oid), "git_commit_lookup")
      parents.append(commit)
    }
    let author = try identity.author.make()
    defer { git_signature_free(author) }
    let committer = try identity.committer.make()
    defer { git_signature_free(committer) }
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    try check(
      git_commit_create_buffer(&buffer, repository.pointer, author, committer, nil, message, treeObject, parents.count, &parents),
      "git_commit_create_buffer")
    let payload = Array(UnsafeRawBufferPointer(start: buffer.ptr, count: buffer.size))
    var signature: String? = nil
    if let signer {
      var text = try signer.sign(payload, committer: identity.committer, in: repository.workingTree ?? repository.gitFolder)
      // The header's lines are the signature's; git writes no empty line after the last.
      while text.hasSuffix("\n") { text.removeLast() }
      signature = text
    }
    var id = git_oid()
    try check(
      git_commit_create_with_signature(&id, repository.pointer, buffer.ptr, signature, signature == nil ? nil : "gpgsig"),
      "git_commit_create_with_signature")
    return ObjectID(id)
  }

  /// git's `copy_reflog_msg`: runs of white space become one space, none at either end.
  static func reflogMessage(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var space = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        space = !result.isEmpty
        continue
      }
      if space { result.append(" ") }
      space = false
      result.append(scalar)
    }
    return String(result)
  }

  /// `+0100`: a zone as git writes it.
  static func zone(_ offset: Int32) -> String {
    let minutes = abs(offset)
    return (offset < 0 ? "-" : "+") + String(format: "%02d%02d", minutes / 60, minutes % 60)
  }

  /// `sub/` for a command run in `top/sub`, as git's `GIT_PREFIX`.
  static func prefix(of folder: String, in top: String) -> String {
    let folder = folder.hasSuffix("/") ? folder : folder + "/"
    return folder.hasPrefix(top) ? String(folder.dropFirst(top.count)) : ""
  }

  /// Gives the objects this transaction created (and the folders made for them) the
  /// permissions a shared repository wants, as git gives them to what it creates; objects
  /// that were there already, found and freshened, keep theirs.
  private func adjustCreatedObjects() {
    defer { created.reset() }
    guard permissions.setting != 0 else { return }
    for id in created.ids {
      let hex = id.description
      let folder = repository.objectsFolder + "/" + hex.prefix(2)
      let file = folder + "/" + hex.dropFirst(2)
      // Objects held in memory (a dry run) never reach the disk.
      guard access(file, F_OK) == 0 else { continue }
      if !objectFolders.contains(String(hex.prefix(2))) { permissions.adjust(folder) }
      permissions.adjust(file)
    }
  }
}

/// The temporary index a partial commit is made from: HEAD's tree with the committed paths
/// as the real index now holds them.
private struct NextIndex {
  let path: String

  init(_ path: String) { self.path = path }

  func write(head: OpaquePointer?, changes: [FileChange], from index: OpaquePointer, repository: Repository) throws {
    defer { if let head { git_tree_free(head) } }
    unlink(path)
    var next: OpaquePointer?
    try check(git_index_open(&next, path), "git_index_open")
    defer { git_index_free(next) }
    if let head { try check(git_index_read_tree(next, head), "git_index_read_tree") }
    for change in changes {
      if let entry = git_index_get_bypath(index, change.path, 0) {
        try check(git_index_add(next, entry), "git_index_add")
      } else {
        _ = git_index_remove(next, change.path, 0)
      }
    }
    try check(git_index_write(next), "git_index_write")
  }

  /// The tree of the index as it now is (a hook may have changed it).
  func writeTree(_ repository: Repository) throws -> ObjectID {
    var next: OpaquePointer?
    try check(git_index_open(&next, path), "git_index_open")
    defer { git_index_free(next) }
    var tree = git_oid()
    try check(git_index_write_tree_to(&tree, next, repository.pointer), "git_index_write_tree_to")
    return ObjectID(tree)
  }

  /// The checksum git and libgit2 end an index file with: it changes with any change to
  /// the file's content.
  func checksum() -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let end = try? handle.seekToEnd(), end >= 20 else { return nil }
    try? handle.seek(toOffset: end - 20)
    return (try? handle.readToEnd()).map { Array($0) }
  }

  func remove() { unlink(path) }
}

/// A path named for a commit that matches no file, on disk or in the index: git add's
/// "pathspec '…' did not match any files".
public struct PathspecMismatch: Error, Sendable {
  /// Relative to the working tree.
  public let path: String
}

extension Repository {
  /// The branch HEAD names, such as `refs/heads/main`, whether or not it exists yet.
  func headTarget() throws -> String {
    var reference: OpaquePointer?
    try check(git_reference_lookup(&reference, pointer, "HEAD"), "git_reference_lookup")
    defer { git_reference_free(reference) }
    var name = git_reference_symbolic_target(reference).map { String(cString: $0) } ?? "HEAD"
    // A branch that is itself a symbolic reference is followed, as git does.
    for _ in 0..<10 {
      var next: OpaquePointer?
      guard git_reference_lookup(&next, pointer, name) == 0 else { break }
      defer { git_reference_free(next) }
      guard let target = git_reference_symbolic_target(next) else { break }
      name = String(cString: target)
    }
    return name
  }

  /// The object database's folder (without a trailing `/`).
  var objectsFolder: String { commonFolder + "objects" }
}
