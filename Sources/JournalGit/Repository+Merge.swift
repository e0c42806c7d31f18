import Foundation
internal import Clibgit2

/// A file both sides of a merge changed in ways libgit2's merge cannot settle.
public struct MergeConflict: Sendable, Equatable {
  /// Lines both sides changed: where they are in our version and in theirs, 1-based; an empty
  /// range (`12..<12`) is a place where one side added lines and the other changed the lines
  /// around it.
  public struct Hunk: Sendable, Equatable {
    public let ours: Range<Int>
    public let theirs: Range<Int>
  }

  /// The path relative to the trees merged.
  public let path: String
  /// Whether our side, and their side, still have the file.
  public let inOurs: Bool
  public let inTheirs: Bool
  /// The conflicting lines, when both sides changed the file's content; empty when the
  /// conflict is of another kind (one side deleted the file, or made it something else).
  public let hunks: [Hunk]
}

/// What a three-way merge of two trees gave.
public enum TreeMergeResult: Sendable, Equatable {
  case merged(ObjectID)
  case conflicts([MergeConflict])
}

/// How a merge settles lines both sides changed (git's `-X ours`, `-X theirs`, and the
/// `union` merge driver).
public enum MergeFavor: Sendable {
  /// Stop: they are conflicts.
  case none
  case ours, theirs
  /// Both: ours first, then theirs.
  case union
}

extension Repository {
  /// Merges `theirs` into `ours` with `ancestor` as their common base, as `git merge` does,
  /// through libgit2's merge (`git_merge_trees`, renames found as git finds them, each file's
  /// lines merged by its file merge). Nothing is written but the merged tree's objects.
  public func mergeTrees(ancestor: ObjectID?, ours: ObjectID, theirs: ObjectID, favor: MergeFavor = .none) throws
    -> TreeMergeResult
  {
    let base = try ancestor.map(lookupTree)
    defer { if let base { git_tree_free(base) } }
    let our = try lookupTree(ours)
    defer { git_tree_free(our) }
    let their = try lookupTree(theirs)
    defer { git_tree_free(their) }
    var options = git_merge_options()
    try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), "git_merge_options_init")
    options.file_favor =
      switch favor {
      case .none: GIT_MERGE_FILE_FAVOR_NORMAL
      case .ours: GIT_MERGE_FILE_FAVOR_OURS
      case .theirs: GIT_MERGE_FILE_FAVOR_THEIRS
      case .union: GIT_MERGE_FILE_FAVOR_UNION
      }
    var index: OpaquePointer?
    try check(git_merge_trees(&index, pointer, base, our, their, &options), "git_merge_trees")
    defer { git_index_free(index) }
    guard git_index_has_conflicts(index) != 0 else {
      var tree = git_oid()
      try check(git_index_write_tree_to(&tree, index, pointer), "git_index_write_tree_to")
      return .merged(ObjectID(tree))
    }
    var iterator: OpaquePointer?
    try check(git_index_conflict_iterator_new(&iterator, index), "git_index_conflict_iterator_new")
    defer { git_index_conflict_iterator_free(iterator) }
    var conflicts: [MergeConflict] = []
    var ancestorEntry: UnsafePointer<git_index_entry>?
    var ourEntry: UnsafePointer<git_index_entry>?
    var theirEntry: UnsafePointer<git_index_entry>?
    while git_index_conflict_next(&ancestorEntry, &ourEntry, &theirEntry, iterator) == 0 {
      guard let named = ourEntry ?? theirEntry ?? ancestorEntry else { continue }
      let path = String(cString: named.pointee.path)
      var hunks: [MergeConflict.Hunk] = []
      if let ourEntry, let theirEntry, Self.isBlob(ourEntry.pointee.mode), Self.isBlob(theirEntry.pointee.mode) {
        hunks = try conflictingLines(
          ancestor: ancestorEntry.map { ObjectID($0.pointee.id) }, ours: ObjectID(ourEntry.pointee.id),
          theirs: ObjectID(theirEntry.pointee.id))
      }
      conflicts.append(MergeConflict(path: path, inOurs: ourEntry != nil, inTheirs: theirEntry != nil, hunks: hunks))
    }
    return .conflicts(conflicts.sorted { $0.path < $1.path })
  }

  private static func isBlob(_ mode: UInt32) -> Bool {
    mode == GIT_FILEMODE_BLOB.rawValue || mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue
  }

  /// Where the file merge of three versions stops: it is run again, as the tree merge ran
  /// it, with markers longer than any run of marker characters that starts a line of the
  /// three, so the markers it writes are the only ones, and read back line by line.
  func conflictingLines(ancestor: ObjectID?, ours: ObjectID, theirs: ObjectID) throws -> [MergeConflict.Hunk] {
    let versions = [try ancestor.map(blobContent) ?? [], try blobContent(ours), try blobContent(theirs)]
    let markerSize = max(7, versions.map(Self.longestMarkerRun).max() ?? 0) + 1
    var options = git_merge_file_options()
    try check(git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION)), "git_merge_file_options_init")
    options.marker_size = UInt16(min(markerSize, Int(UInt16.max)))
    var result = git_merge_file_result()
    defer { git_merge_file_result_free(&result) }
    try versions[0].withUnsafeBufferPointer { base in
      try versions[1].withUnsafeBufferPointer { our in
        try versions[2].withUnsafeBufferPointer { their in
          func input(_ buffer: UnsafeBufferPointer<UInt8>) throws -> git_merge_file_input {
            var input = git_merge_file_input()
            try check(git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION)), "git_merge_file_input_init")
            input.ptr = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            input.size = buffer.count
            return input
          }
          var baseInput = try input(base)
          var ourInput = try input(our)
          var theirInput = try input(their)
          try check(git_merge_file(&result, &baseInput, &ourInput, &theirInput, &options), "git_merge_file")
        }
      }
    }
    guard let text = result.ptr else { return [] }
    let merged = Array(UnsafeRawBufferPointer(start: text, count: result.len))
    return Self.hunks(in: merged, markerSize: markerSize)
  }

  /// The longest run of `<`, `|`, `=` or `>` that starts a line.
  private static func longestMarkerRun(_ bytes: [UInt8]) -> Int {
    var longest = 0
    var atStart = true
    var run = 0
    var runByte: UInt8 = 0
    for byte in bytes {
      if atStart || (run > 0 && byte == runByte) {
        if [UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "="), UInt8(ascii: ">")].contains(byte)
          && (run == 0 || byte == runByte)
        {
          runByte = byte
          run += 1
          longest = max(longest, run)
          atStart = false
          continue
        }
      }
      run = 0
      atStart = byte == UInt8(ascii: "\n")
    }
    return longest
  }

  /// The conflicts of a file merge's output (in merge style, or diff3), as line ranges of
  /// our version and theirs.
  static func hunks(in merged: [UInt8], markerSize: Int) -> [MergeConflict.Hunk] {
    enum Section { case common, ours, base, theirs }
    func isMarker(_ line: ArraySlice<UInt8>, _ character: Character) -> Bool {
      let byte = character.asciiValue!
      guard line.count >= markerSize, line.prefix(markerSize).allSatisfy({ $0 == byte }) else { return false }
      let rest = line.dropFirst(markerSize)
      return rest.isEmpty || rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "\r")
    }
    var hunks: [MergeConflict.Hunk] = []
    var section = Section.common
    var ourLine = 1
    var theirLine = 1
    var ourStart = 1
    var theirStart = 1
    var lines = merged.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if merged.last == UInt8(ascii: "\n") { lines.removeLast() }
    for line in lines {
      switch section {
      case .common where isMarker(line, "<"):
        section = .ours
        ourStart = ourLine
      case .ours where isMarker(line, "|"):
        section = .base
      case .ours where isMarker(line, "="), .base where isMarker(line, "="):
        section = .theirs
        theirStart = theirLine
      case .theirs where isMarker(line, ">"):
        hunks.append(MergeConflict.Hunk(ours: ourStart..<ourLine, theirs: theirStart..<theirLine))
        section = .common
      case .common:
        ourLine += 1
        theirLine += 1
      case .ours: ourLine += 1
      case .base: continue
      case .theirs: theirLine += 1
      }
    }
    return hunks
  }
}
