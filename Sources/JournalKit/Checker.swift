import JournalChecks
import JournalModel
import JournalParsing

/// The result of checking a journal.
public struct CheckReport: Sendable {
  /// Findings in report order, with the journal's rule settings applied.
  public let diagnostics: [Diagnostic]
  /// How many notes were checked.
  public let fileCount: Int
  public let journal: Journal

  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// `journal check`: every file, every rule, every finding.
public enum Checker {
  /// Checks a journal. With `only`, the whole journal is still read (links and follow-ups
  /// cross files) but only findings in those files or folders are reported.
  public static func check(
    _ source: some JournalSource, today: Day, only selection: [String]? = nil
  ) throws -> CheckReport {
    // No rule looks across people, so checking some people's files reads only theirs.
    let people = selection.flatMap(Self.people)
    let loaded = try JournalLoader.load(source, people: people)
    let context = CheckContext(
      journal: loaded.journal, today: today,
      paths: Set(loaded.listing.files).union(loaded.listing.links))
    var diagnostics = loaded.diagnostics + RuleRegistry.check(context)
    diagnostics = RuleRegistry.applySettings(diagnostics, config: loaded.journal.config)
    var files = loaded.checkedFiles
    if let selection {
      func selected(_ path: String) -> Bool {
        selection.contains { $0.isEmpty || path == $0 || path.hasPrefix($0 + "/") }
      }
      diagnostics = diagnostics.filter { selected($0.file) }
      files = files.filter(selected)
    }
    return CheckReport(
      diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), fileCount: files.count,
      journal: loaded.journal)
  }
}

extension Checker {
  /// The people whose folders hold every selected path, or nil when a path lies outside any
  /// person's folder (journal.yml, `mentees/` itself, the whole journal).
  static func people(in selection: [String]) -> Set<String>? {
    var people: Set<String> = []
    for path in selection {
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count >= 2, parts[0] == Substring(JournalPath.peopleFolder), !parts[1].isEmpty else {
        return nil
      }
      people.insert(String(parts[1]))
    }
    return people
  }
}
