import JournalModel
import JournalRules

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
      reader.report(InvalidValueRule.badID("rubric name", entry.key), at: entry.keyLocation)
      return nil
    }
    guard entry.value.kind == .mapping else {
      reader.report(
        InvalidValueRule.rubricNotAMapping(entry.key, found: Scalars.describe(entry.value)), at: entry.valueLocation)
      return nil
    }
    var fields = reader.nested(entry.value.entries, owner: entry.keyLocation)
    let title = fields.text("title")
    let scale = self.scale(fields.mapping("scale"), reader: &fields)
    let categories = self.categories(fields.entry("categories"), reader: &fields)
    if fields.entry("scale") == nil {
      fields.report(MissingFieldRule.rubricWithoutScale(entry.key), at: entry.keyLocation)
    }
    if fields.entry("categories") == nil {
      fields.report(MissingFieldRule.rubricWithoutCategories(entry.key), at: entry.keyLocation)
    }
    if scale.count == 1 {
      fields.report(InvalidValueRule.scaleOfOnePoint(rubric: entry.key), at: fields.locations.key("scale"))
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
        reader.report(InvalidValueRule.scalePointNotAWholeNumber(point.key), at: point.keyLocation)
        return nil
      }
      guard let label = reader.textValue(point.value, field: point.key, at: point.valueLocation), !label.isBlank
      else {
        reader.report(MissingFieldRule.scalePointWithoutLabel(value), at: point.keyLocation)
        return nil
      }
      return Rubric.Point(value: value, label: label)
    }
  }

  private static func categories(_ entry: FrontMatter.Entry?, reader: inout FieldReader) -> [Rubric.Category] {
    guard let entry else { return [] }
    guard entry.value.kind == .sequence else {
      reader.report(InvalidValueRule.categoriesNotAList(found: Scalars.describe(entry.value)), at: entry.valueLocation)
      return []
    }
    var categories: [Rubric.Category] = []
    var seen: [String: Int] = [:]
    for node in entry.value.items {
      guard node.kind == .mapping else {
        reader.report(InvalidValueRule.categoryNotAMapping(found: Scalars.describe(node)), at: node.location)
        continue
      }
      var category = reader.nested(node.entries, owner: node.location)
      let id = category.text("id", required: true)
      let title = category.text("title", required: true)
      let good = category.text("good")
      category.reportUnknownKeys(known: categoryFields, what: "a category")
      if let id {
        if !Person.isValidID(id) {
          category.report(InvalidValueRule.badID("category id", id), at: category.locations.value("id"))
        } else if let first = seen[id] {
          category.report(DuplicateIDRule.categoryUsedTwice(id, firstOnLine: first), at: category.locations.value("id"))
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
