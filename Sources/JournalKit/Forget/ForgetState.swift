import Foundation
import JournalGit

/// `JOURNAL_FORGET` in the git folder: written, and flushed to disk, before `journal forget`
/// moves any reference, and removed once everything is done, like git's `MERGE_HEAD` for a
/// merge in progress. While it is there, a run was stopped between the two: the next
/// `journal forget` of the same person finishes the job, taking the person's files the index
/// and the working tree still hold for what they are (the rest of the interrupted run), and
/// still lists the remote branches the interrupted run had found. It names no person: only
/// remotes, references and object ids.
struct ForgetState {
  static let fileName = "JOURNAL_FORGET"

  /// The remote branches the run found holding the person's data.
  var remotes: [Forgetter.RemoteUpdate]

  static func path(in repository: Repository) -> String { repository.gitFolder + fileName }

  static func read(in repository: Repository) -> ForgetState? {
    guard let text = try? String(contentsOfFile: path(in: repository), encoding: .utf8) else { return nil }
    let remotes: [Forgetter.RemoteUpdate] = text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ").map(String.init)
      guard parts.count == 6, parts[0] == "remote", let old = ObjectID(hex: parts[4]) else { return nil }
      return Forgetter.RemoteUpdate(
        remote: parts[1], tracking: parts[2], reference: parts[3], old: old, new: ObjectID(hex: parts[5]))
    }
    return ForgetState(remotes: remotes)
  }

  func write(in repository: Repository) throws {
    var text = "journal forget was stopped before it finished: run it again to finish\n"
    for update in remotes {
      text += "remote \(update.remote) \(update.tracking) \(update.reference) \(update.old) \(update.new?.description ?? "-")\n"
    }
    try AtomicFile.replace(Self.path(in: repository), contents: text)
  }

  static func remove(in repository: Repository) {
    unlink(path(in: repository))
  }
}
