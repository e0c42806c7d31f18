import JournalModel
import JournalParsing
import JournalRules

/// Rules that report what their context lets them reach, for the scope tests.
enum ScopeProbe {
  static let settings = RuleSettings(config: JournalConfig(), today: RuleExample.defaultToday)
  static let description = RuleDescription(
    id: "scope-probe", summary: "", severity: .warning, rationale: "", triggering: [], nonTriggering: [])

  /// Reports once per call, naming the note given, with every note reachable from its context.
  struct File: FileRule {
    var description: RuleDescription { ScopeProbe.description }
    func check(_ file: FileContext) -> [Diagnostic] { [ScopeProbe.finding(file.file, reached: file)] }
  }

  struct Person: PersonRule {
    var description: RuleDescription { ScopeProbe.description }
    func check(_ person: PersonContext) -> [Diagnostic] {
      [ScopeProbe.finding(person.person.profile?.file ?? person.person.folder, reached: person)]
    }
  }

  static func finding(_ file: String, reached context: Any) -> Diagnostic {
    Diagnostic(
      rule: description.id, severity: .warning, message: "sees " + notes(in: context).joined(separator: ", "),
      file: file, location: .start, hint: nil)
  }

  /// The paths of every profile, session and plan held anywhere inside `value`, found by
  /// reflection, so a context that gained a way to another note would show it.
  static func notes(in value: Any) -> [String] {
    var found: [String] = []
    func walk(_ value: Any) {
      // A note is counted once, not again through the optional that may hold it.
      switch value {
      case let profile as JournalModel.Person: return found.append(profile.file)
      case let session as Session: return found.append(session.file)
      case let plan as Plan: return found.append(plan.file)
      default: break
      }
      for child in Mirror(reflecting: value).children { walk(child.value) }
    }
    walk(value)
    return found.sorted()
  }

  /// A person with a profile, a session on each date and, with `plan`, a plan of that slug.
  static func person(_ id: String, sessions dates: [String], plan slug: String?) throws -> PersonRecord {
    let folder = "mentees/\(id)"
    func parse(_ text: String, _ path: String) -> Document? {
      DocumentParser.parse(Array(text.utf8), path: path, sections: .standard).document
    }
    guard case .profile(let profile)? = parse("---\nname: Alex Kim\n---\n", "\(folder)/profile.md") else {
      throw ProbeError.unparsed("profile")
    }
    let sessions = try dates.map { date -> Session in
      let text = "---\ndate: \(date)\ntype: career-development\n---\n## Strengths\n\n- Led the review\n"
      guard case .session(let session)? = parse(text, "\(folder)/sessions/\(date).md") else {
        throw ProbeError.unparsed(date)
      }
      return session
    }
    let plans = try slug.map { slug -> [Plan] in
      let text = "---\ntitle: Staff path\ncreated: 2026-11-01\n---\n## Actions\n\n- [ ] Write the design doc\n"
      guard case .plan(let plan)? = parse(text, "\(folder)/plans/\(slug).md") else { throw ProbeError.unparsed(slug) }
      return [plan]
    } ?? []
    return PersonRecord(id: id, folder: folder, profile: profile, sessions: sessions, plans: plans)
  }

  enum ProbeError: Error { case unparsed(String) }
}
