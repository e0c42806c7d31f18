import Foundation
import JournalModel

/// A letter as a complete RFC 5322 message that a mail client opens: `From`, `To` (when the
/// profile gives an address), `Subject`, `Date`, and a UTF-8 plain-text body in MIME's
/// quoted-printable, with lines ending in CRLF.
///
/// The one writer of message text: header words outside ASCII are RFC 2047 encoded words, and
/// no value ever reaches a header with a line break in it.
public enum EmailMessage {
  /// A mailbox: a display name and an address.
  public struct Mailbox: Sendable, Equatable {
    public let name: String?
    public let address: String

    public init(name: String?, address: String) {
      self.name = name
      self.address = address
    }

    /// Reads `Name <address>` or a bare address.
    public init?(parsing text: String) {
      let scalars = Array(text.unicodeScalars)
      if let open = scalars.lastIndex(of: "<"), scalars.last == ">" {
        let address = String(String.UnicodeScalarView(scalars[(open + 1)..<(scalars.count - 1)]))
        let name = String(String.UnicodeScalarView(scalars[..<open]))
        guard Person.isValidEmail(address) else { return nil }
        let trimmed = EmailMessage.trimmed(name)
        self.init(name: trimmed.isEmpty ? nil : trimmed, address: address)
      } else {
        let address = EmailMessage.trimmed(text)
        guard Person.isValidEmail(address) else { return nil }
        self.init(name: nil, address: address)
      }
    }
  }

  /// The message: headers, a blank line, the body, all lines ending in CRLF.
  public static func render(_ letter: Letter, from sender: Mailbox, date: Date) -> String {
    var headers = [
      "From: " + mailbox(sender, nameLength: "From: ".utf8.count),
    ]
    if let address = letter.recipientEmail {
      headers.append("To: " + mailbox(Mailbox(name: letter.recipientName, address: address), nameLength: "To: ".utf8.count))
    }
    headers += [
      "Subject: " + headerText(letter.subject, nameLength: "Subject: ".utf8.count),
      "Date: " + rfc5322Date(date),
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
    ]
    return headers.joined(separator: "\r\n") + "\r\n\r\n" + quotedPrintable(letter.body)
  }

  /// `"Name" <address>` when that fits the header's line as printable ASCII, else the name
  /// as encoded words with the address on a line of its own.
  static func mailbox(_ box: Mailbox, nameLength: Int) -> String {
    guard let name = box.name, !name.isEmpty else { return box.address }
    if name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
      let escaped = name.unicodeScalars.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] }
      let quoted = "\"" + String(String.UnicodeScalarView(escaped)) + "\" <" + box.address + ">"
      if nameLength + quoted.utf8.count <= 78 { return quoted }
    }
    return encodedWords(name) + "\r\n <" + box.address + ">"
  }

  /// Header text as it is when it is short printable ASCII, else as RFC 2047 encoded words.
  /// Controls read as spaces, and white space at either end, which readers drop, is left out.
  static func headerText(_ given: String, nameLength: Int) -> String {
    let text = trimmed(
      String(String.UnicodeScalarView(given.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 })))
    let printable = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    if printable && text.utf8.count + nameLength <= 78 { return text }
    return encodedWords(text)
  }

  /// `=?UTF-8?B?…?=` words of at most 64 characters, each holding whole scalars, folded onto
  /// lines of their own, so that even the first, after `Subject: `, ends within 78.
  static func encodedWords(_ text: String) -> String {
    var words: [String] = []
    var chunk: [UInt8] = []
    for scalar in text.unicodeScalars {
      // Control characters are not text a header can show.
      let shown: Unicode.Scalar = scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar
      let bytes = Array(String(shown).utf8)
      // 39 bytes are 52 base64 characters: with `=?UTF-8?B?` and `?=`, 64.
      if chunk.count + bytes.count > 39 {
        words.append(word(chunk))
        chunk = []
      }
      chunk += bytes
    }
    if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
    return words.joined(separator: "\r\n ")
  }

  private static func word(_ bytes: [UInt8]) -> String {
    "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
  }

  /// RFC 2045 quoted-printable, line by line: `=XX` for bytes outside printable ASCII, for
  /// `=`, and for white space at a line's end; soft breaks keep lines within 76 characters.
  static func quotedPrintable(_ text: String) -> String {
    var out = ""
    var line: [UInt8] = []
    func flush(_ line: [UInt8]) {
      var current = ""
      for (index, byte) in line.enumerated() {
        let last = index == line.count - 1
        let literal =
          (byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "="))
          || ((byte == 0x20 || byte == 0x09) && !last)
        let piece = literal ? String(UnicodeScalar(byte)) : "=" + hex(byte)
        if current.utf8.count + piece.utf8.count > 75 {
          out += current + "=\r\n"
          current = ""
        }
        current += piece
      }
      out += current
    }
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\n") {
        flush(line)
        out += "\r\n"
        line = []
      } else if byte != UInt8(ascii: "\r") {
        line.append(byte)
      }
    }
    flush(line)
    return out
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
  }

  /// `Tue, 01 Dec 2026 09:30:00 +0000`, in UTC.
  static func rfc5322Date(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
    return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
  }

  static func trimmed(_ text: String) -> String {
    TextBytes.withBytes(of: text) { TextBytes.string($0, TextBytes.trimmed($0, 0..<$0.count)) }
  }
}
