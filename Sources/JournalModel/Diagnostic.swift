/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
  case warning
  case error

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .warning && rhs == .error
  }
}

/// One finding about a journal file: what is wrong, where, and which rule says so.
public struct Diagnostic: Sendable, Hashable {
  /// The stable id of the rule, such as `missing-field`; part of the command-line interface.
  public let rule: String
  public let severity: Severity
  public let message: String
  /// The file's path relative to the journal folder, with `/` separators.
  public let file: String
  public let location: SourceLocation
  /// Advice on how to fix it, such as "did you mean `follow-up`?".
  public let hint: String?

  public init(
    rule: String, severity: Severity, message: String, file: String,
    location: SourceLocation, hint: String? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.file = file
    self.location = location
    self.hint = hint
  }

  /// The same finding with another severity, as a journal's settings may ask.
  public func with(severity: Severity) -> Diagnostic {
    Diagnostic(
      rule: rule, severity: severity, message: message, file: file, location: location, hint: hint)
  }

  /// The order findings are reported in: by file, then position, then rule.
  public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    if lhs.location != rhs.location { return lhs.location < rhs.location }
    if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
    return lhs.message < rhs.message
  }
}
