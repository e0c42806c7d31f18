import JournalModel
import JournalRules

/// Reads an action plan's front matter and its goals.
enum PlanParser {
  static let fields = FrontMatterSchema.plan.map(\.name)
  static let goalFields = FrontMatterSchema.goal.map(\.name)

  static func parse(
    _ frontMatter: FrontMatter, actions: [ActionItem], person: String, slug: String, file: String,
    diagnostics: inout [Diagnostic]
  ) -> Plan? {
    var reader = FieldReader(frontMatter, file: file)
    let title = reader.text("title", required: true)
    let created = reader.day("created", required: true)
    let status = reader.choice("status", PlanStatus.self, noun: "a plan status")
    let review = reader.day("review")
    let goals = readGoals(&reader)
    reader.reportUnknownKeys(known: fields, what: "a plan")
    diagnostics += reader.diagnostics
    guard let title, let created else { return nil }
    return Plan(
      personID: person, slug: slug, file: file, title: title, created: created, status: status,
      review: review, goals: goals, actions: actions, locations: reader.locations)
  }

  private static func readGoals(_ reader: inout FieldReader) -> [Goal] {
    guard let entry = reader.entry("goals") else { return [] }
    guard entry.value.kind == .sequence else {
      reader.report(InvalidValueRule.goalsNotAList(found: Scalars.describe(entry.value)), at: entry.valueLocation)
      return []
    }
    var goals: [Goal] = []
    var seen: [String: Int] = [:]
    for node in entry.value.items {
      let location = node.location
      guard node.kind == .mapping else {
        reader.report(InvalidValueRule.goalNotAMapping(found: Scalars.describe(node)), at: location)
        continue
      }
      var goal = reader.nested(node.entries, owner: location)
      let id = goal.text("id", required: true)
      let description = goal.text("description", required: true)
      let metric = goal.text("metric")
      let baseline = goal.number("baseline")
      let target = goal.number("target")
      let due = goal.day("due")
      goal.reportUnknownKeys(known: goalFields, what: "a goal")
      if let id {
        if !Person.isValidID(id) {
          goal.report(InvalidValueRule.badID("goal id", id), at: goal.locations.value("id"))
        }
        if let first = seen[id] {
          goal.report(DuplicateIDRule.goalUsedTwice(id, firstOnLine: first), at: goal.locations.value("id"))
        } else {
          seen[id] = goal.locations.value("id").line
        }
      }
      if let metric, !Person.isValidID(metric) {
        goal.report(InvalidValueRule.badID("metric id", metric), at: goal.locations.value("metric"))
      }
      if metric != nil, target == nil {
        goal.report(MissingFieldRule.metricWithoutTarget(goal: id), at: goal.locations.key("metric"))
      }
      reader.absorb(goal)
      // A goal with its id is kept even when its description is missing (reported above):
      // its metric is still declared, so a session recording a value under it is not also
      // told the metric belongs to no goal.
      if let id {
        goals.append(
          Goal(
            id: id, description: description ?? "", metric: metric, baseline: baseline, target: target,
            due: due, location: location))
      }
    }
    return goals
  }
}
