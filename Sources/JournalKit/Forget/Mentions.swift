import Foundation
import JournalGit

/// Where a text names a person: their id, and every name their profile gave them, matched
/// without regard to case, on Unicode scalars. An id matches only as a whole (not `sam` inside
/// `sam-okafor` or `sample`); a name only between characters that are not letters or digits.
///
/// Another person's id or name is theirs: with `sam` forgotten and Sam Okafor kept, "Reviewed
/// Sam Okafor's goals" names Sam Okafor, not `sam`, and stays as written. Where the text is
/// ambiguous ("Sam said…", or two people of the same name), the mention is replaced: a record
/// may lose a word, but the forgotten person is not left named.
struct Mentions: Sendable {
  let id: String
  let names: [String]

  /// What takes a mention's place in a message written by hand.
  static let replacement = "[forgotten]"

  private typealias Needle = (scalars: [Unicode.Scalar], isID: Bool)
  /// The person's needles, by their first (folded) scalar, longest first in each list.
  private let needles: [Unicode.Scalar: [Needle]]
  /// Other people's ids and names, the same way: text they match is theirs.
  private let others: [Unicode.Scalar: [Needle]]

  /// `otherIDs` and `otherNames` are those of everyone else the journal has held.
  init(id: String, names: [String], otherIDs: [String] = [], otherNames: [String] = []) {
    self.id = id
    self.names = names
    let own = Self.needles(ids: [id], names: names)
    let ownScalars = Set(own.map(\.scalars))
    // A name someone else shares with the forgotten person stays the forgotten person's.
    let others = Self.needles(ids: otherIDs.filter { $0 != id }, names: otherNames).filter { !ownScalars.contains($0.scalars) }
    needles = Dictionary(grouping: own) { $0.scalars[0] }
    self.others = Dictionary(grouping: others) { $0.scalars[0] }
  }

  /// The needles for ids and names, longest first, so that "Carla Díaz" is matched whole
  /// before "Carla" could be.
  private static func needles(ids: [String], names: [String]) -> [Needle] {
    var needles: [Needle] = ids.filter { !$0.isEmpty }.map { (folded($0.unicodeScalars), true) }
    // A name may be written composed or decomposed ("í" as one scalar or as "i" and an accent).
    for name in Set(names.flatMap { [$0.precomposedStringWithCanonicalMapping, $0.decomposedStringWithCanonicalMapping] })
    where name.unicodeScalars.count >= 2 {
      needles.append((folded(name.unicodeScalars), false))
    }
    return needles.sorted { $0.scalars.count > $1.scalars.count }
  }

  /// Whether the text names the person.
  func isNamed(in bytes: [UInt8]) -> Bool {
    let scalars = Self.scalars(bytes).scalars
    return firstMatch(in: scalars, folded: scalars.map(Self.folded), from: 0) != nil
  }

  /// Whether a message in `encoding` (a commit's `encoding` header; nil is UTF-8) names the
  /// person, read as git log reads it: through iconv.
  func isNamed(in bytes: [UInt8], encoding: String?) -> Bool {
    isNamed(in: Self.utf8(bytes, encoding: encoding) ?? bytes)
  }

  /// The message in `encoding` with every mention replaced, written back in that encoding.
  func redacted(_ bytes: [UInt8], encoding: String?) -> [UInt8] {
    guard let encoding, let text = Self.utf8(bytes, encoding: encoding) else { return redacted(bytes) }
    let cleaned = redacted(text)
    guard cleaned != text else { return bytes }
    return TextEncoding.convert(cleaned, from: "UTF-8", to: encoding) ?? redacted(bytes)
  }

  private static func utf8(_ bytes: [UInt8], encoding: String?) -> [UInt8]? {
    guard let encoding, !TextEncoding.isUTF8(encoding) else { return nil }
    return TextEncoding.convert(bytes, from: encoding, to: "UTF-8")
  }

  /// Whether a string names the person.
  func isNamed(in text: String) -> Bool { isNamed(in: Array(text.utf8)) }

  /// Whether a reference's name holds the id, between anything but ASCII letters and digits
  /// (`refs/heads/notes-for-carla-diaz`): looser than in a message, since such a name is
  /// refused rather than rewritten.
  static func referenceName(_ name: String, holds id: String) -> Bool {
    let name = Array(name.lowercased().utf8)
    let id = Array(id.utf8)
    func isWordByte(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
    var start = 0
    while start + id.count <= name.count {
      if name[start..<start + id.count].elementsEqual(id),
        !(start > 0 && isWordByte(name[start - 1])), !(start + id.count < name.count && isWordByte(name[start + id.count]))
      {
        return true
      }
      start += 1
    }
    return false
  }

  /// The text with every mention replaced by `replacement`; the same bytes when there is none.
  /// Text that is not UTF-8 is read byte by byte (each byte one scalar), so an id is still
  /// found, and written back the same way.
  func redacted(_ bytes: [UInt8]) -> [UInt8] {
    let (scalars, isUTF8) = Self.scalars(bytes)
    let folded = scalars.map(Self.folded)
    var output: [Unicode.Scalar] = []
    var position = 0
    var changed = false
    while let match = firstMatch(in: scalars, folded: folded, from: position) {
      output += scalars[position..<match.lowerBound]
      output += Self.replacement.unicodeScalars
      position = match.upperBound
      changed = true
    }
    guard changed else { return bytes }
    output += scalars[position...]
    if isUTF8 {
      var text = String.UnicodeScalarView()
      text.append(contentsOf: output)
      return Array(String(text).utf8)
    }
    return output.map { UInt8(truncatingIfNeeded: $0.value) }
  }

  /// The first mention of the person at or after `start`; `folded` is `scalars` folded.
  private func firstMatch(in scalars: [Unicode.Scalar], folded: [Unicode.Scalar], from start: Int) -> Range<Int>? {
    var index = start
    while index < scalars.count {
      let own = needles[folded[index]].flatMap { longestMatch(of: $0, in: scalars, folded: folded, at: index) }
      // Another person's longer mention starting here is theirs: skip it whole.
      if let theirs = others[folded[index]].flatMap({ longestMatch(of: $0, in: scalars, folded: folded, at: index) }),
        theirs > (own ?? index)
      {
        index = theirs
        continue
      }
      if let own { return index..<own }
      index += 1
    }
    return nil
  }

  /// Where the longest of `needles` that matches as a whole word at `index` ends.
  private func longestMatch(of needles: [Needle], in scalars: [Unicode.Scalar], folded: [Unicode.Scalar], at index: Int) -> Int? {
    for needle in needles {
      let end = index + needle.scalars.count
      guard end <= folded.count, folded[index..<end].elementsEqual(needle.scalars) else { continue }
      let before = index > 0 ? scalars[index - 1] : nil
      let after = end < scalars.count ? scalars[end] : nil
      let joins = needle.isID ? Self.continuesID : Self.continuesName
      if !(before.map(joins) ?? false) && !(after.map(joins) ?? false) { return end }
    }
    return nil
  }

  /// A scalar that would make an id part of a longer word or id.
  private static func continuesID(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
  }

  private static func continuesName(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.isDiacritic
  }

  private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    return lower.count == 1 ? lower.first! : scalar
  }

  private static func folded(_ scalars: String.UnicodeScalarView) -> [Unicode.Scalar] { scalars.map(folded) }

  /// The text's scalars: UTF-8 decoded when it is valid UTF-8, else one scalar per byte.
  private static func scalars(_ bytes: [UInt8]) -> (scalars: [Unicode.Scalar], isUTF8: Bool) {
    if let text = String(validating: bytes, as: UTF8.self) { return (Array(text.unicodeScalars), true) }
    return (bytes.map { Unicode.Scalar($0) }, false)
  }
}
