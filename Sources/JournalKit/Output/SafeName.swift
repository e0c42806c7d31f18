/// A name as a token that ids, URL fragments and calendar UIDs carry as it is.
enum SafeName {
  /// Lowercase ASCII letters, digits and `-` stay; every other UTF-8 byte becomes `_` and two
  /// uppercase hex digits. `_` never stays, so the encoding is one-to-one.
  static func encode(_ name: String) -> String {
    var out = ""
    for byte in name.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "_" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }
}
