/// Text from notes written into iCalendar files (RFC 5545).
enum ICalendarText {
  /// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped with a backslash,
  /// each line break (CRLF, CR or LF) as `\n`. TEXT cannot hold the other controls but tab:
  /// each is shown as its Unicode control picture (ESC as ␛, DEL as ␡).
  static func text(_ value: String) -> String {
    var out = ""
    var afterCR = false
    for scalar in value.unicodeScalars {
      defer { afterCR = scalar == "\r" }
      switch scalar.value {
      case 0x5C: out += "\\\\"
      case 0x3B: out += "\\;"
      case 0x2C: out += "\\,"
      case 0x0D: out += "\\n"
      case 0x0A: if !afterCR { out += "\\n" }
      case 0x09: out.unicodeScalars.append(scalar)
      case 0x00...0x1F: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: out += "\u{2421}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A content line folded after 75 octets (RFC 5545 3.1), each continuation starting with a
  /// space, never inside a UTF-8 sequence.
  static func fold(_ line: String) -> String {
    var out = ""
    var count = 0
    for scalar in line.unicodeScalars {
      let size = UTF8.width(scalar)
      if count + size > 75 {
        out += "\r\n "
        count = 1
      }
      out.unicodeScalars.append(scalar)
      count += size
    }
    return out
  }
}
