#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import JournalModel
import JournalRules

/// The bounds a note's Markdown body must keep before cmark-gfm reads it.
///
/// cmark-gfm 0.29.0.gfm.6 (Debian 12's, without the later fixes) takes time that grows with
/// the square of a paragraph, or faster, on some inline patterns (emphasis between links,
/// image openers before links, unclosed `<?`, `<![CDATA[` and `<!X`), and with the nesting
/// depth times the lines after it on deeply nested lists and block quotes. The size bound
/// keeps every inline pattern measured under a fifth of a second; the depth bound, which no
/// size bound could keep cheap (64 KiB of list markers and blank lines take 27 s), makes each
/// line's walk over the open containers short. `docs/format.md` gives the figures.
enum MarkdownLimits {
  static let maximumBytes = 32 * 1024
  static let maximumDepth = 64

  /// The finding that refuses a body, or nil when cmark-gfm may read it. `firstLine` is the
  /// file line of the body's first line.
  static func check(_ body: UnsafeBufferPointer<UInt8>, firstLine: Int, file: String) -> Diagnostic? {
    func finding(_ message: RuleMessage, at offset: Int) -> Diagnostic {
      Diagnostic(
        message, file: file, at: SourceText.locations(ofBytes: [offset], in: body, firstLine: firstLine)[0])
    }
    if body.count > maximumBytes {
      return finding(
        MarkdownLimitsRule.bodyTooLarge(
          size: "\(ByteCount(body.count))", bytes: body.count, limit: "\(ByteCount(maximumBytes))"),
        at: maximumBytes)
    }
    if let marker = tooDeep(body) {
      return finding(MarkdownLimitsRule.nestedTooDeep(limit: maximumDepth), at: marker)
    }
    return nil
  }

  /// The offset of the first container marker (`>`, `-`, `*`, `+`, `1.`, `1)`) at the start of
  /// a line whose level may pass `maximumDepth`, or nil.
  ///
  /// A line opens containers only after it has continued every container open above it: a
  /// block quote by its `>`, a list item by at least two columns of indentation. So the level
  /// a line can reach is at most its markers plus half the whitespace before and between them
  /// that is not a marker's own padding (the spaces after a list marker, one space after `>`);
  /// a tab counts as four columns. Lines without a marker open nothing and are not counted, so
  /// indented code costs nothing.
  static func tooDeep(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    func isBlankOrEnd(_ index: Int) -> Bool {
      index >= count || bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
    }
    var index = 0
    while index < count {
      var markers = 0
      var columns = 0
      var padding = false
      prefix: while index < count {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09:
          if !padding { columns += byte == 0x09 ? 4 : 1 }
          index += 1
          continue prefix
        case UInt8(ascii: ">"):
          markers += 1
          if markers + columns / 2 > maximumDepth { return index }
          index += 1
          // One space after `>` belongs to it; more is indentation for what is inside.
          if index < count, bytes[index] == 0x20 { index += 1 }
          padding = false
          continue prefix
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
          guard isBlankOrEnd(index + 1) else { break prefix }
          markers += 1
          if markers + columns / 2 > maximumDepth { return index }
          index += 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
          var end = index
          while end < count, end - index < 9, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
          guard end < count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")"),
            isBlankOrEnd(end + 1)
          else { break prefix }
          markers += 1
          if markers + columns / 2 > maximumDepth { return index }
          index = end + 1
        default:
          break prefix
        }
        // The blanks after a list marker are its item's own padding.
        padding = true
      }
      // The rest of the line holds no marker that counts.
      guard index < count, let newline = memchr(bytes.baseAddress! + index, 0x0A, count - index) else { return nil }
      index = bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
    }
    return nil
  }
}
