import JournalModel

/// `yaml-syntax`: the front matter must be well-formed YAML of bounded size.
///
/// The parser applies it while it reads a file; its findings are made from the messages below.
public struct YAMLSyntaxRule: ParsingRule {
  public static let id = "yaml-syntax"
  public static let severity = Severity.error

  public init() {}
  public let description = RuleDescription(
    id: YAMLSyntaxRule.id,
    summary: "The front matter is valid YAML of at most 64 KiB, without tabs, anchors, aliases, tags or deep nesting.",
    severity: YAMLSyntaxRule.severity,
    rationale: "A note that cannot be read cannot be checked; anchors, aliases and deep nesting let a few lines cost unbounded work, and a tag would read a value otherwise than as written.",
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: [career-development\n↓---\n").expecting("invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence on line 3)"),
      .session("---\ndate: 2026-11-20\n↓\ttype: career-development\n---\n").expecting("a tab indents this line, and YAML cannot be indented with tabs"),
      .session("---\ndate: ↓&day 2026-11-20\ntype: career-development\nfollow-up: *day\n---\n").expecting("YAML anchors are not allowed in front matter"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmetrics: ↓!!map {reviews: 3}\n---\n").expecting("YAML tags are not allowed in front matter"),
      .session("---\ndate: 2026-11-20\ntype: career-development\ntags:\n  - growth\n↓\t- review\n---\n").expecting("a tab indents this line, and YAML cannot be indented with tabs"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nproject: ↓“Apollo: phase 2”\n---\n").expecting("curly quotes are not YAML quotes, so the `: ` in `“Apollo: phase 2”` starts a new key"),
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: career-development\nproject: \"Apollo: phase 2\"\n---\n"),
      .session("---\ndate:\t2026-11-20\ntype: career-development\n---\n"),
    ])
}

extension YAMLSyntaxRule {
  static let expansionHint = "write the value out in full; anchors and aliases can expand without bound"

  /// `size` and `limit` as people read them, such as `64 KiB`; `bytes` exactly.
  public static func tooLarge(size: String, bytes: Int, limit: String) -> RuleMessage {
    message(
      "front matter is \(size) (\(bytes) bytes); journal reads at most \(limit)",
      hint: "keep the fields short and write at length in the body")
  }

  public static let outOfMemory = message("invalid YAML: out of memory")
  public static let secondDocument = message(
    "invalid YAML: a second document; journal reads one", hint: "remove the `---` line")
  public static let alias = message("YAML aliases are not allowed in front matter", hint: expansionHint)
  public static let anchorAndTag = message("YAML anchors and tags are not allowed in front matter", hint: expansionHint)
  public static let anchor = message("YAML anchors are not allowed in front matter", hint: expansionHint)
  public static let tag = message(
    "YAML tags are not allowed in front matter", hint: "remove the `!…`; journal reads every value as written")

  public static func nestedTooDeep(limit: Int) -> RuleMessage {
    message(
      "front matter is nested more than \(limit) levels deep", hint: "journal fields are at most a few levels deep")
  }

  /// A tab in a line's indentation, where libyaml stopped.
  public static let tabIndent = message(
    "a tab indents this line, and YAML cannot be indented with tabs", hint: "replace the tab with spaces")

  /// Curly quotes around text holding `: `, which YAML read as a new key: `quoted` as written,
  /// `fixed` the line with straight quotes.
  public static func curlyQuotesStartKey(quoted: String, fixed: String) -> RuleMessage {
    message(
      "curly quotes are not YAML quotes, so the `: ` in `\(quoted)` starts a new key",
      hint: "type straight quotes: `\(fixed)`")
  }

  /// libyaml's own account of what it could not read, in its words: `problem`, and the
  /// construct it was reading (`context`) with the line that starts on.
  public static func libyaml(problem: String, context: (String, line: Int)?) -> RuleMessage {
    var text = "invalid YAML: \(problem)"
    if let context { text += " (\(context.0) on line \(context.line))" }
    let hint: String? =
      text.contains("tab")
      ? "YAML indents with spaces, never tabs"
      : text.contains("mapping values are not allowed") ? "put text that holds `: ` in quotes" : nil
    return message(text, hint: hint)
  }
}
