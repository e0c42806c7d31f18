import Foundation
internal import Clibgit2
import JournalModel

/// git's external filter drivers (`filter.<driver>.clean` and `.smudge`, chosen by the
/// `filter` attribute), which libgit2 1.5 does not run, plugged into libgit2's own filter
/// pipeline: every place libgit2 reads a working-tree file for the index or the object
/// database (staging, hashing, status) then stores what the clean command writes, as git
/// does (`convert.c`).
///
/// As in git: the command runs through the shell in the working tree's top folder, with `%f`
/// replaced by the file's path quoted for the shell; a driver marked `required` that fails,
/// or has no command, fails the operation; one that is not required leaves the content as
/// it was. A driver with only a long-running `process` command (the filter protocol) has no
/// command journal can run: if it is required, the operation fails, naming it.
enum FilterDriver {
  /// What `check` found for one file, kept for `apply`.
  final class Job {
    let driver: String
    let command: String?
    let required: Bool
    let path: String
    let folder: String
    let clean: Bool

    init(driver: String, command: String?, required: Bool, path: String, folder: String, clean: Bool) {
      self.driver = driver
      self.command = command
      self.required = required
      self.path = path
      self.folder = folder
      self.clean = clean
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
      func setting(_ name: String) -> String? { config.string("filter.\(driver).\(name)") }
      let required = config.bool("filter.\(driver).required") == true
      let command = setting(clean ? "clean" : "smudge")
      if command == nil {
        guard required else { return GIT_PASSTHROUGH.rawValue }
        let process = setting("process") != nil ? " (journal cannot run filter.\(driver).process; give the driver a \(clean ? "clean" : "smudge") command)" : ""
        git_error_set_str(Int32(GIT_ERROR_FILTER.rawValue), "filter '\(driver)' is required but has no \(clean ? "clean" : "smudge") command\(process)")
        return -1
      }
      let path = git_filter_source_path(source).map { String(cString: $0) } ?? ""
      let folder = git_repository_workdir(repository).map { String(cString: $0) } ?? FileManager.default.currentDirectoryPath
      let job = Job(driver: driver, command: command, required: required, path: path, folder: folder, clean: clean)
      payload?.pointee = Unmanaged.passRetained(job).toOpaque()
      return 0
    }
    filter.pointee.apply = { _, payload, to, from, _ in
      guard let raw = payload?.pointee, let to, let from else { return GIT_PASSTHROUGH.rawValue }
      let job = Unmanaged<Job>.fromOpaque(raw).takeUnretainedValue()
      guard let command = job.command else { return GIT_PASSTHROUGH.rawValue }
      let input = from.pointee.ptr.map { Array(UnsafeRawBufferPointer(start: $0, count: from.pointee.size)) } ?? []
      let expanded = FilterDriver.expand(command, path: job.path)
      let result = try? Subprocess.run([expanded], shell: true, input: input, in: job.folder, errors: .standardError)
      guard let result, result.status == 0 else {
        guard job.required else { return GIT_PASSTHROUGH.rawValue }
        git_error_set_str(
          Int32(GIT_ERROR_FILTER.rawValue),
          "\(job.path): \(job.clean ? "clean" : "smudge") filter '\(job.driver)' failed\(result.map { " (exit \($0.status))" } ?? "")")
        return -1
      }
      return result.output.withUnsafeBufferPointer { buffer in
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
