#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// HTML comments, as a template writes its guidance: `<!-- What went well … -->`.
enum HTMLComment {
  /// Whether an HTML block's text (`literal`, a C string) holds nothing but comments and
  /// white space: a template's guidance, not something a person wrote. An unclosed comment,
  /// or anything beside the comments (`<div>…`, text after `-->`), is writing.
  static func isOnlyComments(_ literal: UnsafePointer<CChar>) -> Bool {
    let count = strlen(literal)
    return literal.withMemoryRebound(to: UInt8.self, capacity: count) {
      isOnlyComments(UnsafeBufferPointer(start: $0, count: count))
    }
  }

  static func isOnlyComments(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let open = Array("<!--".utf8)
    let close = Array("-->".utf8)
    var index = 0
    var sawComment = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
        continue
      }
      guard starts(bytes, at: index, with: open) else { return false }
      var end = index + open.count
      while end < bytes.count, !starts(bytes, at: end, with: close) { end += 1 }
      guard end < bytes.count else { return false }
      index = end + close.count
      sawComment = true
    }
    return sawComment
  }

  private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: [UInt8]) -> Bool {
    index + prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[index + $0] == prefix[$0] }
  }
}
