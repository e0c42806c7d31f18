/// Text from notes written into journal's HTML: between tags, or in a double-quoted attribute.
enum HTMLText {
  /// `&`, `<`, `>`, `"` and `'` as references, so no text can open a tag or leave an
  /// attribute; a carriage return as `&#13;`, which a parser would otherwise read as a line
  /// feed; NUL as U+FFFD, as an HTML parser reads it. Scalar by scalar: a quote followed by a
  /// combining mark is still a quote.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\r": out += "&#13;"
      case "\0": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension HTMLText {
  /// The start of one of journal's self-contained pages, up to and including `<body>`: no
  /// script, no external resource. `title` is escaped here; `css` is journal's own.
  static func pageStart(title: String, css: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>\(css)</style>
    </head>
    <body>

    """
  }
}
