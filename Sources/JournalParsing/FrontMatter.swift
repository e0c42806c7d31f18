import JournalModel
import Yams

/// A file's front matter as a mapping of keys to Yams nodes, each with its place in the file.
struct FrontMatter {
  struct Entry {
    let key: String
    let keyLocation: SourceLocation
    let value: Node
    let valueLocation: SourceLocation
  }

  let entries: [Entry]
  /// Added to a Yams line to give the file line.
  let lineOffset: Int

  func location(of node: Node, fallback: SourceLocation) -> SourceLocation {
    guard let mark = node.mark else { return fallback }
    return SourceLocation(line: mark.line + lineOffset, column: mark.column)
  }

  /// Composes the YAML of a split file into a front matter, with every problem found on the way.
  static func compose(_ split: FrontMatterSplit, file: String) -> (FrontMatter?, [Diagnostic]) {
    let offset = split.yamlFirstLine - 1
    var lines = SourceText.lines(of: split.yaml)
    var diagnostics: [Diagnostic] = []

    let findings = YAMLPrescan.scan(lines)
    if !findings.isEmpty {
      for finding in findings {
        diagnostics.append(
          Diagnostic(
            rule: RuleID.yamlSyntax, severity: .error, message: finding.message, file: file,
            location: SourceLocation(line: finding.line + offset, column: finding.column),
            hint: finding.hint))
      }
      return (nil, diagnostics)
    }

    // Yams refuses a mapping with a repeated key as a whole. Each round finds the repeats,
    // reports them, blanks the later copies (keeping line numbers) and composes again, so
    // the rest of the front matter is still checked.
    var yaml = split.yaml
    for _ in 0..<16 {
      do {
        // An empty resolver types nothing implicitly: fields read scalars as written, and
        // Yams' duplicate-key check needs no regular expression per key. A resolver
        // (`removing` makes a new one) and a constructor of this call's own keep every node's
        // tag from retaining objects shared by all threads, whose reference counts would
        // bounce between the cores. Naming the encoding spares Yams a look at the environment.
        let root = try Yams.compose(
          yaml: yaml, Resolver.basic.removing(.str), Constructor([:], [:], [:]), .utf8)
        return (entries(of: root, offset: offset, file: file, diagnostics: &diagnostics), diagnostics)
      } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
        let repeats = DuplicateKeys.locate(
          duplicates, firstMark: context.mark, in: lines)
        guard !repeats.isEmpty else {
          diagnostics.append(
            Diagnostic(
              rule: RuleID.duplicateID, severity: .error,
              message: "key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) is given more than once",
              file: file,
              location: SourceLocation(line: context.mark.line + offset, column: context.mark.column)))
          return (nil, diagnostics)
        }
        for repeated in repeats {
          diagnostics.append(
            Diagnostic(
              rule: RuleID.duplicateID, severity: .error,
              message: "key `\(repeated.key)` is given more than once; the first is on line \(repeated.firstLine + offset)",
              file: file,
              location: SourceLocation(line: repeated.line + offset, column: repeated.column),
              hint: "keep one `\(repeated.key)`; the later one is ignored"))
          for line in repeated.lines { lines[line - 1] = "" }
        }
        yaml = lines.joined(separator: "\n")
      } catch {
        diagnostics.append(syntaxDiagnostic(error, offset: offset, file: file))
        return (nil, diagnostics)
      }
    }
    return (nil, diagnostics)
  }

  private static func entries(
    of root: Node?, offset: Int, file: String, diagnostics: inout [Diagnostic]
  ) -> FrontMatter? {
    let frontMatter = FrontMatter(entries: [], lineOffset: offset)
    guard let root else { return frontMatter }
    if case .scalar(let scalar) = root, scalar.style == .plain, Scalars.isNull(scalar.string) {
      return frontMatter
    }
    guard case .mapping(let mapping) = root else {
      diagnostics.append(
        Diagnostic(
          rule: RuleID.invalidValue, severity: .error,
          message: "front matter must be a mapping of `key: value` lines, found \(Scalars.describe(root))",
          file: file, location: frontMatter.location(of: root, fallback: .start)))
      return nil
    }
    var entries: [Entry] = []
    for (keyNode, value) in mapping {
      let keyLocation = frontMatter.location(of: keyNode, fallback: .start)
      guard case .scalar(let key) = keyNode else {
        diagnostics.append(
          Diagnostic(
            rule: RuleID.invalidValue, severity: .error,
            message: "a front matter key must be plain text, found \(Scalars.describe(keyNode))",
            file: file, location: keyLocation))
        continue
      }
      entries.append(
        Entry(
          key: key.string, keyLocation: keyLocation, value: value,
          valueLocation: frontMatter.location(of: value, fallback: keyLocation)))
    }
    return FrontMatter(entries: entries, lineOffset: offset)
  }

  private static func syntaxDiagnostic(_ error: Error, offset: Int, file: String) -> Diagnostic {
    var message = "invalid YAML"
    var location = SourceLocation(line: 1 + offset, column: 1)
    switch error as? YamlError {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      message = "invalid YAML: \(problem)"
      if let context { message += " (\(context.text) on line \(context.mark.line + offset))" }
      location = SourceLocation(line: mark.line + offset, column: mark.column)
    case .reader(let problem, _, _, _):
      message = "invalid YAML: \(problem)"
    default:
      break
    }
    var hint: String? = nil
    if message.contains("tab") {
      hint = "YAML indents with spaces, never tabs"
    } else if message.contains("mapping values are not allowed") {
      hint = "put text that holds `: ` in quotes"
    }
    return Diagnostic(
      rule: RuleID.yamlSyntax, severity: .error, message: message, file: file, location: location,
      hint: hint)
  }
}
