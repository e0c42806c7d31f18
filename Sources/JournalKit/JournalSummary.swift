import JournalChecks
import JournalModel
import JournalParsing

/// `journal summary`: every person's standing, the journal's totals, and who most needs
/// attention, computed from the files alone.
public struct JournalSummary: Sendable {
  /// A person who needs attention, and why, in the words of the rules that say so.
  public struct Attention: Sendable {
    public let person: String
    public let name: String
    public let reasons: [String]
  }

  public let title: String?
  public let today: Day
  public let since: Day?
  public let until: Day?
  public let people: [PersonSummary]
  /// People with missed follow-ups, overdue check-ins or overdue actions, most reasons first.
  public let attention: [Attention]

  /// The rules whose findings make a person need attention; the same as `journal check`'s,
  /// with the journal's settings, so the two never disagree.
  static let attentionRules = ["missed-follow-up", "overdue-check-in", "overdue-action"]

  public init(_ journal: Journal, today: Day, since: Day? = nil, until: Day? = nil, people ids: [String]? = nil) {
    title = journal.config.title
    self.today = today
    self.since = since
    self.until = until
    let records = ids.map { ids in journal.people.filter { ids.contains($0.id) } } ?? journal.people
    people = records.concurrentMap { PersonSummary($0, today: today, since: since, until: until) }

    let context = CheckContext(journal: journal, today: today, paths: [])
    let findings = RuleRegistry.applySettings(
      Self.attentionRules.compactMap(RuleRegistry.rule).flatMap { $0.check(context) },
      config: journal.config)
    var reasons: [String: [String]] = [:]
    for finding in findings {
      guard let person = JournalPath.person(of: finding.file) else { continue }
      reasons[person, default: []].append(finding.message)
    }
    attention = records.compactMap { record in
      guard let list = reasons[record.id] else { return nil }
      return Attention(person: record.id, name: record.displayName, reasons: list)
    }.sorted { ($0.reasons.count, $1.person) > ($1.reasons.count, $0.person) }
  }

  public var sessionCount: Int { people.reduce(0) { $0 + $1.sessions.count } }
  public var strengthCount: Int { people.reduce(0) { $0 + $1.strengths } }
  public var improvementCount: Int { people.reduce(0) { $0 + $1.improvements } }
  public var openActionCount: Int { people.reduce(0) { $0 + $1.openActions.count } }
  public var doneActionCount: Int { people.reduce(0) { $0 + $1.doneActions } }
  public var overdueActionCount: Int { people.reduce(0) { $0 + $1.overdueActions } }
}
