/// Eight bytes of text read at once, for the scans that pass over the bytes they need not look
/// at. Each test gives the high bit of every byte it selects, and the lowest bit it gives is
/// exact (a borrow can only give bits above a selected byte), so the tests can be joined and
/// the bytes before the first selected one passed over too.
struct ByteWord {
  let bits: UInt64

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let high: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `offset`, the first in the lowest bits whatever the machine's byte order.
  init(_ raw: UnsafeRawPointer, at offset: Int) {
    bits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// The bytes of 0x80 or more.
  var nonASCII: UInt64 { bits & Self.high }

  /// The bytes below `limit`, which is at most 0x80.
  func below(_ limit: UInt8) -> UInt64 {
    (bits &- Self.ones &* UInt64(limit)) & ~bits & Self.high
  }

  /// The bytes equal to `byte`, which is below 0x80.
  func equal(to byte: UInt8) -> UInt64 {
    let difference = bits ^ (Self.ones &* UInt64(byte))
    return (difference &- Self.ones) & ~difference & Self.high
  }

  /// Where a scan of `bytes` from `offset` must look byte by byte: at the first byte that
  /// `select` gives, eight bytes read at a time, or where fewer than eight are left.
  @inline(__always)
  static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, _ select: (ByteWord) -> UInt64) -> Int {
    guard let base = bytes.baseAddress else { return offset }
    let raw = UnsafeRawPointer(base)
    var index = offset
    while index + 8 <= bytes.count {
      let selected = select(ByteWord(raw, at: index))
      if selected != 0 { return index + selected.trailingZeroBitCount >> 3 }
      index += 8
    }
    return index
  }
}
