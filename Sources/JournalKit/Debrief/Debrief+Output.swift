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
      out += "\n" + style.bold(shown(category.title)) + " (\(category.id)): "
      out += category.ratings(mean: Self.figure(category.mean), label: shown, capital: false) + "\n"
      guard category.ratingCount > 0 else { continue }
      for (point, count) in category.distribution {
        out += "  \(point.value) \(shown(point.label)): \(count)\n"
      }
      for block in category.evidenceShown {
        out += "  \(block.title):\n" + block.evidence.map { "    - \(shown($0.name)): \(shown($0.text))\n" }.joined()
      }
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

  public func markdown() -> String {
    let cell = MarkdownText.escape
    var out = "# Debrief: \(cell(heading))\n\nAs of \(today): \(cell(countsLine)).\n"
    for category in categories {
      out += "\n## \(cell(category.title))\n\n"
      out += category.ratings(mean: Self.figure(category.mean), label: cell, capital: true) + ".\n"
      guard category.ratingCount > 0 else { continue }
      out += "\n"
      var table = MarkdownTable([("rating", .left), ("count", .right)])
      for point in category.distribution { table.add("\(point.point.value) \(cell(point.point.label))", "\(point.count)") }
      out += table.text
      for block in category.evidenceShown {
        out += "\n\(block.heading):\n\n"
        out += block.evidence.map { "- **\(cell($0.name))**: \(cell($0.text))\n" }.joined()
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
        ("evidence", evidence(category.evidence)),
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
      let mean = "<data value=\"\(Self.figure(category.mean))\">\(Self.figure(category.mean))</data>"
      out += "<p class=\"mean\">" + category.ratings(mean: mean, label: h, capital: true) + "</p>\n"
      guard category.ratingCount > 0 else {
        out += "</section>\n"
        continue
      }
      out += "<table class=\"distribution\"><thead><tr><th>rating</th><th>count</th><th></th></tr></thead><tbody>\n"
      for (point, count) in category.distribution {
        let width = count * 100 / largest
        out += "<tr><td>\(point.value) \(h(point.label))</td><td class=\"count\">\(count)</td>"
          + "<td><span class=\"bar\" style=\"width: \(width)%\"></span></td></tr>\n"
      }
      out += "</tbody></table>\n"
      for block in category.evidenceShown {
        out += "<h3>\(block.heading)</h3><ul class=\"\(block.kind)\">"
        out += block.evidence.map { "<li><strong>\(h($0.name))</strong>: \(h($0.text))</li>" }.joined() + "</ul>\n"
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

extension Debrief.Category {
  /// What a reader is told of the ratings: "no ratings yet", "1 rating, 4 Strong yes" (no
  /// lowest or highest), or "mean 1.67 of 3 ratings". `mean` is the mean as the format writes
  /// it, `label` the format's escaper for the point's label.
  func ratings(mean: String, label: (String) -> String, capital: Bool) -> String {
    switch ratingCount {
    case 0: return capital ? "No ratings yet" : "no ratings yet"
    case 1:
      let point = distribution.first { $0.count > 0 }?.point
      return "1 rating, \(mean) " + label(point?.label ?? "")
    default: return (capital ? "Mean " : "mean ") + mean + " of " + Wording.count(ratingCount, "rating")
    }
  }

  /// The evidence a reader is shown, under its title (and as a heading): the lowest and the
  /// highest rating's; every rating's, when they are all the same; the one rating's, with no
  /// lowest or highest. `kind` is its HTML class.
  var evidenceShown: [(kind: String, title: String, heading: String, evidence: [Debrief.Evidence])] {
    var blocks: [(kind: String, title: String, heading: String, evidence: [Debrief.Evidence])] = []
    if !evidence.isEmpty { blocks.append(("evidence", "evidence", "Evidence", evidence)) }
    if let lowest, !lowestEvidence.isEmpty {
      let figure = "(\(Debrief.figure(lowest)))"
      blocks.append(
        lowest == highest
          ? ("every", "every rating " + figure, "Every rating " + figure, lowestEvidence)
          : ("lowest", "lowest " + figure, "Lowest " + figure, lowestEvidence))
    }
    if let highest, !highestEvidence.isEmpty {
      let figure = "(\(Debrief.figure(highest)))"
      blocks.append(("highest", "highest " + figure, "Highest " + figure, highestEvidence))
    }
    return blocks
  }
}
