internal import Clibgit2

/// A git object id, copied out of libgit2.
public struct ObjectID: Sendable, Hashable, CustomStringConvertible {
  let bytes: [UInt8]

  init(_ oid: git_oid) {
    var copy = oid
    bytes = withUnsafeBytes(of: &copy.id) { Array($0) }
  }

  var oid: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { buffer in
      for (index, byte) in bytes.enumerated() where index < buffer.count { buffer[index] = byte }
    }
    return oid
  }

  /// Reads a full hexadecimal id; nil when `hex` is not one.
  public init?(hex: String) {
    var oid = git_oid()
    guard hex.utf8.count == 40, git_oid_fromstr(&oid, hex) == 0 else { return nil }
    self.init(oid)
  }

  /// The full hexadecimal id.
  public var description: String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  /// The first seven hexadecimal digits.
  public var short: String { String(description.prefix(7)) }
}
