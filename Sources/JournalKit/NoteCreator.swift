import Foundation
import JournalGit
import JournalModel
import JournalParsing

/// `journal init` and `journal new`: files from templates, written atomically, never over
/// an existing one.
public enum NoteCreator {
  /// Makes a journal in `folder`, and a git repository there when it is not inside one.
  /// Returns whether a repository was created.
  @discardableResult
  public static func initJournal(at folder: String, title: String?) throws -> Bool {
    let absolute = PathNames.absolute(folder)
    let config = absolute + "/" + JournalPath.configName
    if FileManager.default.fileExists(atPath: config) {
      throw JournalError("\(folder) already holds a journal (\(JournalPath.configName)); journal init changes nothing")
    }
    // A journal inside another would be read as the other's notes: under `mentees/`, as a
    // person without a profile.
    if let outer = try? JournalLocation.find(from: (absolute as NSString).deletingLastPathComponent) {
      let shown = PathNames.relative(outer.root, from: PathNames.resolved(FileManager.default.currentDirectoryPath))
      throw JournalError(
        "\(folder) would be inside the journal at \(shown): add people to that one with journal new person, or make this one elsewhere")
    }
    do {
      try FileManager.default.createDirectory(
        atPath: absolute + "/" + JournalPath.peopleFolder, withIntermediateDirectories: true)
    } catch {
      throw JournalError("cannot create \(folder): \(error.localizedDescription)")
    }
    let name = (PathNames.resolved(absolute) as NSString).lastPathComponent
    let repository = try git { try Repository.discover(containing: absolute) }
    try AtomicFile.create(config, contents: Templates.config(title: title ?? defaultTitle(folderName: name)))
    if repository == nil {
      _ = try git { try Repository.create(at: absolute) }
      return true
    }
    return false
  }

  public static func newPerson(
    _ location: JournalLocation, id: String, name: String, role: String?,
    relationship: Relationship?, cadence: Cadence?, today: Day
  ) throws -> String {
    guard Person.isValidID(id) else { throw notAnID(id, "person id") }
    guard !isBlank(name) else { throw JournalError("--name is empty: give the person's name, as in --name \"Sam Okafor\"") }
    let folder = location.root + "/\(JournalPath.peopleFolder)/\(id)"
    if FileManager.default.fileExists(atPath: folder + "/profile.md") {
      throw JournalError("\(id) already has a profile")
    }
    try createFolder(folder + "/sessions")
    try createFolder(folder + "/plans")
    let path = folder + "/profile.md"
    try AtomicFile.create(
      path,
      contents: Templates.profile(
        name: name, role: role, relationship: relationship, cadence: cadence, since: today))
    return path
  }

  /// "`Zoë Brandt` is not a valid person id: use lowercase letters, digits and `-`, as in
  /// `zoe-brandt`": the id meant, with accents dropped, when one is left.
  static func notAnID(_ text: String, _ kind: String) -> JournalError {
    let unaccented = String(
      String.UnicodeScalarView(
        text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
    let meant = JournalPath.suggestedID(unaccented)
    let example = Person.isValidID(meant) && meant != "person" ? ", as in `\(meant)`" : ""
    return JournalError("`\(text)` is not a valid \(kind): use lowercase letters, digits and `-`" + example)
  }

  /// The title of a journal made in a folder named `name` without `--title`: its words
  /// (split at `-` and `_`), with "journal" after them unless they end with it, so
  /// `team-journal` is "team journal", not "team-journal journal".
  static func defaultTitle(folderName name: String) -> String {
    let words = name.unicodeScalars.split { $0 == "-" || $0 == "_" }.map { String(String.UnicodeScalarView($0)) }
    guard !words.isEmpty else { return "\(name) journal" }
    let last = words[words.count - 1].lowercased()
    return words.joined(separator: " ") + (last == "journal" || last == "journals" ? "" : " journal")
  }

  /// A name or title that `journal check` would report as empty.
  static func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }

  public static func newSession(
    _ location: JournalLocation, id: String, type: SessionType?, date: Day, slug: String?,
    plan: String? = nil
  ) throws -> String {
    let person = try record(location, id)
    if let plan, person.plan(plan) == nil {
      let known = person.plans.map(\.slug)
      throw JournalError(
        "\(id) has no plan `\(plan)`" + (known.isEmpty ? "" : "; plans: " + known.joined(separator: ", ")))
    }
    if let slug, !Person.isValidID(slug) { throw notAnID(slug, "slug") }
    let sessionType =
      type ?? person.lastSession?.type
      ?? (person.profile?.relationship == .candidate ? .candidateFeedback : .careerDevelopment)
    let folder = location.root + "/\(person.folder)/sessions"
    try createFolder(folder)
    let contents = Templates.session(person: person, date: date, type: sessionType, plan: plan)
    // A second session on the same day gets a slug: the one given, else -2, -3, …
    var candidates = [slug.map { "\(date)-\($0).md" } ?? "\(date).md"]
    if slug == nil { candidates += (2...99).map { "\(date)-\($0).md" } }
    if let path = try createFirstFree(candidates, in: folder, contents: contents) { return path }
    throw JournalError("a session for \(id) on \(date) already exists as \(candidates[0]); give another --slug")
  }

  /// A self-assessment of `id` on `date`, `sessions/DATE-self-assessment.md` (then `-2`, `-3`
  /// when one is there), written atomically and never over an existing file.
  public static func newSelfAssessment(_ location: JournalLocation, id: String, date: Day) throws -> String {
    let person = try record(location, id)
    let folder = location.root + "/\(person.folder)/sessions"
    try createFolder(folder)
    let contents = Templates.selfAssessment(person: person, date: date)
    let stem = "\(date)-\(SelfAssessment.type)"
    let candidates = ["\(stem).md"] + (2...99).map { "\(stem)-\($0).md" }
    if let path = try createFirstFree(candidates, in: folder, contents: contents) { return path }
    throw JournalError("\(id) has 99 self-assessments on \(date) already; give another --date")
  }

  public static func newPlan(
    _ location: JournalLocation, id: String, slug: String, title: String, today: Day
  ) throws -> String {
    let person = try record(location, id)
    guard Person.isValidID(slug) else { throw notAnID(slug, "plan slug") }
    guard !isBlank(title) else { throw JournalError("--title is empty: give the plan's title, as in --title \"Code quality\"") }
    let folder = location.root + "/\(person.folder)/plans"
    try createFolder(folder)
    let path = folder + "/\(slug).md"
    try AtomicFile.create(path, contents: Templates.plan(title: title, created: today))
    return path
  }

  private static func record(_ location: JournalLocation, _ id: String) throws -> PersonRecord {
    let loaded = try JournalLoader.load(DiskJournal(location))
    guard let person = loaded.journal.person(id), person.profile != nil else {
      throw JournalError.unknownPerson(
        id, known: loaded.journal.people.filter { $0.profile != nil }.map(\.id),
        otherwise: "add one with `journal new person \(id) --name \"…\"`")
    }
    return person
  }

  /// Writes `contents` atomically as the first of `names` in `folder` that does not exist, and
  /// returns its path; nil when every one does. A file made meanwhile by someone else is
  /// passed over, never replaced.
  private static func createFirstFree(_ names: [String], in folder: String, contents: String) throws -> String? {
    for name in names {
      let path = folder + "/" + name
      if FileManager.default.fileExists(atPath: path) { continue }
      do {
        try AtomicFile.create(path, contents: contents)
        return path
      } catch let error as JournalError where error.message.contains("already exists") {
        continue
      }
    }
    return nil
  }

  private static func createFolder(_ path: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw JournalError("cannot create \(path): \(error.localizedDescription)")
    }
  }
}
