import Foundation
import Testing

/// `scripts/gssapi-on-demand.c`, which scripts/build links in place of libgssapi_krb5 so that
/// GSS-API is loaded only when libgit2 first calls it. The real library, linked directly, is
/// the oracle: the same calls through the stand-in give the same answers.
@Suite struct GSSAPIOnDemandTests {
  static let library = "/lib/x86_64-linux-gnu/libgssapi_krb5.so.2"
  /// The toolchain's clang, which scripts/build compiles the stand-in with.
  static let clang = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map { "\($0)/clang" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  static let available = clang != nil && FileManager.default.fileExists(atPath: library)

  static let calls = packageRoot.appendingPathComponent("Tests/JournalTests/Fixtures/gssapi/calls.c").path
  static let standIn = packageRoot.appendingPathComponent("scripts/gssapi-on-demand.c").path

  /// Builds the calls program with `sources` (and `flags`), runs it, and returns its output.
  func callsLinkedWith(_ sources: [String], flags: [String] = [], in folder: TemporaryFolder) throws -> String {
    let program = folder.path + "/calls-\(sources.count)-\(flags.count)"
    let built = try runProgram(Self.clang!, ["-O1", "-Wall", "-Werror"] + flags + ["-o", program, Self.calls] + sources)
    #expect(built.status == 0, "\(built.stderr)")
    let run = try runProgram(program, ["libgssapi_krb5.so.2"])
    #expect(run.status == 0, "\(run.stderr)")
    return run.stdout
  }

  @Test(.enabled(if: available, "needs clang and libgssapi_krb5"))
  func answersAsTheLibraryLinkedDirectly() throws {
    let folder = try TemporaryFolder()
    let direct = try callsLinkedWith([Self.library], in: folder)
    let onDemand = try callsLinkedWith([Self.standIn], in: folder)
    #expect(onDemand == direct)
    // Every call reached the library: the name was imported, and its failure described.
    #expect(direct.contains("import_name 0\n"), "\(direct)")
    #expect(direct.contains("display_status 0 "), "\(direct)")
    #expect(direct.contains("name type same\n"), "the name type libgit2 reads is the library's: \(direct)")
  }

  /// Without the library, each call fails as a GSS-API call fails (GSS_S_FAILURE, 13 << 16),
  /// so that libgit2 reports a failed Negotiate authentication; the program still runs.
  @Test(.enabled(if: available, "needs clang"))
  func failsEachCallWithoutTheLibrary() throws {
    let folder = try TemporaryFolder()
    let output = try callsLinkedWith(
      [Self.standIn], flags: ["-DGSSAPI_LIBRARY=\"libgssapi-missing.so.0\""], in: folder)
    let failure = 13 << 16
    #expect(output.contains("import_name \(failure)\n"), "\(output)")
    #expect(output.contains("init_sec_context \(failure)\n"), "\(output)")
    #expect(output.contains("display_status \(failure) \n"), "\(output)")
    #expect(output.contains("indicate_mechs \(failure)\n"), "\(output)")
  }
}
