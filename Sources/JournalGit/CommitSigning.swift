import Foundation
internal import Clibgit2

/// Commit signing as git's `gpg-interface.c` does it, when `commit.gpgSign` asks for it:
/// `gpg.format` chooses OpenPGP (`gpg.program`, `gpg.openpgp.program`; `gpg --status-fd=2
/// -bsau <key>` with the commit on standard input), X.509 (`gpg.x509.program`, gpgsm) or SSH
/// (`gpg.ssh.program`; `ssh-keygen -Y sign -n git -f <key> <file>`). The key is
/// `user.signingKey`, else the committer for OpenPGP and X.509, else what
/// `gpg.ssh.defaultKeyCommand` prints. A signer that fails refuses the commit: there is
/// never a silent unsigned one.
struct CommitSigner {
  enum Format: String { case openpgp, x509, ssh }

  let format: Format
  let program: String
  let key: String?
  let defaultKeyCommand: String?

  /// The signer the configuration asks for, or nil when commits are not signed.
  init?(_ repository: Repository) throws {
    let config = try ConfigSnapshot(repository)
    let value = config.string
    guard config.bool("commit.gpgSign") == true else { return nil }
    guard let format = Format(rawValue: value("gpg.format") ?? "openpgp") else {
      throw CommitRefusal("commit.gpgSign is set, but gpg.format '\(value("gpg.format") ?? "")' is not one git knows (openpgp, x509, ssh)")
    }
    self.format = format
    switch format {
    case .openpgp: program = value("gpg.openpgp.program") ?? value("gpg.program") ?? "gpg"
    case .x509: program = value("gpg.x509.program") ?? "gpgsm"
    case .ssh: program = value("gpg.ssh.program") ?? "ssh-keygen"
    }
    key = value("user.signingKey")
    defaultKeyCommand = value("gpg.ssh.defaultKeyCommand")
  }

  /// The signature of `payload` (a commit object's text), as the `gpgsig` header holds it.
  func sign(_ payload: [UInt8], committer: Signature, in folder: String) throws -> String {
    switch format {
    case .openpgp, .x509:
      let key = self.key ?? "\(committer.name) <\(committer.email)>"
      let result = try run([program, "--status-fd=2", "-bsau", key], input: payload, in: folder)
      guard result.status == 0, result.errorText.contains("\n[GNUPG:] SIG_CREATED ") || result.errorText.hasPrefix("[GNUPG:] SIG_CREATED ") else {
        throw refusal(result)
      }
      return String(decoding: result.output, as: UTF8.self)
    case .ssh:
      return try signWithSSH(payload, in: folder)
    }
  }

  private func signWithSSH(_ payload: [UInt8], in folder: String) throws -> String {
    var key = self.key
    if key == nil, let command = defaultKeyCommand {
      let result = try Subprocess.run([command], shell: true, in: folder)
      let first = String(decoding: result.output, as: UTF8.self).split(separator: "\n").first.map(String.init)
      guard result.status == 0, let first, first.hasPrefix("ssh-") || first.hasPrefix("key::") else {
        throw CommitRefusal("commit.gpgSign is set, but gpg.ssh.defaultKeyCommand gave no key: nothing was committed")
      }
      key = first
    }
    guard var key else {
      throw CommitRefusal(
        "commit.gpgSign is set with gpg.format=ssh, but neither user.signingKey nor gpg.ssh.defaultKeyCommand names a key: nothing was committed")
    }
    var literal = false
    if key.hasPrefix("key::") {
      key = String(key.dropFirst(5))
      literal = true
    } else if key.hasPrefix("ssh-") {
      literal = true
    } else if key.hasPrefix("~/") {
      key = NSHomeDirectory() + key.dropFirst(1)
    }
    let buffer = try NamedTemporaryFile(payload)
    defer { buffer.remove(); unlink(buffer.path + ".sig") }
    var keyFile: NamedTemporaryFile?
    defer { keyFile?.remove() }
    if literal {
      keyFile = try NamedTemporaryFile(Array((key + "\n").utf8))
    }
    var arguments = [program, "-Y", "sign", "-n", "git", "-f", keyFile?.path ?? key]
    if literal { arguments.append("-U") }
    arguments.append(buffer.path)
    let result = try run(arguments, input: [], in: folder)
    guard result.status == 0, let signature = try? String(contentsOfFile: buffer.path + ".sig", encoding: .utf8) else {
      throw refusal(result)
    }
    return signature
  }

  private func run(_ arguments: [String], input: [UInt8], in folder: String) throws -> Subprocess.Result {
    do {
      return try Subprocess.run(arguments, input: input, in: folder)
    } catch let error as GitError {
      throw CommitRefusal("commit.gpgSign is set, but \(error.message): nothing was committed")
    }
  }

  private func refusal(_ result: Subprocess.Result) -> CommitRefusal {
    let detail = result.errorText.split(separator: "\n").last { !$0.hasPrefix("[GNUPG:]") }.map { ": \($0)" } ?? ""
    return CommitRefusal(
      "commit.gpgSign is set, but \(program) failed to sign the commit (exit \(result.status))\(detail); nothing was committed")
  }
}
