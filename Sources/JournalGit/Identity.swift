import Foundation
internal import Clibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who a commit names, decided as git's `ident.c` decides: `GIT_AUTHOR_*`/`GIT_COMMITTER_*`
/// first, then `author.*`/`committer.*`, then `user.*` (with whatever `include` and
/// `includeIf` bring in, which libgit2 reads), then `EMAIL` and the system's account and host
/// names, unless `user.useConfigOnly` forbids guessing.
public struct CommitIdentity: Sendable, Equatable {
  public let author: Signature
  public let committer: Signature
}

/// A commit git itself would refuse, for a reason in the repository's setup: one line, as
/// git gives it.
public struct CommitRefusal: Error, Sendable, CustomStringConvertible {
  public let message: String
  /// 1 where git's own refusal is a failed check (a hook said no), 2 otherwise.
  public let status: Int32

  public init(_ message: String, status: Int32 = 2) {
    self.message = message
    self.status = status
  }

  public var description: String { message }
}

extension Repository {
  /// The author and committer of a commit made now.
  public func commitIdentity(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CommitIdentity {
    let config = try ConfigSnapshot(self)
    let value = config.string
    let useConfigOnly = config.bool("user.useConfigOnly") == true
    let given = (name: ["user.name", "author.name", "committer.name"].contains { value($0) != nil },
                 email: ["user.email", "author.email", "committer.email"].contains { value($0) != nil })

    func ident(_ who: String) throws -> Signature {
      let upper = who.uppercased()
      var name = environment["GIT_\(upper)_NAME"] ?? value("\(who).name") ?? value("user.name")
      var email = environment["GIT_\(upper)_EMAIL"] ?? value("\(who).email") ?? value("user.email")
      if email == nil {
        if useConfigOnly && !given.email {
          throw CommitRefusal("no email was given and auto-detection is disabled (user.useConfigOnly); set user.email")
        }
        email = environment["EMAIL"]
        if email == nil {
          let guessed = Self.guessedEmail()
          guard !guessed.bogus else {
            throw CommitRefusal(
              "git does not know who you are: unable to auto-detect email address (got '\(guessed.email)'); set user.name and user.email (git config --global user.email \"you@example.com\")")
          }
          email = guessed.email
        }
      }
      if name == nil {
        if useConfigOnly && !given.name {
          throw CommitRefusal("no name was given and auto-detection is disabled (user.useConfigOnly); set user.name")
        }
        name = Self.accountName()
      }
      let cleanName = Self.withoutCrud(name ?? "")
      let cleanEmail = Self.withoutCrud(email ?? "")
      guard !cleanName.isEmpty else {
        throw CommitRefusal(
          "git does not know who you are: empty ident name (for <\(cleanEmail)>) not allowed; set user.name and user.email (git config --global user.name \"Your Name\")")
      }
      // An empty date is no date, as in git.
      var date = GitDate.now()
      if let text = environment["GIT_\(upper)_DATE"], !text.isEmpty {
        switch GitDate.parse(text) {
        case .date(let value): date = value
        case .invalid: throw CommitRefusal("invalid date format: \(text) (GIT_\(upper)_DATE)")
        case .outOfRange:
          throw CommitRefusal(
            "date out of range: \(text) (GIT_\(upper)_DATE) is before 1970 or too far ahead once its zone is applied; git would write a commit its own fsck rejects")
        }
      }
      return Signature(name: cleanName, email: cleanEmail, time: date.time, offset: date.offset)
    }
    return CommitIdentity(author: try ident("author"), committer: try ident("committer"))
  }

  /// git's `strbuf_addstr_without_crud`: no whitespace or punctuation at either end, and no
  /// `<`, `>` or newline inside.
  static func withoutCrud(_ text: String) -> String {
    func crud(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value <= 32 || ",:;<>\"\\'".unicodeScalars.contains(scalar)
    }
    var scalars = Array(text.unicodeScalars)
    while let first = scalars.first, crud(first) { scalars.removeFirst() }
    while let last = scalars.last, crud(last) { scalars.removeLast() }
    var result = String.UnicodeScalarView()
    for scalar in scalars where scalar != "<" && scalar != ">" && scalar != "\n" { result.append(scalar) }
    return String(result)
  }

  /// The account's full name from the password database (up to the first comma, `&` standing
  /// for the capitalised login), else the login: git's `copy_gecos`.
  static func accountName() -> String {
    guard let entry = getpwuid(getuid()) else { return "" }
    let login = String(cString: entry.pointee.pw_name)
    guard let gecos = entry.pointee.pw_gecos.map({ String(cString: $0) }) else { return login }
    let full = String(gecos.prefix { $0 != "," })
    let capitalised = login.prefix(1).uppercased() + login.dropFirst()
    let name = full.replacingOccurrences(of: "&", with: capitalised)
    return name.isEmpty ? login : name
  }

  /// `login@host` with the host's full name, as git guesses it; bogus when the host has no
  /// domain.
  static func guessedEmail() -> (email: String, bogus: Bool) {
    let login = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "unknown"
    var buffer = [CChar](repeating: 0, count: 256)
    gethostname(&buffer, buffer.count - 1)
    var host = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if !host.contains(".") {
      var hints = addrinfo()
      hints.ai_flags = AI_CANONNAME
      var result: UnsafeMutablePointer<addrinfo>?
      if getaddrinfo(host, nil, &hints, &result) == 0, let result {
        if let canonical = result.pointee.ai_canonname { host = String(cString: canonical) }
        freeaddrinfo(result)
      }
    }
    guard host.contains(".") else { return ("\(login)@\(host).(none)", true) }
    return ("\(login)@\(host)", false)
  }
}
