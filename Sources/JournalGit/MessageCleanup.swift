internal import Clibgit2

/// A commit message cleaned up as `git commit -m` cleans it (`commit.cleanup`, without an
/// editor): `default`, `whitespace` and `scissors` strip trailing white space, leading and
/// trailing blank lines and runs of blank lines; `strip` also drops comment lines
/// (`core.commentChar`, `#` by default); `verbatim` leaves the message alone. Through
/// libgit2's `git_message_prettify`, git's `stripspace`.
struct MessageCleanup {
  enum Mode: String { case whitespace, strip, verbatim }

  let mode: Mode
  let commentChar: CChar

  init(_ repository: Repository) throws {
    let value = try ConfigSnapshot(repository).string
    switch value("commit.cleanup") ?? "default" {
    case "strip": mode = .strip
    case "verbatim": mode = .verbatim
    case "default", "whitespace", "scissors": mode = .whitespace
    case let other: throw CommitRefusal("invalid commit.cleanup mode '\(other)'")
    }
    let comment = value("core.commentChar").flatMap { $0 == "auto" ? nil : $0.utf8.first } ?? UInt8(ascii: "#")
    commentChar = CChar(bitPattern: comment)
  }

  /// What git writes to `COMMIT_EDITMSG` for the hooks.
  func prepare(_ message: String) -> String {
    mode == .verbatim ? message : stripspace(message, comments: false)
  }

  /// The message to commit, or nil when it is empty and git would abort.
  func clean(_ message: String) -> String? {
    switch mode {
    case .verbatim: return message.isEmpty ? nil : message
    case .whitespace, .strip:
      let text = stripspace(message, comments: mode == .strip)
      return text.isEmpty ? nil : text
    }
  }

  private func stripspace(_ message: String, comments: Bool) -> String {
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    guard git_message_prettify(&buffer, message, comments ? 1 : 0, commentChar) == 0, let pointer = buffer.ptr else {
      return message
    }
    return String(decoding: UnsafeRawBufferPointer(start: pointer, count: buffer.size), as: UTF8.self)
  }
}
