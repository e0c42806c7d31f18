import Foundation
import JournalGit
import JournalModel

/// `journal share`: one person's history, and nobody else's, pushed to a repository of their
/// own.
public enum Sharer {
  public struct Options: Sendable {
    public var url: RemoteURL
    public var branch: String
    public var dryRun: Bool
    public var access: RemoteAccess
    /// Check the shared journal as it will be pushed, and push nothing when it has errors.
    public var verify: Bool
    public var today: Day
    /// The folder this person's folder continues, where it first appears: the user's word
    /// for what journal only follows on proof.
    public var followFrom: String?

    public init(
      url: RemoteURL, branch: String = "main", dryRun: Bool = false, access: RemoteAccess, verify: Bool = true,
      today: Day, followFrom: String? = nil
    ) {
      self.url = url
      self.branch = branch
      self.dryRun = dryRun
      self.access = access
      self.verify = verify
      self.today = today
      self.followFrom = followFrom
    }
  }

  public struct SharedCommit: Sendable {
    public let id: String
    public let source: String
    public let summary: String
  }

  public struct Outcome: Sendable {
    /// The tip of the shared history, pushed unless this was a dry run.
    public let head: String
    /// The commits this run added to the shared history, oldest first.
    public let added: [SharedCommit]
    /// Whether the run went on from the history recorded by an earlier one.
    public let continued: Bool
    public let pushed: Bool
    /// The shared journal's errors, when they stopped the push.
    public let refused: CheckReport?
    /// The shared journal's files, for showing those errors.
    public let files: [String: [UInt8]]
    /// Where the history starts, when it starts at a commit that also removed other folders,
    /// which might be this person's past: the short commit id and those folders.
    public let beginning: (commit: String, removed: [String])?
  }

  public static func share(_ location: JournalLocation, person: String, options: Options) throws -> Outcome {
    for id in [person] + (options.followFrom.map { [$0] } ?? []) where !Person.isValidID(id) {
      throw JournalError("`\(id)` is not a person id: use lowercase letters, digits and `-`")
    }
    if options.followFrom == person {
      throw JournalError("--follow-from names \(person) itself: name the folder \(person)'s folder continues")
    }
    let branch = options.branch.hasPrefix("refs/") ? options.branch : "refs/heads/" + options.branch
    guard !options.branch.isEmpty, !branch.contains(".."), !branch.hasSuffix("/"),
      !branch.contains(where: { " ~^:?*[\\".contains($0) || $0.isNewline })
    else {
      throw JournalError("`\(options.branch)` is not a branch name")
    }
    let journal = try JournalRepository.open(location)
    let history = SharedHistory(
      repository: journal.repository, prefix: journal.prefix, person: person, followFrom: options.followFrom)
    // The translated objects stay in memory until they are about to be pushed: a dry run, or
    // a run that fails before, leaves the object database as it was.
    return try git { try journal.repository.withObjectsInMemory { keep in
      try share(history, in: journal.repository, person: person, options: options, branch: branch, keep: keep)
    } }
  }

  private static func share(
    _ history: SharedHistory, in repository: Repository, person: String, options: Options, branch: String,
    keep: () throws -> Void
  ) throws -> Outcome {
    let result = try history.build()
    let added = result.added.map {
      SharedCommit(id: $0.shared.description, source: $0.source.description, summary: $0.summary)
    }
    func outcome(pushed: Bool, refused: CheckReport? = nil, files: [String: [UInt8]] = [:]) -> Outcome {
      Outcome(
        head: result.shared.description, added: added, continued: result.continued, pushed: pushed,
        refused: refused, files: files,
        beginning: result.beginning.flatMap { $0.removed.isEmpty ? nil : ($0.commit.short, $0.removed) })
    }
    // The receiving repository must be a journal that passes `journal check`.
    if options.verify {
      let files = try history.files(of: result.shared)
      let report = try Checker.check(MemoryJournal(files: files), today: options.today)
      if report.errorCount > 0 { return outcome(pushed: false, refused: report, files: files) }
    }
    guard !options.dryRun else { return outcome(pushed: false) }
    // The objects go to disk before anything can point at them, so that no reference, even
    // one left by a run killed midway, ever names an object the repository lacks. libgit2
    // pushes to a path from a reference, not a commit: a short-lived one names the shared tip
    // while it is pushed, and goes away whatever happens.
    try keep()
    let pending = history.pendingReference
    do {
      try repository.forceReference(pending, to: result.shared)
      defer { try? repository.deleteReference(pending) }
      try repository.push(
        pending, to: options.url.text, reference: branch,
        callbacks: options.access.callbacks(for: options.url))
    } catch let rejected as PushRejected {
      if rejected.notFastForward {
        throw JournalError(
          "\(options.url.display) has commits on \(options.branch) that are not in \(person)'s shared history; journal share never force-pushes")
      }
      throw JournalError("\(options.url.display) refused the push to \(options.branch): \(rejected.reason)")
    } catch let error as GitError {
      throw JournalError("cannot push to \(options.url.display): \(error.message)")
    }
    try history.record(result, persist: keep)
    return outcome(pushed: true)
  }
}
