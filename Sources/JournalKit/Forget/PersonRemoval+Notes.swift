import Foundation
import JournalGit

extension PersonRemoval {
  /// A notes reference (`refs/notes/commits`) once the history is rewritten, as git's
  /// `notes.rewriteRef` carries notes over on a rewrite, its whole history rewritten the same
  /// way so that no earlier notes commit keeps what goes: the note of a commit that changed is
  /// kept under the new commit's id, the note of a commit that disappeared goes, and so does
  /// the note of one of the person's trees or blobs; a note's text, and a notes commit's
  /// message, that name the person have each mention replaced. A notes commit that changes
  /// loses its signature. The same id when nothing changes.
  func rewrittenNotes(_ tip: ObjectID) throws -> ObjectID {
    var rewritten: [ObjectID: ObjectID] = [:]
    var trees: [ObjectID: ObjectID] = [:]
    for commit in try repository.commitsParentsFirst(from: [tip]) {
      let header = try repository.commitHeader(commit)
      if trees[header.tree] == nil { trees[header.tree] = try notesTree(header.tree) }
      let tree = trees[header.tree]!
      let parents = header.parents.map { rewritten[$0] ?? $0 }
      var text = try repository.objectText(commit)
      let encoding = text.values("encoding").first.map { String(decoding: $0, as: UTF8.self) }
      let message = mentions.redacted(text.message, encoding: encoding)
      guard tree != header.tree || parents != header.parents || message != text.message else {
        rewritten[commit] = commit
        continue
      }
      var headers = [ObjectText.Header(name: "tree", value: tree.description)]
      headers += parents.map { ObjectText.Header(name: "parent", value: $0.description) }
      headers += text.headers.filter { !["tree", "parent", "gpgsig", "gpgsig-sha256"].contains($0.name) }
      text.headers = headers
      text.message = message
      rewritten[commit] = try repository.writeObject(text, kind: .commit)
    }
    return rewritten[tip] ?? tip
  }

  /// A notes tree with each note moved, dropped or cleaned; the notes are written without
  /// fan-out folders (git reads any), other entries where they were.
  private func notesTree(_ tree: ObjectID) throws -> ObjectID {
    var notes: [(object: ObjectID, note: ObjectID)] = []
    var others: [(path: [String], entry: TreeEntry)] = []
    var pending: [(path: [String], tree: ObjectID)] = [([], tree)]
    while let (path, folder) = pending.popLast() {
      for entry in try repository.treeEntries(folder) {
        let full = path + [entry.name]
        if entry.kind == .folder {
          pending.append((full, entry.id))
        } else if entry.kind == .file, let object = ObjectID(hex: full.joined()) {
          notes.append((object, entry.id))
        } else {
          others.append((full, entry))
        }
      }
    }
    var changed = false
    var kept: [ObjectID: ObjectID] = [:]
    for (object, note) in notes {
      let target: ObjectID
      if droppedCommits.contains(object) {
        changed = true
        continue
      } else if let new = commits[object] ?? nil {
        target = new
      } else if try isPersons(object) {
        changed = true
        continue
      } else {
        target = object
      }
      var content = try repository.blobContent(note)
      var blob = note
      if mentions.isNamed(in: content) {
        content = mentions.redacted(content)
        blob = try repository.writeBlob(content)
      }
      if let earlier = kept[target] {
        // Two notes now on one commit: joined as git's notes.rewrite.mode=concatenate joins them.
        blob = try repository.writeBlob(try repository.blobContent(earlier) + [UInt8(ascii: "\n")] + content)
      }
      changed = changed || target != object || blob != note
      kept[target] = blob
    }
    guard changed else { return tree }
    return try writeTree(kept.map { ([$0.key.description], TreeEntry(name: $0.key.description, id: $0.value, kind: .file)) } + others)
  }

  /// A tree of entries given by their paths, with the folders they need.
  private func writeTree(_ entries: [(path: [String], entry: TreeEntry)]) throws -> ObjectID {
    var direct: [TreeEntry] = []
    var folders: [String: [(path: [String], entry: TreeEntry)]] = [:]
    for (path, entry) in entries {
      if path.count == 1 {
        direct.append(TreeEntry(name: path[0], id: entry.id, kind: entry.kind))
      } else {
        folders[path[0], default: []].append((Array(path.dropFirst()), entry))
      }
    }
    for (name, inside) in folders { direct.append(TreeEntry(name: name, id: try writeTree(inside), kind: .folder)) }
    return try repository.writeTree(direct)
  }
}
