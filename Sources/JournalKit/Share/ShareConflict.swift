import JournalGit

/// Both the journal and the person changed the same lines of a note since the last share.
public struct ShareConflict: Error, Sendable {
  public let person: String
  /// The remote, as messages show it.
  public let remote: String
  /// The person's last commit.
  public let commitID: String
  /// One line per conflict: the file, and which lines of each version.
  public let lines: [String]

  init(person: String, remote: String, commit: ObjectID, prefix: String, conflicts: [MergeConflict]) {
    self.person = person
    self.remote = remote
    commitID = commit.description
    lines = conflicts.map { conflict in
      let path = String(conflict.path.dropFirst(conflict.path.hasPrefix(prefix) ? prefix.count : 0))
      switch (conflict.inOurs, conflict.inTheirs) {
      case (false, _): return "\(path): removed in the journal, changed by \(person)"
      case (_, false): return "\(path): changed in the journal, removed by \(person)"
      default:
        guard !conflict.hunks.isEmpty else { return "\(path): changed differently on both sides" }
        let places = conflict.hunks.map {
          "\(Self.lines($0.ours)) in the journal and \(Self.lines($0.theirs)) in \(person)'s"
        }
        return "\(path): \(places.joined(separator: "; "))"
      }
    }
  }

  /// `line 12`, `lines 12-14`, or `nothing after line 11` where one side has no lines.
  private static func lines(_ lines: Range<Int>) -> String {
    switch lines.count {
    case 0: "nothing after line \(lines.lowerBound - 1)"
    case 1: "line \(lines.lowerBound)"
    default: "lines \(lines.lowerBound)-\(lines.upperBound - 1)"
    }
  }
}

extension MergeFavor {
  /// The value of `--resolve` that asks for it.
  var option: String {
    switch self {
    case .none: "none"
    case .ours: "journal"
    case .theirs: "person"
    case .union: "both"
    }
  }
}
