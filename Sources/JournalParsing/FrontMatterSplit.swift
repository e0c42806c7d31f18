import JournalModel
import JournalRules

/// A file cut into its YAML front matter and its Markdown body, as byte ranges of its text,
/// keeping line numbers.
struct FrontMatterSplit {
  /// The YAML between the two `---` lines.
  let yaml: Range<Int>
  /// The file line that holds the YAML's first line.
  let yamlFirstLine: Int
  /// The Markdown after the closing `---`.
  let body: Range<Int>
  /// The file line that holds the body's first line.
  let bodyFirstLine: Int

  /// A file that is YAML alone, as `journal.yml` is.
  static func whole(_ source: SourceText) -> FrontMatterSplit {
    FrontMatterSplit(
      yaml: 0..<source.bytes.count, yamlFirstLine: 1, body: source.bytes.count..<source.bytes.count,
      bodyFirstLine: source.lineCount + 1)
  }

  /// Splits a file, or reports that its front matter is missing or never closed.
  static func split(_ source: SourceText, file: String) -> ParseStep<FrontMatterSplit> {
    source.bytes.withUnsafeBufferPointer { bytes in
      guard isDelimiter(bytes, source.lineRange(1), closing: false) else {
        return .failure(Diagnostic(FrontMatterRule.missing, file: file, at: .start))
      }
      var line = 2
      while line <= source.lineCount {
        if isDelimiter(bytes, source.lineRange(line), closing: true) {
          // The lines between are joined by the `\n`s already there.
          let yaml = line > 2 ? source.range(lines: 2...(line - 1)) : 0..<0
          let body = line < source.lineCount ? source.lineRange(line + 1).lowerBound..<bytes.count : bytes.count..<bytes.count
          return .success(
            FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1))
        }
        line += 1
      }
      return .failure(Diagnostic(FrontMatterRule.notClosed, file: file, at: .start))
    }
  }

  /// `---`, or when closing also `...`, followed by nothing but spaces and tabs.
  private static func isDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, closing: Bool) -> Bool {
    var end = line.upperBound
    while end > line.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    guard end - line.lowerBound == 3 else { return false }
    let first = bytes[line.lowerBound]
    guard first == UInt8(ascii: "-") || (closing && first == UInt8(ascii: ".")) else { return false }
    return bytes[line.lowerBound + 1] == first && bytes[line.lowerBound + 2] == first
  }
}
