import JournalGit
import JournalModel

/// What `journal share` is asked to do, and what it did.
extension Sharer {
  public struct Options: Sendable {
    public var url: RemoteURL
    /// The branch to push to; nil: the one pushed to last time, else the one the remote's
    /// HEAD names, else `main`.
    public var branch: String?
    public var dryRun: Bool
    public var access: RemoteAccess
    /// Check the shared journal as it will be pushed, and what the person changed as it comes
    /// in, and stop when either has errors.
    public var verify: Bool
    public var today: Day
    /// The folder this person's folder continues, where it first appears: the user's word
    /// for what journal only follows on proof.
    public var followFrom: String?
    /// Take in only the person's changes inside their own folder, leaving the rest out, where
    /// otherwise the share stops.
    public var allowedOnly: Bool
    /// How lines both the journal and the person changed are settled; nil: they stop the share.
    public var resolve: Resolution?

    public init(
      url: RemoteURL, branch: String? = nil, dryRun: Bool = false, access: RemoteAccess, verify: Bool = true,
      today: Day, followFrom: String? = nil, allowedOnly: Bool = false, resolve: Resolution? = nil
    ) {
      self.url = url
      self.branch = branch
      self.dryRun = dryRun
      self.access = access
      self.verify = verify
      self.today = today
      self.followFrom = followFrom
      self.allowedOnly = allowedOnly
      self.resolve = resolve
    }
  }

  /// Whose lines are kept where the journal and the person changed the same lines.
  public enum Resolution: String, Sendable, CaseIterable {
    /// The journal's.
    case journal
    /// The person's.
    case person
    /// Both: the journal's first, then the person's.
    case both

    var favor: MergeFavor {
      switch self {
      case .journal: .ours
      case .person: .theirs
      case .both: .union
      }
    }
  }

  /// A file a commit changed, with the lines it added and removed (nil for a binary file).
  public struct FileStat: Sendable, Equatable {
    public let path: String
    /// `added`, `modified` or `deleted`.
    public let change: String
    public let added: Int?
    public let removed: Int?

    init(_ stat: FileDiffStat) {
      path = stat.path
      change = stat.kind.rawValue
      added = stat.added
      removed = stat.removed
    }
  }

  public struct SharedCommit: Sendable {
    public let id: String
    public let summary: String
    /// What it changed; given in a dry run.
    public let files: [FileStat]
  }

  /// A commit of the person's, taken into the journal.
  public struct IncomingCommit: Sendable {
    public let id: String
    public let summary: String
    public let author: String
    /// What it changed in their repository.
    public let files: [FileStat]
  }

  public struct Outcome: Sendable {
    /// The remote, for messages: its URL without password or token.
    public let remote: String
    /// The tip of the shared history, pushed unless this was a dry run.
    public let head: String
    /// The branch of the remote, `main`.
    public let branch: String
    /// The commits the remote received, oldest first; in a dry run, those it would receive.
    public let commits: [SharedCommit]
    public let pushed: Bool
    /// The person's commits taken into the journal (in a dry run, that would be), oldest
    /// first.
    public let incoming: [IncomingCommit]
    /// What of the person's changes was left out, one line each.
    public let leftOut: [String]
    /// The errors that stopped the share.
    public let refused: CheckReport?
    /// Whether those errors are in what the person's commits changed.
    public let refusedIncoming: Bool
    /// The files of the shared journal those errors are in, for showing them.
    public let files: [String: [UInt8]]
    /// What the person sharing should know, one line each.
    public let notes: [String]
    /// What they should act on, one line each.
    public let warnings: [String]

    /// The same outcome with every message passed through `redaction`.
    func redacted(_ redaction: Redaction) -> Outcome {
      Outcome(
        remote: remote, head: head, branch: redaction.apply(branch), commits: commits, pushed: pushed, incoming: incoming,
        leftOut: leftOut.map(redaction.apply), refused: refused, refusedIncoming: refusedIncoming, files: files,
        notes: notes.map(redaction.apply), warnings: warnings.map(redaction.apply))
    }
  }
}
