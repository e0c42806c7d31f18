import JournalModel
import JournalRules

/// The findings about a body's shape: what a person wrote that journal would otherwise not
/// read. `unknown-section` for headings, `unread-text` for text, `action-syntax` for lines
/// under an actions section that are not action items.
enum BodyFinding {
  /// Gathers the findings of one file's body.
  struct Sink {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func report(_ message: RuleMessage, at location: SourceLocation) {
      diagnostics.append(Diagnostic(message, file: file, at: location))
    }

    /// A strengths or improvements section: its top-level items are read; nested items,
    /// other blocks and actions are reported.
    mutating func listSection(_ section: MarkdownBody.Section, of body: MarkdownBody) {
      strayActions(section, of: body)
      guard !section.nested.isEmpty || !section.blocks.isEmpty else { return }
      let heading = body.string(section.title)
      for item in section.nested where item.task == nil {
        report(UnreadTextRule.nestedItem(under: heading), at: item.location)
      }
      for block in section.blocks where !block.startsWithLooseAction {
        report(
          block.isIndentedCode ? UnreadTextRule.indentedCode(under: heading) : UnreadTextRule.text(under: heading),
          at: block.location)
      }
    }

    /// The rest of an actions section, once its actions are read: lines that look like
    /// actions but are not list items, and text that is not an item.
    mutating func actionSection(_ section: MarkdownBody.Section) {
      for loose in section.looseActions {
        report(ActionSyntaxRule.looseAction(loose.marker, fix: BodyFinding.fix(loose)), at: loose.location)
      }
      for block in section.blocks where !block.startsWithLooseAction {
        report(
          block.isIndentedCode ? UnreadTextRule.indentedCodeUnderActions : UnreadTextRule.textUnderActions,
          at: block.location)
      }
    }

    /// A non-task item nested under an action.
    mutating func subItem(_ item: MarkdownBody.ListItem) {
      report(UnreadTextRule.nestedUnderAction, at: item.location)
    }

    /// Items and lines that look like actions in a section that does not read actions.
    mutating func strayActions(
      _ section: MarkdownBody.Section, of body: MarkdownBody,
      message: (String) -> RuleMessage = UnreadTextRule.strayAction
    ) {
      var stray: [(SourceLocation, String)] = []
      for item in section.items where item.task != nil { stray.append((item.location, BodyFinding.marker(item))) }
      for item in section.nested where item.task != nil { stray.append((item.location, BodyFinding.marker(item))) }
      for loose in section.looseActions { stray.append((loose.location, loose.marker)) }
      for (location, marker) in stray.sorted(by: { $0.0 < $1.0 }) {
        report(message(marker), at: location)
      }
    }

    /// A section under a heading journal does not know: free notes, unless the heading is
    /// near a known one.
    mutating func freeSection(
      _ section: MarkdownBody.Section, of body: MarkdownBody, names: SectionNames, parts: [SectionPart]
    ) {
      let title = body.string(section.title)
      if let near = BodyFinding.nearest(to: title, names: names, parts: parts) {
        report(UnknownSectionRule.near(title, part: near), at: section.location)
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
        guard let part = body.withText({ names.part(of: $0, heading.title) }), parts.contains(part) else {
          continue
        }
        report(UnknownSectionRule.level(heading.level, title: body.string(heading.title)), at: heading.location)
      }
    }
  }

  /// The part a free heading was most likely meant as: at most one edit (a letter added,
  /// dropped or changed, or two neighbouring letters swapped) from a known name for every
  /// four letters of the name, ignoring case; else a known name with words before or after
  /// it. Every name is measured, whatever its first letter; the nearest wins, the first
  /// listed among equals.
  static func nearest(to title: String, names: SectionNames, parts: [SectionPart]) -> SectionPart? {
    let text = SectionNames.normalized(title)
    guard !text.isEmpty else { return nil }
    let scalars = Array(text.unicodeScalars)
    var best: (part: SectionPart, distance: Int)? = nil
    for name in names.names where parts.contains(name.part) {
      // Only a nearer name than the best so far can replace it.
      let limit = min(max(1, name.scalars.count / 4), (best?.distance ?? Int.max) - 1)
      if let distance = Suggestion.editDistance(scalars, name.scalars, atMost: limit) {
        best = (name.part, distance)
      }
    }
    if let best { return best.part }
    // "Key strengths", "Actions for next week": a known name as the first or last words.
    for name in names.names where parts.contains(name.part) {
      let count = name.scalars.count
      guard scalars.count > count else { continue }
      if scalars[count] == " " && scalars[..<count].elementsEqual(name.scalars)
        || scalars[scalars.count - count - 1] == " " && scalars[(scalars.count - count)...].elementsEqual(name.scalars)
      {
        return name.part
      }
    }
    return nil
  }

  /// An item's task marker as Markdown writes it.
  static func marker(_ item: MarkdownBody.ListItem) -> String {
    switch item.task {
    case .done?: "- [x]"
    case .dropped?: "- [-]"
    default: "- [ ]"
    }
  }

  /// The line a person meant: the marker in Markdown's form and their own text (its first
  /// 40 letters).
  static func fix(_ loose: MarkdownBody.LooseAction) -> String {
    var text = loose.text
    if text.unicodeScalars.count > 40 {
      text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…"
    }
    return loose.fix + (text.isEmpty ? "" : " " + text)
  }
}
