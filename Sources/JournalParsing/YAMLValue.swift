import JournalModel

/// One node of a front matter as `YAMLReader` records it. The nodes of a front matter sit in
/// one array in document order, each collection followed by its descendants: nothing refers
/// to anything else, so nothing can expand.
struct YAMLNode: Sendable {
  enum Kind: Sendable { case scalar, sequence, mapping }

  let kind: Kind
  /// A scalar written without quotes or a block indicator: only such text can mean nothing
  /// (`~`, `null`) or be a number.
  let plain: Bool
  /// A scalar's text; empty for a collection.
  let text: String
  let location: SourceLocation
  /// The index just past this node's last descendant.
  var end: Int
}

/// A value in a front matter: text, a list or a mapping, and where it starts.
struct YAMLValue {
  private let nodes: [YAMLNode]
  private let index: Int

  init(_ nodes: [YAMLNode], at index: Int) {
    self.nodes = nodes
    self.index = index
  }

  var kind: YAMLNode.Kind { nodes[index].kind }
  var location: SourceLocation { nodes[index].location }
  var isPlain: Bool { nodes[index].plain }

  /// The text of a scalar; nil for a list or a mapping.
  var text: String? { kind == .scalar ? nodes[index].text : nil }

  /// The items of a list; nothing for a scalar or a mapping.
  var items: [YAMLValue] {
    var items: [YAMLValue] = []
    forEachItem { items.append($0) }
    return items
  }

  /// Calls `body` with each item of a list in turn, without gathering them into an array.
  func forEachItem(_ body: (YAMLValue) throws -> Void) rethrows {
    guard kind == .sequence else { return }
    var item = index + 1
    let end = nodes[index].end
    while item < end {
      try body(YAMLValue(nodes, at: item))
      item = nodes[item].end
    }
  }

  /// The most items a list may hold: one a node. A list of scalars holds exactly this many.
  var itemCapacity: Int { kind == .sequence ? nodes[index].end - index - 1 : 0 }

  /// The entries of a mapping. The reader has refused keys that are not text and dropped
  /// repeated ones, so every key is text and given once. Read from the nodes in place: a key
  /// without a value (never made by the reader) is left out.
  var entries: [FrontMatter.Entry] {
    guard kind == .mapping else { return [] }
    var entries: [FrontMatter.Entry] = []
    let end = nodes[index].end
    // Each entry is two nodes at least.
    entries.reserveCapacity((end - index) / 2)
    var key = index + 1
    while key < end {
      let value = nodes[key].end
      guard value < end else { break }
      entries.append(FrontMatter.Entry(key: nodes[key].text, keyLocation: nodes[key].location, value: YAMLValue(nodes, at: value)))
      key = nodes[value].end
    }
    return entries
  }
}
