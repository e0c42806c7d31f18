import JournalModel

/// A rule: its description (id, summary, examples) and what it looks at. A rule that looks
/// at parsed notes is a `FileRule` or a `PersonRule`, and is given only that; a rule the
/// parser applies while it reads a file is a `ParsingRule`.
public protocol Rule: Sendable {
  var description: RuleDescription { get }
  /// What the rule looks at to make one finding: given by the kind of rule it is, so a
  /// rule is always scheduled over what it declares.
  var scope: RuleScope { get }
  /// This rule configured for one check, as the kind of rule it is; nil for a rule the
  /// parser applies. A requirement rather than a cast: asking the runtime whether a rule
  /// conforms to `FileRule` scans every conformance of the program, once per rule type.
  func scheduled(by settings: RuleSettings) -> ScheduledRule?
}

/// A rule ready for one check, by what it is given.
public enum ScheduledRule: Sendable {
  case file(any FileRule)
  case person(any PersonRule)
}

extension Rule {
  public var id: String { description.id }
}

/// What a rule looks at to make one finding: one file, or one person's files. No rule looks
/// across people: the journal is checked one person at a time.
public enum RuleScope: String, Sendable, CaseIterable {
  /// One note alone; each finding names that note.
  case file
  /// One person's notes together; each finding names a path in that person's folder.
  case person
}

/// A rule that looks at one note at a time, and is given that note alone.
public protocol FileRule: Rule {
  /// This rule ready for one check: what it reads from the settings (a limit, an index of
  /// phrases) worked out once, not for every note.
  func configured(by settings: RuleSettings) -> Self
  /// The findings about one note, each naming it.
  func check(_ file: FileContext) -> [Diagnostic]
}

extension FileRule {
  public var scope: RuleScope { .file }
  public func configured(by settings: RuleSettings) -> Self { self }
  public func scheduled(by settings: RuleSettings) -> ScheduledRule? { .file(configured(by: settings)) }
}

/// A rule that looks at one person's notes together, and is given that person alone.
public protocol PersonRule: Rule {
  /// This rule ready for one check, as `FileRule.configured(by:)`.
  func configured(by settings: RuleSettings) -> Self
  /// The findings about one person, each naming a path in their folder.
  func check(_ person: PersonContext) -> [Diagnostic]
}

extension PersonRule {
  public var scope: RuleScope { .person }
  public func configured(by settings: RuleSettings) -> Self { self }
  public func scheduled(by settings: RuleSettings) -> ScheduledRule? { .person(configured(by: settings)) }
}

/// A rule whose id and severity are declared once, as the type's, and whose findings are made
/// from its own typed messages, so a call site names what it found, never the text or the
/// severity.
public protocol MessageRule: Rule {
  static var id: String { get }
  static var severity: Severity { get }
}

/// A rule the parser applies while it reads one file: each finding is made while that file
/// is read, and names it.
public protocol ParsingRule: MessageRule {}

extension ParsingRule {
  public var scope: RuleScope { .file }
  public func scheduled(by settings: RuleSettings) -> ScheduledRule? { nil }
}

extension MessageRule {
  /// A message of this rule, with its id and severity.
  public static func message(_ text: String, hint: String? = nil) -> RuleMessage {
    RuleMessage(rule: id, severity: severity, text: text, hint: hint)
  }
}

/// What a rule says about one place, before it is placed in a file: the finding's text and
/// hint, with the rule's id and severity.
public struct RuleMessage: Sendable, Hashable {
  public let rule: String
  public let severity: Severity
  public let text: String
  public let hint: String?
}

extension Diagnostic {
  /// A rule's message found at `location` in `file`.
  public init(_ message: RuleMessage, file: String, at location: SourceLocation) {
    self.init(
      rule: message.rule, severity: message.severity, message: message.text, file: file,
      location: location, hint: message.hint)
  }
}

/// What a rule is, with examples that are both its tests and its documentation.
public struct RuleDescription: Sendable {
  public let id: String
  public let summary: String
  public let severity: Severity
  /// Why the rule exists, from the practice of giving feedback.
  public let rationale: String
  public let parameters: [RuleParameter]
  /// Journals that must make this rule report; a `↓` marks where.
  public var triggering: [RuleExample] { makeTriggering() }
  /// Journals that must not.
  public var nonTriggering: [RuleExample] { makeNonTriggering() }

  // The examples are written out only when asked for (by the tests and the rules
  // catalogue): every check makes every rule, and building all their example journals
  // each time was a noticeable part of checking a small journal.
  private let makeTriggering: @Sendable () -> [RuleExample]
  private let makeNonTriggering: @Sendable () -> [RuleExample]

  public init(
    id: String, summary: String, severity: Severity, rationale: String,
    parameters: [RuleParameter] = [],
    triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
    nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample]
  ) {
    self.id = id
    self.summary = summary
    self.severity = severity
    self.rationale = rationale
    self.parameters = parameters
    self.makeTriggering = triggering
    self.makeNonTriggering = nonTriggering
  }
}

/// A setting a rule reads from `journal.yml`, with its default.
public struct RuleParameter: Sendable {
  public let name: String
  public let summary: String
  public let defaultValue: ParameterValue

  public init(name: String, summary: String, defaultValue: ParameterValue) {
    self.name = name
    self.summary = summary
    self.defaultValue = defaultValue
  }
}

/// A small journal for a rule's examples: paths relative to the journal and their text.
///
/// `journal.yml` and the profile of `alex` are added unless an example gives its own. A
/// triggering example names, with `expecting(_:)`, the message of each finding at its `↓`
/// markers; the rule must report exactly those, and nothing anywhere else.
public struct RuleExample: Sendable {
  /// The marker that shows where a triggering example must be reported.
  public static let marker: Character = "↓"
  public static let defaultToday = Day(year: 2026, month: 11, day: 26)!
  public static let sessionPath = "mentees/alex/sessions/2026-11-20.md"

  public let files: [String: String]
  public let today: Day
  /// The message of each finding, in the order of the markers: by file path, then by
  /// position in the file.
  public let messages: [String]
  /// Files the example does not hold that a finding must name at 1:1, such as the profile a
  /// person's folder lacks; their findings come before the markers'.
  public let missingFiles: [String]
  /// Where the example is written, so a failing example is reported there.
  public let fileID: String
  public let filePath: String
  public let line: Int

  public init(
    files: [String: String], today: Day = RuleExample.defaultToday, fileID: String = #fileID,
    filePath: String = #filePath, line: Int = #line
  ) {
    var all = [
      "journal.yml": "title: Example journal\n",
      "mentees/alex/profile.md": "---\nname: Alex Kim\nrelationship: report\n---\n",
    ]
    all.merge(files) { _, given in given }
    self.init(all: all, today: today, messages: [], missingFiles: [], fileID: fileID, filePath: filePath, line: line)
  }

  private init(
    all: [String: String], today: Day, messages: [String], missingFiles: [String], fileID: String,
    filePath: String, line: Int
  ) {
    self.files = all
    self.today = today
    self.messages = messages
    self.missingFiles = missingFiles
    self.fileID = fileID
    self.filePath = filePath
    self.line = line
  }

  /// A journal with one session of `alex`, written on 2026-11-20.
  public static func session(
    _ text: String, today: Day = defaultToday, fileID: String = #fileID, filePath: String = #filePath,
    line: Int = #line
  ) -> RuleExample {
    RuleExample(files: [sessionPath: text], today: today, fileID: fileID, filePath: filePath, line: line)
  }

  /// A journal whose only other file is `path`.
  public static func file(
    _ path: String, _ text: String, today: Day = defaultToday, fileID: String = #fileID,
    filePath: String = #filePath, line: Int = #line
  ) -> RuleExample {
    RuleExample(files: [path: text], today: today, fileID: fileID, filePath: filePath, line: line)
  }

  /// This example, with the message expected at each marker, in the markers' order.
  public func expecting(_ messages: String...) -> RuleExample {
    RuleExample(
      all: files, today: today, messages: messages, missingFiles: missingFiles, fileID: fileID, filePath: filePath,
      line: line)
  }

  /// This example, with a finding expected at 1:1 of `path`, a file it does not hold.
  public func expecting(inMissingFile path: String, _ message: String) -> RuleExample {
    RuleExample(
      all: files, today: today, messages: [message] + messages, missingFiles: [path] + missingFiles, fileID: fileID,
      filePath: filePath, line: line)
  }
}
