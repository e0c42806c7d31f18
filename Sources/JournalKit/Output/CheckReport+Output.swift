import JournalModel
import JournalParsing

/// The formats `journal check` prints.
public enum CheckFormat: String, Sendable, CaseIterable {
  case text, json, github, sarif
}

extension CheckReport {
  /// `path:line:col: severity: message [rule]`, the line with a caret under the column, and
  /// the hint; then a count.
  public func text(
    style: Style, displayPath: (String) -> String, lines: (String) -> SourceText?
  ) -> String {
    let shown = { TerminalText.visible($0) }
    var out = ""
    for diagnostic in diagnostics {
      let severity =
        diagnostic.severity == .error ? style.red("error") : style.yellow("warning")
      out += style.bold("\(shown(displayPath(diagnostic.file))):\(diagnostic.location):")
      out += " \(severity): \(shown(diagnostic.message)) \(style.dim("[\(diagnostic.rule)]"))\n"
      if let source = lines(diagnostic.file), diagnostic.location.line <= source.lines.count {
        let number = String(diagnostic.location.line)
        let gutter = String(repeating: " ", count: number.count)
        let line = source.line(diagnostic.location.line)
        let caretOffset = excerpt(line.unicodeScalars.prefix(diagnostic.location.column - 1)).count
        out += style.blue("\(number) |") + " \(excerpt(line.unicodeScalars))\n"
        out += style.blue("\(gutter) |") + " " + String(repeating: " ", count: caretOffset)
        out += (diagnostic.severity == .error ? style.red("^") : style.yellow("^")) + "\n"
        if let hint = diagnostic.hint { out += style.blue("\(gutter) =") + " hint: \(shown(hint))\n" }
      } else if let hint = diagnostic.hint {
        out += style.blue("  =") + " hint: \(shown(hint))\n"
      }
    }
    if !diagnostics.isEmpty { out += "\n" }
    out += "checked \(Wording.count(fileCount, "file")): "
    out += Wording.count(errorCount, "error") + ", " + Wording.count(warningCount, "warning") + "\n"
    return out
  }

  /// A source line as the excerpt shows it: tabs as spaces, so the caret lines up, and
  /// controls as the terminal shows them.
  private func excerpt(_ scalars: some Sequence<Unicode.Scalar>) -> String {
    // One scalar at a time: the view's `append(contentsOf:)` runs unspecialised, a third of
    // the report's cost.
    var text = String.UnicodeScalarView()
    for scalar in scalars { text.append(scalar == "\t" ? " " : scalar) }
    return TerminalText.visible(String(text))
  }

  /// `{"version":1,"files":N,"errors":E,"warnings":W,"diagnostics":[…]}`.
  public func json(displayPath: (String) -> String) -> String {
    let items = diagnostics.map { diagnostic in
      var pairs: [(String, String)] = [
        ("file", JSONText.string(displayPath(diagnostic.file))),
        ("line", String(diagnostic.location.line)),
        ("column", String(diagnostic.location.column)),
        ("severity", JSONText.string(diagnostic.severity.rawValue)),
        ("rule", JSONText.string(diagnostic.rule)),
        ("message", JSONText.string(diagnostic.message)),
      ]
      if let hint = diagnostic.hint { pairs.append(("hint", JSONText.string(hint))) }
      return JSONText.object(pairs)
    }
    return JSONText.object([
      ("version", "1"), ("files", String(fileCount)), ("errors", String(errorCount)),
      ("warnings", String(warningCount)), ("diagnostics", JSONText.array(items)),
    ]) + "\n"
  }

  /// GitHub Actions workflow commands, one annotation per finding.
  public func github(displayPath: (String) -> String) -> String {
    let data = GitHubCommandText.data
    let property = GitHubCommandText.property
    var out = ""
    for diagnostic in diagnostics {
      let command = diagnostic.severity == .error ? "error" : "warning"
      var message = diagnostic.message
      if let hint = diagnostic.hint { message += "\n" + hint }
      out += "::\(command) file=\(property(displayPath(diagnostic.file)))"
      out += ",line=\(diagnostic.location.line),col=\(diagnostic.location.column)"
      out += ",title=\(property("journal " + diagnostic.rule))::\(data(message))\n"
    }
    out += "checked \(Wording.count(fileCount, "file")): \(Wording.count(errorCount, "error")), \(Wording.count(warningCount, "warning"))\n"
    return out
  }
}
