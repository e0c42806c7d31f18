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
  var results: [Measurement] = []
  for index in 0...runs {
    let result = try runOnce(program, arguments, in: nil, expectStatus: expectStatus)
    if index > 0 { results.append(result) }
  }
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  return Measurement(
    wall: median(results.map(\.wall)), cpu: median(results.map(\.cpu)),
    peakKiB: results.map(\.peakKiB).max() ?? 0)
}

/// Runs a command once, in `directory` if given, and measures it. posix_spawn and wait4 time
/// the child alone, without the polling a `Process` adds to its exit.
func runOnce(_ program: String, _ arguments: [String], in directory: String?, expectStatus: Set<Int32> = [0]) throws
  -> Measurement
{
  #if os(Linux)
    var actions = posix_spawn_file_actions_t()
  #else
    var actions: posix_spawn_file_actions_t = nil
  #endif
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  // The child starts in `directory`: the benchmark is single-threaded, so changing ours
  // around the spawn is safe.
  let previous = FileManager.default.currentDirectoryPath
  if let directory { _ = FileManager.default.changeCurrentDirectoryPath(directory) }
  defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
  let argv = ([program] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  // The child gets this program's environment (`environ` is not declared on macOS).
  let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
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
