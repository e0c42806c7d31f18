import Foundation

/// The one way `journal share` makes a message safe to print: every message that may hold a
/// URL or a secret passes through it, journal's own and libgit2's alike.
///
/// - In every `scheme://user:password@host` of the text, the user information is hidden: all
///   of it (`https://***@host`) except over SSH, where a user is a login name, never a token,
///   and only the password goes (`ssh://git:***@host`).
/// - Every secret journal was given, wherever it appears, becomes `***`: the URL's password
///   and (outside SSH) its user, as written and percent-decoded, `JOURNAL_TOKEN` and
///   `JOURNAL_SSH_PASSPHRASE`. Secrets shorter than four bytes are left to the first rule, so
///   that a one-letter password does not take every such letter out of a message.
///
/// It works on Unicode scalars and UTF-8 bytes, never on `Character`s.
public struct Redaction: Sendable {
  private let secrets: [[UInt8]]

  /// Hides what `url` (as written) holds, and `token` and `passphrase`.
  public init(urlText: String?, token: String? = nil, passphrase: String? = nil) {
    var found: [String] = [token, passphrase].compactMap { $0 }
    if let urlText { found += Self.userInformation(in: urlText).flatMap(Self.secrets) }
    secrets = Set(found.flatMap { [$0, $0.removingPercentEncoding ?? $0] }).map { Array($0.utf8) }
      .filter { $0.count >= 4 }.sorted { $0.count > $1.count }
  }

  public init(url: RemoteURL, access: RemoteAccess) {
    self.init(urlText: url.text, token: access.token, passphrase: access.sshPassphrase)
  }

  public func apply(_ text: String) -> String {
    var bytes = Array(Self.hidingUserInformation(text).utf8)
    for secret in secrets { bytes = Self.replacing(secret, in: bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text with the user information of every URL in it hidden.
  static func hidingUserInformation(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var output = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      guard let url = Self.url(in: scalars, at: index) else {
        output.append(scalars[index])
        index += 1
        continue
      }
      output.append(contentsOf: "://".unicodeScalars)
      let information = scalars[(index + 3)..<url.at]
      if url.ssh, let colon = information.firstIndex(of: ":") {
        output.append(contentsOf: information[..<colon])
        output.append(contentsOf: ":***".unicodeScalars)
      } else if url.ssh {
        output.append(contentsOf: information)
      } else {
        output.append(contentsOf: "***".unicodeScalars)
      }
      output.append("@")
      index = url.at + 1
    }
    return String(output)
  }

  /// At `index`, the `://` of a URL with user information: where its last `@` is, and whether
  /// its scheme is SSH's. The URL runs to the next space, control character or quote.
  private static func url(in scalars: [Unicode.Scalar], at index: Int) -> (at: Int, ssh: Bool)? {
    guard index + 2 < scalars.count, scalars[index] == ":", scalars[index + 1] == "/", scalars[index + 2] == "/"
    else { return nil }
    var start = index
    while start > 0, isSchemeScalar(scalars[start - 1]) { start -= 1 }
    let scheme = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
    var end = index + 3
    while end < scalars.count, !endsURL(scalars[end]) { end += 1 }
    guard let at = scalars[(index + 3)..<end].lastIndex(of: "@") else { return nil }
    return (at, ["ssh", "git+ssh", "ssh+git"].contains(scheme))
  }

  private static func isSchemeScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+.-".unicodeScalars.contains(scalar))
  }

  private static func endsURL(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F || "'\"<>`".unicodeScalars.contains(scalar)
  }

  /// The user information of a URL written `scheme://…@host`, with whether it is SSH's.
  private static func userInformation(in text: String) -> [(String, ssh: Bool)] {
    let scalars = Array(text.unicodeScalars)
    return scalars.indices.compactMap { index in
      url(in: scalars, at: index).map { (String(String.UnicodeScalarView(scalars[(index + 3)..<$0.at])), $0.ssh) }
    }
  }

  /// What in user information is secret: the password, and outside SSH the user too.
  private static func secrets(_ information: (String, ssh: Bool)) -> [String] {
    let parts = information.0.split(separator: ":", maxSplits: 1).map(String.init)
    return information.ssh ? Array(parts.dropFirst()) : parts
  }

  private static func replacing(_ secret: [UInt8], in bytes: [UInt8]) -> [UInt8] {
    guard !secret.isEmpty, bytes.count >= secret.count else { return bytes }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if index + secret.count <= bytes.count, bytes[index..<(index + secret.count)].elementsEqual(secret) {
        output += Array("***".utf8)
        index += secret.count
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return output
  }
}
