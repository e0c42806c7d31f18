import JournalGit

/// The line that ends the message of a commit `journal share` took into the journal from a
/// person's repository: `Shared-from: <remote> <commit>`, the remote as its record names it
/// (`RemoteURL.normalized`: no user, password or token) and the person's commit in full. It
/// is what ties the two histories together, so a fresh clone of the journal, which has no
/// share record, still translates such a commit back into the person's own.
///
/// Messages are bytes here: a person's message is kept as they wrote it, whatever its
/// encoding.
enum SharedFrom {
  static let key = "Shared-from"

  /// `message`, its trailing blank lines removed, with the line added as git's
  /// `interpret-trailers` adds a trailer: to the message's closing trailer block if it ends
  /// with one (`Signed-off-by: …`), else after an empty line.
  static func appending(to message: [UInt8], remote: String, commit: ObjectID) -> [UInt8] {
    var text = message
    while let last = text.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t")
      || last == UInt8(ascii: "\r")
    {
      text.removeLast()
    }
    let line = Array("\(key): \(remote) \(commit)".utf8)
    guard !text.isEmpty else { return line + [UInt8(ascii: "\n")] }
    let paragraphs = split(text)
    let separator: [UInt8] = paragraphs.count > 1 && paragraphs.last!.allSatisfy(isTrailer) ? [10] : [10, 10]
    return text + separator + line + [UInt8(ascii: "\n")]
  }

  /// The person's commit a journal commit's message names, when its last line is this
  /// trailer for `remote`.
  static func commit(in message: [UInt8], remote: String) -> ObjectID? {
    var lines = message.split(separator: UInt8(ascii: "\n"))
    while let last = lines.last, last.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
      lines.removeLast()
    }
    guard let last = lines.last else { return nil }
    let prefix = Array("\(key): \(remote) ".utf8)
    guard last.count == prefix.count + 40, last.starts(with: prefix) else { return nil }
    return ObjectID(hex: String(decoding: last.suffix(40), as: UTF8.self))
  }

  /// The message's paragraphs, as lists of lines.
  private static func split(_ text: [UInt8]) -> [[ArraySlice<UInt8>]] {
    var paragraphs: [[ArraySlice<UInt8>]] = [[]]
    for line in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
        if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
      } else {
        paragraphs[paragraphs.count - 1].append(line)
      }
    }
    return paragraphs.filter { !$0.isEmpty }
  }

  /// `Token: value`, the token of letters, digits and `-`.
  private static func isTrailer(_ line: ArraySlice<UInt8>) -> Bool {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
      line.index(after: colon) < line.endIndex, line[line.index(after: colon)] == UInt8(ascii: " ")
    else { return false }
    return line[line.startIndex..<colon].allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || byte == UInt8(ascii: "-")
    }
  }
}
