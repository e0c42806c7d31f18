/// A scorecard from `journal.yml`: the categories an interview assesses and the scale each is
/// rated on, as hiring tools' scorecards have them.
public struct Rubric: Sendable, Equatable {
  /// One competency the rubric assesses.
  public struct Category: Sendable, Equatable {
    /// The id ratings and evidence name it by: lowercase letters, digits and `-`.
    public let id: String
    public let title: String
    /// What good looks like, for the interviewer.
    public let good: String?
    public let location: SourceLocation

    public init(id: String, title: String, good: String? = nil, location: SourceLocation = .start) {
      self.id = id
      self.title = title
      self.good = good
      self.location = location
    }
  }

  /// One point of the rating scale and what it means.
  public struct Point: Sendable, Equatable {
    public let value: Int
    public let label: String

    public init(value: Int, label: String) {
      self.value = value
      self.label = label
    }
  }

  /// The name sessions give under `rubric:`.
  public let name: String
  public let title: String?
  public let categories: [Category]
  /// The points lowest first.
  public let scale: [Point]
  /// Where the rubric's name was written in `journal.yml`.
  public let location: SourceLocation

  public init(
    name: String, title: String? = nil, categories: [Category], scale: [Point],
    location: SourceLocation = .start
  ) {
    self.name = name
    self.title = title
    self.categories = categories
    self.scale = scale.sorted { $0.value < $1.value }
    self.location = location
  }

  public func category(_ id: String) -> Category? { categories.first { $0.id == id } }

  /// The point a rating lands on, if it is one of the scale's.
  public func point(_ rating: Double) -> Point? {
    scale.first { Double($0.value) == rating }
  }

  /// The scale as people read it: `1 (Strong no), 2 (No), 3 (Yes), 4 (Strong yes)`.
  public var scaleDescription: String {
    scale.map { "\($0.value) (\($0.label))" }.joined(separator: ", ")
  }
}
