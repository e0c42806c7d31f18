import JournalModel

/// A session body read into its parts: strengths, improvements, dialogue and actions.
struct SessionSections {
  enum Part {
    case strengths, improvements, dialogue, actions

    init?(heading: String) {
      var title = heading.lowercased().trimmingSpaces()
      if title.hasSuffix(":") { title = String(title.dropLast()).trimmingSpaces() }
      switch title {
      case "strengths": self = .strengths
      case "improvements", "areas for improvement": self = .improvements
      case "dialogue": self = .dialogue
      case "actions": self = .actions
      default: return nil
      }
    }
  }

  var strengths: [FeedbackItem] = []
  var improvements: [FeedbackItem] = []
  var dialogue: String?
  var actions: [ActionItem] = []
  var strengthsSection: SectionMark?
  var improvementsSection: SectionMark?
  var actionsSection: SectionMark?

  init(_ body: MarkdownBody, source: SourceText, file: String, diagnostics: inout [Diagnostic]) {
    for section in body.sections {
      let mark = SectionMark(title: section.title, location: section.location)
      switch Part(heading: section.title) {
      case .strengths:
        strengthsSection = strengthsSection ?? mark
        strengths += section.items.map { FeedbackItem(text: $0.text, location: $0.location) }
      case .improvements:
        improvementsSection = improvementsSection ?? mark
        improvements += section.items.map { FeedbackItem(text: $0.text, location: $0.location) }
      case .dialogue:
        let text = section.lines.map { range in
          range.map { source.line($0) }.joined(separator: "\n").trimmingSpaces()
        }
        if let text, !text.isEmpty { dialogue = [dialogue, text].compactMap { $0 }.joined(separator: "\n\n") }
      case .actions:
        actionsSection = actionsSection ?? mark
        actions += Self.items(section, source: source, file: file, diagnostics: &diagnostics)
      case nil:
        break
      }
    }
  }

  /// The action items of every `## Actions` section, for plans.
  static func actions(
    in body: MarkdownBody, source: SourceText, file: String, diagnostics: inout [Diagnostic]
  ) -> [ActionItem] {
    body.sections.filter { Part(heading: $0.title) == .actions }.flatMap {
      items($0, source: source, file: file, diagnostics: &diagnostics)
    }
  }

  private static func items(
    _ section: MarkdownBody.Section, source: SourceText, file: String,
    diagnostics: inout [Diagnostic]
  ) -> [ActionItem] {
    section.items.compactMap {
      ActionItemParser.parse($0, source: source, file: file, diagnostics: &diagnostics)
    }
  }
}
