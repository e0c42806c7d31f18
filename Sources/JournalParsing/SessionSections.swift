import JournalModel
import JournalRules

/// A session body read into its parts: strengths, improvements, dialogue and actions.
///
/// Every line of the body is read into one of them, left in free notes under a heading the
/// person chose, or reported (`BodyFinding`): a heading near a known one, an action outside
/// an actions section, text in a section that only reads list items.
struct SessionSections {
  var strengths: [FeedbackItem] = []
  var improvements: [FeedbackItem] = []
  var dialogue: String?
  var actions: [ActionItem] = []
  var strengthsSection: SectionMark?
  var improvementsSection: SectionMark?
  var actionsSection: SectionMark?
  /// True when the body holds something written outside `## Actions`: feedback, dialogue or
  /// notes, anything but headings and HTML comments.
  var hasWriting: Bool

  init(
    _ body: MarkdownBody, source: SourceText, file: String, names: SectionNames,
    diagnostics: inout [Diagnostic]
  ) {
    var findings = BodyFinding.Sink(file: file)
    hasWriting = body.hasWritingOutsideSections
    for section in body.sections {
      let part = body.withText { names.part(of: $0, section.title) }
      if part != .actions, section.hasWriting { hasWriting = true }
      switch part {
      case .strengths?, .improvements?:
        let items = section.items.map { EvidenceTag.item(body.string($0.text), at: $0.location, source: source) }
        // The first section's items are taken as they are, not copied into an empty array.
        if part == .strengths {
          strengthsSection = strengthsSection ?? Self.mark(section, in: body)
          if strengths.isEmpty { strengths = items } else { strengths += items }
        } else {
          improvementsSection = improvementsSection ?? Self.mark(section, in: body)
          if improvements.isEmpty { improvements = items } else { improvements += items }
        }
        findings.listSection(section, of: body)
      case .dialogue?:
        findings.strayActions(section, of: body)
        // A section that holds only the template's comment holds no dialogue.
        guard section.hasWriting, let lines = section.lines else { break }
        let text = Self.withoutComments(section, lines: lines, source: source)
        if !text.isEmpty { dialogue = dialogue.map { $0 + "\n\n" + text } ?? text }
      case .actions?:
        actionsSection = actionsSection ?? Self.mark(section, in: body)
        let found = Self.items(section, of: body, source: source, findings: &findings)
        if actions.isEmpty { actions = found } else { actions += found }
      case nil:
        findings.freeSection(section, of: body, names: names, parts: SectionPart.allCases)
      }
    }
    findings.outside(body, names: names, parts: SectionPart.allCases)
    diagnostics += findings.diagnostics
  }

  /// The text of a section's `lines` without its HTML blocks that are only comments: what
  /// was written around the template's guidance, each stretch trimmed, a blank line between.
  private static func withoutComments(
    _ section: MarkdownBody.Section, lines: ClosedRange<Int>, source: SourceText
  ) -> String {
    var stretches: [ClosedRange<Int>] = []
    var start = lines.lowerBound
    for comment in section.comments where comment.overlaps(lines) {
      if comment.lowerBound > start { stretches.append(start...(comment.lowerBound - 1)) }
      start = max(start, comment.upperBound + 1)
    }
    if start <= lines.upperBound { stretches.append(start...lines.upperBound) }
    return source.bytes.withUnsafeBufferPointer { bytes in
      stretches.map { TextBytes.string(bytes, TextBytes.trimmed(bytes, source.range(lines: $0))) }
        .filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
  }

  private static func mark(_ section: MarkdownBody.Section, in body: MarkdownBody) -> SectionMark {
    SectionMark(title: body.string(section.title), location: section.location)
  }

  /// The action items of every actions section, for plans; the rest of a plan's body is free.
  static func actions(
    in body: MarkdownBody, source: SourceText, file: String, names: SectionNames,
    diagnostics: inout [Diagnostic]
  ) -> [ActionItem] {
    var findings = BodyFinding.Sink(file: file)
    var actions: [ActionItem] = []
    for section in body.sections {
      if body.withText({ names.part(of: $0, section.title) }) == .actions {
        actions += items(section, of: body, source: source, findings: &findings)
      } else {
        findings.freeSection(section, of: body, names: names, parts: [.actions])
      }
    }
    findings.outside(body, names: names, parts: [.actions])
    diagnostics += findings.diagnostics
    return actions
  }

  /// Reads a self-assessment's body, whose every heading is the person's own: nothing in it is
  /// a feedback section or an action, and an action item is reported, since nobody follows it
  /// up. Returns whether anything is written in it.
  static func selfAssessment(
    _ body: MarkdownBody, source: SourceText, file: String, names: SectionNames,
    diagnostics: inout [Diagnostic]
  ) -> Bool {
    var findings = BodyFinding.Sink(file: file)
    var hasWriting = body.hasWritingOutsideSections
    for section in body.sections {
      if section.hasWriting { hasWriting = true }
      findings.strayActions(section, of: body, message: UnreadTextRule.actionInSelfAssessment)
    }
    findings.strayActions(body.outside, of: body, message: UnreadTextRule.actionInSelfAssessment)
    diagnostics += findings.diagnostics
    return hasWriting
  }

  /// The actions of an actions section: its task-list items at any depth, in the order
  /// written. What is not an action is reported.
  private static func items(
    _ section: MarkdownBody.Section, of body: MarkdownBody, source: SourceText, findings: inout BodyFinding.Sink
  ) -> [ActionItem] {
    var actions: [ActionItem] = []
    actions.reserveCapacity(section.items.count + section.nested.count)
    var nested = section.nested[...]
    for (index, item) in section.items.enumerated() {
      if let action = ActionItemParser.parse(
        item, of: body, source: source, file: findings.file, diagnostics: &findings.diagnostics)
      {
        actions.append(action)
      }
      while let child = nested.first, child.parent == index {
        nested = nested.dropFirst()
        if child.task == nil {
          findings.subItem(child)
        } else if let action = ActionItemParser.parse(
          child, of: body, source: source, file: findings.file, diagnostics: &findings.diagnostics)
        {
          actions.append(action)
        }
      }
    }
    findings.actionSection(section)
    return actions
  }
}
