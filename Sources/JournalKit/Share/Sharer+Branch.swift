import JournalGit

/// What the remote holds, which of its branches `journal share` shares to, and whether a
/// clone of the remote will check it out.
extension Sharer {
  /// The remote's references, the branch to share to, and the commit that branch holds
  /// there, whose history (what the person pushed) is then here, fetched into the
  /// quarantine. One connection lists and fetches; a repository on this machine is read
  /// directly, and fetched from only when it holds commits this one lacks.
  static func readRemote(
    _ url: RemoteURL, local: LocalRemote?, given: String?, recorded: String?, access: RemoteAccess,
    in repository: Repository
  ) throws -> (remote: RemoteReferences, branch: String, tip: ObjectID?) {
    do {
      if let local {
        let state = RemoteReferences(head: local.head, references: local.references)
        let branch = try self.branch(given: given, recorded: recorded, remote: state, url: url)
        guard let tip = state.references[branch] else { return (state, branch, nil) }
        if !repository.hasObject(tip) {
          _ = try repository.fetch(from: url.text, callbacks: access.callbacks(for: url)) { _ in branch }
        }
        return (state, branch, tip)
      }
      var chosen = ""
      let fetched = try repository.fetch(from: url.text, callbacks: access.callbacks(for: url)) { state in
        chosen = try self.branch(given: given, recorded: recorded, remote: state, url: url)
        return chosen
      }
      return (fetched.remote, chosen, fetched.fetched?.commit)
    } catch let error as GitError {
      throw JournalError("cannot fetch from \(url.display): \(error.message)")
    }
  }

  /// The branch to push to: the one given; else, for an empty remote, the one its HEAD names
  /// (so that a clone checks it out), else the one recorded, else `main`; for a remote with
  /// branches, the one recorded, else the one HEAD names, else none: refused, since the remote
  /// does not say.
  static func branch(given: String?, recorded: String?, remote: RemoteReferences, url: RemoteURL) throws
    -> String
  {
    if let given { return given }
    let head = remote.head.flatMap { $0.hasPrefix("refs/heads/") ? $0 : nil }
    if remote.references.isEmpty { return head ?? recorded ?? "refs/heads/main" }
    if let chosen = recorded ?? head { return chosen }
    let branches = remote.references.keys.filter { $0.hasPrefix("refs/heads/") }.sorted().map { shortName($0) }
    throw JournalError(
      "\(url.display) has \(branches.isEmpty ? "references" : "branches (" + branches.prefix(5).joined(separator: ", ") + ")") but its HEAD names none of them, so it does not say which branch to push to; pass --branch")
  }

  static func listing(_ url: RemoteURL, access: RemoteAccess, in repository: Repository) throws
    -> RemoteReferences
  {
    do {
      return try repository.remoteReferences(at: url.text, callbacks: access.callbacks(for: url))
    } catch let error as GitError {
      throw JournalError("cannot push to \(url.display): \(error.message)")
    }
  }

  /// `main` for `refs/heads/main`.
  static func shortName(_ reference: String) -> String {
    reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
  }

  /// After a push to `branch`: a warning when the remote's HEAD names another branch, or one
  /// it does not have, so that a clone would not check the history out. A network remote that
  /// did not say what HEAD names before the push (an empty one) is asked again: it says now
  /// if HEAD names a branch it has.
  static func headWarning(
    pushed branch: String, before: RemoteReferences, url: RemoteURL, access: RemoteAccess, in repository: Repository
  ) throws -> String? {
    var head = before.head
    if head == nil && url.transport != .local {
      do {
        head = try listing(url, access: access, in: repository).head
      } catch let error as JournalError {
        return "pushed, but could not then read which branch HEAD names: \(error.message)"
      }
    }
    guard head != branch else { return nil }
    let pushed = shortName(branch)
    let fix = "make \(pushed) its default branch: git symbolic-ref HEAD \(branch) in that repository, or the hosting service's settings"
    guard let head else {
      // A server names HEAD only when it names a branch the server has.
      if url.transport == .local {
        return "shared to \(pushed), but \(url.display) has a detached HEAD, so a clone of it checks out that commit, not \(pushed); \(fix)"
      }
      return "shared to \(pushed), but the HEAD of \(url.display) names a branch it does not have (an empty repository made with git init --bare names master), so a clone of it checks out no files; \(fix)"
    }
    if url.transport == .local, before.references[head] == nil {
      return "shared to \(pushed), but the HEAD of \(url.display) names \(shortName(head)), a branch it does not have, so a clone of it checks out no files; \(fix)"
    }
    return "shared to \(pushed), but a clone of \(url.display) checks out \(shortName(head)), the branch its HEAD names; to have clones check out \(pushed), \(fix)"
  }
}
