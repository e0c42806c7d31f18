/// The parts of a note's body that journal reads, and the headings each is known by.
public enum SectionPart: String, Sendable, CaseIterable {
  case strengths, improvements, dialogue, actions

  /// The heading `journal new` writes and messages suggest.
  public var heading: String {
    switch self {
    case .strengths: "Strengths"
    case .improvements: "Improvements"
    case .dialogue: "Dialogue"
    case .actions: "Actions"
    }
  }
}

/// Which heading names which part: the built-in names and those `journal.yml` adds under
/// `sections:`. Names are kept lowercase, with single spaces between words; a heading is
/// compared on its UTF-8 bytes, ignoring ASCII case and runs of blanks.
public struct SectionNames: Sendable, Equatable {
  public struct Name: Sendable, Equatable {
    /// Lowercase, one space between words.
    public let text: String
    public let part: SectionPart
    let bytes: [UInt8]
    /// The name's scalars, for measuring a heading's distance from it; kept with the name,
    /// so it is split once per check rather than once per heading.
    public let scalars: [Unicode.Scalar]
    /// Added in `journal.yml` rather than built in.
    public let isConfigured: Bool

    init(_ text: String, _ part: SectionPart, configured: Bool = false) {
      self.text = text
      self.part = part
      self.bytes = Array(text.utf8)
      self.scalars = Array(text.unicodeScalars)
      self.isConfigured = configured
    }
  }

  /// Every name, built-in ones first.
  public let names: [Name]
  /// The indices of the names that start with each ASCII byte: a heading is compared only
  /// with the few names that share its first letter.
  private let byFirstByte: [[Int]]

  /// The names every journal knows. Singulars and the unambiguous synonyms people write are
  /// accepted; a heading near one of them is reported instead (`unknown-section`).
  public static let builtIn: [(part: SectionPart, names: [String])] = [
    (.strengths, ["strengths", "strength", "what went well", "went well"]),
    (
      .improvements,
      [
        "improvements", "improvement", "areas for improvement", "area for improvement",
        "areas of improvement", "area of improvement", "areas to improve", "growth areas",
        "growth area", "areas for growth", "development areas", "development area",
      ]
    ),
    (.dialogue, ["dialogue", "dialog"]),
    (
      .actions,
      [
        "actions", "action", "action items", "action item", "next steps", "next step", "to do",
        "to-do", "todo", "to dos", "to-dos", "todos", "follow-ups", "follow ups", "followups",
      ]
    ),
  ]

  public static let standard = SectionNames(added: [])

  /// The built-in names and `added`, each `(heading, part)`; an added heading is normalised
  /// the way headings are read.
  public init(added: [(heading: String, part: SectionPart)]) {
    var names = Self.builtIn.flatMap { entry in entry.names.map { Name($0, entry.part) } }
    for (heading, part) in added {
      let text = Self.normalized(heading)
      if !text.isEmpty, !names.contains(where: { $0.text == text }) { names.append(Name(text, part, configured: true)) }
    }
    self.names = names
    var index = [[Int]](repeating: [], count: 128)
    for (position, name) in names.enumerated() where name.bytes[0] < 128 { index[Int(name.bytes[0])].append(position) }
    self.byFirstByte = index
  }

  /// The built-in part a heading already names, if any, for refusing a conflicting alias.
  public static func builtInPart(of heading: String) -> SectionPart? {
    let text = normalized(heading)
    return builtIn.first { $0.names.contains(text) }?.part
  }

  /// The name a heading's bytes match: ASCII letters in any case, blanks at either end and
  /// in runs read as one space, a final `:` dropped. Text outside ASCII is lowercased by
  /// Unicode's tables.
  public func match(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Name? {
    position(of: bytes, range).map { names[$0] }
  }

  /// The part the heading's bytes name, as `match` reads them: most callers need no more, and
  /// a part is copied without the name's string and arrays.
  public func part(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SectionPart? {
    position(of: bytes, range).map { names[$0].part }
  }

  private func position(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    var title = TextBytes.trimmed(bytes, range)
    if let last = title.last, bytes[last] == UInt8(ascii: ":") {
      title = TextBytes.trimmed(bytes, title.lowerBound..<last)
    }
    guard !title.isEmpty else { return nil }
    let slice = UnsafeBufferPointer(rebasing: bytes[title])
    guard TextBytes.isASCII(slice) else {
      let text = Self.normalized(String(decoding: slice, as: UTF8.self))
      return names.firstIndex { $0.text == text }
    }
    for position in byFirstByte[Int(TextBytes.lowercased(slice[0]))] where Self.equalsFolded(slice, names[position].bytes) {
      return position
    }
    return nil
  }

  /// Whether ASCII `heading` equals a lowercase name with single spaces.
  private static func equalsFolded(_ heading: UnsafeBufferPointer<UInt8>, _ name: [UInt8]) -> Bool {
    var index = 0
    var position = 0
    while index < heading.count {
      let byte = heading[index]
      if byte == 0x20 || byte == 0x09 {
        while index < heading.count, heading[index] == 0x20 || heading[index] == 0x09 { index += 1 }
        guard position < name.count, name[position] == 0x20 else { return false }
      } else {
        guard position < name.count, name[position] == TextBytes.lowercased(byte) else { return false }
        index += 1
      }
      position += 1
    }
    return position == name.count
  }

  /// A heading as names are kept: lowercase, trimmed, one space between words, no final `:`.
  public static func normalized(_ heading: String) -> String {
    var scalars = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in heading.lowercased().unicodeScalars {
      if TextBytes.isSpace(scalar) {
        pendingSpace = !scalars.isEmpty
      } else {
        if pendingSpace { scalars.append(" ") }
        pendingSpace = false
        scalars.append(scalar)
      }
    }
    if scalars.last == ":" {
      scalars.removeLast()
      if scalars.last == " " { scalars.removeLast() }
    }
    return String(scalars)
  }
}
