import Foundation
internal import Clibgit2
import JournalModel

/// git's external filter drivers (`filter.<driver>.process`, `.clean` and `.smudge`, chosen
/// by the `filter` attribute), which libgit2 1.5 does not run, plugged into libgit2's own
/// filter pipeline: every place libgit2 reads a working-tree file for the index or the object
/// database (staging, hashing, status) then stores what the driver makes of it, as git does
/// (`convert.c`'s `apply_filter`).
///
/// As in git: a driver with a `process` command is run as a long-running filter
/// (`FilterProcess`), one process for every file of the operation, even when it has a
/// `clean` or `smudge` command too; otherwise the command runs through the shell in the
/// working tree's top folder, with `%f` replaced by the file's path quoted for the shell. A
/// driver marked `required` that fails, or has no command for the job, fails the operation;
/// one that is not required leaves the content as it was.
enum FilterDriver {
  /// How a driver filters one file.
  enum Program {
    /// A command run once for the file (`filter.<driver>.clean` or `.smudge`).
    case command(String)
    /// A long-running process (`filter.<driver>.process`).
    case process(String)
  }

  /// What `check` found for one file, kept for `apply`.
  final class Job {
    let driver: String
    let program: Program
    let required: Bool
    let path: String
    let folder: String
    let clean: Bool

    init(driver: String, program: Program, required: Bool, path: String, folder: String, clean: Bool) {
      self.driver = driver
      self.program = program
      self.required = required
      self.path = path
      self.folder = folder
      self.clean = clean
    }

    var kind: String { clean ? "clean" : "smudge" }

    /// git's `die("%s: clean filter '%s' failed")`, as libgit2's error for the operation.
    func fail(_ detail: String = "") -> Int32 {
      git_error_set_str(Int32(GIT_ERROR_FILTER.rawValue), "\(path): \(kind) filter '\(driver)' failed\(detail)")
      return -1
    }
  }

  /// Registers the driver with libgit2, once, at initialisation.
  static func register() {
    let filter = UnsafeMutablePointer<git_filter>.allocate(capacity: 1)
    git_filter_init(filter, UInt32(GIT_FILTER_VERSION))
    filter.pointee.attributes = UnsafePointer(strdup("filter=*"))
    filter.pointee.check = { _, payload, source, values in
      guard let source, let values, let value = values[0] else { return GIT_PASSTHROUGH.rawValue }
      let driver = String(cString: value)
      let clean = git_filter_source_mode(source) == GIT_FILTER_TO_ODB
      let repository = git_filter_source_repo(source)
      guard let repository, let config = try? ConfigSnapshot(repository) else { return -1 }
      func setting(_ name: String) -> String? {
        config.string("filter.\(driver).\(name)").flatMap { $0.isEmpty ? nil : $0 }
      }
      let required = config.bool("filter.\(driver).required") == true
      let path = git_filter_source_path(source).map { String(cString: $0) } ?? ""
      // git prefers the process to the single command.
      guard let program = setting("process").map(Program.process) ?? setting(clean ? "clean" : "smudge").map(Program.command)
      else {
        guard required else { return GIT_PASSTHROUGH.rawValue }
        git_error_set_str(
          Int32(GIT_ERROR_FILTER.rawValue), "\(path): \(clean ? "clean" : "smudge") filter '\(driver)' failed (it has no command)")
        return -1
      }
      let folder = git_repository_workdir(repository).map { String(cString: $0) } ?? FileManager.default.currentDirectoryPath
      let job = Job(driver: driver, program: program, required: required, path: path, folder: folder, clean: clean)
      payload?.pointee = Unmanaged.passRetained(job).toOpaque()
      return 0
    }
    filter.pointee.apply = { _, payload, to, from, _ in
      guard let raw = payload?.pointee, let to, let from else { return GIT_PASSTHROUGH.rawValue }
      let job = Unmanaged<Job>.fromOpaque(raw).takeUnretainedValue()
      let input = from.pointee.ptr.map { Array(UnsafeRawBufferPointer(start: $0, count: from.pointee.size)) } ?? []
      let output: [UInt8]
      switch job.program {
      case .command(let command):
        let expanded = FilterDriver.expand(command, path: job.path)
        let result = try? Subprocess.run([expanded], shell: true, input: input, in: job.folder, errors: .standardError)
        guard let result, result.status == 0 else {
          return job.required ? job.fail(result.map { " (exit \($0.status))" } ?? "") : GIT_PASSTHROUGH.rawValue
        }
        output = result.output
      case .process(let command):
        switch FilterProcesses.shared.filter(command: command, folder: job.folder, capability: job.kind, path: job.path, content: input) {
        case .filtered(let bytes):
          output = bytes
        case .notFiltered(let warning):
          if job.required { return job.fail(warning.map { " (\($0))" } ?? "") }
          if let warning {
            warn("journal: warning: \(warning); \(job.path) is taken as it is, since filter.\(job.driver).required is not set\n")
          }
          return GIT_PASSTHROUGH.rawValue
        case .fatal(let message):
          git_error_set_str(Int32(GIT_ERROR_FILTER.rawValue), message)
          return -1
        }
      }
      return output.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { git_buf_set(to, $0.baseAddress, $0.count) }
      }
    }
    filter.pointee.cleanup = { _, payload in
      if let payload { Unmanaged<Job>.fromOpaque(payload).release() }
    }
    git_filter_register("journal-external-driver", filter, GIT_FILTER_DRIVER_PRIORITY)
  }

  /// The command with `%f` as the path quoted for the shell, and `%%` as `%`.
  static func expand(_ command: String, path: String) -> String {
    var result = String.UnicodeScalarView()
    var scalars = command.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "%" else {
        result.append(scalar)
        continue
      }
      switch scalars.next() {
      case "f": result.append(contentsOf: ShellQuote.quote(path).unicodeScalars)
      case "%": result.append("%")
      case let other?: result.append("%"); result.append(other)
      case nil: result.append("%")
      }
    }
    return String(result)
  }
}

/// Writes a warning to standard error, best effort: a stream that cannot take it (closed, on
/// a full disk) loses the warning, where FileHandle would stop the program with a trap.
private func warn(_ text: String) {
  _ = FileDescriptor.writeAll(text, to: STDERR_FILENO)
}
