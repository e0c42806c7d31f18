internal import Clibgit2

/// Who made a commit, and when: copied out of a `git_signature`.
public struct Signature: Sendable, Equatable {
  public let name: String
  public let email: String
  /// Seconds since 1970-01-01 UTC.
  public let time: Int64
  /// Minutes east of UTC.
  public let offset: Int32

  /// Copies a signature out, its name and email read in `encoding` (a commit's `encoding`
  /// header; nil for UTF-8).
  init(_ signature: UnsafePointer<git_signature>, encoding: String? = nil) {
    name = TextEncoding.decode(signature.pointee.name, encoding: encoding)
    email = TextEncoding.decode(signature.pointee.email, encoding: encoding)
    time = Int64(signature.pointee.when.time)
    offset = signature.pointee.when.offset
  }
}
