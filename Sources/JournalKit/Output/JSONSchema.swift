import JournalChecks
import JournalModel
import JournalRules
import JournalParsing

/// JSON Schemas (draft-07) of each kind of front matter and of `journal.yml`, made from the
/// same field lists the parsers read, for editors that validate YAML. `journal check` stays
/// the authority: a schema cannot say that a date exists or that a plan is there.
public enum JSONSchema {
  public static func document(_ kind: FrontMatterSchema.Kind) -> String {
    let titles: [FrontMatterSchema.Kind: String] = [
      .profile: "journal profile (mentees/<id>/profile.md front matter)",
      .session: "journal session (mentees/<id>/sessions/YYYY-MM-DD[-slug].md front matter)",
      .plan: "journal plan (mentees/<id>/plans/<slug>.md front matter)",
      .selfAssessment: "journal self-assessment (mentees/<id>/sessions/YYYY-MM-DD[-slug].md front matter, type: self-assessment)",
      .config: "journal settings (journal.yml)",
    ]
    return JSONText.object(
      [
        ("$schema", JSONText.string("http://json-schema.org/draft-07/schema#")),
        ("$id", JSONText.string("https://journal.invalid/schemas/\(kind.rawValue).json")),
        ("title", JSONText.string(titles[kind]!)),
      ] + object(FrontMatterSchema.fields(kind)) + (kind == .session ? selfAssessmentBranch : [])) + "\n"
  }

  /// A note of `sessions/` with `type: self-assessment` takes its own fields alone, so the
  /// session schema, which editors apply to every file there, holds it to them.
  private static let selfAssessmentBranch: [(String, String)] = [
    (
      "if",
      JSONText.object([
        ("properties", JSONText.object([("type", JSONText.object([("const", JSONText.string(SelfAssessment.type))]))])),
        ("required", JSONText.array([JSONText.string("type")])),
      ])
    ),
    (
      "then",
      JSONText.object([
        ("propertyNames", JSONText.object([("enum", JSONText.array(FrontMatterSchema.selfAssessment.map { JSONText.string($0.name) }))]))
      ])
    ),
  ]

  private static func object(_ fields: [FrontMatterSchema.Field]) -> [(String, String)] {
    [
      ("type", JSONText.string("object")),
      ("additionalProperties", "false"),
      ("required", JSONText.array(fields.filter(\.required).map { JSONText.string($0.name) })),
      (
        "properties",
        JSONText.object(
          fields.map { field in
            (field.name, JSONText.object([("description", JSONText.string(field.summary))] + value(field.value)))
          })
      ),
    ]
  }

  /// Scalars journal reads as text, whatever YAML would type them as.
  private static let scalar = JSONText.array(["string", "number", "boolean"].map(JSONText.string))

  private static func value(_ value: FrontMatterSchema.Value) -> [(String, String)] {
    switch value {
    case .text:
      return [("type", scalar)]
    case .date:
      return [("type", JSONText.string("string")), ("pattern", JSONText.string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    case .choice(let values):
      return [("enum", JSONText.array(values.map(JSONText.string)))]
    case .pattern(let pattern, let example):
      return [
        ("type", JSONText.string("string")), ("pattern", JSONText.string(pattern)),
        ("examples", JSONText.array([JSONText.string(example)])),
      ]
    case .textList:
      return [("type", JSONText.string("array")), ("items", JSONText.object([("type", scalar)]))]
    case .textOrList:
      return [
        (
          "oneOf",
          JSONText.array([
            JSONText.object([("type", scalar)]),
            JSONText.object([("type", JSONText.string("array")), ("items", JSONText.object([("type", scalar)]))]),
          ])
        )
      ]
    case .number:
      return [("type", JSONText.string("number"))]
    case .numbers:
      return [
        ("type", JSONText.string("object")),
        ("propertyNames", JSONText.object([("pattern", JSONText.string("^[a-z0-9]+(-[a-z0-9]+)*$"))])),
        ("additionalProperties", JSONText.object([("type", JSONText.string("number"))])),
      ]
    case .goals:
      return [("type", JSONText.string("array")), ("items", JSONText.object(object(FrontMatterSchema.goal)))]
    case .ratings:
      return [
        ("type", JSONText.string("object")),
        ("propertyNames", JSONText.object([("pattern", JSONText.string(FrontMatterSchema.idPattern))])),
        ("additionalProperties", JSONText.object([("type", JSONText.string("integer"))])),
      ]
    case .rubrics:
      return [
        ("type", JSONText.string("object")),
        ("propertyNames", JSONText.object([("pattern", JSONText.string(FrontMatterSchema.idPattern))])),
        ("additionalProperties", JSONText.object(object(FrontMatterSchema.rubric))),
      ]
    case .scale:
      return [
        ("type", JSONText.string("object")), ("minProperties", "2"),
        ("propertyNames", JSONText.object([("pattern", JSONText.string("^[0-9]+$"))])),
        // A label is text as journal reads it, even when YAML would type it (`2: No`).
        ("additionalProperties", JSONText.object([("type", scalar)])),
      ]
    case .categories:
      return [
        ("type", JSONText.string("array")), ("minItems", "1"),
        ("items", JSONText.object(object(FrontMatterSchema.category))),
      ]
    case .rules:
      let levels = JSONText.object([("enum", JSONText.array(RuleLevel.allCases.map { JSONText.string($0.rawValue) }))])
      let rules = allRules.map { rule -> (String, String) in
        var settings: [(String, String)] = [("severity", levels)]
        for parameter in rule.description.parameters {
          let type: String =
            switch parameter.defaultValue {
            case .number: JSONText.object([("type", JSONText.string("integer")), ("minimum", "0"), ("maximum", String(RuleParameter.largestNumber)), ("description", JSONText.string(parameter.summary))])
            default: JSONText.object([("type", JSONText.string("array")), ("items", JSONText.object([("type", JSONText.string("string"))])), ("description", JSONText.string(parameter.summary))])
            }
          settings.append((parameter.name, type))
        }
        let setting = JSONText.object([
          ("type", JSONText.string("object")), ("additionalProperties", "false"),
          ("properties", JSONText.object(settings)),
        ])
        return (
          rule.id,
          JSONText.object([
            ("description", JSONText.string(rule.description.summary)),
            ("oneOf", JSONText.array([levels, setting])),
          ])
        )
      }
      return [("type", JSONText.string("object")), ("additionalProperties", "false"), ("properties", JSONText.object(rules))]
    case .sections:
      let heading = JSONText.object([("type", JSONText.string("string")), ("minLength", "1")])
      let headings = JSONText.object([
        ("oneOf", JSONText.array([heading, JSONText.object([("type", JSONText.string("array")), ("items", heading)])]))
      ])
      return [
        ("type", JSONText.string("object")), ("additionalProperties", "false"),
        ("properties", JSONText.object(SectionPart.allCases.map { ($0.rawValue, headings) })),
      ]
    }
  }
}
