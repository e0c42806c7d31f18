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
      .session("---\ndate: 2026-11-20\ntype: career-development\n↓follow-up 2026-12-01\n---\n").expecting("`follow-up 2026-12-01` has no `:` after its key, so YAML cannot read this line"),
      .session("---\ndate: 2026-11-20\ntype: ↓[career-development\n---\n").expecting("the `[` opened here is never closed"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nmentor: ↓\"Hannah Reyes\n---\n").expecting("the `\"` opened here is never closed"),
      .session("---\ndate: 2026-11-20\n  ↓type: career-development\n---\n").expecting("this line is indented under the line above, so YAML reads it as more of that line's value"),
      .session("---\ndate: 2026-11-20\ntype: career-development\nproject: ↓Apollo: phase 2\n---\n").expecting("the value of `project` holds `: `, which YAML reads as the start of another key"),
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

  /// A line whose key has no `:` after it (`follow-up 2026-12-01`); `fixed` is the line with
  /// one, when the rest of the line is its value.
  public static func missingColon(_ written: String, fixed: String?) -> RuleMessage {
    message(
      "`\(written)` has no `:` after its key, so YAML cannot read this line",
      hint: fixed.map { "write `\($0)`" } ?? "write `\(written): ` and its value, or delete the line")
  }

  /// `date:2026-11-20`: YAML reads a `:` as a key's end only before a space.
  public static func noSpaceAfterColon(_ written: String, fixed: String) -> RuleMessage {
    message("`\(written)` needs a space after the `:`", hint: "write `\(fixed)`")
  }

  /// `follow-up=2026-12-01`.
  public static func equalsForColon(_ written: String, fixed: String) -> RuleMessage {
    message("`\(written)` uses `=`, but a front matter key ends with `: `", hint: "write `\(fixed)`")
  }

  /// A line of text in the front matter that is no `key: value` line.
  public static func notAKeyLine(_ written: String) -> RuleMessage {
    message(
      "`\(written)` is not a `key: value` line",
      hint: "front matter holds only `key: value` lines; write notes in the body, below the closing `---`")
  }

  /// A line indented under the value above it, which YAML reads as more of that value;
  /// `fixed` is the line without its indentation.
  public static func indentedKey(fixed: String) -> RuleMessage {
    message(
      "this line is indented under the line above, so YAML reads it as more of that line's value",
      hint: "remove the indentation: `\(fixed)`")
  }

  /// A plain value holding `: `, which YAML reads as the start of another key; `fixed` is the
  /// line with the value quoted.
  public static func valueHoldsColon(key: String, fixed: String) -> RuleMessage {
    message(
      "the value of `\(key)` holds `: `, which YAML reads as the start of another key",
      hint: "put the value in quotes: `\(fixed)`")
  }

  /// A quote or bracket opened and never closed; `fixed` is its line closed, when the line
  /// holds no closer at all.
  public static func neverClosed(_ opener: String, closer: String, fixed: String?) -> RuleMessage {
    message(
      "the `\(opener)` opened here is never closed",
      hint: fixed.map { "close it on this line: `\($0)`" } ?? "add the `\(closer)` where the value ends")
  }

  /// A list item written with `*`, which YAML reads as an alias; `fixed` is the line with `-`.
  public static func starListItem(fixed: String) -> RuleMessage {
    message("a YAML list item starts with `- `, not `* `", hint: "write `\(fixed)`")
  }

  /// A character that cannot start a plain value (`@`, a backtick, `%`); `fixed` is the line
  /// with the value quoted, when it is a key's value.
  public static func cannotStart(_ character: String, fixed: String?) -> RuleMessage {
    message(
      (character == "`" ? "a backtick" : "`\(character)`") + " cannot start a plain YAML value",
      hint: fixed.map { "put the value in quotes: `\($0)`" } ?? "put the text in quotes")
  }

  /// `tags: - growth`.
  public static func itemOnKeyLine(key: String, item: String) -> RuleMessage {
    message(
      "a list item cannot start on its key's line",
      hint: "write `\(key): [\(item)]`, or `- \(item)` on the line below `\(key):`")
  }

  /// A backslash in double quotes before a character YAML gives no meaning.
  public static func unknownEscape(_ escape: String) -> RuleMessage {
    message(
      "`\(escape)` is not an escape YAML knows in double quotes",
      hint: "write `\\\\` for a backslash, or put the value in single quotes")
  }

  /// Text after a quoted value's closing quote (`"Hannah" Reyes`).
  public static func textAfterQuote(_ text: String) -> RuleMessage {
    message(
      "`\(text)` follows the closing quote of a value", hint: "put the whole value inside the quotes, or write it without them")
  }

  /// A line indented as no key or item above it.
  public static let misindented = message(
    "this line is indented as no key or list item above it",
    hint: "line it up with the keys or list items it belongs with")

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
