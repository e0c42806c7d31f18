import Foundation

/// Wall time, CPU time and peak memory of one command, the median over runs.
struct Measurement {
  let wall: Double
  let cpu: Double
  let peakKiB: Int
}

/// Runs a command `runs` times after one warm-up run, each time measuring it with wait4.
func measure(_ program: String, _ arguments: [String], runs: Int, expectStatus: Set<Int32> = [0])
  throws -> Measurement
{
  try measureInTurn([Command(program, arguments, expectStatus: expectStatus)], runs: runs)[0]
}

/// One command a benchmark runs, and what it may exit with.
struct Command {
  let program: String
  let arguments: [String]
  let expectStatus: Set<Int32>
  /// Where the command's standard output goes; /dev/null unless it is to be read.
  let output: String

  init(_ program: String, _ arguments: [String], expectStatus: Set<Int32> = [0], output: String = "/dev/null") {
    self.program = program
    self.arguments = arguments
    self.expectStatus = expectStatus
    self.output = output
  }
}

/// Runs the commands in turn, one round after another, a warm-up round and then `runs`
/// measured ones, and gives each command's medians: a load that comes and goes on a shared
/// machine then weighs on every command alike, so their ratios hold within the run.
func measureInTurn(_ commands: [Command], runs: Int, in directory: String? = nil) throws -> [Measurement] {
  var results = Array(repeating: [Measurement](), count: commands.count)
  for round in 0...runs {
    for (index, command) in commands.enumerated() {
      let result = try runOnce(
        command.program, command.arguments, in: directory, expectStatus: command.expectStatus, output: command.output)
      if round > 0 { results[index].append(result) }
    }
  }
  return results.map(Measurement.median)
}

extension Measurement {
  /// The median wall and CPU time of runs, and their highest peak memory.
  static func median(_ runs: [Measurement]) -> Measurement {
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    return Measurement(
      wall: median(runs.map(\.wall)), cpu: median(runs.map(\.cpu)), peakKiB: runs.map(\.peakKiB).max() ?? 0)
  }
}

/// Runs a command once, in `directory` if given, and measures it. posix_spawn and wait4 time
/// the child alone, without the polling a `Process` adds to its exit.
func runOnce(
  _ program: String, _ arguments: [String], in directory: String?, expectStatus: Set<Int32> = [0],
  output: String = "/dev/null", environment extra: [String: String] = [:]
) throws -> Measurement {
  #if os(Linux)
    var actions = posix_spawn_file_actions_t()
  #else
    var actions: posix_spawn_file_actions_t = nil
  #endif
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  // The child starts in `directory`: the benchmark is single-threaded, so changing ours
  // around the spawn is safe.
  let previous = FileManager.default.currentDirectoryPath
  if let directory { _ = FileManager.default.changeCurrentDirectoryPath(directory) }
  defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
  let argv = ([program] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  // The child gets this program's environment (`environ` is not declared on macOS).
  let envp =
    ProcessInfo.processInfo.environment.merging(extra) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { envp.forEach { free($0) } }
  var pid: pid_t = 0
  let start = DispatchTime.now()
  let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
  guard spawned == 0 else { throw BenchError("cannot start \(program): \(String(cString: strerror(spawned)))") }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  let exitStatus = (status >> 8) & 0xFF
  guard status & 0x7F == 0, expectStatus.contains(exitStatus) else {
    throw BenchError("\(program) \(arguments.joined(separator: " ")) exited with status \(status)")
  }
  let cpu =
    Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  // ru_maxrss is in KiB on Linux and in bytes on macOS.
  #if os(Linux)
    let peakKiB = Int(usage.ru_maxrss)
  #else
    let peakKiB = Int(usage.ru_maxrss) / 1024
  #endif
  return Measurement(wall: wall, cpu: cpu, peakKiB: peakKiB)
}

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

func printTable(_ rows: [(String, Measurement)]) {
  let width = rows.map(\.0.count).max() ?? 0
  print("\("".padding(toLength: width, withPad: " ", startingAt: 0))   wall (s)   cpu (s)   peak memory")
  for (name, m) in rows {
    print(
      name.padding(toLength: width, withPad: " ", startingAt: 0)
        + String(format: "   %8.3f   %7.3f   %6.1f MiB", m.wall, m.cpu, Double(m.peakKiB) / 1024))
  }
}

/// The full path of `program` as the shell would find it on PATH. A baseline is spawned by
/// its own path: through `env` or `sh` it would carry one more exec, which journal does not.
func pathOfProgram(_ program: String) throws -> String {
  let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
  for folder in folders where !folder.isEmpty {
    let candidate = "\(folder)/\(program)"
    if access(candidate, X_OK) == 0 { return candidate }
  }
  throw BenchError("\(program) is not on PATH")
}
