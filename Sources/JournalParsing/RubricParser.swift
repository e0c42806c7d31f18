import JournalModel

/// Reads the scorecards under `journal.yml`'s `rubrics:`: each rubric's title, rating scale
/// and categories. A rubric that cannot be used (no scale, no categories) is reported and
/// left out, so sessions that name it are reported as naming no rubric rather than guessed at.
enum RubricParser {
  static let fields = FrontMatterSchema.rubric.map(\.name)
  static let categoryFields = FrontMatterSchema.category.map(\.name)

  static func rubrics(_ entries: [FrontMatter.Entry], reader: inout FieldReader) -> [Rubric] {
    entries.compactMap { rubric($0, reader: &reader) }
  }

  private static func rubric(_ entry: FrontMatter.Entry, reader: inout FieldReader) -> Rubric? {
    guard Person.isValidID(entry.key) else {
      reader.report(
        RuleID.invalidValue, "rubric name `\(entry.key)` must be lowercase letters, digits and `-`",
        at: entry.keyLocation)
      return nil
    }
    guard entry.value.kind == .mapping else {
      reader.report(
        RuleID.invalidValue,
        "rubric `\(entry.key)` must be a mapping with `scale` and `categories`, found \(Scalars.describe(entry.value))",
        at: entry.valueLocation)
      return nil
    }
    var fields = reader.nested(entry.value.entries, owner: entry.keyLocation)
    let title = fields.text("title")
    let scale = self.scale(fields.mapping("scale"), reader: &fields)
    let categories = self.categories(fields.entry("categories"), reader: &fields)
    if fields.entry("scale") == nil {
      fields.report(RuleID.missingField, "rubric `\(entry.key)` has no `scale`", at: entry.keyLocation,
        hint: "give each point and its label, such as `1: Strong no` … `4: Strong yes`")
    }
    if fields.entry("categories") == nil {
      fields.report(RuleID.missingField, "rubric `\(entry.key)` has no `categories`", at: entry.keyLocation,
        hint: "list each category as `- id: …` with `title: …` below it")
    }
    if scale.count == 1 {
      fields.report(
        RuleID.invalidValue, "the scale of rubric `\(entry.key)` has one point; a rating needs at least two",
        at: fields.locations.key("scale"), hint: "give each point and its label, such as `1: No` and `2: Yes`")
    }
    fields.reportUnknownKeys(known: self.fields, what: "a rubric")
    reader.absorb(fields)
    guard scale.count >= 2, !categories.isEmpty else { return nil }
    return Rubric(name: entry.key, title: title, categories: categories, scale: scale, location: entry.keyLocation)
  }

  private static func scale(_ entries: [FrontMatter.Entry], reader: inout FieldReader) -> [Rubric.Point] {
    entries.compactMap { point in
      guard let value = Int(point.key), point.key.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
      else {
        reader.report(
          RuleID.invalidValue, "scale point `\(point.key)` must be a whole number", at: point.keyLocation,
          hint: "write each point as `1: Strong no`")
        return nil
      }
      guard let label = reader.textValue(point.value, field: point.key, at: point.valueLocation), !label.isBlank
      else {
        reader.report(
          RuleID.missingField, "scale point \(value) has no label", at: point.keyLocation,
          hint: "say what the point means, such as `\(value): Yes`")
        return nil
      }
      return Rubric.Point(value: value, label: label)
    }
  }

  private static func categories(_ entry: FrontMatter.Entry?, reader: inout FieldReader) -> [Rubric.Category] {
    guard let entry else { return [] }
    guard entry.value.kind == .sequence else {
      reader.report(
        RuleID.invalidValue, "`categories` must be a list of categories, found \(Scalars.describe(entry.value))",
        at: entry.valueLocation, hint: "write each category as `- id: …` with `title: …` below it")
      return []
    }
    var categories: [Rubric.Category] = []
    var seen: [String: Int] = [:]
    for node in entry.value.items {
      guard node.kind == .mapping else {
        reader.report(
          RuleID.invalidValue, "a category must be a mapping with `id` and `title`, found \(Scalars.describe(node))",
          at: node.location)
        continue
      }
      var category = reader.nested(node.entries, owner: node.location)
      let id = category.text("id", required: true)
      let title = category.text("title", required: true)
      let good = category.text("good")
      category.reportUnknownKeys(known: categoryFields, what: "a category")
      if let id {
        if !Person.isValidID(id) {
          category.report(
            RuleID.invalidValue, "category id `\(id)` must be lowercase letters, digits and `-`",
            at: category.locations.value("id"))
        } else if let first = seen[id] {
          category.report(
            RuleID.duplicateID, "category id `\(id)` is used twice in this rubric; the first is on line \(first)",
            at: category.locations.value("id"))
        } else {
          seen[id] = category.locations.value("id").line
          if let title {
            categories.append(
              Rubric.Category(id: id, title: title, good: good, location: category.locations.value("id")))
          }
        }
      }
      reader.absorb(category)
    }
    return categories
  }
}
