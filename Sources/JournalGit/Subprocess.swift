import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program git itself would run for this commit (a hook, a clean filter, the signing
/// program), run as git runs it: in the working tree's top folder, with the environment
/// journal was given plus the variables git adds.
struct Subprocess {
  /// The exit status (128 + the signal for a program killed by one) and what it wrote.
  struct Result {
    let status: Int32
    let output: [UInt8]
    let errors: [UInt8]

    var errorText: String { String(decoding: errors, as: UTF8.self) }
  }

  enum Stream {
    /// Collected into `Result`.
    case collect
    /// Passed through to journal's own standard error, as git passes a hook's output.
    case standardError
  }

  /// Runs `arguments[0]` (a path, or a name looked up in `PATH` when `shell` is false and it
  /// holds no `/`) with `input` on its standard input. With `shell`, runs `/bin/sh -c` the
  /// command, as git runs a configured command (`filter.*.clean`, `gpg.program` is run
  /// directly). Input and output go through unlinked temporary files, so a program that
  /// writes much before it reads can never stall against journal.
  static func run(
    _ arguments: [String], shell: Bool = false, input: [UInt8] = [], in directory: String?,
    environment: [String: String] = [:], output: Stream = .collect, errors: Stream = .collect
  ) throws -> Result {
    let argv = shell ? shellCommand(arguments) : arguments
    let stdin = try TemporaryFile(input)
    let stdout = output == .collect ? try TemporaryFile([]) : nil
    let stderr = errors == .collect ? try TemporaryFile([]) : nil
    // A hook's own output goes to standard error, as git sends it.
    let pid = try spawn(
      argv, input: stdin.descriptor, output: stdout?.descriptor ?? 2, errors: stderr?.descriptor, in: directory,
      environment: environment)
    return Result(status: wait(pid), output: stdout?.contents() ?? [], errors: stderr?.contents() ?? [])
  }

  /// `/bin/sh -c` a configured command with `arguments` after it, as git runs one.
  static func shellCommand(_ arguments: [String]) -> [String] {
    ["/bin/sh", "-c", arguments[0] + " \"$@\"", arguments[0]] + arguments.dropFirst()
  }

  /// Starts `argv` with `input` and `output` as its standard input and output, and `errors`
  /// as its standard error (nil: journal's own), in `directory`, with `environment` added to
  /// journal's own; returns its process id, for `wait`.
  static func spawn(
    _ argv: [String], input: Int32, output: Int32, errors: Int32?, in directory: String?,
    environment: [String: String]
  ) throws -> pid_t {
    let executable = try resolve(argv[0])
    #if os(Linux)
      var actions = posix_spawn_file_actions_t()
    #else
      var actions: posix_spawn_file_actions_t = nil
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input, 0)
    posix_spawn_file_actions_adddup2(&actions, output, 1)
    if let errors { posix_spawn_file_actions_adddup2(&actions, errors, 2) }
    if let directory, let addChdir = Self.addChdir {
      _ = addChdir(&actions, directory)
    }
    var variables = ProcessInfo.processInfo.environment
    variables.merge(environment) { _, new in new }
    let cArguments = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    let cEnvironment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { cEnvironment.forEach { free($0) } }
    var pid = pid_t()
    var spawned: Int32
    if directory != nil, Self.addChdir == nil {
      // Without posix_spawn's chdir, a shell changes folder first.
      let wrapped = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory!, executable] + argv.dropFirst()
      let cWrapped = wrapped.map { strdup($0) } + [nil]
      defer { cWrapped.forEach { free($0) } }
      spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, cWrapped, cEnvironment)
    } else {
      spawned = posix_spawn(&pid, executable, &actions, nil, cArguments, cEnvironment)
    }
    guard spawned == 0 else {
      throw GitError(function: "posix_spawn", code: -1, message: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
    }
    return pid
  }

  /// Waits for a program `spawn` started; returns its exit status, or 128 + the signal that
  /// killed it.
  static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }

  /// The program's path: as given when it holds a `/`, else the first in `PATH`.
  private static func resolve(_ name: String) throws -> String {
    if name.contains("/") { return name }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
      let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
      if access(candidate, X_OK) == 0 { return candidate }
    }
    throw GitError(function: "posix_spawn", code: -1, message: "cannot run \(name): not found on PATH")
  }

  /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, macOS 10.15), which Swift does not
  /// declare everywhere: found at run time.
  private static let addChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
    #if os(Linux)
      let everywhere: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
    #else
      let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
    #endif
    guard let symbol = dlsym(everywhere, "posix_spawn_file_actions_addchdir_np") else { return nil }
    return unsafeBitCast(
      symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
  }()
}

/// A file with no name (created, then unlinked at once), readable only through its
/// descriptor: what a program reads or writes never lies about in a folder.
final class TemporaryFile {
  let descriptor: Int32

  init(_ contents: [UInt8]) throws {
    var template = Array((NSTemporaryDirectory() + "/journal-XXXXXX").utf8CString)
    descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw GitError(function: "mkstemp", code: -1, message: "cannot make a temporary file: \(String(cString: strerror(errno)))")
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    var written = 0
    while written < contents.count {
      let count = contents[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { break }
      written += count
    }
    lseek(descriptor, 0, SEEK_SET)
  }

  deinit { close(descriptor) }

  /// Everything written to it.
  func contents() -> [UInt8] {
    lseek(descriptor, 0, SEEK_SET)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { break }
      bytes += buffer[..<count]
    }
    return bytes
  }
}

/// A temporary file with a name, readable by its owner alone, for a program or library that
/// takes a path (ssh-keygen, libgit2's configuration reader); removed by its user.
struct NamedTemporaryFile {
  let path: String

  init(_ contents: [UInt8]) throws {
    var template = Array((NSTemporaryDirectory() + "/.journal-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw GitError(function: "mkstemp", code: -1, message: "cannot make a temporary file: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == contents.count else {
      unlink(path)
      throw GitError(function: "write", code: -1, message: "cannot write a temporary file in \(NSTemporaryDirectory())")
    }
  }

  func remove() { unlink(path) }
}
