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
      switch category.ratingCount {
      case 0: out += "no ratings yet\n"
      case 1: out += "1 rating, \(Self.figure(category.mean)) \(shown(category.onlyPoint?.label ?? ""))\n"
      default: out += "mean \(Self.figure(category.mean)) of " + Wording.count(category.ratingCount, "rating") + "\n"
      }
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
      switch category.ratingCount {
      case 0:
        out += "No ratings yet.\n"
        continue
      case 1: out += "1 rating, \(Self.figure(category.mean)) \(cell(category.onlyPoint?.label ?? "")).\n\n"
      default: out += "Mean \(Self.figure(category.mean)) of " + Wording.count(category.ratingCount, "rating") + ".\n\n"
      }
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
      switch category.ratingCount {
      case 0:
        out += "<p class=\"mean\">No ratings yet</p>\n</section>\n"
        continue
      case 1: out += "<p class=\"mean\">1 rating, \(mean) \(h(category.onlyPoint?.label ?? ""))</p>\n"
      default: out += "<p class=\"mean\">Mean \(mean) of " + Wording.count(category.ratingCount, "rating") + "</p>\n"
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
  /// The point of the scale the only rating landed on, when there is one.
  var onlyPoint: Rubric.Point? {
    ratingCount == 1 ? distribution.first { $0.count > 0 }?.point : nil
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
