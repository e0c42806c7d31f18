/// Text from notes written into GitHub Actions workflow commands
/// (`::error file=…,line=…,col=…,title=…::message`).
enum GitHubCommandText {
  /// A command's message, escaped as GitHub documents for workflow commands: `%`, CR and LF
  /// percent-encoded, so the message stays on its command's line and no text can start a
  /// command of its own. The other controls are shown as the terminal shows them, since the
  /// Actions log acts on escape sequences.
  static func data(_ text: String) -> String {
    escape(text, property: false)
  }

  /// A command's property value: as a message, and `:` and `,` encoded too, so it cannot end
  /// the property or the command's properties.
  static func property(_ text: String) -> String {
    escape(text, property: true)
  }

  private static func escape(_ text: String, property: Bool) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":" where property: out += "%3A"
      case "," where property: out += "%2C"
      default:
        if let code = TerminalText.code(scalar) { out += code } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
