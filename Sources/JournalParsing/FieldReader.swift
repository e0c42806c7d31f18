import JournalModel
import JournalRules

/// Reads typed fields out of a front matter mapping, recording a finding for each bad one.
///
/// Every reader takes the value as written: `no` stays the text "no", `2026-11-26` is read as
/// a calendar day, and a quoted "12" is text, not a number.
struct FieldReader {
  let file: String
  /// The mapping's entries; `YAMLReader` has dropped repeated keys, so each key is given once.
  private let entries: [FrontMatter.Entry]
  /// Where a missing field is reported: the opening `---`, or a goal's list item.
  private let owner: SourceLocation
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var locations = FieldLocations()
  /// The entries whose key has an ASCII capital (`Date`), each read as its lowercase key when
  /// no entry has that one (`capitalizedEntry(for:)`); almost always none.
  private var capitalized: [Int] = []
  /// Keys whose value YAML read as a comment, reported once as that (`FrontMatter`).
  private var commented: Set<String> = []

  init(_ frontMatter: FrontMatter, file: String) {
    self.init(frontMatter.entries, owner: .start, file: file)
    commented = frontMatter.valuesReadAsComments
  }

  private init(_ entries: [FrontMatter.Entry], owner: SourceLocation, file: String) {
    self.file = file
    self.owner = owner
    self.entries = entries
    locations.reserveCapacity(entries.count)
    for index in entries.indices {
      let entry = entries[index]
      locations.record(entry.key, key: entry.keyLocation, value: entry.valueLocation)
      if Self.hasCapital(entry.key) { capitalized.append(index) }
    }
    for index in capitalized where capitalizedEntry(for: Self.lowercased(entries[index].key)) == index {
      locations.record(Self.lowercased(entries[index].key), key: entries[index].keyLocation, value: entries[index].valueLocation)
    }
  }

  private static func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

  /// Whether `key` has an ASCII capital, over its bytes in place: every key of every file is
  /// asked, and `utf8.contains(where:)` walked the view byte by byte at ~280 instructions a key.
  private static func hasCapital(_ key: String) -> Bool {
    var key = key
    return key.withUTF8 { bytes in bytes.contains(where: isCapital) }
  }

  /// `key` with its ASCII capitals made small, as a key in other capitals is read.
  static func lowercased(_ key: String) -> String {
    String(decoding: key.utf8.map { isCapital($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// The entry that gives `key` in other capitals (`Date` for `date`): the first such, when no
  /// entry gives `key` as it is written.
  private func capitalizedEntry(for key: String) -> Int? {
    guard !capitalized.isEmpty, exactly(key) == nil else { return nil }
    return capitalized.first { Self.lowercased(entries[$0].key) == key }
  }

  /// The entry of a key, empty or not. A front matter holds a dozen keys: searching them in
  /// turn costs less than hashing, and comparing byte counts first (which a `String` keeps)
  /// passes over most of them without comparing text.
  private func given(_ key: String) -> FrontMatter.Entry? {
    if let index = exactly(key) { return entries[index] }
    return capitalizedEntry(for: key).map { entries[$0] }
  }

  private func exactly(_ key: String) -> Int? {
    let count = key.utf8.count
    // By index: an entry copied out for each look would retain and release its key and the
    // front matter's nodes.
    for index in entries.indices where entries[index].key.utf8.count == count && entries[index].key == key {
      return index
    }
    return nil
  }

  /// The entry of a key that is present and not empty: not `~`, not `null`, and not text
  /// that is only blanks, quoted or not.
  func entry(_ key: String) -> FrontMatter.Entry? {
    guard let entry = given(key), !Scalars.isNull(entry.value) else { return nil }
    if let text = entry.value.text, text.isBlank { return nil }
    return entry
  }

  mutating func report(_ message: RuleMessage, at location: SourceLocation) {
    diagnostics.append(Diagnostic(message, file: file, at: location))
  }

  private mutating func checkPresent(_ key: String, required: Bool) -> FrontMatter.Entry? {
    if let entry = entry(key) { return entry }
    if required {
      if let empty = given(key) {
        if !commented.contains(empty.key) { report(MissingFieldRule.empty(key), at: empty.keyLocation) }
      } else {
        report(MissingFieldRule.missing(key), at: owner)
      }
    }
    return nil
  }

  /// A scalar as text, whatever YAML would have typed it as.
  mutating func text(_ key: String, required: Bool = false) -> String? {
    guard let entry = checkPresent(key, required: required) else { return nil }
    return textValue(entry.value, field: key, at: entry.valueLocation)
  }

  mutating func textValue(_ value: YAMLValue, field: String, at location: SourceLocation) -> String? {
    guard let text = value.text else {
      report(InvalidValueRule.notText(field, found: Scalars.describe(value)), at: location)
      return nil
    }
    return text
  }

  mutating func day(_ key: String, required: Bool = false) -> Day? {
    guard let entry = checkPresent(key, required: required) else { return nil }
    return dayValue(entry.value, field: key, at: entry.valueLocation)
  }

  mutating func dayValue(_ value: YAMLValue, field: String, at location: SourceLocation) -> Day? {
    guard let text = textValue(value, field: field, at: location) else { return nil }
    if let day = Day(iso: text) { return day }
    report(WrittenDate.problem(field: field, text: text, found: Scalars.describe(value), file: file), at: location)
    return nil
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(
    _ key: String, _ type: T.Type, noun: String, required: Bool = false
  ) -> T? where T.RawValue == String {
    guard let entry = checkPresent(key, required: required),
      let text = textValue(entry.value, field: key, at: entry.valueLocation)
    else { return nil }
    if let value = T(rawValue: text) { return value }
    let names = T.allCases.map(\.rawValue)
    report(
      InvalidValueRule.notAChoice(text, noun: noun, suggestion: Suggestion.hint(for: text, among: names)),
      at: entry.valueLocation)
    return nil
  }

  /// A value in a small notation such as `1h30m` or `2w`; `spelledOut` gives the notation of
  /// one written in words (`1 hour`), for the hint, which `parse` must then read.
  mutating func notation<T>(
    _ key: String, noun: String, example: String, spelledOut: (String) -> String? = { _ in nil },
    _ parse: (String) -> T?
  ) -> T? {
    guard let entry = checkPresent(key, required: false),
      let text = textValue(entry.value, field: key, at: entry.valueLocation)
    else { return nil }
    if let value = parse(text) { return value }
    let meant = spelledOut(text).flatMap { parse($0) == nil ? nil : $0 }
    report(
      InvalidValueRule.notInNotation(text, noun: noun, key: key, example: meant ?? example, meant: meant != nil),
      at: entry.valueLocation)
    return nil
  }

  mutating func number(_ key: String) -> Double? {
    guard let entry = checkPresent(key, required: false) else { return nil }
    return numberValue(entry.value, field: key, at: entry.valueLocation)
  }

  mutating func numberValue(_ value: YAMLValue, field: String, at location: SourceLocation) -> Double? {
    if let number = Scalars.number(value) { return number }
    report(
      InvalidValueRule.notANumber(
        field, found: Scalars.describe(value), quoted: Scalars.number(value.text ?? "") != nil),
      at: location)
    return nil
  }

  /// A list of text items; with `allowSingle`, one line of text is read as a one-item list.
  mutating func textList(_ key: String, allowSingle: Bool = false) -> [String] {
    guard let entry = checkPresent(key, required: false) else { return [] }
    switch entry.value.kind {
    case .sequence:
      var texts: [String] = []
      texts.reserveCapacity(entry.value.itemCapacity)
      entry.value.forEachItem { item in
        if let text = textValue(item, field: key, at: item.location) { texts.append(text) }
      }
      return texts
    case .scalar where allowSingle:
      return [entry.value.text ?? ""]
    default:
      report(Self.notAList(key, entry.value), at: entry.valueLocation)
      return []
    }
  }

  /// The finding for a list field given something else: items written as a Markdown list
  /// with `•` (which YAML reads as one line of text) are told to start with `- `, and a line of
  /// text YAML can read in brackets is shown so.
  private static func notAList(_ key: String, _ value: YAMLValue) -> RuleMessage {
    let found = Scalars.describe(value)
    guard let text = value.text, value.kind == .scalar, !Scalars.isNull(value) else {
      return InvalidValueRule.notAList(key, found: found, inBrackets: nil)
    }
    if let first = text.unicodeScalars.first, bullets.contains(first) {
      return InvalidValueRule.bulletedList(key, bullet: String(first))
    }
    let flowSafe = !text.utf8.contains { "[]{}#&*!|>%@`\"'".utf8.contains($0) }
    return InvalidValueRule.notAList(key, found: found, inBrackets: value.isPlain && flowSafe ? text : nil)
  }

  /// What word processors and phones put before a list's items.
  private static let bullets: Set<Unicode.Scalar> = ["•", "◦", "‣", "·", "–", "—"]

  /// The `key: value` pairs of a mapping field, each with its key's location.
  mutating func mapping(_ key: String) -> [FrontMatter.Entry] {
    guard let entry = checkPresent(key, required: false) else { return [] }
    guard entry.value.kind == .mapping else {
      report(InvalidValueRule.notAMapping(key, found: Scalars.describe(entry.value)), at: entry.valueLocation)
      return []
    }
    return entry.value.entries
  }

  /// A reader over a nested mapping (a plan's goal) of the same file.
  func nested(_ entries: [FrontMatter.Entry], owner: SourceLocation) -> FieldReader {
    FieldReader(entries, owner: owner, file: file)
  }

  /// Reports every key that is not one of `known`, suggesting the nearest known key.
  /// `reported` are keys the caller has already reported otherwise: passed over here.
  mutating func reportUnknownKeys(known: [String], what: String, reported: [String] = []) {
    // Most notes have none: only the unknown ones are sorted.
    // Byte counts first, which a `String` keeps: most names differ in length.
    func isKnown(_ key: String) -> Bool {
      let count = key.utf8.count
      return known.contains { $0.utf8.count == count && $0 == key }
        || reported.contains { $0.utf8.count == count && $0 == key }
    }
    guard entries.indices.contains(where: { !isKnown(entries[$0].key) }) else { return }
    for entry in entries.filter({ !isKnown($0.key) }).sorted(by: { $0.key < $1.key }) {
      let key = entry.key
      let lowercase = Self.lowercased(key)
      if lowercase != key, isKnown(lowercase), let index = capitalizedEntry(for: lowercase), entries[index].key == key {
        // Read as the lowercase key: one finding, and none for a value missing.
        report(UnknownFieldRule.capitalized(key, as: lowercase), at: entry.keyLocation)
        continue
      }
      let suggestion = Suggestion.closest(to: key, among: known)
      report(
        UnknownFieldRule.unknown(key, in: what, suggestion: suggestion, known: known), at: entry.keyLocation)
    }
  }

  mutating func absorb(_ other: FieldReader) {
    diagnostics.append(contentsOf: other.diagnostics)
  }
}
