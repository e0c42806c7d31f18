import JournalModel
import JournalRules

/// Reads `mentees/<id>/profile.md`.
enum ProfileParser {
  static let fields = FrontMatterSchema.profile.map(\.name)

  static func parse(
    _ frontMatter: FrontMatter, person: String, file: String, diagnostics: inout [Diagnostic]
  ) -> Person? {
    var reader = FieldReader(frontMatter, file: file)
    let name = reader.text("name", required: true)
    var email = reader.text("email")
    if let address = email, !Person.isValidEmail(address) {
      reader.report(InvalidValueRule.notAnEmailAddress(address), at: reader.locations.value("email"))
      email = nil
    }
    let person = Person(
      id: person,
      name: name ?? person,
      role: reader.text("role"),
      relationship: reader.choice("relationship", Relationship.self, noun: "a relationship"),
      mentor: reader.text("mentor"),
      since: reader.day("since"),
      goals: reader.textList("goals", allowSingle: true),
      learningStyle: reader.text("learning-style"),
      cadence: reader.notation(
        "cadence", noun: "a cadence", example: "2w",
        spelledOut: { WrittenSpan.notation($0, units: WrittenSpan.cadenceUnits, words: WrittenSpan.cadenceWords) },
        Cadence.init),
      retainUntil: reader.day("retain-until"),
      email: email,
      file: file,
      locations: reader.locations)
    reader.reportUnknownKeys(known: fields, what: "a profile")
    diagnostics += reader.diagnostics
    return name == nil ? nil : person
  }
}
