import JournalModel

/// The findings about a body's shape: what a person wrote that journal would otherwise not
/// read. `unknown-section` for headings, `unread-text` for text, `action-syntax` for lines
/// under an actions section that are not action items.
enum BodyFinding {
  /// Gathers the findings of one file's body.
  struct Sink {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func report(
      _ rule: String, _ severity: Severity, _ message: String, at location: SourceLocation, hint: String?
    ) {
      diagnostics.append(
        Diagnostic(rule: rule, severity: severity, message: message, file: file, location: location, hint: hint))
    }

    /// A strengths or improvements section: its top-level items are read; nested items,
    /// other blocks and actions are reported.
    mutating func listSection(_ section: MarkdownBody.Section, of body: MarkdownBody, heading: String) {
      strayActions(section, of: body)
      for item in section.nested where item.task == nil {
        report(
          RuleID.unreadText, .warning, "a nested item under `## \(heading)` is not counted", at: item.location,
          hint: "write it as an item of its own, or on the line of the item above it")
      }
      for block in section.blocks where !block.startsWithLooseAction {
        if block.isIndentedCode {
          report(
            RuleID.unreadText, .warning,
            "lines indented four spaces under `## \(heading)` are read as code, not as items", at: block.location,
            hint: BodyFinding.indentHint)
        } else {
          report(
            RuleID.unreadText, .warning, "text under `## \(heading)` is not read: only its list items are",
            at: block.location, hint: "write it as a `- ` item, or under a heading of its own such as `## Notes`")
        }
      }
    }

    /// The rest of an actions section, once its actions are read: lines that look like
    /// actions but are not list items, and text that is not an item.
    mutating func actionSection(_ section: MarkdownBody.Section) {
      for loose in section.looseActions {
        let (message, fix) = BodyFinding.describe(loose)
        report(RuleID.actionSyntax, .error, message, at: loose.location, hint: fix)
      }
      for block in section.blocks where !block.startsWithLooseAction {
        if block.isIndentedCode {
          report(
            RuleID.unreadText, .warning, "lines indented four spaces under an actions section are read as code, not as actions",
            at: block.location, hint: BodyFinding.indentHint)
        } else {
          report(
            RuleID.unreadText, .warning, "text under an actions section is not read: only its `- [ ]` items are",
            at: block.location, hint: "write it as an action, or under a heading of its own such as `## Notes`")
        }
      }
    }

    /// A non-task item nested under an action.
    mutating func subItem(_ item: MarkdownBody.ListItem) {
      report(
        RuleID.unreadText, .warning, "a nested item under an action is not read", at: item.location,
        hint: "write it on the action's line, or make it an action of its own with `- [ ]`")
    }

    /// Items and lines that look like actions in a section that does not read actions.
    mutating func strayActions(_ section: MarkdownBody.Section, of body: MarkdownBody) {
      var stray: [(SourceLocation, String)] = []
      for item in section.items where item.task != nil { stray.append((item.location, BodyFinding.marker(item))) }
      for item in section.nested where item.task != nil { stray.append((item.location, BodyFinding.marker(item))) }
      for loose in section.looseActions { stray.append((loose.location, loose.marker)) }
      for (location, marker) in stray.sorted(by: { $0.0 < $1.0 }) {
        report(
          RuleID.unreadText, .warning, "`\(marker)` outside an actions section is not read as an action",
          at: location, hint: "move it under `## Actions`")
      }
    }

    /// A section under a heading journal does not know: free notes, unless the heading is
    /// near a known one.
    mutating func freeSection(
      _ section: MarkdownBody.Section, of body: MarkdownBody, names: SectionNames, parts: [SectionPart]
    ) {
      let title = body.string(section.title)
      if let near = BodyFinding.nearest(to: title, names: names, parts: parts) {
        report(
          RuleID.unknownSection, .warning, "`## \(title)` is read as free notes, not as \(near.heading)",
          at: section.location,
          hint: "did you mean `## \(near.heading)`? To keep the heading, add it to `sections: \(near.rawValue):` in journal.yml")
      }
      misplacedHeadings(section.subheadings, of: body, names: names, parts: parts)
      strayActions(section, of: body)
    }

    /// What lies outside every section: headings of the wrong level, and actions.
    mutating func outside(_ body: MarkdownBody, names: SectionNames, parts: [SectionPart]) {
      misplacedHeadings(body.otherHeadings, of: body, names: names, parts: parts)
      strayActions(body.outside, of: body)
    }

    /// Headings of level 1, or of level 3 and more outside a section journal reads, that
    /// name a section.
    mutating func misplacedHeadings(
      _ headings: [MarkdownBody.OtherHeading], of body: MarkdownBody, names: SectionNames, parts: [SectionPart]
    ) {
      for heading in headings {
        guard let part = body.withText({ names.match($0, heading.title) })?.part, parts.contains(part) else {
          continue
        }
        let title = body.string(heading.title)
        let hashes = String(repeating: "#", count: heading.level)
        report(
          RuleID.unknownSection, .warning,
          heading.level == 1
            ? "`# \(title)` is a level-1 heading: only level-2 headings start a section"
            : "`\(hashes) \(title)` is not a section of its own: only level-2 headings start one",
          at: heading.location, hint: "write `## \(title)`")
      }
    }
  }

  /// The part a free heading was most likely meant as: one edit from a known name for every
  /// four letters of it, or a known name with words before or after it.
  static func nearest(to title: String, names: SectionNames, parts: [SectionPart]) -> SectionPart? {
    let text = SectionNames.normalized(title)
    guard !text.isEmpty else { return nil }
    var best: (part: SectionPart, distance: Int)? = nil
    for name in names.names where parts.contains(name.part) {
      let distance = Suggestion.editDistance(text, name.text)
      if distance <= max(1, name.text.unicodeScalars.count / 4), distance < (best?.distance ?? Int.max) {
        best = (name.part, distance)
      }
    }
    if let best { return best.part }
    // "Key strengths", "Actions for next week": a known name as the first or last words.
    for name in names.names where parts.contains(name.part) {
      let bytes = Array(text.utf8)
      if bytes.starts(with: Array((name.text + " ").utf8))
        || bytes.reversed().starts(with: Array((" " + name.text).utf8).reversed())
      {
        return name.part
      }
    }
    return nil
  }

  static let indentHint =
    "start an item at the line's start, or indent it two spaces under the item it belongs to; fence code with ```"

  /// An item's task marker as Markdown writes it.
  static func marker(_ item: MarkdownBody.ListItem) -> String {
    switch item.task {
    case .done?: "- [x]"
    case .dropped?: "- [-]"
    default: "- [ ]"
    }
  }

  /// What is wrong with a line that looks like an action, and its fix, with the person's
  /// own text (its first 40 letters).
  static func describe(_ loose: MarkdownBody.LooseAction) -> (message: String, fix: String) {
    var text = loose.text
    if text.unicodeScalars.count > 40 {
      text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…"
    }
    let fix = "write `\(loose.fix)\(text.isEmpty ? "" : " " + text)` on a line of its own"
    let scalars = Array(loose.marker.unicodeScalars)
    if scalars.first == "•" {
      return ("`•` is not a Markdown list marker, so `\(loose.marker)` is not an action", fix)
    }
    if scalars.count > 1, scalars[1] == "[" {
      return ("`\(loose.marker)` is not an action: Markdown needs a space after `\(scalars[0])`", fix)
    }
    return ("`\(loose.marker)` continues the line above instead of starting an action", fix)
  }
}
