import Foundation
import JournalModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A long-running filter (`filter.<driver>.process`), spoken to as git speaks to it
/// (gitattributes(5) "Long Running Filter Process"; git's `convert.c`, `sub-process.c` and
/// `pkt-line.c`): started through the shell in the working tree's top folder, greeted with
/// `git-filter-client` and version 2, offered the capabilities `clean`, `smudge` and `delay`,
/// then given one file after another — `command=…` and `pathname=…`, the content in
/// packets, each list ended by a flush packet — until its standard input is closed.
final class FilterProcess {
  /// What the filter made of one file.
  enum Outcome {
    case filtered([UInt8])
    /// `status=error`: this file cannot be filtered.
    case error
    /// `status=abort`: the filter will do no more of this kind of work in this operation.
    case abort
    /// The filter broke the protocol or died; git stops it and starts it again for the next
    /// file.
    case failed
  }

  /// The handshake failed, or the filter asked for a capability git does not know (git
  /// dies on that: `fatal` is true).
  struct StartFailure: Error {
    let message: String
    let fatal: Bool
  }

  let command: String
  /// The capabilities both sides agreed on (`clean`, `smudge`, `delay`).
  private(set) var capabilities: Set<String> = []
  private let pid: pid_t
  /// The process's standard input (journal writes) and standard output (journal reads).
  private let input: Int32
  private let output: Int32
  private var running = true

  /// Starts `command` in `folder` and makes the handshake.
  init(command: String, folder: String) throws {
    self.command = command
    let toFilter = try Self.pipe()
    let fromFilter: (read: Int32, write: Int32)
    do { fromFilter = try Self.pipe() } catch {
      close(toFilter.read)
      close(toFilter.write)
      throw error
    }
    defer {
      close(toFilter.read)
      close(fromFilter.write)
    }
    do {
      pid = try Subprocess.spawn(
        Subprocess.shellCommand([command]), input: toFilter.read, output: fromFilter.write, errors: nil, in: folder,
        environment: [:])
    } catch {
      close(toFilter.write)
      close(fromFilter.read)
      throw StartFailure(message: "cannot fork to run subprocess '\(command)'", fatal: false)
    }
    input = toFilter.write
    output = fromFilter.read
    do {
      try withoutSIGPIPE { try handshake() }
    } catch let failure as StartFailure {
      stop()
      throw failure
    } catch {
      stop()
      throw StartFailure(message: "initialization for subprocess '\(command)' failed", fatal: false)
    }
  }

  deinit { finish() }

  private func handshake() throws {
    try PacketLine.write(text: "git-filter-client", to: input)
    try PacketLine.write(text: "version=2", to: input)
    try PacketLine.flush(input)
    guard try PacketLine.readText(output) == "git-filter-server" else { throw PacketLine.Failure() }
    guard let version = try PacketLine.readText(output), version == "version=2" else { throw PacketLine.Failure() }
    guard try PacketLine.readText(output) == nil else { throw PacketLine.Failure() }
    let offered = ["clean", "smudge", "delay"]
    for capability in offered { try PacketLine.write(text: "capability=" + capability, to: input) }
    try PacketLine.flush(input)
    while let line = try PacketLine.readText(output) {
      guard line.hasPrefix("capability=") else { continue }
      let capability = String(line.dropFirst("capability=".count))
      guard offered.contains(capability) else {
        throw StartFailure(message: "subprocess '\(command)' requested unsupported capability '\(capability)'", fatal: true)
      }
      capabilities.insert(capability)
    }
  }

  /// Sends one file through the filter: `capability` is `clean` or `smudge`, `path` is
  /// relative to the working tree's top.
  func filter(_ capability: String, path: String, content: [UInt8]) -> Outcome {
    do {
      return try withoutSIGPIPE {
        try PacketLine.write(text: "command=" + capability, to: input)
        try PacketLine.write(text: "pathname=" + path, to: input)
        try PacketLine.flush(input)
        try PacketLine.write(content: content, to: input)
        try PacketLine.flush(input)
        // The status before the content, then the content, then a list that may change it.
        var status = try readStatus()
        guard status == "success" else { return Self.outcome(status) }
        let result = try PacketLine.readContent(output)
        if let late = try readStatus() { status = late }
        return status == "success" ? .filtered(result) : Self.outcome(status)
      }
    } catch {
      return .failed
    }
  }

  /// A list of `key=value` lines up to a flush packet: the last `status=` in it, if any.
  private func readStatus() throws -> String? {
    var status: String? = nil
    while let line = try PacketLine.readText(output) {
      if line.hasPrefix("status=") { status = String(line.dropFirst("status=".count)) }
    }
    return status
  }

  private static func outcome(_ status: String?) -> Outcome {
    switch status {
    case "error": .error
    case "abort": .abort
    default: .failed
    }
  }

  /// No more files: the filter's standard input is closed, which asks it to finish, and
  /// journal waits until it has (git's exit handler for its filter processes).
  func finish() {
    guard running else { return }
    running = false
    close(input)
    close(output)
    _ = Subprocess.wait(pid)
  }

  /// The filter failed: it is stopped at once (git's `subprocess_stop`).
  func stop() {
    guard running else { return }
    kill(pid, SIGTERM)
    finish()
  }

  /// Capability `capability` is no longer asked for, after `status=abort`.
  func withdraw(_ capability: String) { capabilities.remove(capability) }

  /// A pipe whose ends no other program inherits (`pipe2` is not in Swift's Glibc module,
  /// nor on macOS).
  private static func pipe() throws -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    #if canImport(Glibc)
      let made = Glibc.pipe(&ends)
    #else
      let made = Darwin.pipe(&ends)
    #endif
    if made == 0 { for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) } }
    guard made == 0 else { throw StartFailure(message: "cannot make a pipe: \(String(cString: strerror(errno)))", fatal: false) }
    return (ends[0], ends[1])
  }
}

/// Runs `body` with SIGPIPE ignored, as git does while it talks to a filter: a filter that
/// dies makes a write fail instead of killing journal.
private func withoutSIGPIPE<T>(_ body: () throws -> T) rethrows -> T {
  let previous = signal(SIGPIPE, SIG_IGN)
  defer { signal(SIGPIPE, previous) }
  return try body()
}

/// git's pkt-line framing: four hexadecimal digits giving the packet's length (themselves
/// included), then the data; `0000` is a flush packet, which ends a list.
enum PacketLine {
  struct Failure: Error {}

  /// The most a packet holds: 65520 bytes, with its header (`LARGE_PACKET_MAX`).
  static let maximumLength = 65520

  static func write(text: String, to descriptor: Int32) throws {
    try write(packet: Array((text + "\n").utf8), to: descriptor)
  }

  /// Content in as many packets as it needs (none when empty).
  static func write(content: [UInt8], to descriptor: Int32) throws {
    var start = 0
    while start < content.count {
      let end = min(start + maximumLength - 4, content.count)
      try write(packet: Array(content[start..<end]), to: descriptor)
      start = end
    }
  }

  static func flush(_ descriptor: Int32) throws { try writeAll(Array("0000".utf8), to: descriptor) }

  private static func write(packet: [UInt8], to descriptor: Int32) throws {
    guard packet.count + 4 <= maximumLength else { throw Failure() }
    try writeAll(Array(String(format: "%04x", packet.count + 4).utf8) + packet, to: descriptor)
  }

  /// One packet's data; nil for a flush packet.
  static func read(_ descriptor: Int32) throws -> [UInt8]? {
    let header = try readExactly(4, from: descriptor)
    // Four hexadecimal digits, in either case, and nothing else (no sign).
    guard header.allSatisfy({ isHexDigit($0) }), let length = Int(String(decoding: header, as: UTF8.self), radix: 16)
    else { throw Failure() }
    if length == 0 { return nil }
    guard length >= 4, length <= maximumLength else { throw Failure() }
    return try readExactly(length - 4, from: descriptor)
  }

  /// One packet as a line of text, without its newline; nil for a flush packet.
  static func readText(_ descriptor: Int32) throws -> String? {
    guard var data = try read(descriptor) else { return nil }
    if data.last == UInt8(ascii: "\n") { data.removeLast() }
    return String(decoding: data, as: UTF8.self)
  }

  /// Packets up to a flush packet, joined.
  static func readContent(_ descriptor: Int32) throws -> [UInt8] {
    var content: [UInt8] = []
    while let packet = try read(descriptor) { content += packet }
    return content
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
    default: false
    }
  }

  private static func readExactly(_ count: Int, from descriptor: Int32) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let got = bytes[done...].withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { throw Failure() }
      done += got
    }
    return bytes
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
    guard bytes.withUnsafeBytes({ FileDescriptor.writeAll($0, to: descriptor) }) == nil else { throw Failure() }
  }
}

/// The filter processes this program started, one per command and folder, each kept for the
/// files that follow until `finishAll()` (git keeps one per command until it exits): the
/// outcome of a file, decided as git's `apply_multi_file_filter` decides it.
final class FilterProcesses: @unchecked Sendable {
  // Safe to share: `running` is only touched with `lock` held, and a process is used by one
  // file at a time, under the same lock.
  static let shared = FilterProcesses()
  private let lock = NSLock()
  private var running: [String: FilterProcess] = [:]

  enum Result {
    case filtered([UInt8])
    /// The file is left as it is, unless the driver is required; `warning` says why when
    /// git would say it.
    case notFiltered(warning: String?)
    /// git gives up on the whole operation, required or not.
    case fatal(String)
  }

  func filter(command: String, folder: String, capability: String, path: String, content: [UInt8]) -> Result {
    lock.lock()
    defer { lock.unlock() }
    let key = folder + "\u{0}" + command
    let process: FilterProcess
    if let started = running[key] {
      process = started
    } else {
      do {
        process = try FilterProcess(command: command, folder: folder)
      } catch let failure as FilterProcess.StartFailure {
        return failure.fatal ? .fatal(failure.message) : .notFiltered(warning: failure.message)
      } catch {
        return .notFiltered(warning: "initialization for subprocess '\(command)' failed")
      }
      running[key] = process
    }
    guard process.capabilities.contains(capability) else { return .notFiltered(warning: nil) }
    switch process.filter(capability, path: path, content: content) {
    case .filtered(let bytes): return .filtered(bytes)
    case .error: return .notFiltered(warning: nil)
    case .abort:
      process.withdraw(capability)
      return .notFiltered(warning: nil)
    case .failed:
      // Started again for the next file.
      process.stop()
      running[key] = nil
      return .notFiltered(warning: "external filter '\(command)' failed")
    }
  }

  /// Closes every filter's input and waits for each to finish.
  func finishAll() {
    lock.lock()
    defer { lock.unlock() }
    for process in running.values { process.finish() }
    running = [:]
  }
}
