import Foundation
internal import Clibgit2

/// A git repository with a working tree, opened through libgit2, with the configuration git
/// would read (`GitConfiguration`). Not `Sendable`: libgit2 objects belong to one thread.
public final class Repository {
  let pointer: OpaquePointer
  /// The objects its database creates, once something asked (`createdObjects()`).
  var objectRecorder: CreatedObjects?

  private init(_ pointer: OpaquePointer) { self.pointer = pointer }

  deinit {
    // A command-line run ends soon after: the system takes the memory back at once, where
    // freeing a large index entry by entry cost a commit 2% of its instructions (git, too,
    // leaves such memory to the exit).
    if Libgit2.keepsRepositoriesUntilExit { return }
    git_repository_free(pointer)
  }

  /// The repository that contains `path`, searching upward as git does; nil when there is none.
  public static func discover(containing path: String) throws -> Repository? {
    Libgit2.initialize()
    var repository: OpaquePointer?
    let result = git_repository_open_ext(&repository, path, 0, nil)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, "git_repository_open_ext")
    let opened = Repository(repository!)
    try GitConfiguration.install(repository!)
    return opened
  }

  /// Whether `folder` is a repository of its own, its `.git` a folder or a `gitdir:` file:
  /// inside another's working tree, git records such a folder as one gitlink, never its
  /// files (`git add`, `git submodule add`).
  public static func isRepository(atFolder folder: String) -> Bool {
    Libgit2.initialize()
    return git_repository_open_ext(nil, folder, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil) == 0
  }

  /// Makes a new repository with a working tree at `path`.
  public static func create(at path: String) throws -> Repository {
    Libgit2.initialize()
    var repository: OpaquePointer?
    try check(git_repository_init(&repository, path, 0), "git_repository_init")
    let created = Repository(repository!)
    try GitConfiguration.install(repository!)
    return created
  }

  public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

  /// The working tree folder, with a trailing `/`, or nil for a bare repository.
  public var workingTree: String? {
    git_repository_workdir(pointer).map { String(cString: $0) }
  }

  /// The `.git` folder.
  public var gitFolder: String { String(cString: git_repository_path(pointer)) }

  /// An operation git leaves a repository in until it is finished or aborted.
  public enum Operation: String, Sendable {
    case merge, revert, cherryPick = "cherry-pick", bisect, rebase, applyMailbox = "am"
  }

  /// The operation in progress, if any.
  public var operationInProgress: Operation? {
    switch git_repository_state(pointer) {
    case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): nil
    case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): .merge
    case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue), Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue): .revert
    case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue), Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue): .cherryPick
    case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): .bisect
    case Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue), Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue): .applyMailbox
    default: .rebase
    }
  }

  /// Where HEAD points.
  public enum Head: Sendable, Equatable {
    /// A branch with no commits yet.
    case unborn(branch: String)
    case branch(name: String, commit: ObjectID)
    case detached(commit: ObjectID)
  }

  public func head() throws -> Head {
    var reference: OpaquePointer?
    let result = git_repository_head(&reference, pointer)
    if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue {
      var symbolic: OpaquePointer?
      try check(git_reference_lookup(&symbolic, pointer, "HEAD"), "git_reference_lookup")
      defer { git_reference_free(symbolic) }
      let target = git_reference_symbolic_target(symbolic).map { String(cString: $0) } ?? "refs/heads/main"
      return .unborn(branch: target.replacingOccurrences(of: "refs/heads/", with: ""))
    }
    try check(result, "git_repository_head")
    defer { git_reference_free(reference) }
    guard let target = git_reference_target(reference) else {
      throw GitError(function: "git_reference_target", code: -1, message: "HEAD has no target")
    }
    let id = ObjectID(target.pointee)
    if git_repository_head_detached(pointer) == 1 { return .detached(commit: id) }
    return .branch(name: String(cString: git_reference_shorthand(reference)), commit: id)
  }

  /// The tree of the commit HEAD points at; nil on an unborn branch.
  func headTree() throws -> OpaquePointer? {
    guard case .branch(_, let id) = try head() else { return nil }
    return try tree(ofCommit: id)
  }

  func tree(ofCommit id: ObjectID) throws -> OpaquePointer {
    var oid = id.oid
    var commit: OpaquePointer?
    try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
    defer { git_commit_free(commit) }
    var tree: OpaquePointer?
    try check(git_commit_tree(&tree, commit), "git_commit_tree")
    return tree!
  }
}
