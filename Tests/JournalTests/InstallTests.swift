import Foundation
import Testing

/// `make install`: the binary scripts/build makes, installed as it is, with a manual page
/// read from it rather than from a second build.
@Suite struct InstallTests {
  static let make = ["/usr/bin/make", "/bin/make"].first { FileManager.default.isExecutableFile(atPath: $0) }

  /// What `make install` would run, without running it: the binary comes from scripts/build,
  /// and nothing after it builds the package again.
  @Test(.enabled(if: make != nil, "needs make"))
  func installBuildsOnceWithScriptsBuild() throws {
    let run = try runProgram(Self.make!, ["-n", "install", "DESTDIR=/nonexistent"], in: packageRoot)
    #expect(run.status == 0, "\(run.stderr)")
    let commands = run.stdout.split(separator: "\n").map(String.init)
    let builds = commands.filter { $0.contains("swift ") || $0.contains("scripts/build") }
    #expect(builds.first == "scripts/build --product journal", "\(builds)")
    // After it, only ArgumentParser's manual generator is built, in a folder of its own.
    #expect(builds.dropFirst().allSatisfy { $0.contains("--package-path .build/checkouts/swift-argument-parser") && $0.contains("--scratch-path .build/manual-tool") }, "\(builds)")
    #expect(!run.stdout.contains("swift package"), "no plugin that builds the package again")
    #expect(commands.contains { $0.hasPrefix("install -m 0755 .build/release/journal ") })
  }

  /// The whole install, from a copy of the package without its `.build` (a fresh release
  /// build: minutes, so it runs with JOURNAL_TEST_INSTALL=1) into a temporary DESTDIR. The
  /// installed binary is byte for byte the one `make build` (scripts/build) made, still so
  /// after the manual page was made, with the Swift runtime and the C libraries linked in.
  @Test(.enabled(if: make != nil && ProcessInfo.processInfo.environment["JOURNAL_TEST_INSTALL"] != nil, "set JOURNAL_TEST_INSTALL=1"))
  func installsTheBinaryScriptsBuildMade() throws {
    // A copy, since this run of the tests holds the package's own .build.
    let copy = try TemporaryFolder()
    let tar = try runProgram(
      "/bin/sh", ["-c", "tar -C \"$0\" --exclude=./.build --exclude='./.build-*' -cf - . | tar -C \"$1\" -xf -", packageRoot.path, copy.path])
    #expect(tar.status == 0, "\(tar.stderr)")
    let root = URL(fileURLWithPath: copy.path)
    let built = try runProgram(Self.make!, ["build"], in: root)
    #expect(built.status == 0, "\(built.stderr)")
    let binary = copy.path + "/.build/release/journal"
    let before = try Data(contentsOf: URL(fileURLWithPath: binary))
    let destination = try TemporaryFolder()
    let install = try runProgram(Self.make!, ["install", "DESTDIR=\(destination.path)", "PREFIX=/usr"], in: root)
    #expect(install.status == 0, "\(install.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: binary)) == before, "making the manual page changed the binary")
    #expect(try Data(contentsOf: URL(fileURLWithPath: destination.path + "/usr/bin/journal")) == before)
    let manual = try String(contentsOfFile: destination.path + "/usr/share/man/man1/journal.1", encoding: .utf8)
    #expect(manual.contains(".Dt JOURNAL 1"))
    #expect(manual.contains("did you mean"), "the manual page is read from this binary's help")
    #if os(Linux)
      let libraries = try runProgram("/usr/bin/ldd", [destination.path + "/usr/bin/journal"])
      #expect(!libraries.stdout.contains("libswiftCore"), "\(libraries.stdout)")
      // libgit2, cmark-gfm, libyaml, what libgit2 needs and the C++ library are linked in from
      // their static archives (scripts/build); GSS-API's Kerberos libraries are loaded only
      // when libgit2 first calls them (scripts/gssapi-on-demand.c), and libssh2 with OpenSSL
      // when libgit2 first makes an SSH session (scripts/libssh2-on-demand.c).
      for library in ["libgit2", "libcmark-gfm", "libyaml", "libssh2", "libmbed", "libcrypto", "libssl", "libpcre2", "libhttp_parser", "libz.", "libstdc++", "libgssapi", "libkrb5"] {
        #expect(!libraries.stdout.contains(library), "\(library) is linked dynamically: \(libraries.stdout)")
      }
    #endif
    let version = try runProgram(destination.path + "/usr/bin/journal", ["--version"])
    #expect(version.status == 0 && version.stdout.hasPrefix("0.1.0 "))
  }
}
