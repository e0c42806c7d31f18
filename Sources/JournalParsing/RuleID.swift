/// The ids of the findings the parser itself makes. They are part of the command-line interface.
public enum RuleID {
  public static let frontMatter = "front-matter"
  public static let yamlSyntax = "yaml-syntax"
  public static let missingField = "missing-field"
  public static let invalidValue = "invalid-value"
  public static let fileName = "file-name"
  public static let duplicateID = "duplicate-id"
  public static let actionSyntax = "action-syntax"
  public static let encoding = "encoding"
  public static let markdownLimits = "markdown-limits"
  public static let unknownField = "unknown-field"
  public static let unknownSection = "unknown-section"
  public static let unreadText = "unread-text"
}
