import JournalModel

/// `vague-feedback`: feedback items name what was observed.
public struct VagueFeedbackRule: Rule {
  public init() {}

  /// Phrases that say nothing about what happened; from the source articles' own examples.
  static let genericPhrases = [
    "needs to improve", "need to improve", "needs improvement", "could be better", "needs work",
    "be more proactive", "more proactive", "good job", "great job", "nice job", "good work",
    "great work", "nice work", "well done", "keep it up", "keep up the good work", "do better",
    "work harder", "try harder", "improve communication", "communicate better",
    "be more professional", "good attitude", "team player", "not bad", "improve performance",
    "improve your performance",
  ]

  public let description = RuleDescription(
    id: "vague-feedback",
    summary: "Strengths and improvements are specific: no generic phrases, no items too short to say what was observed.",
    severity: .warning,
    rationale: "Specificity and clarity: \"be more proactive\" leaves the person unsure what to change; name the behaviour, the example and the effect.",
    parameters: [
      RuleParameter(
        name: "min-words", summary: "Items with fewer words than this are too short to be specific.",
        defaultValue: .number(5)),
      RuleParameter(
        name: "phrases", summary: "More generic phrases to flag, besides the built-in ones.",
        defaultValue: .list([])),
    ],
    triggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\n---\n## Strengths\n\n↓- Good job on the release!\n\n## Improvements\n\n↓- Be more proactive.\n\n## Actions\n\n- [ ] Pick one incident to lead next week\n")
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\n---\n## Strengths\n\n- Cut the release checklist from 40 to 12 steps and wrote down why\n\n## Improvements\n\n- Needs to improve how incidents are handed over: the 11-14 handover missed the open Sev2\n\n## Actions\n\n- [ ] Write a handover template due:2026-12-01\n")
    ])

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let minimum = Int(context.number("min-words", of: description))
    let phrases = Self.genericPhrases + context.list("phrases", of: description).map { $0.lowercased() }
    var findings: [Diagnostic] = []
    for session in context.journal.people.flatMap(\.sessions) {
      for item in session.strengths + session.improvements {
        let words = Self.words(item.text)
        let sentence = " " + words.joined(separator: " ") + " "
        if let phrase = phrases.first(where: { sentence.contains(" " + $0 + " ") }),
          words.count - phrase.split(separator: " ").count < minimum
        {
          findings.append(
            context.finding(
              description, "\"\(item.text)\" is generic", file: session.file, at: item.location,
              hint: "say what was observed, when, and its effect, instead of \"\(phrase)\""))
        } else if words.count < minimum {
          findings.append(
            context.finding(
              description,
              "\"\(item.text)\" is too short to be specific (\(words.count) word\(words.count == 1 ? "" : "s"))",
              file: session.file, at: item.location,
              hint: "name the behaviour, an example and its effect"))
        }
      }
    }
    return findings
  }

  /// Lowercased words without punctuation at either end.
  static func words(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { $0.isWhitespace }).compactMap { word in
      let trimmed = word.drop(while: { $0.isPunctuation }).reversed().drop(while: { $0.isPunctuation })
      return trimmed.isEmpty ? nil : String(trimmed.reversed())
    }
  }
}
