import JournalChecks
import JournalModel
import JournalRules
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
  /// Candidates interviewed and still without feedback, longest wait first.
  public let waiting: [CandidateWait]

  /// The rules whose findings make a person need attention; the same as `journal check`'s,
  /// with the journal's settings, so the two never disagree.
  static let attentionRules = ["missed-follow-up", "overdue-check-in", "overdue-action"]

  /// The summary of a journal already read whole.
  public init(_ journal: Journal, today: Day, since: Day? = nil, until: Day? = nil, people ids: [String]? = nil) {
    let records = ids.map { ids in journal.people.filter { ids.contains($0.id) } } ?? journal.people
    let config = journal.config
    let rules = Self.attentionSchedule(config, today: today)
    self.init(
      title: config.title, today: today, since: since, until: until,
      parts: records.concurrentMap { record in
        Self.part(of: record, rules: rules, since: since, until: until)
      })
  }

  /// Reads the journal one person at a time and keeps of each only the figures the report
  /// shows, so memory holds the people being read and the figures, not the journal. Throws
  /// when one of `ids` is not in the journal.
  public static func read(
    _ source: some JournalSource, today: Day, since: Day? = nil, until: Day? = nil, people ids: [String]? = nil
  ) throws -> JournalSummary {
    let (shared, parts) = try JournalLoader.eachPerson(
      source, people: ids.map(Set.init), prepare: { Self.attentionSchedule($0.journal.config, today: today) }
    ) { rules, loaded, _ in
      loaded.journal.people.map {
        Self.part(of: $0, rules: rules, since: since, until: until)
      }
    }
    let found = parts.joined()
    for id in ids ?? [] where !found.contains(where: { $0.person.id == id }) {
      throw JournalError.unknownPerson(id, known: try source.listing(people: nil).people)
    }
    return JournalSummary(
      title: shared.journal.config.title, today: today, since: since, until: until, parts: Array(found))
  }

  private init(title: String?, today: Day, since: Day?, until: Day?, parts: [Part]) {
    self.title = title
    self.today = today
    self.since = since
    self.until = until
    people = parts.map(\.person)
    waiting = parts.compactMap(\.waiting).sorted { ($0.days, $1.person) > ($1.days, $0.person) }
    attention = parts.compactMap(\.attention).sorted { ($0.reasons.count, $1.person) > ($1.reasons.count, $0.person) }
  }

  /// What the summary keeps of one person.
  private struct Part: Sendable {
    let person: PersonSummary
    let attention: Attention?
    let waiting: CandidateWait?
  }

  /// The attention rules configured by the journal's settings: made once per summary, not once
  /// per person.
  private static func attentionSchedule(_ config: JournalConfig, today: Day) -> RuleSchedule {
    RuleSchedule(attentionRules.compactMap(RuleRegistry.rule), settings: RuleSettings(config: config, today: today))
  }

  /// One person's figures, and why they need attention (`rules`, from `attentionSchedule`,
  /// hold the journal's settings and the day).
  private static func part(of record: PersonRecord, rules: RuleSchedule, since: Day?, until: Day?) -> Part {
    let config = rules.settings.config
    let today = rules.settings.today
    let findings = RuleRegistry.applySettings(rules.check(record, paths: []), config: config)
    let reasons = findings.filter { JournalPath.person(of: $0.file) == record.id }.map(\.message)
    return Part(
      person: PersonSummary(record, today: today, since: since, until: until),
      attention: reasons.isEmpty ? nil : Attention(person: record.id, name: record.displayName, reasons: reasons),
      waiting: CandidateWait(record, today: today, limit: CandidateWait.limit(config)))
  }

  public var sessionCount: Int { people.reduce(0) { $0 + $1.sessionCount } }
  public var strengthCount: Int { people.reduce(0) { $0 + $1.strengths } }
  public var improvementCount: Int { people.reduce(0) { $0 + $1.improvements } }
  public var openActionCount: Int { people.reduce(0) { $0 + $1.openActions.count } }
  public var doneActionCount: Int { people.reduce(0) { $0 + $1.doneActions } }
  public var overdueActionCount: Int { people.reduce(0) { $0 + $1.overdueActions } }
  public var unreadSessionCount: Int { people.reduce(0) { $0 + $1.unreadSessions.count } }
}
