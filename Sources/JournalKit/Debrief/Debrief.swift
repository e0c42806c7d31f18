import JournalModel

/// `journal debrief`: how every candidate assessed with one rubric was rated, category by
/// category, with the evidence behind the extremes and the improvements that recur — the
/// article's "incorporating feedback into the hiring process".
///
/// A scorecard is one session naming the rubric. Candidates whose `retain-until` has passed
/// are left out and counted: their records are due for deletion, not for comparison.
public struct Debrief: Sendable, Equatable {
  /// One piece of evidence: what was written, about whom, where.
  public struct Evidence: Sendable, Equatable {
    public let person: String
    public let name: String
    public let rating: Double?
    public let text: String
    public let file: String
  }

  /// One category's figures.
  public struct Category: Sendable, Equatable {
    public let id: String
    public let title: String
    /// How many ratings landed on each point of the scale, lowest point first.
    public let distribution: [(point: Rubric.Point, count: Int)]
    public let ratingCount: Int
    public let mean: Double?
    /// The lowest and the highest rating, when there are two or more: one rating is neither.
    public let lowest: Double?
    public let highest: Double?
    /// The evidence for this category in the scorecards that gave the lowest and the highest
    /// rating; when every rating is the same, all of it is the lowest's.
    public let lowestEvidence: [Evidence]
    public let highestEvidence: [Evidence]
    /// The evidence behind the only rating, when there is one.
    public let evidence: [Evidence]

    public static func == (lhs: Category, rhs: Category) -> Bool {
      lhs.id == rhs.id && lhs.title == rhs.title && lhs.ratingCount == rhs.ratingCount && lhs.mean == rhs.mean
        && lhs.distribution.map { [$0.point.value, $0.count] } == rhs.distribution.map { [$0.point.value, $0.count] }
        && lhs.lowestEvidence == rhs.lowestEvidence && lhs.highestEvidence == rhs.highestEvidence
        && lhs.lowest == rhs.lowest && lhs.highest == rhs.highest && lhs.evidence == rhs.evidence
    }
  }

  /// A category in which improvements were written for more than one candidate.
  public struct Theme: Sendable, Equatable {
    public let category: String
    public let title: String
    /// How many different candidates the improvements are about.
    public let candidates: Int
    public let items: [Evidence]
  }

  public let rubric: Rubric
  public let today: Day
  public let since: Day?
  public let candidates: Int
  public let scorecards: Int
  public let categories: [Category]
  public let themes: [Theme]
  /// Candidates assessed with the rubric but past their `retain-until`, left out.
  public let pastRetention: Int

  public init(_ journal: Journal, rubric: Rubric, today: Day, since: Day? = nil) {
    self.rubric = rubric
    self.today = today
    self.since = since
    var included: [(person: PersonRecord, session: Session)] = []
    var expired: Set<String> = []
    for person in journal.people {
      let sessions = person.sessions.filter { session in
        session.rubric == rubric.name && (since.map { $0 <= session.date } ?? true)
      }
      guard !sessions.isEmpty else { continue }
      if let limit = person.profile?.retainUntil, limit < today {
        expired.insert(person.id)
        continue
      }
      included += sessions.map { (person, $0) }
    }
    pastRetention = expired.count
    candidates = Set(included.map(\.person.id)).count
    scorecards = included.count

    categories = rubric.categories.map { category in
      let rated = included.compactMap { entry -> (PersonRecord, Session, Double)? in
        guard let rating = entry.session.ratings.last(where: { $0.category == category.id }),
          rubric.point(rating.value) != nil
        else { return nil }
        return (entry.person, entry.session, rating.value)
      }
      let values = rated.map(\.2)
      let lowest = values.count > 1 ? values.min() : nil
      let highest = values.count > 1 ? values.max() : nil
      func evidence(at value: Double?) -> [Evidence] {
        guard let value else { return [] }
        return rated.filter { $0.2 == value }.flatMap { person, session, rating in
          session.evidence(for: category.id).map {
            Evidence(person: person.id, name: person.displayName, rating: rating, text: $0.statement, file: session.file)
          }
        }
      }
      return Category(
        id: category.id, title: category.title,
        distribution: rubric.scale.map { point in (point, values.count { $0 == Double(point.value) }) },
        ratingCount: values.count, mean: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
        lowest: lowest, highest: highest, lowestEvidence: evidence(at: lowest),
        highestEvidence: lowest == highest ? [] : evidence(at: highest),
        evidence: values.count == 1 ? evidence(at: values[0]) : [])
    }

    themes = rubric.categories.compactMap { category in
      let items = included.flatMap { person, session in
        session.improvements.filter { $0.category == category.id }.map {
          Evidence(person: person.id, name: person.displayName, rating: nil, text: $0.statement, file: session.file)
        }
      }
      let people = Set(items.map(\.person)).count
      guard people >= 2 else { return nil }
      return Theme(category: category.id, title: category.title, candidates: people, items: items)
    }.sorted { ($0.candidates, $1.category) > ($1.candidates, $0.category) }
  }
}

extension Debrief {
  /// The debrief of `rubric` over the whole journal; an unknown rubric is an error naming the
  /// one meant.
  public static func read(_ source: some JournalSource, rubric name: String, today: Day, since: Day? = nil) throws
    -> Debrief
  {
    let journal = try JournalLoader.load(source).journal
    guard let rubric = journal.config.rubric(name) else {
      let names = journal.config.rubrics.map(\.name)
      throw JournalError(
        "no rubric `\(name)` in journal.yml"
          + (Names.meant(by: name, among: names).map { "; did you mean `\($0)`?" }
            ?? (names.isEmpty ? "; it defines none (docs/candidates.md)" : "; it defines " + names.joined(separator: ", "))))
    }
    return Debrief(journal, rubric: rubric, today: today, since: since)
  }
}
