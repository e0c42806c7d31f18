import Foundation
import JournalChecks
import JournalModel
import JournalRules
import JournalParsing

/// The result of checking a journal.
public struct CheckReport: Sendable {
  /// Findings in report order, with the journal's rule settings applied.
  public let diagnostics: [Diagnostic]
  /// How many notes were checked.
  public var fileCount: Int { files.count }
  /// The notes checked.
  let files: [String]

  init(diagnostics: [Diagnostic], files: [String]) {
    self.diagnostics = diagnostics
    self.files = files
  }

  /// The report `check(only: paths)` gives, taken from this one: `paths` must lie within the
  /// selection this report was made for.
  public func narrowed(to paths: [String]) -> CheckReport {
    CheckReport(
      diagnostics: diagnostics.filter { Checker.isSelected($0.file, by: paths) },
      files: files.filter { Checker.isSelected($0, by: paths) })
  }

  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// `journal check`: every file, every rule, every finding.
///
/// No rule looks across people, so the journal is checked one person at a time
/// (`JournalLoader.eachPerson`): memory holds the people being checked and the findings, not
/// the journal.
public enum Checker {
  /// Checks a journal. With `only`, each person concerned is still read whole (links and
  /// follow-ups cross files) but only findings in those files or folders are reported.
  /// `parallel: false` keeps the work on the calling thread, for a caller whose own work
  /// needs the other cores; a thread that calls `helpers.help()` meanwhile takes part in
  /// parsing the files.
  public static func check(
    _ source: some JournalSource, today: Day, only selection: [String]? = nil, parallel: Bool = true,
    helpers: Helpers? = nil
  ) throws -> CheckReport {
    let (settings, perPerson) = try JournalLoader.eachPerson(
      source, people: selection.flatMap(Self.people), parallel: parallel, helpers: helpers,
      prepare: { RuleRegistry.schedule(RuleSettings(config: $0.journal.config, today: today)) }
    ) { rules, loaded, part -> (diagnostics: [Diagnostic], files: [String]) in
      let paths = Set(part.files).union(part.links)
      let findings = loaded.journal.people.flatMap { rules.check($0, paths: paths) }
      return (loaded.diagnostics + findings, loaded.checkedFiles)
    }
    let config = settings.journal.config
    var diagnostics = RuleRegistry.applySettings(
      settings.diagnostics + perPerson.flatMap(\.diagnostics), config: config)
    var files = settings.checkedFiles + perPerson.flatMap(\.files)
    if let selection {
      diagnostics = diagnostics.filter { isSelected($0.file, by: selection) }
      files = files.filter { isSelected($0, by: selection) }
    }
    return CheckReport(diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), files: files)
  }

  /// True when `path` is one of `selection`'s files, or inside one of its folders.
  static func isSelected(_ path: String, by selection: [String]) -> Bool {
    selection.contains { JournalPath.isInside(path, folder: $0) }
  }
}

extension Checker {
  /// The people whose folders hold every selected path, or nil when a path lies outside any
  /// person's folder (journal.yml, `mentees/` itself, the whole journal).
  static func people(in selection: [String]) -> Set<String>? {
    var people: Set<String> = []
    for path in selection {
      guard let inside = JournalPath.subpath(of: path, under: JournalPath.peopleFolder),
        let id = JournalPath.components(of: inside, omittingEmpty: false).first, !id.isEmpty
      else { return nil }
      people.insert(String(id))
    }
    return people
  }
}
