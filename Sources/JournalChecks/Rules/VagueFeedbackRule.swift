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
    let phrases = PhraseIndex(
      (Self.genericPhrases + context.list("phrases", of: description)).map(Self.words))
    return context.journal.people.concurrentFlatMap { person in
      var findings: [Diagnostic] = []
      for session in person.sessions {
        for item in session.strengths + session.improvements {
          let words = Self.words(item.text)
          if let phrase = phrases.first(in: words), words.count - phrase.count < minimum {
            findings.append(
              context.finding(
                description, "\"\(item.text)\" is generic", file: session.file, at: item.location,
                hint: "say what was observed, when, and its effect, instead of \"\(phrase.joined(separator: " "))\""))
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
  }

  /// Generic phrases by their first word, so each word of an item is looked up once.
  struct PhraseIndex {
    private var byFirstWord: [String: [[String]]] = [:]
    private let order: [[String]]

    init(_ phrases: [[String]]) {
      order = phrases.filter { !$0.isEmpty }
      for phrase in order { byFirstWord[phrase[0], default: []].append(phrase) }
    }

    /// The phrase, in the order given, that occurs first in the list as consecutive words.
    func first(in words: [String]) -> [String]? {
      var found: [[String]] = []
      for (start, word) in words.enumerated() {
        for phrase in byFirstWord[word] ?? []
        where start + phrase.count <= words.count
          && words[start..<(start + phrase.count)].elementsEqual(phrase)
        {
          found.append(phrase)
        }
      }
      return order.first { phrase in found.contains(phrase) }
    }
  }

  /// Lowercased words without punctuation at either end. Works on Unicode scalars, with the
  /// character tables consulted only outside ASCII: this runs for every feedback item.
  static func words(_ text: String) -> [String] {
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      s.isASCII ? (s == " " || s == "\t" || s == "\n" || s == "\r") : s.properties.isWhitespace
    }
    func isPunctuation(_ s: Unicode.Scalar) -> Bool {
      if s.isASCII {
        let v = s.value
        return (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v)
      }
      switch s.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        return true
      default:
        return false
      }
    }
    var result: [String] = []
    var current: [Unicode.Scalar] = []
    func flush() {
      var start = 0
      var end = current.count
      while start < end, isPunctuation(current[start]) { start += 1 }
      while end > start, isPunctuation(current[end - 1]) { end -= 1 }
      if start < end {
        var word = String.UnicodeScalarView()
        var ascii = true
        for s in current[start..<end] {
          if s.isASCII, s.value >= 65, s.value <= 90 {
            word.append(Unicode.Scalar(s.value + 32)!)
          } else {
            if !s.isASCII { ascii = false }
            word.append(s)
          }
        }
        result.append(ascii ? String(word) : String(word).lowercased())
      }
      current.removeAll(keepingCapacity: true)
    }
    for scalar in text.unicodeScalars {
      if isSpace(scalar) { flush() } else { current.append(scalar) }
    }
    flush()
    return result
  }
}
