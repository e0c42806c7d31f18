import JournalModel
import JournalRules

/// What one file holds, once parsed.
public enum Document: Sendable, Equatable {
  case config(JournalConfig)
  case profile(Person)
  case session(Session)
  case plan(Plan)
  /// A note in `sessions/` with `type: self-assessment`.
  case selfAssessment(SelfAssessment)
}

/// One file's parse: its model, when it could be built, and every finding on the way.
public struct ParsedFile: Sendable {
  public let path: String
  public let kind: FileKind
  public let document: Document?
  public let diagnostics: [Diagnostic]

  public init(path: String, kind: FileKind, document: Document?, diagnostics: [Diagnostic]) {
    self.path = path
    self.kind = kind
    self.document = document
    self.diagnostics = diagnostics
  }
}

/// Turns a file's bytes into a model and diagnostics. Pure: no I/O, safe on any thread.
public enum DocumentParser {
  /// Parses a file; `bytes` may be nil for a file whose content is never read. `sections` are
  /// the headings the journal's `journal.yml` gives the body's sections (its `config.sections`):
  /// there is no default, so that no reader of a journal's notes leaves them out.
  public static func parse(_ bytes: [UInt8]?, path: String, sections: SectionNames) -> ParsedFile {
    parse(bytes, path: path, kind: JournalPath.classify(path), sections: sections)
  }

  /// Parses a file already classified (`JournalPath.classify`), so a caller that needed its
  /// kind first classifies it once.
  public static func parse(
    _ bytes: [UInt8]?, path: String, kind: FileKind, sections: SectionNames
  ) -> ParsedFile {
    var diagnostics: [Diagnostic] = []
    let document = bytes.flatMap {
      parse($0, path: path, kind: kind, sections: sections, diagnostics: &diagnostics)
    }
    // A session's `date` tells what a name with an ambiguous date was meant to be.
    var date: Day? = nil
    switch document {
    case .session(let session)?: date = session.date
    case .selfAssessment(let note)?: date = note.date
    default: break
    }
    return ParsedFile(
      path: path, kind: kind, document: document,
      diagnostics: JournalPath.nameProblems(path, kind: kind, date: date) + diagnostics)
  }

  /// The settings a `journal.yml` holds; nil when it cannot be read, which `journal check`
  /// reports. It has no body, so no headings are needed to read it.
  public static func config(_ bytes: [UInt8]) -> JournalConfig? {
    var diagnostics: [Diagnostic] = []
    let document = parse(bytes, path: JournalPath.configName, kind: .config, sections: .standard, diagnostics: &diagnostics)
    if case .config(let config)? = document { return config }
    return nil
  }

  /// Whether a file of this kind is opened at all: attachments and the mentor's private
  /// notes never are, and a misplaced note is only named.
  public static func readsContent(of kind: FileKind) -> Bool {
    switch kind {
    case .ignored, .privateNote, .misplaced: false
    default: true
    }
  }

  static func parse(
    _ bytes: [UInt8], path: String, kind: FileKind, sections names: SectionNames, diagnostics: inout [Diagnostic]
  ) -> Document? {
    guard readsContent(of: kind) else { return nil }
    let source: SourceText
    switch SourceText.decode(bytes, file: path) {
    case .success(let text): source = text
    case .failure(let problem):
      diagnostics.append(problem)
      return nil
    }
    if case .config = kind {
      let (frontMatter, problems) = FrontMatter.compose(.whole(source), source: source, file: path, fields: FrontMatterSchema.config)
      diagnostics += problems
      guard let frontMatter else { return nil }
      return ConfigParser.parse(frontMatter, file: path, diagnostics: &diagnostics).map(Document.config)
    }
    // Blank bytes first: a note's first byte settles it, and the command is made only for an
    // empty file.
    if !source.bytes.contains(where: { !TextBytes.isASCIISpace($0) }),
      let command = JournalPath.newCommand(for: kind, path: path)
    {
      diagnostics.append(Diagnostic(FrontMatterRule.empty(command: command), file: path, at: .start))
      return nil
    }
    let split: FrontMatterSplit
    switch FrontMatterSplit.split(source, file: path) {
    case .success(let parts): split = parts
    case .failure(let problem):
      diagnostics.append(problem)
      return nil
    }
    let fields: [FrontMatterSchema.Field]
    switch kind {
    case .profile: fields = FrontMatterSchema.profile
    case .plan: fields = FrontMatterSchema.plan
    default: fields = FrontMatterSchema.session
    }
    let (frontMatter, problems) = FrontMatter.compose(split, source: source, file: path, fields: fields)
    diagnostics += problems
    let body = MarkdownBody.parse(split, source: source, file: path, diagnostics: &diagnostics)
    switch kind {
    case .profile(let person):
      guard let frontMatter else { return nil }
      return ProfileParser.parse(frontMatter, person: person, file: path, diagnostics: &diagnostics)
        .map(Document.profile)
    case .session(let person, let date):
      let reader = frontMatter.map { FieldReader($0, file: path) }
      // What `type` says decides how the body is read: a self-assessment has no feedback
      // sections and no actions.
      if let reader, SelfAssessmentParser.isSelfAssessment(reader) {
        let hasWriting = SessionSections.selfAssessment(
          body, source: source, file: path, names: names, diagnostics: &diagnostics)
        return SelfAssessmentParser.parse(
          reader, hasWriting: hasWriting, person: person, fileDate: date, file: path, diagnostics: &diagnostics
        ).map(Document.selfAssessment)
      }
      let sections = SessionSections(body, source: source, file: path, names: names, diagnostics: &diagnostics)
      guard let reader else { return nil }
      return SessionParser.parse(
        reader, sections: sections, person: person, fileDate: date, file: path,
        diagnostics: &diagnostics
      ).map(Document.session)
    case .plan(let person, let slug):
      let actions = SessionSections.actions(
        in: body, source: source, file: path, names: names, diagnostics: &diagnostics)
      guard let frontMatter else { return nil }
      return PlanParser.parse(
        frontMatter, actions: actions, person: person, slug: slug, file: path,
        diagnostics: &diagnostics
      ).map(Document.plan)
    default:
      return nil
    }
  }
}

/// One step of reading a file: its result, or the finding that stops it.
public enum ParseStep<Value> {
  case success(Value)
  case failure(Diagnostic)
}
