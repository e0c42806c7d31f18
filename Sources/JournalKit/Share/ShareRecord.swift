import Foundation
import JournalGit

/// What `journal share` keeps in the source repository once a push went through, for one
/// journal, one person and one remote: the source commit translated last, the tip of the
/// shared history, and which shared commit translates which source commit. Two journals, two
/// people or two remotes never share a record.
///
/// One reference names one record commit, so its parts can never disagree, even after a run
/// was killed: `refs/journal/share/<journal>/<person>/<remote>/record`, where `<journal>` is
/// the journal's path in the repository (`/`, `/team/notes`) percent-encoded into one name,
/// and `<remote>` the first 16 hexadecimal digits of the SHA-1 of the remote's normalised URL.
/// The record commit's parent is the shared tip, which keeps the shared history from
/// `git gc`; its message holds the fields below, one `name value` line each; its tree holds
/// `commits`, one line `<source> <shared>` per shared commit, oldest first.
struct ShareRecord {
  /// Whose share, from where, to where.
  struct Key: Equatable {
    /// Where the journal sits in the repository: `""` or `team/notes/`.
    let prefix: String
    let person: String
    /// The remote's normalised URL (`RemoteURL.normalized`): nothing secret is in it.
    let remote: String

    /// The journal's path as the record names it: `/` or `/team/notes`.
    var journal: String { "/" + String(prefix.dropLast(prefix.isEmpty ? 0 : 1)) }

    var folder: String {
      "refs/journal/share/\(Self.encoded(journal))/\(person)/\(Self.remoteHash(remote))"
    }
    /// The record.
    var reference: String { folder + "/record" }
    /// Names the shared tip while it is pushed: libgit2 pushes from a reference.
    var pendingReference: String { folder + "/pending" }

    /// A lock on one of these references that another share holds, or a stopped one left,
    /// said as git says it of `index.lock`: with the file, since only its removal lets the
    /// next share through.
    func heldLock(on reference: String, shownRemote: String, in repository: Repository) -> String {
      "\(repository.commonFolder)\(reference).lock exists: another journal share of \(person) to \(shownRemote) seems to be running, or one was stopped and left it; if none is running, remove it and share again"
    }

    /// The journal's path as one reference name: every byte but letters, digits, `-` and `_`
    /// written `%XX`, so no path can make an invalid name or collide with another.
    static func encoded(_ path: String) -> String {
      path.utf8.map { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
          String(UnicodeScalar(byte))
        default:
          "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
      }.joined()
    }

    static func remoteHash(_ normalized: String) -> String {
      SHA1.hash(Array(normalized.utf8)).prefix(8).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
  }

  /// A translation: the source commit translated last, and the shared tip it gave.
  struct Point: Equatable {
    let source: ObjectID
    let shared: ObjectID
  }

  let key: Key
  /// The record commit.
  let commit: ObjectID
  let point: Point
  /// The branch of the remote pushed to, `refs/heads/main`.
  let branch: String
  /// The folder the user named with `--follow-from`.
  let followFrom: String?

  static let fileName = "commits"

  /// The record for `key`, or nil when there is none or it is not one journal can read (then
  /// it is not continued from, and the next record replaces it).
  static func read(_ key: Key, in repository: Repository) throws -> ShareRecord? {
    guard let commit = try repository.reference(key.reference) else { return nil }
    let header = try repository.commitHeader(commit)
    let fields = self.fields(try repository.commitMessage(commit))
    guard let shared = header.parents.first, let source = fields["source"].flatMap(ObjectID.init(hex:)),
      fields["journal"] == key.journal, fields["person"] == key.person, fields["remote"] == key.remote,
      let branch = fields["branch"]
    else { return nil }
    return ShareRecord(
      key: key, commit: commit, point: Point(source: source, shared: shared), branch: branch,
      followFrom: fields["follow-from"])
  }

  /// Which shared commit translates which source commit, oldest first.
  func translations(in repository: Repository) throws -> [Point] {
    let tree = try repository.commitHeader(commit).tree
    guard let file = try repository.treeEntry(Self.fileName, in: tree) else { return [] }
    return String(decoding: try repository.blobContent(file.id), as: UTF8.self).split(separator: "\n").compactMap {
      let parts = $0.split(separator: " ")
      guard parts.count == 2, let source = ObjectID(hex: String(parts[0])), let shared = ObjectID(hex: String(parts[1]))
      else { return nil }
      return Point(source: source, shared: shared)
    }
  }

  /// Writes the record of `translations` (the last is the new point), only if the record is
  /// still `previous` (nil: none), so that two runs at once cannot interleave. `persist`
  /// writes the record's objects to disk before the reference names them.
  static func write(
    _ key: Key, translations: [Point], branch: String, followFrom: String?, replacing previous: ObjectID?,
    in repository: Repository, persist: (_ record: ObjectID) throws -> Void
  ) throws {
    guard let last = translations.last else { return }
    let header = try repository.commitHeader(last.shared)
    let list = translations.map { "\($0.source) \($0.shared)\n" }.joined()
    let tree = try repository.writeTree([
      TreeEntry(name: fileName, id: try repository.writeBlob(Array(list.utf8)), kind: .file)
    ])
    var lines = [
      "journal share record: \(key.person) of \(key.journal) to \(key.remote)", "",
      "journal \(key.journal)", "person \(key.person)", "remote \(key.remote)", "branch \(branch)",
    ]
    if let followFrom { lines.append("follow-from \(followFrom)") }
    lines.append("source \(last.source)")
    let record = try repository.writeCommit(
      tree: tree, parents: [last.shared], author: header.committer, committer: header.committer,
      message: lines.joined(separator: "\n") + "\n")
    try persist(record)
    do {
      try repository.setReference(key.reference, to: record, expected: previous, log: "journal share")
    } catch let error as GitError where error.isLocked {
      throw JournalError("the push went through, but " + key.heldLock(on: key.reference, shownRemote: key.remote, in: repository))
    } catch let error as GitError where error.isModified || error.alreadyExists {
      throw JournalError(
        "the push went through, but another journal share of \(key.person) to the same remote recorded its own meanwhile; run journal share again")
    }
  }

  /// `name value` lines after the subject.
  private static func fields(_ message: String) -> [String: String] {
    var fields: [String: String] = [:]
    for line in message.split(separator: "\n").dropFirst() {
      guard let space = line.firstIndex(of: " ") else { continue }
      fields[String(line[..<space])] = String(line[line.index(after: space)...])
    }
    return fields
  }
}

/// The record earlier versions of journal share kept, `refs/journal/share/<person>`: a commit
/// whose parent is the shared tip and whose message names the source commit. It names
/// neither the journal nor the remote, so it is never continued from: it is replaced when a
/// translation from the start proves it this journal's and the remote holds its history.
struct LegacyShareRecord {
  let reference: String
  let commit: ObjectID
  let point: ShareRecord.Point

  static func read(person: String, in repository: Repository) throws -> LegacyShareRecord? {
    let reference = "refs/journal/share/\(person)"
    guard let commit = try repository.reference(reference) else { return nil }
    let header = try repository.commitHeader(commit)
    let message = try repository.commitMessage(commit)
    guard let shared = header.parents.first,
      let line = message.split(separator: "\n").first(where: { $0.hasPrefix("source ") }),
      let source = ObjectID(hex: String(line.dropFirst("source ".count)))
    else { return nil }
    return LegacyShareRecord(reference: reference, commit: commit, point: .init(source: source, shared: shared))
  }

  /// After a push, the note to give about this record: it is replaced by the new record `key`
  /// when the push proved it that share's, that is, when the translation from the start
  /// `reproduced` its shared tip at its source commit, and the remote held that tip (or a
  /// later commit of the same history) before the push; otherwise it is left as it was.
  func settle(reproduced: Bool, remoteHeld previous: ObjectID?, replacedBy key: ShareRecord.Key, in repository: Repository)
    throws -> String
  {
    var held = false
    var next = previous
    while let id = next, !held {
      held = id == point.shared
      next = try repository.commitHeader(id).parents.first
    }
    if reproduced && held, try repository.deleteReference(reference, expected: commit) {
      return "replaced \(reference), the record an earlier journal share left, with \(key.reference)"
    }
    return
      "\(reference), the record an earlier journal share left, was not used: it names no journal or remote, and nothing shows it is \(key.person)'s share from \(key.journal) to this remote"
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
