import JournalModel
import JournalRules

/// Reads a session file's front matter and joins it with its body's parts.
enum SessionParser {
  static let fields = FrontMatterSchema.session.map(\.name)

  static func parse(
    _ reader: FieldReader, sections: SessionSections, person: String, fileDate: Day?,
    file: String, diagnostics: inout [Diagnostic]
  ) -> Session? {
    var reader = reader
    let date = reader.day("date", required: true)
    // Read among every type a note in `sessions/` may have, so that `self-assesment` is told
    // what it was meant as; a self-assessment never reaches here (`SelfAssessmentParser`).
    let type = reader.choice("type", NoteType.self, noun: "a session type", required: true)?.sessionType
    let mentor = reader.text("mentor")
    let duration = reader.notation(
      "duration", noun: "a duration", example: "45m",
      spelledOut: { WrittenSpan.notation($0, units: WrittenSpan.durationUnits) }, SessionLength.init)
    let medium = reader.choice("medium", Medium.self, noun: "a medium")
    let objectives = reader.textList("objectives")
    let eventDate = reader.day("event-date")
    var metrics: [Session.Metric] = []
    let metricEntries = reader.mapping("metrics")
    metrics.reserveCapacity(metricEntries.count)
    for entry in metricEntries {
      guard Person.isValidID(entry.key) else {
        reader.report(InvalidValueRule.badID("metric id", entry.key), at: entry.keyLocation)
        continue
      }
      if let value = reader.numberValue(entry.value, field: entry.key, at: entry.valueLocation) {
        metrics.append(Session.Metric(id: entry.key, value: value, location: entry.keyLocation))
      }
    }
    var plan = reader.text("plan")
    if let slug = plan, !Person.isValidID(slug) {
      reader.report(InvalidValueRule.planNotASlug, at: reader.locations.value("plan"))
      plan = nil
    }
    var followUp = reader.day("follow-up")
    let tags = reader.textList("tags")
    let project = reader.text("project")
    var rubric = reader.text("rubric")
    if let name = rubric, !Person.isValidID(name) {
      reader.report(InvalidValueRule.rubricNotAName, at: reader.locations.value("rubric"))
      rubric = nil
    }
    var ratings: [Session.Rating] = []
    for entry in reader.mapping("ratings") {
      if let value = reader.numberValue(entry.value, field: entry.key, at: entry.valueLocation) {
        ratings.append(
          Session.Rating(
            category: entry.key, value: value, location: entry.keyLocation, valueLocation: entry.valueLocation))
      }
    }
    reader.reportUnknownKeys(known: fields, what: "a session")

    if let date, let fileDate, date != fileDate {
      reader.report(
        FileNameRule.dateDisagrees(date: "\(date)", fileDate: "\(fileDate)"), at: reader.locations.value("date"))
    }
    if let date, let eventDate, eventDate > date {
      reader.report(
        InvalidValueRule.eventAfterSession(event: "\(eventDate)", date: "\(date)"),
        at: reader.locations.value("event-date"))
    }
    // A follow-up is a later session: one dated on or before this one is reported and not
    // read, so no rule also finds it missed.
    if let date, let given = followUp, given <= date {
      reader.report(
        InvalidValueRule.followUpNotAfter(followUp: "\(given)", date: "\(date)", sameDay: given == date),
        at: reader.locations.value("follow-up"))
      followUp = nil
    }
    diagnostics += reader.diagnostics

    guard let day = date ?? fileDate, let type else { return nil }
    return Session(
      personID: person, file: file, date: day, type: type, mentor: mentor, duration: duration,
      medium: medium, objectives: objectives, eventDate: eventDate, metrics: metrics, plan: plan,
      followUp: followUp, tags: tags, project: project, rubric: rubric, ratings: ratings, strengths: sections.strengths,
      improvements: sections.improvements, dialogue: sections.dialogue, actions: sections.actions,
      strengthsSection: sections.strengthsSection, improvementsSection: sections.improvementsSection,
      actionsSection: sections.actionsSection, hasWriting: sections.hasWriting, locations: reader.locations)
  }
}
