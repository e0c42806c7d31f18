import Foundation
import JournalGit

/// `JOURNAL_FORGET` in the git folder: written, and flushed to disk, before `journal forget`
/// writes anything else, and removed once everything is done, like git's `MERGE_HEAD` for a
/// merge in progress. While it is there, a run was stopped between the two: every other
/// journal command says so (`StoppedForget`), and the next `journal forget` of the same
/// person finishes the job, taking the person's files the index and the working tree still
/// hold for what they are (the rest of the interrupted run), and still listing the remote
/// branches the interrupted run had found. It names the person by their id, as the rest of
/// the repository does until the run ends, and the remote branches it found.
struct ForgetState {
  static let fileName = "JOURNAL_FORGET"

  /// nil in a file an earlier version wrote, which named nobody.
  var person: String?
  /// The remote branches the run found holding the person's data.
  var remotes: [Forgetter.RemoteUpdate]

  static func path(in repository: Repository) -> String { repository.gitFolder + fileName }

  static func read(in repository: Repository) -> ForgetState? { read(path(in: repository)) }

  static func read(_ path: String) -> ForgetState? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    var state = ForgetState(person: nil, remotes: [])
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: " ").map(String.init)
      if parts.count == 2, parts[0] == "person" {
        state.person = parts[1]
      } else if parts.count == 6, parts[0] == "remote", let old = ObjectID(hex: parts[4]) {
        state.remotes.append(
          Forgetter.RemoteUpdate(remote: parts[1], tracking: parts[2], reference: parts[3], old: old, new: ObjectID(hex: parts[5])))
      }
    }
    return state
  }

  func write(in repository: Repository) throws {
    var text = Self.message(person) + "\n"
    if let person { text += "person \(person)\n" }
    for update in remotes {
      text += "remote \(update.remote) \(update.tracking) \(update.reference) \(update.old) \(update.new?.description ?? "-")\n"
    }
    try AtomicFile.replace(Self.path(in: repository), contents: text)
  }

  /// Removes the file, and any temporary copy of it that a run stopped while writing it left
  /// (which names the person too). Called with the index locked, as every writer of it is.
  static func remove(in repository: Repository) {
    unlink(path(in: repository))
    AtomicFile.removeLeftovers(of: path(in: repository))
  }

  /// What every journal command says while the file is there, with the command that
  /// finishes the run.
  static func message(_ person: String?) -> String {
    guard let person else {
      return "journal forget was stopped before it finished: run it again, with the same id and --yes, to finish it"
    }
    return "journal forget \(person) was stopped before it finished: run journal forget \(person) --yes to finish it"
  }
}

/// A `journal forget` stopped before it finished, in the repository a journal is in: every
/// other command says so in one line, and those that would write history (`journal commit`,
/// `journal share`) refuse, since the person's files may still be in the index and the
/// working tree.
public enum StoppedForget {
  /// The line to give, or nil when no run was stopped. The repository is found as git finds
  /// `.git` from the journal's folder upward (a folder, or a file naming one with `gitdir:`),
  /// without starting libgit2, so that commands that never use git stay as fast.
  public static func message(for location: JournalLocation) -> String? {
    var folder = location.root
    while true {
      let dotGit = folder + "/.git"
      var info = stat()
      if stat(dotGit, &info) == 0 {
        var gitFolder = dotGit
        if info.st_mode & S_IFMT != S_IFDIR {
          guard let text = try? String(contentsOfFile: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") else { return nil }
          let named = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
          gitFolder = named.hasPrefix("/") ? named : folder + "/" + named
        }
        return ForgetState.read(gitFolder + "/" + ForgetState.fileName).map { ForgetState.message($0.person) }
      }
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder || parent.isEmpty { return nil }
      folder = parent
    }
  }
}
