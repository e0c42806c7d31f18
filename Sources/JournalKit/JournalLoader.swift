import Foundation
import JournalChecks
import JournalModel
import JournalRules
import JournalParsing

/// Reads and parses every file of a journal, on every core, into a `Journal` and findings.
public struct LoadedJournal: Sendable {
  public let journal: Journal
  /// Findings made while reading each file.
  public let diagnostics: [Diagnostic]
  /// Files that were parsed as notes (not attachments, not private notes).
  public let checkedFiles: [String]
}

public enum JournalLoader {
  /// Loads the journal, or with `people` only their folders and the journal's settings.
  public static func load(_ source: some JournalSource, people: Set<String>? = nil) throws -> LoadedJournal {
    let listing = try source.listing(people: people)
    // journal.yml first: the headings it adds decide how every body is read.
    var settings: [String] = []
    var notes: [String] = []
    for path in listing.files {
      if case .config = JournalPath.classify(path) { settings.append(path) } else { notes.append(path) }
    }
    // journal.yml has no body: it is read before the headings it adds are known.
    let config = parseAll(settings, source: source, sections: .standard)
    let sections = config.lazy.compactMap { file -> SectionNames? in
      if case .config(let value)? = file.document { value.sections } else { nil }
    }.first ?? .standard
    return assemble(config + parseAll(notes, source: source, sections: sections), listing: listing)
  }

  /// The journal's settings as `journal check` reads them: its `journal.yml`, when that is a
  /// file that can be read, or the defaults. Whatever reads the journal's notes outside a
  /// check reads them with these settings' `sections`.
  public static func config(_ source: some JournalSource) -> JournalConfig {
    guard case .success(let bytes) = source.read(JournalPath.configName) else { return JournalConfig() }
    return DocumentParser.config(bytes) ?? JournalConfig()
  }

  /// Builds the journal from parsed files. `config` stands in for a `journal.yml` that is not
  /// among them, as when one person's folder is loaded on its own.
  static func assemble(_ parsed: [ParsedFile], listing: JournalListing, config given: JournalConfig? = nil)
    -> LoadedJournal
  {
    var diagnostics: [Diagnostic] = []
    var config = given ?? JournalConfig()
    var profiles: [String: Person] = [:]
    var sessions: [String: [Session]] = [:]
    var plans: [String: [Plan]] = [:]
    var selfAssessments: [String: [SelfAssessment]] = [:]
    var unread: [String: [UnreadSession]] = [:]
    var checked: [String] = []
    for file in parsed {
      diagnostics += file.diagnostics
      if let session = unreadSession(file) { unread[session.person, default: []].append(session.unread) }
      switch file.kind {
      case .ignored, .privateNote: continue
      default: checked.append(file.path)
      }
      switch file.document {
      case .config(let value)?:
        config = value
        diagnostics += RuleRegistry.validate(value, file: file.path)
      case .profile(let person)?: profiles[person.id] = person
      case .session(let session)?: sessions[session.personID, default: []].append(session)
      case .plan(let plan)?: plans[plan.personID, default: []].append(plan)
      case .selfAssessment(let note)?: selfAssessments[note.personID, default: []].append(note)
      case nil: break
      }
    }
    for link in listing.links {
      diagnostics.append(
        Diagnostic(FileNameRule.symbolicLink, file: link, at: .start))
    }
    for repository in listing.repositories {
      diagnostics.append(Diagnostic(FileNameRule.repositoryInside, file: repository, at: .start))
    }
    for (path, reason) in listing.unreadable {
      diagnostics.append(
        Diagnostic(EncodingRule.cannotReadFolder(reason: reason), file: path, at: .start))
    }
    for leftover in listing.leftovers {
      let name = (leftover.path as NSString).lastPathComponent
      guard let original = AtomicFile.original(ofTemporary: name) else { continue }
      diagnostics.append(
        Diagnostic(
          LeftoverFileRule.leftover(
            name, of: original, originalExists: leftover.originalExists,
            note: JournalPath.person(of: leftover.path) != nil),
          file: leftover.path, at: .start))
    }
    let ids = Set(listing.people).union(profiles.keys).union(sessions.keys).union(plans.keys).union(unread.keys)
      .union(selfAssessments.keys)
    let people = ids.map { id in
      PersonRecord(
        id: id, folder: "\(JournalPath.peopleFolder)/\(id)", profile: profiles[id],
        sessions: sessions[id] ?? [], plans: plans[id] ?? [], unreadSessions: unread[id] ?? [],
        selfAssessments: selfAssessments[id] ?? [])
    }
    return LoadedJournal(
      journal: Journal(config: config, people: people),
      diagnostics: diagnostics, checkedFiles: checked)
  }

  /// A session file whose actions and follow-up are unknown, and whose they are: its front
  /// matter could not be read, its body was past the bounds journal reads (and so not read), or
  /// it is a note in `sessions/` saved under another extension.
  static func unreadSession(_ file: ParsedFile) -> (person: String, unread: UnreadSession)? {
    switch (file.kind, file.document) {
    case (.session(let person, let date), nil):
      return (person, UnreadSession(file: file.path, date: date))
    case (.session(let person, _), .session(let session)?)
    where file.diagnostics.contains { $0.rule == MarkdownLimitsRule.id }:
      return (person, UnreadSession(file: file.path, date: session.date))
    case (.misplaced, _):
      guard let person = JournalPath.person(of: file.path), let misnamed = JournalPath.misnamedSession(file.path)
      else { return nil }
      return (person, misnamed)
    default:
      return nil
    }
  }

  /// Reads the journal one person at a time, people side by side on every core, and keeps of
  /// each person only what `body` makes of them (no rule or report looks across people), so
  /// memory holds the people being read, not the journal. `body` is given the person's part,
  /// read with the journal's settings, and its listing; `shared` is the journal's own files
  /// (journal.yml, anything outside a person's folder). `parallel: false` keeps the work on the
  /// calling thread; a thread that calls `helpers.help()` meanwhile takes part in parsing.
  static func eachPerson<T: Sendable>(
    _ source: some JournalSource, people selection: Set<String>?, parallel: Bool = true, helpers: Helpers? = nil,
    _ body: @Sendable (LoadedJournal, JournalListing) -> T
  ) throws -> (shared: LoadedJournal, people: [T]) {
    try eachPerson(source, people: selection, parallel: parallel, helpers: helpers, prepare: { _ in () }) {
      body($1, $2)
    }
  }

  /// The same, with what `prepare` makes once of the journal's own files (the rules
  /// configured by journal.yml, say) given to `body` with each person.
  static func eachPerson<Prepared: Sendable, T: Sendable>(
    _ source: some JournalSource, people selection: Set<String>?, parallel: Bool = true, helpers: Helpers? = nil,
    prepare: (LoadedJournal) -> Prepared, _ body: @Sendable (Prepared, LoadedJournal, JournalListing) -> T
  ) throws -> (shared: LoadedJournal, people: [T]) {
    let listing = try source.listing(people: selection)
    let (shared, people) = split(listing)
    // journal.yml, and files outside a person's folder, which are never read as notes.
    let settings = assemble(parseAll(shared.files, source: source, sections: .standard), listing: shared)
    let prepared = prepare(settings)
    let config = settings.journal.config
    // With fewer people than cores (a commit checks one person), each person's files are
    // parsed side by side instead.
    let filesInParallel = parallel && fewerThanCores(people.count)
    let results = (parallel ? people.concurrentMap : people.map) { part -> T in
      let parsed =
        filesInParallel
        ? part.files.concurrentMap { parseOne($0, source: source, sections: config.sections) }
        : helpers.map { $0.map(part.files) { parseOne($0, source: source, sections: config.sections) } }
          ?? part.files.map { parseOne($0, source: source, sections: config.sections) }
      return body(prepared, assemble(parsed, listing: part, config: config), part)
    }
    return (settings, results)
  }

  /// Whether `count` is less than the number of cores this process may use.
  ///
  /// `activeProcessorCount` reads the control group's CPU quota from files with `sscanf`;
  /// the cores online bound it from above, so only a count below that needs them read.
  static func fewerThanCores(_ count: Int) -> Bool {
    let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    if online > 0, count >= online { return false }
    return count < ProcessInfo.processInfo.activeProcessorCount
  }

  /// The journal's own files (journal.yml, anything not in a person's folder), and one
  /// listing per person.
  static func split(_ listing: JournalListing) -> (shared: JournalListing, people: [JournalListing]) {
    let owner = JournalPath.person(of:)
    var shared = JournalListing()
    var people: [String: JournalListing] = [:]
    for id in listing.people { people[id, default: JournalListing()].people = [id] }
    for path in listing.files {
      if let id = owner(path) { people[id, default: JournalListing()].files.append(path) } else { shared.files.append(path) }
    }
    for path in listing.links {
      if let id = owner(path) { people[id, default: JournalListing()].links.append(path) } else { shared.links.append(path) }
    }
    for path in listing.repositories {
      // A person's whole folder a repository is nobody's folder in the journal.
      if let id = owner(path), JournalPath.components(of: path).count > 2 {
        people[id, default: JournalListing()].repositories.append(path)
      } else {
        shared.repositories.append(path)
      }
    }
    for entry in listing.unreadable {
      if let id = owner(entry.path) { people[id, default: JournalListing()].unreadable.append(entry) } else { shared.unreadable.append(entry) }
    }
    for leftover in listing.leftovers {
      if let id = owner(leftover.path) {
        people[id, default: JournalListing()].leftovers.append(leftover)
      } else {
        shared.leftovers.append(leftover)
      }
    }
    return (shared, people.sorted { $0.key < $1.key }.map(\.value))
  }

  /// Parses files on every core; each task reads, parses and drops one file's bytes, so
  /// memory grows with the models, not with the files.
  static func parseAll(_ paths: [String], source: some JournalSource, sections: SectionNames)
    -> [ParsedFile]
  {
    paths.concurrentMap { parseOne($0, source: source, sections: sections) }
  }

  static func parseOne(_ path: String, source: some JournalSource, sections: SectionNames) -> ParsedFile {
    let kind = JournalPath.classify(path)
    // Attachments and private notes are never opened; a misplaced note is only named.
    guard DocumentParser.readsContent(of: kind) else {
      return DocumentParser.parse(nil, path: path, kind: kind, sections: sections)
    }
    switch source.read(path) {
    case .success(let bytes):
      return DocumentParser.parse(bytes, path: path, kind: kind, sections: sections)
    case .failure(let problem):
      return ParsedFile(path: path, kind: kind, document: nil, diagnostics: [problem])
    }
  }
}
