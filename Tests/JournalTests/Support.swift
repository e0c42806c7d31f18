import Foundation
import JournalKit
import JournalModel
import JournalRules
import Testing

@testable import JournalChecks

/// The repository's root, found from this file.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let fixtures = packageRoot.appendingPathComponent("Tests/JournalTests/Fixtures")

let sampleToday = Day(year: 2026, month: 11, day: 26)!

/// Checks an in-memory journal.
func check(_ files: [String: String], today: Day = sampleToday) throws -> CheckReport {
  try Checker.check(MemoryJournal(texts: files), today: today)
}

/// Checks one session file of `alex`, with the default journal.yml and profile. The callers
/// give front matter alone, so `empty-session`, which says the session holds nothing written,
/// is left out.
func checkSession(_ text: String, today: Day = sampleToday) throws -> [Diagnostic] {
  try check(RuleExample.session(text).files, today: today).diagnostics.filter { $0.rule != "empty-session" }
}

/// A temporary folder, removed when the test ends.
final class TemporaryFolder {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("journal-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes text files, making folders as needed.
  func write(_ files: [String: String]) throws {
    for (path, text) in files { try write(path, Data(text.utf8)) }
  }

  func write(_ path: String, _ data: Data) throws {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try writeFile(file.path, data)
  }
}

/// Writes a file through a descriptor that no process started meanwhile inherits
/// (`O_CLOEXEC`): a program a test writes (a hook) and then runs would otherwise be "busy"
/// while any process another test started at that moment lives.
func writeFile(_ path: String, _ data: Data) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
  guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
  defer { close(descriptor) }
  let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
  guard written == data.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
}

/// The result of running the built `journal` program.
struct Run {
  let status: Int32
  let stdout: String
  let stderr: String
}

/// The `journal` executable built beside the test bundle.
let journalBinary: URL = {
  #if os(Linux)
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return exe.deletingLastPathComponent().appendingPathComponent("journal")
  #else
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("journal")
  #endif
}()

/// Runs a program and collects what it printed. Output goes to files, not pipes, so a
/// program that writes much to one stream while the other is being read can never stall.
///
/// posix_spawn and waitpid, not Foundation's `Process`: `Process` reaps its children from one
/// shared thread, which can stall on a child that starts a daemon (`ssh-agent`, `sshd`).
func runProgram(
  _ executable: String, _ arguments: [String], in directory: URL? = nil,
  environment: [String: String]? = nil
) throws -> Run {
  let folder = try TemporaryFolder()
  let outPath = folder.path + "/stdout"
  let errPath = folder.path + "/stderr"
  let pid = try startProgram(
    executable, arguments, in: directory, environment: environment, output: outPath, errors: errPath)
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  // A signal shows as 128 + its number, as a shell shows it.
  let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  return Run(
    status: exit,
    stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
}

/// Starts a program without waiting for it, its output going to files; returns its process id.
func startProgram(
  _ executable: String, _ arguments: [String], in directory: URL? = nil,
  environment: [String: String]? = nil, output: String = "/dev/null", errors: String = "/dev/null"
) throws -> pid_t {
  #if os(Linux)
    var actions = posix_spawn_file_actions_t()
  #else
    var actions: posix_spawn_file_actions_t = nil
  #endif
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  if let directory { _ = addChdir(&actions, directory.path) }
  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  let variables = environment ?? ProcessInfo.processInfo.environment
  let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { envp.forEach { free($0) } }
  // The child starts with no signal blocked and default handlers, whatever the test thread
  // that starts it blocks: a daemon it leaves behind must still stop on SIGTERM.
  #if os(Linux)
    var attributes = posix_spawnattr_t()
  #else
    var attributes: posix_spawnattr_t = nil
  #endif
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  posix_spawnattr_setsigmask(&attributes, &none)
  var defaults = sigset_t()
  sigemptyset(&defaults)
  for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
  guard spawned == 0 else {
    throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "cannot run \(executable): \(String(cString: strerror(spawned)))"])
  }
  return pid
}

/// `posix_spawn_file_actions_addchdir_np`, which Swift's C module does not declare: the
/// child starts in a folder without the test process changing its own.
private let addChdir: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32 = {
  guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else {
    fatalError("posix_spawn_file_actions_addchdir_np is missing from the C library")
  }
  return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
}()

/// Runs `journal` the way a person would, in `directory`, with a clean environment.
func runJournal(
  _ arguments: [String], in directory: String = packageRoot.path,
  environment: [String: String] = [:]
) throws -> Run {
  var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
  env.merge(environment) { _, new in new }
  return try runProgram(journalBinary.path, arguments, in: URL(fileURLWithPath: directory), environment: env)
}

/// Strips `↓` markers from example files and says where they were.
func markers(in files: [String: String]) -> (files: [String: String], marks: [(String, Location)]) {
  var clean: [String: String] = [:]
  var marks: [(String, Location)] = []
  for (path, text) in files {
    var line = 1
    var column = 1
    var stripped = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      if Character(scalar) == RuleExample.marker {
        marks.append((path, Location(line: line, column: column)))
        continue
      }
      stripped.append(scalar)
      if scalar == "\n" {
        if !previousWasCR { line += 1 }
        column = 1
      } else if scalar == "\r" {
        line += 1
        column = 1
      } else if scalar != "\u{FEFF}" {
        column += 1
      }
      previousWasCR = scalar == "\r"
    }
    clean[path] = String(stripped)
  }
  return (clean, marks)
}

/// The journal's position type; `Testing` has one of the same name.
typealias Location = JournalModel.SourceLocation

/// Whether python3 can import these modules (`"jsonschema, yaml"`).
func pythonHas(_ modules: String) -> Bool {
  (try? runPython("import \(modules)").status) == 0
}

/// Runs a Python script with arguments, for reading journal's output with other parsers.
func runPython(_ script: String, _ arguments: [String] = [], in directory: URL? = nil) throws
  -> (status: Int32, output: String, errors: String)
{
  let run = try runProgram("/usr/bin/env", ["python3", "-c", script] + arguments, in: directory)
  return (run.status, run.stdout, run.stderr)
}
