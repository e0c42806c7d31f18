import JournalModel
import JournalRules

/// `vague-feedback`: feedback items name what was observed.
public struct VagueFeedbackRule: MessageRule, FileRule {
  public static let id = "vague-feedback"
  public static let severity = Severity.warning

  /// The rule with its settings' defaults; a check uses `configured(by:)`'s.
  public init() {
    let defaults = configured(by: RuleSettings(config: JournalConfig(), today: RuleExample.defaultToday))
    minimum = defaults.minimum
    phrases = defaults.phrases
  }

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
    id: VagueFeedbackRule.id,
    summary: "Strengths and improvements are specific: no generic phrases, no items too short to say what was observed.",
    severity: VagueFeedbackRule.severity,
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
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\n---\n## Strengths\n\n↓- Good job on the release!\n\n## Improvements\n\n↓- Be more proactive.\n\n## Actions\n\n- [ ] Pick one incident to lead next week\n").expecting("\"Good job on the release!\" is generic", "\"Be more proactive.\" is generic")
    ],
    nonTriggering: [
      .session("---\ndate: 2026-11-20\ntype: performance-improvement\n---\n## Strengths\n\n- Cut the release checklist from 40 to 12 steps and wrote down why\n\n## Improvements\n\n- Needs to improve how incidents are handed over: the 11-14 handover missed the open Sev2\n\n## Actions\n\n- [ ] Write a handover template due:2026-12-01\n"),
      // A self-assessment is the person's own words, not a mentor's feedback.
      .file("mentees/alex/sessions/2026-11-24-self-assessment.md", "---\ndate: 2026-11-24\ntype: self-assessment\n---\n## Challenges\n\n- Needs to improve\n\n## Improvements\n\n- Be more proactive\n"),
    ])

  /// The settings, read once per check: the fewest words an item may have, and the generic
  /// phrases, built-in and added, indexed.
  private var minimum = 0
  private var phrases = PhraseIndex([])

  public func configured(by settings: RuleSettings) -> VagueFeedbackRule {
    var rule = self
    rule.minimum = settings.number("min-words", of: description)
    let added = settings.list("phrases", of: description)
    rule.phrases = added.isEmpty ? Self.builtInPhrases : PhraseIndex((Self.genericPhrases + added).map(Self.words))
    return rule
  }

  /// The built-in phrases indexed, once a run: the rule's defaults and a check with no
  /// `phrases` of its own both use them, and indexing them is about 0.2 M instructions.
  private static let builtInPhrases = PhraseIndex(genericPhrases.map(words))

  public func check(_ file: FileContext) -> [Diagnostic] {
    guard case .session(let session) = file.note, !session.strengths.isEmpty || !session.improvements.isEmpty else {
      return []
    }
    var findings: [Diagnostic] = []
    var words = Words()
    func check(_ item: FeedbackItem) {
      words.read(item.statement, phrases: phrases)
      if let phrase = words.phrase, words.count - phrase.count < minimum {
        findings.append(
          Diagnostic(Self.generic(item.text, phrase: phrase.joined(separator: " ")), file: session.file, at: item.location))
      } else if words.count < minimum {
        findings.append(Diagnostic(Self.tooShort(item.text, words: words.count), file: session.file, at: item.location))
      }
    }
    for item in session.strengths { check(item) }
    for item in session.improvements { check(item) }
    return findings
  }

  /// Generic phrases, each as its words, in the order given.
  struct PhraseIndex {
    let order: [[String]]
    private var byFirstWord: [String: [Int]] = [:]
    /// True when every phrase is ASCII, and so indexed by bytes below.
    private(set) var isASCII = false
    /// Each phrase's words as bytes.
    private var asciiWords: [[[UInt8]]] = []
    /// The phrases whose first word starts with byte `b`, in order, are
    /// `asciiPhrases[asciiStarts[b]..<asciiStarts[b + 1]]`: one flat table, so a look-up
    /// copies no array.
    private var asciiStarts: [Int] = []
    private var asciiPhrases: [Int] = []
    /// For each first byte, a bit for each length (up to 63, and 63 for longer) a phrase's
    /// first word has: a word whose byte and length have no bit starts no phrase, which
    /// settles most words with one look.
    private var asciiFirstWordLengths: [UInt64] = []

    init(_ phrases: [[String]]) {
      order = phrases.filter { !$0.isEmpty }
      for (index, phrase) in order.enumerated() { byFirstWord[phrase[0], default: []].append(index) }
      if order.allSatisfy({ $0.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } }) {
        isASCII = true
        asciiWords = order.map { $0.map { Array($0.utf8) } }
        var buckets = [[Int]](repeating: [], count: 128)
        for (index, phrase) in asciiWords.enumerated() { buckets[Int(phrase[0][0])].append(index) }
        asciiFirstWordLengths = [UInt64](repeating: 0, count: 128)
        for phrase in asciiWords { asciiFirstWordLengths[Int(phrase[0][0])] |= 1 << min(phrase[0].count, 63) }
        asciiStarts = [0]
        for bucket in buckets {
          asciiPhrases += bucket
          asciiStarts.append(asciiPhrases.count)
        }
      }
    }

    /// The phrase, in the order given, that occurs first in the list as consecutive words.
    func first(in words: [String]) -> [String]? {
      var found: Int? = nil
      for start in words.indices {
        for index in byFirstWord[words[start]] ?? []
        where index < (found ?? Int.max) && start + order[index].count <= words.count
          && words[start..<(start + order[index].count)].elementsEqual(order[index])
        {
          found = index
        }
      }
      return found.map { order[$0] }
    }

    /// The same for an ASCII text's words, given as lowercase-insensitive byte ranges.
    func first(in words: [Range<Int>], of bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
      guard isASCII else { return nil }
      var found: Int? = nil
      for start in words.indices {
        let first = Int(TextBytes.lowercased(bytes[words[start].lowerBound]))
        guard asciiFirstWordLengths[first] & (1 << min(words[start].count, 63)) != 0 else { continue }
        for slot in asciiStarts[first]..<asciiStarts[first + 1] {
          let index = asciiPhrases[slot]
          guard index < (found ?? Int.max) && start + asciiWords[index].count <= words.count else { continue }
          var matches = true
          for (offset, word) in asciiWords[index].enumerated() where !Self.equal(bytes, words[start + offset], word) {
            matches = false
            break
          }
          if matches { found = index }
        }
      }
      return found.map { order[$0] }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
      guard range.count == word.count else { return false }
      for offset in 0..<word.count where TextBytes.lowercased(bytes[range.lowerBound + offset]) != word[offset] {
        return false
      }
      return true
    }
  }

  /// One feedback item's words: how many, and the generic phrase among them. Kept from item
  /// to item, so reading an item allocates nothing when it and the phrases are ASCII.
  struct Words {
    private(set) var count = 0
    private(set) var phrase: [String]? = nil
    private var ranges: [Range<Int>] = []

    /// What each ASCII byte is to a word: white space (`TextBytes.isASCIISpace`),
    /// punctuation (`TextBytes.isASCIIPunctuation`) or part of it.
    private static let space: UInt8 = 1
    private static let punctuation: UInt8 = 2
    private static let asciiKinds: [UInt8] = (0..<128).map { value in
      let byte = UInt8(value)
      return TextBytes.isASCIISpace(byte) ? space : TextBytes.isASCIIPunctuation(byte) ? punctuation : 0
    }

    mutating func read(_ text: String, phrases: PhraseIndex) {
      let fast: Bool = TextBytes.withBytes(of: text) { bytes in
        guard phrases.isASCII, TextBytes.isASCII(bytes) else { return false }
        // An item is a sentence or two: room for its words once, not grown word by word.
        if ranges.capacity == 0 { ranges.reserveCapacity(64) }
        ranges.removeAll(keepingCapacity: true)
        // In ASCII, the words `forEachWord` gives: runs of bytes other than its four white
        // space bytes, here trimmed of punctuation; each byte's kind is one look in a table.
        let count = bytes.count
        Words.asciiKinds.withUnsafeBufferPointer { kinds in
          var index = 0
          while index < count {
            while index < count, kinds[Int(bytes[index])] == Words.space { index += 1 }
            var start = index
            while index < count, kinds[Int(bytes[index])] != Words.space { index += 1 }
            var end = index
            while start < end, kinds[Int(bytes[start])] == Words.punctuation { start += 1 }
            while end > start, kinds[Int(bytes[end - 1])] == Words.punctuation { end -= 1 }
            if start < end { ranges.append(start..<end) }
          }
        }
        self.count = ranges.count
        phrase = phrases.first(in: ranges, of: bytes)
        return true
      }
      guard !fast else { return }
      let words = VagueFeedbackRule.words(text)
      count = words.count
      phrase = phrases.first(in: words)
    }
  }

  /// Lowercased words without punctuation at either end: split at white space and trimmed of
  /// punctuation by scalars (`TextBytes`), lowercased by Unicode's rules outside ASCII.
  static func words(_ text: String) -> [String] {
    TextBytes.withBytes(of: text) { bytes in
      var result: [String] = []
      TextBytes.forEachWord(in: bytes, 0..<bytes.count, separatedBy: .whitespace) { word in
        var start = word.lowerBound
        var end = word.upperBound
        while start < end {
          let (scalar, length) = TextBytes.scalar(in: bytes, at: start)
          guard TextBytes.isPunctuation(scalar) else { break }
          start += length
        }
        while end > start {
          let last = TextBytes.scalarStart(in: bytes, before: end)
          guard TextBytes.isPunctuation(TextBytes.scalar(in: bytes, at: last).scalar) else { break }
          end = last
        }
        guard start < end else { return }
        let ascii = TextBytes.isASCII(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        let lowered = String(unsafeUninitializedCapacity: end - start) { buffer in
          for offset in 0..<(end - start) { buffer[offset] = TextBytes.lowercased(bytes[start + offset]) }
          return end - start
        }
        result.append(ascii ? lowered : lowered.lowercased())
      }
      return result
    }
  }
}

extension VagueFeedbackRule {
  /// `phrase` is the generic phrase found in `text`.
  public static func generic(_ text: String, phrase: String) -> RuleMessage {
    message(
      "\"\(text)\" is generic", hint: "say what was observed, when, and its effect, instead of \"\(phrase)\"")
  }

  public static func tooShort(_ text: String, words: Int) -> RuleMessage {
    message(
      "\"\(text)\" is too short to be specific (\(Wording.count(words, "word")))",
      hint: "name the behaviour, an example and its effect")
  }
}
