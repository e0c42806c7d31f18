internal import Clibgit2

/// Who made a commit, and when: copied out of a `git_signature`.
public struct Signature: Sendable, Equatable {
  public let name: String
  public let email: String
  /// Seconds since 1970-01-01 UTC.
  public let time: Int64
  /// Minutes east of UTC.
  public let offset: Int32

  init(_ signature: UnsafePointer<git_signature>) {
    name = String(cString: signature.pointee.name)
    email = String(cString: signature.pointee.email)
    time = Int64(signature.pointee.when.time)
    offset = signature.pointee.when.offset
  }
}
