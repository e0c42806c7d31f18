import JournalModel

/// A file cut into its YAML front matter and its Markdown body, keeping line numbers.
public struct FrontMatterSplit: Sendable {
  /// The YAML between the two `---` lines.
  public let yaml: String
  /// The file line that holds the YAML's first line.
  public let yamlFirstLine: Int
  /// The Markdown after the closing `---`.
  public let body: String
  /// The file line that holds the body's first line.
  public let bodyFirstLine: Int

  /// Splits a file, or reports that its front matter is missing or never closed.
  public static func split(_ source: SourceText, file: String) -> ParseStep<FrontMatterSplit>
  {
    let lines = source.lines
    guard let first = lines.first, isDelimiter(first, closing: false) else {
      return .failure(
        Diagnostic(
          rule: RuleID.frontMatter, severity: .error,
          message: "file does not start with front matter", file: file, location: .start,
          hint: "begin the file with a `---` line, the YAML fields, then another `---` line"))
    }
    var index = 1
    while index < lines.count {
      if isDelimiter(lines[index], closing: true) {
        // Slices of the text itself: the lines between are joined by the `\n`s already there.
        let text = source.text
        let yaml = index > 1 ? String(text[lines[1].startIndex..<lines[index - 1].endIndex]) : ""
        let body = index + 1 < lines.count ? String(text[lines[index + 1].startIndex...]) : ""
        return .success(
          FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: index + 2))
      }
      index += 1
    }
    return .failure(
      Diagnostic(
        rule: RuleID.frontMatter, severity: .error,
        message: "front matter opened here is never closed", file: file, location: .start,
        hint: "add a line holding only `---` after the last YAML field"))
  }

  private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
    var trimmed = line
    while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
    return trimmed == "---" || (closing && trimmed == "...")
  }
}
