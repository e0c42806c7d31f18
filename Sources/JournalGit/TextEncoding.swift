import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text a commit stores in the encoding its `encoding` header names (`i18n.commitEncoding`),
/// read as git log reads it: re-encoded to UTF-8 through iconv. Without the header the bytes
/// are UTF-8, as git assumes; bytes that are not valid there, or an encoding iconv does not
/// know, are read as UTF-8 with U+FFFD for what cannot be read, as a terminal would show
/// git's raw output.
public enum TextEncoding {
  static func decode(_ bytes: UnsafePointer<CChar>, encoding: String?) -> String {
    decode(Array(UnsafeRawBufferPointer(start: bytes, count: strlen(bytes))), encoding: encoding)
  }

  public static func decode(_ bytes: [UInt8], encoding: String?) -> String {
    guard let encoding, !["utf-8", "utf8"].contains(encoding.lowercased()), let converted = convert(bytes, from: encoding)
    else { return String(decoding: bytes, as: UTF8.self) }
    return converted
  }

  private static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
    convert(bytes, from: encoding, to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
  }

  /// Whether an `encoding` header names UTF-8 (or there is none): git's default.
  public static func isUTF8(_ encoding: String?) -> Bool {
    encoding.map { ["utf-8", "utf8"].contains($0.lowercased()) } ?? true
  }

  /// The bytes converted from one encoding to another through iconv; nil when iconv does not
  /// know either, or a byte cannot be read or written in it.
  public static func convert(_ bytes: [UInt8], from encoding: String, to target: String) -> [UInt8]? {
    let converter = iconv_open(target, encoding)
    guard let converter, Int(bitPattern: converter) != -1 else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
        var inLeft = inBuffer.count
        var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
        var outLeft = outBuffer.count
        guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return nil }
        return outBuffer.count - outLeft
      }
    }
    guard let produced else { return nil }
    return output[..<produced].map { UInt8(bitPattern: $0) }
  }
}
