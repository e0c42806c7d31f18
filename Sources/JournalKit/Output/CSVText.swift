/// Rows of text for spreadsheets (RFC 4180).
enum CSVText {
  /// One record: fields separated by commas, ended by CRLF.
  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// A field, quoted (with its quotes doubled) when it holds a comma, a quote, CR or LF,
  /// looked for byte by byte so that a quote followed by a combining mark counts.
  ///
  /// A field a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or
  /// CR, as OWASP lists them) gets a `'` in front, which spreadsheets read as "this is text";
  /// so does one that starts with `'`s before such a character, so that dropping one leading
  /// `'` always gives back the text.
  static func field(_ text: String) -> String {
    var value = text
    if let first = text.unicodeScalars.first(where: { $0 != "'" }), formulaStarts.contains(first) {
      value = "'" + text
    }
    let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
    guard value.utf8.contains(where: special.contains) else { return value }
    var quoted = "\""
    for scalar in value.unicodeScalars {
      if scalar == "\"" { quoted += "\"" }
      quoted.unicodeScalars.append(scalar)
    }
    return quoted + "\""
  }

  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
