/// The shell escaper: any text as one word for a POSIX shell (`sh`, `dash`, `bash`), written
/// between single quotes, each `'` inside written `'\''`. Built over UTF-8 bytes, never
/// `Character`s, so a quote followed by a combining mark, CR, newlines, `$` and backticks
/// all stay literal; the bytes the shell reads back are exactly the text's.
public enum ShellQuote {
  public static func quote(_ text: String) -> String {
    var bytes: [UInt8] = [UInt8(ascii: "'")]
    bytes.reserveCapacity(text.utf8.count + 2)
    for byte in text.utf8 {
      if byte == UInt8(ascii: "'") {
        bytes += Array("'\\''".utf8)
      } else {
        bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "'"))
    return String(decoding: bytes, as: UTF8.self)
  }
}
