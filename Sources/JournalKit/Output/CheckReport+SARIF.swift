import JournalChecks
import JournalModel
import JournalRules

extension CheckReport {
  /// SARIF 2.1.0, for code-scanning dashboards: every rule with its description, every
  /// finding with its file, line and column (counted in Unicode code points, as journal does).
  public func sarif(displayPath: (String) -> String, version: String) -> String {
    let ids = allRules.map(\.id)
    let rules = allRules.map { rule in
      JSONText.object([
        ("id", JSONText.string(rule.id)),
        ("shortDescription", JSONText.object([("text", JSONText.string(rule.description.summary))])),
        ("fullDescription", JSONText.object([("text", JSONText.string(rule.description.rationale))])),
        ("defaultConfiguration", JSONText.object([("level", JSONText.string(rule.description.severity.rawValue))])),
      ])
    }
    let results = diagnostics.map { diagnostic in
      var message = diagnostic.message
      if let hint = diagnostic.hint { message += " (\(hint))" }
      var pairs: [(String, String)] = [("ruleId", JSONText.string(diagnostic.rule))]
      if let index = ids.firstIndex(of: diagnostic.rule) { pairs.append(("ruleIndex", String(index))) }
      pairs += [
        ("level", JSONText.string(diagnostic.severity.rawValue)),
        ("message", JSONText.object([("text", JSONText.string(message))])),
        (
          "locations",
          JSONText.array([
            JSONText.object([
              (
                "physicalLocation",
                JSONText.object([
                  ("artifactLocation", JSONText.object([("uri", JSONText.string(uri(displayPath(diagnostic.file))))])),
                  (
                    "region",
                    JSONText.object([
                      ("startLine", String(diagnostic.location.line)),
                      ("startColumn", String(diagnostic.location.column)),
                    ])
                  ),
                ])
              )
            ])
          ])
        ),
      ]
      return JSONText.object(pairs)
    }
    let run = JSONText.object([
      (
        "tool",
        JSONText.object([
          (
            "driver",
            JSONText.object([
              ("name", JSONText.string("journal")), ("version", JSONText.string(version)),
              ("rules", JSONText.array(rules)),
            ])
          )
        ])
      ),
      ("columnKind", JSONText.string("unicodeCodePoints")),
      ("results", JSONText.array(results)),
    ])
    return JSONText.object([
      ("$schema", JSONText.string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", JSONText.string("2.1.0")), ("runs", JSONText.array([run])),
    ]) + "\n"
  }

  /// A relative path as a URI reference: each byte outside the unreserved set and `/` is
  /// percent-encoded.
  private func uri(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      let character = Character(Unicode.Scalar(byte))
      if byte < 0x80 && (character.isLetter || character.isNumber || "-._~/".contains(character)) {
        out.append(character)
      } else {
        out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }
}
