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
enum TextEncoding {
  static func decode(_ bytes: UnsafePointer<CChar>, encoding: String?) -> String {
    decode(Array(UnsafeRawBufferPointer(start: bytes, count: strlen(bytes))), encoding: encoding)
  }

  static func decode(_ bytes: [UInt8], encoding: String?) -> String {
    guard let encoding, !["utf-8", "utf8"].contains(encoding.lowercased()), let converted = convert(bytes, from: encoding)
    else { return String(decoding: bytes, as: UTF8.self) }
    return converted
  }

  private static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
    let converter = iconv_open("UTF-8", encoding)
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
    return String(decoding: output[..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
