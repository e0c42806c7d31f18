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
  /// The repository's path on the host, as written; for a local repository, its path on
  /// this machine.
  public let path: String
  /// The scp-like form, `user@host:path`, whose path is relative to the user's home unless
  /// it starts with `/`.
  let scpLike: Bool

  public init(_ text: String) throws {
    self.text = text
    guard !text.isEmpty else { throw JournalError("--to needs a repository: a path or a URL") }
    if let range = text.range(of: "://") {
      let scheme = text[..<range.lowerBound].lowercased()
      let rest = text[range.upperBound...]
      switch scheme {
      case "file":
        (transport, host, port, user, scpLike) = (.local, nil, nil, nil, false)
        // git's file URLs: file:///path or file://localhost/path, percent-encoded.
        var local = rest.hasPrefix("localhost/") ? rest.dropFirst("localhost".count) : rest
        if !local.hasPrefix("/") { local = "/" + local }
        path = local.removingPercentEncoding ?? String(local)
        return
      case "ssh", "git+ssh", "ssh+git": transport = .ssh
      case "https": transport = .https
      case "http": transport = .http
      default:
        throw JournalError("\(Self.shown(text)): journal can push to a path, file://, ssh://, https:// or http://, not \(scheme)://")
      }
      scpLike = false
      let authority = rest.prefix { $0 != "/" }
      path = String(rest[authority.endIndex...])
      var hostPart = Substring(authority)
      if let at = authority.lastIndex(of: "@") {
        user = String(authority[..<at].prefix { $0 != ":" }).removingPercentEncoding
        hostPart = authority[authority.index(after: at)...]
      } else {
        user = nil
      }
      if let colon = hostPart.lastIndex(of: ":"), !hostPart.hasSuffix("]") {
        guard let number = Int(hostPart[hostPart.index(after: colon)...]), (1...65535).contains(number) else {
          throw JournalError("\(Self.shown(text)): the port is not a number from 1 to 65535")
        }
        port = number
        hostPart = hostPart[..<colon]
      } else {
        port = nil
      }
      host = hostPart.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
      guard !(host ?? "").isEmpty else { throw JournalError("\(Self.shown(text)): the URL names no host") }
      return
    }
    // git's scp-like form, user@host:path, when the colon comes before any slash.
    if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), text[..<colon].count > 1 {
      let authority = text[..<colon]
      transport = .ssh
      port = nil
      scpLike = true
      path = String(text[text.index(after: colon)...])
      if let at = authority.lastIndex(of: "@") {
        user = String(authority[..<at])
        host = String(authority[authority.index(after: at)...])
      } else {
        user = nil
        host = String(authority)
      }
      return
    }
    (transport, host, port, user, scpLike) = (.local, nil, nil, nil, false)
    path = text
  }

  /// The URL with any password or token in it hidden, for messages (`Redaction`).
  public var display: String { Self.shown(text) }

  private static func shown(_ text: String) -> String { Redaction(urlText: text).apply(text) }

  /// `scheme://host[:port]`, the port only when it is not the scheme's own: where a
  /// credential may go.
  var origin: String {
    let shownPort = port.flatMap { $0 == defaultPort ? nil : ":\($0)" } ?? ""
    return "\(transport.rawValue)://\(bracketedHost)\(shownPort)"
  }

  /// The port, the scheme's own when the URL names none.
  var effectivePort: Int? { port ?? defaultPort }

  private var defaultPort: Int? { [.ssh: 22, .https: 443, .http: 80][transport] }

  private var bracketedHost: String {
    let name = host?.lowercased() ?? ""
    return name.contains(":") ? "[\(name)]" : name
  }

  /// The repository the URL names, written one way whichever way it was given: without user,
  /// password or token; scheme and host in lower case; without the scheme's own port; a
  /// local repository as the `file://` URL of its absolute path, links resolved. Two URLs of
  /// the same repository give the same text, and nothing secret is in it.
  public var normalized: String {
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    switch transport {
    case .local:
      return "file://" + Self.absolute(trimmed)
    case .ssh, .https, .http:
      // user@host:path is relative to the home folder, as ssh://host/~/path is.
      let location =
        scpLike && !trimmed.hasPrefix("/") ? (trimmed.hasPrefix("~") ? "/" + trimmed : "/~/" + trimmed) : trimmed
      return origin + location
    }
  }

  /// A local path made absolute from the current folder, with links resolved as far as it
  /// exists.
  private static func absolute(_ path: String) -> String {
    let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    let standard = url.standardizedFileURL.path
    guard let resolved = realpath(standard, nil) else { return standard }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
