import Foundation

/// What `journal-floor` printed: `N files, B bytes, T threads: …`.
struct FloorReport: Equatable {
  let files: Int
  let bytes: Int
  let threads: Int

  init(files: Int, bytes: Int, threads: Int) {
    self.files = files
    self.bytes = bytes
    self.threads = threads
  }

  /// Reads the first line of the floor's output, or nil when it is not the floor's.
  init?(_ output: String) {
    guard let line = output.split(separator: "\n", omittingEmptySubsequences: false).first,
      let colon = line.firstIndex(of: ":")
    else { return nil }
    let figures = line[..<colon].split(separator: ",").map { $0.split(separator: " ") }
    guard figures.count == 3, figures.allSatisfy({ $0.count == 2 }),
      figures.map({ String($0[1]) }) == ["files", "bytes", "threads"],
      let files = Int(figures[0][0]), let bytes = Int(figures[1][0]), let threads = Int(figures[2][0])
    else { return nil }
    self.init(files: files, bytes: bytes, threads: threads)
  }
}

/// The check against the floor, from the medians of one interleaved run over `files` files.
struct FloorComparison {
  /// The floor's CPU a file when the 45 µs target was set, as three times it.
  static let floorWhenTargetSet = 15.0
  static let target = 45.0

  let files: Int
  let check: Measurement
  let floor: Measurement
  let cat: Measurement

  var checkCPUAFile: Double { check.cpu / Double(files) * 1e6 }
  var floorCPUAFile: Double { floor.cpu / Double(files) * 1e6 }
  /// Check CPU over floor CPU.
  var cpuRatio: Double { check.cpu / floor.cpu }
  /// Check wall over floor wall.
  var wallRatio: Double { check.wall / floor.wall }
  /// The target moved to this run's floor: as many times this floor as 45 µs was of the
  /// floor it was set against.
  var targetAtThisFloor: Double { floorCPUAFile * Self.target / Self.floorWhenTargetSet }

  /// The lines `journal-bench check` prints.
  var lines: [String] {
    [
      "floor / cat: \(fixed(floor.wall / cat.wall, 2))x wall   floor CPU: \(fixed(floorCPUAFile, 1)) µs a file",
      "check / floor: \(fixed(cpuRatio, 2))x CPU (\(fixed(checkCPUAFile, 1)) against \(fixed(floorCPUAFile, 1)) µs a file), "
        + "\(fixed(wallRatio, 2))x wall",
      "the \(fixed(Self.target, 0)) µs target was set as 3x the floor measured then "
        + "(\(fixed(Self.floorWhenTargetSet, 0)) µs a file); 3x this run's floor is \(fixed(targetAtThisFloor, 1)) µs",
    ]
  }
}

/// `value` with `digits` decimals, as `%.Nf` prints it.
func fixed(_ value: Double, _ digits: Int) -> String {
  String(format: "%.\(digits)f", value)
}
