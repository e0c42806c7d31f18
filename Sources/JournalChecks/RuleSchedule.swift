import JournalModel
import JournalParsing
import JournalRules

/// Rules ready for one check: each configured once by the journal's settings, then given
/// what its scope declares and nothing more: a `FileRule` one note at a time, a
/// `PersonRule` one person.
public struct RuleSchedule: Sendable {
  public let settings: RuleSettings
  let fileRules: [any FileRule]
  let personRules: [any PersonRule]

  /// `rules`, configured by `settings`; rules the parser applies are left out.
  public init(_ rules: [any Rule], settings: RuleSettings) {
    self.settings = settings
    var fileRules: [any FileRule] = []
    var personRules: [any PersonRule] = []
    for rule in rules {
      switch rule.scheduled(by: settings) {
      case .file(let rule)?: fileRules.append(rule)
      case .person(let rule)?: personRules.append(rule)
      case nil: break
      }
    }
    self.fileRules = fileRules
    self.personRules = personRules
  }

  /// Every finding about `person`; `paths` are the paths in their folder, parsed or not,
  /// and its links. In a debug build, a finding outside its rule's scope stops the run.
  public func check(_ person: PersonRecord, paths: Set<String>) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    func check(_ note: Note) {
      let file = FileContext(note, settings: settings)
      for rule in fileRules {
        let found = rule.check(file)
        assert(Self.outOfScope(found, of: note).isEmpty, "`\(rule.id)` reported outside the file it was given")
        findings += found
      }
    }
    if !fileRules.isEmpty {
      if let profile = person.profile { check(.profile(profile)) }
      for session in person.sessions { check(.session(session)) }
      for plan in person.plans { check(.plan(plan)) }
      for note in person.selfAssessments { check(.selfAssessment(note)) }
    }
    if !personRules.isEmpty {
      let context = PersonContext(person, paths: paths, settings: settings)
      for rule in personRules {
        let found = rule.check(context)
        assert(
          Self.outOfScope(found, of: person).isEmpty,
          "`\(rule.id)` reported outside the folder of the person it was given")
        findings += found
      }
    }
    return findings
  }

  /// The findings that do not name `note`: outside the scope of a file rule given it. The
  /// context holds nothing else, so only a rule that makes up a path could make one.
  public static func outOfScope(_ findings: [Diagnostic], of note: Note) -> [Diagnostic] {
    findings.filter { $0.file != note.file }
  }

  /// The findings that name no path in `person`'s folder: outside the scope of a person
  /// rule given them.
  public static func outOfScope(_ findings: [Diagnostic], of person: PersonRecord) -> [Diagnostic] {
    findings.filter { !JournalPath.isInside($0.file, folder: person.folder) }
  }
}
