import JournalModel

extension Debrief {
  public func render(_ format: ReportFormat, style: Style = .plain) -> String {
    switch format {
    case .text: text(style: style)
    case .markdown: markdown()
    case .json: json()
    case .html: html()
    }
  }

  static func figure(_ value: Double?) -> String {
    guard let value else { return "–" }
    let hundredths = (value * 100).rounded() / 100
    return Wording.number(hundredths)
  }

  var heading: String { rubric.title ?? rubric.name }

  var countsLine: String {
    var line = Wording.count(candidates, "candidate") + ", " + Wording.count(scorecards, "scorecard")
    if let since { line += " since \(since)" }
    if pastRetention > 0 {
      line += "; " + Wording.count(pastRetention, "candidate") + " past `retain-until` left out"
    }
    return line
  }

  public func text(style: Style) -> String {
    let shown = { TerminalText.visible($0) }
    var out = style.bold("Debrief: " + shown(heading)) + " — \(today)\n" + countsLine + "\n"
    for category in categories {
      out += "\n" + style.bold(shown(category.title)) + " (\(category.id)): mean \(Self.figure(category.mean))"
      out += " of " + Wording.count(category.ratingCount, "rating") + "\n"
      for (point, count) in category.distribution {
        out += "  \(point.value) \(shown(point.label)): \(count)\n"
      }
      out += evidenceText("lowest", category.lowest, category.lowestEvidence, shown)
      out += evidenceText("highest", category.highest, category.highestEvidence, shown)
    }
    if !themes.isEmpty {
      out += "\n" + style.bold("Recurring improvements") + "\n"
      for theme in themes {
        out += "  \(shown(theme.title)): \(Wording.count(theme.candidates, "candidate"))\n"
        out += theme.items.map { "    - \(shown($0.name)): \(shown($0.text))\n" }.joined()
      }
    }
    return out
  }

  private func evidenceText(
    _ which: String, _ value: Double?, _ evidence: [Evidence], _ shown: (String) -> String
  ) -> String {
    guard let value, !evidence.isEmpty else { return "" }
    return "  \(which) (\(Self.figure(value))):\n"
      + evidence.map { "    - \(shown($0.name)): \(shown($0.text))\n" }.joined()
  }

  public func markdown() -> String {
    let cell = MarkdownText.escape
    var out = "# Debrief: \(cell(heading))\n\nAs of \(today): \(cell(countsLine)).\n"
    for category in categories {
      out += "\n## \(cell(category.title))\n\n"
      out += "Mean \(Self.figure(category.mean)) of " + Wording.count(category.ratingCount, "rating") + ".\n\n"
      var table = MarkdownTable([("rating", .left), ("count", .right)])
      for point in category.distribution { table.add("\(point.point.value) \(cell(point.point.label))", "\(point.count)") }
      out += table.text
      for (which, value, evidence) in [
        ("Lowest", category.lowest, category.lowestEvidence), ("Highest", category.highest, category.highestEvidence),
      ] where value != nil && !evidence.isEmpty {
        out += "\n\(which) (\(Self.figure(value))):\n\n"
        out += evidence.map { "- **\(cell($0.name))**: \(cell($0.text))\n" }.joined()
      }
    }
    if !themes.isEmpty {
      out += "\n## Recurring improvements\n\n"
      for theme in themes {
        out += "- **\(cell(theme.title))**, \(Wording.count(theme.candidates, "candidate")):\n"
        out += theme.items.map { "  - \(cell($0.name)): \(cell($0.text))\n" }.joined()
      }
    }
    return out
  }

  public func json() -> String {
    func evidence(_ items: [Evidence]) -> String {
      JSONText.array(
        items.map {
          JSONText.object([
            ("person", JSONText.string($0.person)), ("name", JSONText.string($0.name)),
            ("rating", $0.rating.map(JSONText.number) ?? "null"), ("text", JSONText.string($0.text)),
            ("file", JSONText.string($0.file)),
          ])
        })
    }
    let categories = self.categories.map { category in
      JSONText.object([
        ("id", JSONText.string(category.id)), ("title", JSONText.string(category.title)),
        ("ratings", String(category.ratingCount)),
        ("mean", category.mean.map(JSONText.number) ?? "null"),
        (
          "distribution",
          JSONText.array(
            category.distribution.map {
              JSONText.object([
                ("rating", String($0.point.value)), ("label", JSONText.string($0.point.label)),
                ("count", String($0.count)),
              ])
            })
        ),
        ("lowest", category.lowest.map(JSONText.number) ?? "null"),
        ("highest", category.highest.map(JSONText.number) ?? "null"),
        ("lowestEvidence", evidence(category.lowestEvidence)),
        ("highestEvidence", evidence(category.highestEvidence)),
      ])
    }
    let themes = self.themes.map { theme in
      JSONText.object([
        ("category", JSONText.string(theme.category)), ("title", JSONText.string(theme.title)),
        ("candidates", String(theme.candidates)), ("items", evidence(theme.items)),
      ])
    }
    return JSONText.object([
      ("version", "1"), ("rubric", JSONText.string(rubric.name)), ("title", JSONText.optional(rubric.title)),
      ("today", JSONText.string(today.description)), ("since", JSONText.optional(since?.description)),
      ("candidates", String(candidates)), ("scorecards", String(scorecards)),
      ("pastRetention", String(pastRetention)),
      ("categories", JSONText.array(categories)), ("themes", JSONText.array(themes)),
    ]) + "\n"
  }

  /// One self-contained page, as `journal summary --format html` writes: no script, no
  /// external resource; each category's distribution is a table with a bar per point.
  public func html() -> String {
    let h = HTMLText.escape
    var out = HTMLText.pageStart(title: "Debrief: \(heading) — \(today)", css: Self.css)
    out += """
      <h1>Debrief: \(h(heading))</h1>
      <p class="counts">As of \(today): \(h(countsLine)).</p>

      """
    for category in categories {
      let largest = max(1, category.distribution.map(\.count).max() ?? 1)
      out += "<section class=\"category\" id=\"category-\(SafeName.encode(category.id))\">\n"
      out += "<h2>\(h(category.title))</h2>\n"
      out += "<p class=\"mean\">Mean <data value=\"\(Self.figure(category.mean))\">\(Self.figure(category.mean))</data> of "
        + Wording.count(category.ratingCount, "rating") + "</p>\n"
      out += "<table class=\"distribution\"><thead><tr><th>rating</th><th>count</th><th></th></tr></thead><tbody>\n"
      for (point, count) in category.distribution {
        let width = count * 100 / largest
        out += "<tr><td>\(point.value) \(h(point.label))</td><td class=\"count\">\(count)</td>"
          + "<td><span class=\"bar\" style=\"width: \(width)%\"></span></td></tr>\n"
      }
      out += "</tbody></table>\n"
      for (which, title, value, evidence) in [
        ("lowest", "Lowest", category.lowest, category.lowestEvidence),
        ("highest", "Highest", category.highest, category.highestEvidence),
      ] where value != nil && !evidence.isEmpty {
        out += "<h3>\(title) (\(Self.figure(value)))</h3><ul class=\"\(which)\">"
        out += evidence.map { "<li><strong>\(h($0.name))</strong>: \(h($0.text))</li>" }.joined() + "</ul>\n"
      }
      out += "</section>\n"
    }
    if !themes.isEmpty {
      out += "<section class=\"themes\"><h2>Recurring improvements</h2><ul>\n"
      for theme in themes {
        out += "<li><strong>\(h(theme.title))</strong>, \(Wording.count(theme.candidates, "candidate"))<ul>"
        out += theme.items.map { "<li>\(h($0.name)): \(h($0.text))</li>" }.joined() + "</ul></li>\n"
      }
      out += "</ul></section>\n"
    }
    return out + "</body>\n</html>\n"
  }

  static let css = """
    body{font:15px/1.45 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}\
    table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left}td.count{text-align:right}\
    .bar{display:inline-block;height:.8rem;background:#3a7bd5;min-width:1px}\
    section{margin-top:1.5rem}@media print{section{break-inside:avoid}}
    """
}
