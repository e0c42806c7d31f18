import Foundation
import JournalGit

extension Forgetter {
  /// The remote branches that, as their remote-tracking references last saw them, hold what
  /// the rewrite removes.
  static func remoteUpdates(_ changes: [ReferenceChange], remoteNames: [String], in repository: Repository) throws
    -> [RemoteUpdate]
  {
    try changes.compactMap { change in
      // The longest remote name the reference falls under: `origin/x` before `origin`.
      guard change.name.hasPrefix("refs/remotes/"),
        let remote = remoteNames.filter({ change.name.hasPrefix("refs/remotes/\($0)/") }).max(by: { $0.count < $1.count }),
        let reference = try repository.remoteReference(tracking: change.name, remote: remote)
      else { return nil }
      return RemoteUpdate(remote: remote, tracking: change.name, reference: reference, old: change.old, new: change.new)
    }
  }

  /// Replaces the remote branches that hold the person's data, and the rewritten tags a
  /// remote holds as they were, each forced under a lease (the remote must still hold what was
  /// seen there), through libgit2 with the credentials `journal share` uses. One line each
  /// about what happened; a remote that fails does not stop the others.
  static func pushRemotes(
    _ remotes: [RemoteUpdate], tags: [ReferenceChange], remoteNames: [String], options: Options,
    in repository: Repository
  ) -> [String] {
    var lines: [String] = []
    let byRemote = Dictionary(grouping: remotes, by: \.remote)
    for name in remoteNames where byRemote[name] != nil || !tags.isEmpty {
      guard let text = try? repository.remotePushURL(name), let url = try? RemoteURL(text) else {
        lines.append("\(name): not pushed: it has no URL journal can push to")
        continue
      }
      let redaction = Redaction(url: url, access: options.access)
      do {
        if url.transport == .local, let hook = try LocalRemote.inspect(url.path)?.receivingHooks.first {
          throw JournalError(
            "\(url.display) has a \(hook) hook, which libgit2 does not run when it pushes to a repository on this machine; push with the commands below")
        }
        var updates = (byRemote[name] ?? []).map {
          LeasedUpdate(local: $0.new == nil ? nil : $0.tracking, remote: $0.reference, expected: $0.old)
        }
        if !tags.isEmpty {
          let held = try repository.remoteReferences(at: url.text, callbacks: options.access.callbacks(for: url))
          for tag in tags where held.references[tag.name] == tag.old {
            updates.append(LeasedUpdate(local: tag.new == nil ? nil : tag.name, remote: tag.name, expected: tag.old))
          }
        }
        guard !updates.isEmpty else { continue }
        try repository.forcePush(remote: name, updates: updates, callbacks: options.access.callbacks(for: url))
        lines += updates.map { "\(name) \($0.remote): \($0.local == nil ? "deleted" : "replaced")" }
      } catch let broken as LeaseBroken {
        lines.append(
          "\(name): not pushed: its \(broken.reference) is no longer at \(broken.expected.short) (someone pushed since it was fetched); fetch, run journal forget again, then push")
      } catch let rejected as PushRejected {
        lines.append(redaction.apply("\(name): \(rejected.reference) refused: \(rejected.reason)"))
      } catch let error as JournalError {
        lines.append(redaction.apply("\(name): not pushed: \(error.message)"))
      } catch let error as GitError {
        lines.append(redaction.apply("\(name): not pushed: \(error.message)"))
      } catch {
        lines.append(redaction.apply("\(name): not pushed: \(error)"))
      }
    }
    return lines
  }
}
