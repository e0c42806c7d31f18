import Foundation

/// Where `journal share` pushes to, as git writes it: a path, `file://`, `ssh://`,
/// `user@host:path`, `https://` or `http://`.
public struct RemoteURL: Sendable, Equatable {
  public enum Transport: String, Sendable {
    case local, ssh, https, http
  }

  public let text: String
  public let transport: Transport
  public let host: String?
  public let port: Int?
  public let user: String?

  public init(_ text: String) throws {
    self.text = text
    guard !text.isEmpty else { throw JournalError("--to needs a repository: a path or a URL") }
    if let range = text.range(of: "://") {
      let scheme = text[..<range.lowerBound].lowercased()
      let rest = text[range.upperBound...]
      switch scheme {
      case "file":
        (transport, host, port, user) = (.local, nil, nil, nil)
        return
      case "ssh", "git+ssh", "ssh+git": transport = .ssh
      case "https": transport = .https
      case "http": transport = .http
      default:
        throw JournalError("\(text): journal can push to a path, file://, ssh://, https:// or http://, not \(scheme)://")
      }
      let authority = rest.prefix { $0 != "/" }
      var hostPart = Substring(authority)
      if let at = authority.lastIndex(of: "@") {
        user = String(authority[..<at].prefix { $0 != ":" }).removingPercentEncoding
        hostPart = authority[authority.index(after: at)...]
      } else {
        user = nil
      }
      if let colon = hostPart.lastIndex(of: ":"), !hostPart.hasSuffix("]") {
        guard let number = Int(hostPart[hostPart.index(after: colon)...]), (1...65535).contains(number) else {
          throw JournalError("\(text): the port is not a number from 1 to 65535")
        }
        port = number
        hostPart = hostPart[..<colon]
      } else {
        port = nil
      }
      host = hostPart.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
      guard !(host ?? "").isEmpty else { throw JournalError("\(text): the URL names no host") }
      return
    }
    // git's scp-like form, user@host:path, when the colon comes before any slash.
    if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), text[..<colon].count > 1 {
      let authority = text[..<colon]
      transport = .ssh
      port = nil
      if let at = authority.lastIndex(of: "@") {
        user = String(authority[..<at])
        host = String(authority[authority.index(after: at)...])
      } else {
        user = nil
        host = String(authority)
      }
      return
    }
    (transport, host, port, user) = (.local, nil, nil, nil)
  }

  /// The URL with any password or token in it hidden, for messages.
  public var display: String {
    guard transport != .local, let range = text.range(of: "://"),
      let at = text[range.upperBound...].prefix(while: { $0 != "/" }).lastIndex(of: "@"),
      let colon = text[range.upperBound..<at].firstIndex(of: ":")
    else { return text }
    return String(text[..<colon]) + ":***" + String(text[at...])
  }
}
