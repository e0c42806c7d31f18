import Foundation
import Testing

/// `scripts/libssh2-on-demand.c`, which scripts/build links in place of libssh2 (and the
/// OpenSSL it needs) so that they are loaded only when libgit2 first makes an SSH session. The
/// real library, linked directly, is the oracle: the same session with a real `sshd` through the
/// stand-in gives the same answers, call by call.
@Suite struct LibSSH2OnDemandTests {
  static let library = "/lib/x86_64-linux-gnu/libssh2.so.1"
  static let available =
    GSSAPIOnDemandTests.clang != nil && FileManager.default.fileExists(atPath: library)
    && FileManager.default.fileExists(atPath: "/usr/include/libssh2.h")

  static let session = packageRoot.appendingPathComponent("Tests/JournalTests/Fixtures/libssh2/session.c").path
  static let standIn = packageRoot.appendingPathComponent("scripts/libssh2-on-demand.c").path

  /// Builds the session program with `inputs` (and `flags`), runs it with `arguments`, and
  /// returns its output.
  func sessionLinkedWith(
    _ inputs: [String], flags: [String] = [], arguments: [String], in folder: TemporaryFolder
  ) throws -> String {
    let program = folder.path + "/session-\(inputs.count)-\(flags.count)"
    let built = try runProgram(
      GSSAPIOnDemandTests.clang!, ["-O1", "-Wall", "-Werror"] + flags + ["-o", program, Self.session] + inputs)
    #expect(built.status == 0, "\(built.stderr)")
    let run = try runProgram(program, arguments)
    #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
    return run.stdout
  }

  @Test(.enabled(if: available && SSHServer.available, "needs clang, libssh2 and sshd"))
  func answersAsTheLibraryLinkedDirectly() throws {
    let server = try SSHServer()
    let folder = try TemporaryFolder()
    let arguments = [String(server.port), NSUserName(), server.knownHosts, server.clientKey]
    let direct = try sessionLinkedWith(["-lssh2"], arguments: arguments, in: folder)
    let onDemand = try sessionLinkedWith([Self.standIn], arguments: arguments, in: folder)
    #expect(onDemand == direct, "\(server.log)")
    // The whole session took place: host key checked, a refused password described, the key
    // accepted, and a command's output read back.
    for line in [
      "handshake 0\n", "knownhost_checkp 0\n", "userauth_password -18\n", "authenticated 1\n",
      "read 10 on demand\n", "session_free 0\n",
    ] {
      #expect(direct.contains(line), "\(direct)")
    }
  }

  /// Without the library, libssh2_init still succeeds (libgit2 calls it for every git command)
  /// and a session cannot be made, which libgit2 reports as a failed SSH session.
  @Test(.enabled(if: available, "needs clang and libssh2's header"))
  func makesNoSessionWithoutTheLibrary() throws {
    let folder = try TemporaryFolder()
    let output = try sessionLinkedWith(
      [Self.standIn], flags: ["-DLIBSSH2_LIBRARY=\"libssh2-missing.so.0\""], arguments: [], in: folder)
    #expect(output == "init 0\nsession null\n")
  }
}
