/// A person in the journal, from `mentees/<id>/profile.md`.
public struct Person: Sendable, Equatable {
  /// The folder name under `mentees/`: lowercase letters, digits and `-`.
  public let id: String
  public let name: String
  public let role: String?
  public let relationship: Relationship?
  public let mentor: String?
  public let since: Day?
  /// The person's own career aspirations.
  public let goals: [String]
  public let learningStyle: String?
  public let cadence: Cadence?
  /// The day by which a candidate's record must be deleted.
  public let retainUntil: Day?
  /// Where a letter to the person is sent: a bare address, `name@example.com`.
  public let email: String?
  public let file: String
  public let locations: FieldLocations

  public init(
    id: String, name: String, role: String? = nil, relationship: Relationship? = nil,
    mentor: String? = nil, since: Day? = nil, goals: [String] = [], learningStyle: String? = nil,
    cadence: Cadence? = nil, retainUntil: Day? = nil, email: String? = nil, file: String,
    locations: FieldLocations = FieldLocations()
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.relationship = relationship
    self.mentor = mentor
    self.since = since
    self.goals = goals
    self.learningStyle = learningStyle
    self.cadence = cadence
    self.retainUntil = retainUntil
    self.email = email
    self.file = file
    self.locations = locations
  }

  /// The id pattern for person folders, plan slugs and session slugs: lowercase ASCII
  /// letters, digits and `-`, neither first nor last. Read byte by byte: a letter followed by
  /// a combining mark is not a letter.
  @inlinable
  public static func isValidID(_ text: some StringProtocol) -> Bool {
    // Over the string's own bytes where it has them: stepping a `String.UTF8View` costs about
    // ten times as much a byte.
    if let valid = text.utf8.withContiguousStorageIfAvailable({ isValidID(utf8: $0) }) { return valid }
    return isValidID(utf8: text.utf8)
  }

  @inlinable
  public static func isValidID(utf8 bytes: some Collection<UInt8>) -> Bool {
    guard let first = bytes.first, first != UInt8(ascii: "-") else { return false }
    var last = first
    for byte in bytes {
      guard (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
      else { return false }
      last = byte
    }
    return last != UInt8(ascii: "-")
  }
}

extension Person {
  /// Whether text is a bare e-mail address a message header can carry as it is: printable
  /// ASCII with one `@` between a local part and a domain with a dot, and none of the
  /// characters that end an address or a header line (white space, `<>()[],;:"\\`).
  ///
  /// A `String`, not any `StringProtocol`: called from another module, a generic version
  /// ran unspecialised and asked the runtime for its associated types on every call.
  public static func isValidEmail(_ text: String) -> Bool {
    var at: Int? = nil
    var count = 0
    for byte in text.utf8 {
      guard byte > 0x20, byte < 0x7F else { return false }
      switch byte {
      case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
        UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\""),
        UInt8(ascii: "\\"):
        return false
      case UInt8(ascii: "@"):
        guard at == nil else { return false }
        at = count
      default: break
      }
      count += 1
    }
    guard let at, at > 0, at < count - 1 else { return false }
    let domain = Array(text.utf8.dropFirst(at + 1))
    return domain.contains(UInt8(ascii: ".")) && domain.first != UInt8(ascii: ".")
      && domain.last != UInt8(ascii: ".")
  }
}
