import Foundation

/// OpenSSH's `known_hosts`: which key each host must present. Plain and hashed
/// (`|1|salt|hash`) host names, `[host]:port`, `*` and `?` wildcards, `!` negation and
/// `@revoked` are understood; `@cert-authority` lines are skipped, as certificates are not.
public struct KnownHosts: Sendable {
  struct Entry: Sendable {
    let patterns: [String]
    let keyType: String
    let key: [UInt8]
    let revoked: Bool
  }

  let entries: [Entry]

  public init(text: String) {
    var entries: [Entry] = []
    for line in text.split(whereSeparator: \.isNewline) {
      var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let first = fields.first, !first.hasPrefix("#") else { continue }
      var revoked = false
      if first.hasPrefix("@") {
        guard first == "@revoked" else { continue }
        revoked = true
        fields.removeFirst()
      }
      guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { continue }
      entries.append(
        Entry(
          patterns: fields[0].split(separator: ",").map(String.init), keyType: fields[1], key: Array(key),
          revoked: revoked))
    }
    self.entries = entries
  }

  /// Reads the files that exist among `paths`.
  public init(files paths: [String]) {
    self.init(text: paths.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n"))
  }

  public enum Verdict: Sendable, Equatable {
    case trusted
    case revoked
    /// The host is listed, with other keys only.
    case changed
    case unknown
  }

  /// What the files say about `key` presented by `host` on `port`.
  public func verdict(host: String, port: Int?, key: [UInt8]) -> Verdict {
    let name = port.map { $0 == 22 ? host : "[\(host)]:\($0)" } ?? host
    var listed = false
    var trusted = false
    for entry in entries where matches(entry.patterns, name: name) {
      if entry.key == key {
        if entry.revoked { return .revoked }
        trusted = true
      } else if !entry.revoked {
        listed = true
      }
    }
    return trusted ? .trusted : listed ? .changed : .unknown
  }

  private func matches(_ patterns: [String], name: String) -> Bool {
    var matched = false
    for pattern in patterns {
      if pattern.hasPrefix("!") {
        if KnownHosts.matches(String(pattern.dropFirst()), name: name) { return false }
      } else if KnownHosts.matches(pattern, name: name) {
        matched = true
      }
    }
    return matched
  }

  static func matches(_ pattern: String, name: String) -> Bool {
    if pattern.hasPrefix("|1|") {
      let parts = pattern.split(separator: "|", omittingEmptySubsequences: false)
      guard parts.count == 4, let salt = Data(base64Encoded: String(parts[2])),
        let hash = Data(base64Encoded: String(parts[3]))
      else { return false }
      return SHA1.hmac(key: Array(salt), message: Array(name.utf8)) == Array(hash)
    }
    return glob(Array(pattern.lowercased().unicodeScalars), Array(name.lowercased().unicodeScalars))
  }

  private static func glob(_ pattern: [Unicode.Scalar], _ name: [Unicode.Scalar]) -> Bool {
    var (p, n) = (0, 0)
    var star: (p: Int, n: Int)?
    while n < name.count {
      if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
        p += 1
        n += 1
      } else if p < pattern.count, pattern[p] == "*" {
        star = (p, n)
        p += 1
      } else if let last = star {
        p = last.p + 1
        n = last.n + 1
        star = (last.p, last.n + 1)
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }

  /// How `ssh` shows a key: `SHA256:` and the unpadded base64 of its SHA-256.
  public static func fingerprint(sha256: [UInt8]) -> String {
    "SHA256:" + Data(sha256).base64EncodedString().replacingOccurrences(of: "=", with: "")
  }

  /// The key type named inside an SSH wire-format key, such as `ssh-ed25519`.
  public static func keyType(_ raw: [UInt8]) -> String? {
    guard raw.count >= 4 else { return nil }
    let length = Int(raw[0]) << 24 | Int(raw[1]) << 16 | Int(raw[2]) << 8 | Int(raw[3])
    guard length > 0, length <= raw.count - 4 else { return nil }
    return String(decoding: raw[4..<(4 + length)], as: UTF8.self)
  }
}
