import Foundation
import JournalGit

extension ShareRecord {
  /// The record commit `record` (`refs/journal/share/…/record`, or the old form) once the
  /// source history is rewritten: each source commit it names replaced by what `rewritten`
  /// made of it (a commit that disappeared by the commit that took its place), so that the
  /// next `journal share` continues from it. A translation whose source commit left nothing
  /// goes. Everything else (the shared tip, the other fields, authors and dates) is kept byte
  /// for byte. nil when nothing it names changed, or when its last source commit left
  /// nothing (then the next share translates from the start, as for any record it cannot
  /// continue from).
  static func rewritten(_ record: ObjectID, by rewritten: [ObjectID: ObjectID?], in repository: Repository) throws -> ObjectID? {
    func mapped(_ id: ObjectID) -> ObjectID? {
      switch rewritten[id] {
      case .none: id
      case .some(let new): new
      }
    }
    var text = try repository.objectText(record)
    var changed = false
    var lines: [[UInt8]] = []
    for line in text.message.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      guard line.starts(with: Array("source ".utf8)),
        let source = ObjectID(hex: String(decoding: line.dropFirst("source ".utf8.count), as: UTF8.self))
      else {
        lines.append(Array(line))
        continue
      }
      guard let new = mapped(source) else { return nil }
      changed = changed || new != source
      lines.append(Array("source \(new)".utf8))
    }
    text.message = Array(lines.joined(separator: [UInt8(ascii: "\n")]))

    let tree = try repository.commitHeader(record).tree
    if let file = try repository.treeEntry(fileName, in: tree) {
      var list = ""
      for line in String(decoding: try repository.blobContent(file.id), as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count == 2, let source = ObjectID(hex: String(parts[0])) else {
          list += line + "\n"
          continue
        }
        guard let new = mapped(source) else {
          changed = true
          continue
        }
        changed = changed || new != source
        list += "\(new) \(parts[1])\n"
      }
      let newTree = try repository.writeTree([
        TreeEntry(name: fileName, id: try repository.writeBlob(Array(list.utf8)), kind: .file)
      ])
      text.headers = text.headers.map { $0.name == "tree" ? ObjectText.Header(name: "tree", value: newTree.description) : $0 }
    }
    guard changed else { return nil }
    return try repository.writeObject(text, kind: .commit)
  }

  /// The person whose share a reference `journal share` keeps is for (a record, or the
  /// `pending` reference a stopped share left), by the id its name holds whole; nil for any
  /// other reference.
  static func sharedPerson(_ name: String) -> String? {
    guard isRecord(name) || (name.hasPrefix("refs/journal/share/") && name.hasSuffix("/pending")) else { return nil }
    // refs/journal/share/<journal>/<id>/<remote>/record, or the old refs/journal/share/<id>
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    return String(parts.count == 4 ? parts[3] : parts.count == 7 ? parts[4] : "")
  }

  /// Whether a reference is a share record (of either form) rather than the `pending` tip a
  /// stopped share left.
  static func isRecord(_ name: String) -> Bool {
    guard name.hasPrefix("refs/journal/share/") else { return false }
    return name.hasSuffix("/record") || !name.dropFirst("refs/journal/share/".count).contains("/")
  }
}
