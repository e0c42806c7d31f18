import Foundation
internal import Clibgit2

/// The configuration git reads for a repository, gathered in git's order (`config.c`,
/// `do_git_config_sequence`), then frozen and made the repository's own
/// (`git_repository_set_config`), so that libgit2 (`core.*`, attributes, ignore rules) and
/// journal (identity, hooks, filters, signing, `core.sharedRepository`) read what git reads,
/// once, as git reads it once per command:
///
/// 1. the system's file, unless `GIT_CONFIG_NOSYSTEM` is true: `GIT_CONFIG_SYSTEM`, or the
///    system's own;
/// 2. the user's: the file `GIT_CONFIG_GLOBAL` names alone, or else
///    `$XDG_CONFIG_HOME/git/config` (`~/.config/git/config`) then `~/.gitconfig`;
/// 3. the repository's `config`, then the worktree's `config.worktree` when
///    `extensions.worktreeConfig` is on;
/// 4. the command line's: `GIT_CONFIG_COUNT` with `GIT_CONFIG_KEY_<n>` and
///    `GIT_CONFIG_VALUE_<n>`, then `GIT_CONFIG_PARAMETERS` (what `git -c` passes on).
///
/// libgit2 reads each file with its `include` and `includeIf` (`gitdir:`, `gitdir/i:`,
/// `onbranch:`); `includeIf.hasconfig:remote.*.url:`, which libgit2 1.5 does not know, is
/// resolved here as git resolves it: the file is included in place when any remote's URL
/// matches the pattern (git's `wildmatch`), and may not set a remote URL itself.
enum GitConfiguration {
  /// libgit2's levels, in git's order; the worktree's file and the command line come after
  /// the repository's (libgit2 orders levels by number).
  static let worktreeLevel = git_config_level_t(rawValue: 6)
  static let commandLevel = git_config_level_t(rawValue: 7)

  /// A refusal git itself makes, as git words it.
  static func failure(_ message: String) -> GitError { GitError(function: "config", code: -1, message: message) }

  /// Builds the configuration of `repository` from `environment` and makes it the
  /// repository's own.
  static func install(_ repository: OpaquePointer, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    var made: OpaquePointer?
    try check(git_config_new(&made), "git_config_new")
    let config = made!
    defer { git_config_free(config) }
    var temporaryFiles: [NamedTemporaryFile] = []
    defer { temporaryFiles.forEach { $0.remove() } }
    /// The file each level was read from, for includes relative to it (none: the command line).
    var sources: [Int32: String] = [:]

    func add(_ path: String, _ level: git_config_level_t) throws {
      // As git: a file that is missing or unreadable is no configuration.
      guard access(path, R_OK) == 0 else { return }
      try check(git_config_add_file_ondisk(config, path, level, repository, 0), "git_config_add_file_ondisk")
      sources[level.rawValue] = path
    }

    if try !boolean(environment["GIT_CONFIG_NOSYSTEM"], name: "GIT_CONFIG_NOSYSTEM") {
      if let system = environment["GIT_CONFIG_SYSTEM"] ?? systemFile() { try add(system, GIT_CONFIG_LEVEL_SYSTEM) }
    }
    if let global = environment["GIT_CONFIG_GLOBAL"] {
      try add(global, GIT_CONFIG_LEVEL_GLOBAL)
    } else {
      let home = environment["HOME"]
      if let xdg = environment["XDG_CONFIG_HOME"].flatMap({ $0.isEmpty ? nil : $0 + "/git/config" })
        ?? home.map({ $0 + "/.config/git/config" })
      {
        try add(xdg, GIT_CONFIG_LEVEL_XDG)
      }
      if let home { try add(home + "/.gitconfig", GIT_CONFIG_LEVEL_GLOBAL) }
    }
    let commonFolder = String(cString: git_repository_commondir(repository))
    try add(commonFolder + "config", GIT_CONFIG_LEVEL_LOCAL)
    if try worktreeConfigEnabled(config) {
      try add(String(cString: git_repository_path(repository)) + "config.worktree", worktreeLevel)
    }
    let command = try CommandLineConfiguration.entries(environment)
    if !command.isEmpty {
      let file = try NamedTemporaryFile(Array(text(of: command).utf8))
      temporaryFiles.append(file)
      try check(git_config_add_file_ondisk(config, file.path, commandLevel, repository, 0), "git_config_add_file_ondisk")
    }

    let resolver = RemoteURLIncludes(config: config, repository: repository, sources: sources, environment: environment)
    for (level, entries) in try resolver.expandedLevels() {
      let file = try NamedTemporaryFile(Array(text(of: entries.filter { !isInclude($0.name) }).utf8))
      temporaryFiles.append(file)
      try check(git_config_add_file_ondisk(config, file.path, level, repository, 1), "git_config_add_file_ondisk")
    }

    var snapshot: OpaquePointer?
    try check(git_config_snapshot(&snapshot, config), "git_config_snapshot")
    defer { git_config_free(snapshot) }
    try check(git_repository_set_config(repository, snapshot), "git_repository_set_config")
  }

  /// The system's own file, where libgit2 finds it (git's `ETC_GITCONFIG`).
  private static func systemFile() -> String? {
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    guard git_config_find_system(&buffer) == 0, let path = buffer.ptr else { return nil }
    return String(cString: path)
  }

  /// An environment variable read as git reads a boolean (`git_env_bool`).
  static func boolean(_ text: String?, name: String) throws -> Bool {
    guard let text else { return false }
    var value: Int32 = 0
    guard git_config_parse_bool(&value, text) == 0 else {
      throw failure("bad boolean config value '\(text)' for '\(name)'")
    }
    return value != 0
  }

  /// `extensions.worktreeConfig`, as the repository's own file sets it.
  private static func worktreeConfigEnabled(_ config: OpaquePointer) throws -> Bool {
    var local: OpaquePointer?
    guard git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL) == 0 else { return false }
    defer { git_config_free(local) }
    var value: Int32 = 0
    return git_config_get_bool(&value, local, "extensions.worktreeconfig") == 0 && value != 0
  }

  /// One setting as read, in its file's order; `depth` counts the includes it came through.
  struct Entry {
    let name: String
    let value: String?
    var depth: Int = 0
  }

  /// Every entry of `config`, in order.
  static func entries(of config: OpaquePointer) throws -> [(entry: Entry, level: git_config_level_t)] {
    var iterator: OpaquePointer?
    try check(git_config_iterator_new(&iterator, config), "git_config_iterator_new")
    defer { git_config_iterator_free(iterator) }
    var entries: [(Entry, git_config_level_t)] = []
    var entry: UnsafeMutablePointer<git_config_entry>?
    while git_config_next(&entry, iterator) == 0, let entry {
      let value = entry.pointee.value.map { String(cString: $0) }
      entries.append(
        (Entry(name: String(cString: entry.pointee.name), value: value, depth: Int(entry.pointee.include_depth)), entry.pointee.level))
    }
    return entries
  }

  /// `include.path` and `includeIf.<condition>.path`: read, and already followed.
  static func isInclude(_ name: String) -> Bool {
    name == "include.path" || name.bytesStart(with: "includeif.") && name.bytesEnd(with: ".path")
  }

  /// Entries as the text of a configuration file, each under its own section header, with
  /// values quoted and escaped so that they read back as they are.
  static func text(of entries: [Entry]) -> String {
    func quoted(_ text: String, escapes: Bool) -> String {
      var result = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n" where escapes: result += "\\n"
        case "\t" where escapes: result += "\\t"
        case "\u{8}" where escapes: result += "\\b"
        default: result.unicodeScalars.append(scalar)
        }
      }
      return result + "\""
    }
    var text = ""
    for entry in entries {
      // `section.subsection.key`, the subsection holding any dots.
      let bytes = Array(entry.name.utf8)
      guard let first = bytes.firstIndex(of: UInt8(ascii: ".")), let last = bytes.lastIndex(of: UInt8(ascii: ".")) else { continue }
      let section = String(decoding: bytes[..<first], as: UTF8.self)
      let key = String(decoding: bytes[(last + 1)...], as: UTF8.self)
      let subsection = first < last ? String(decoding: bytes[(first + 1)..<last], as: UTF8.self) : nil
      text += "[" + section + (subsection.map { " " + quoted($0, escapes: false) } ?? "") + "]\n"
      text += "\t" + key + (entry.value.map { " = " + quoted($0, escapes: true) } ?? "") + "\n"
    }
    return text
  }
}

/// `includeIf.hasconfig:remote.*.url:<pattern>.path`, resolved as git's `config.c` does:
/// the remote URLs are those of the whole configuration without such includes; a file they
/// name is included in place when one URL matches, and none of them may set a remote URL,
/// whether it is included or not.
private struct RemoteURLIncludes {
  static let prefix = "includeif.hasconfig:remote.*.url:"
  static let maximumDepth = 10

  let config: OpaquePointer
  let repository: OpaquePointer
  let sources: [Int32: String]
  let environment: [String: String]

  /// The levels that hold such an include, each with its entries expanded.
  func expandedLevels() throws -> [(git_config_level_t, [GitConfiguration.Entry])] {
    let all = try GitConfiguration.entries(of: config)
    let levels = Set(all.filter { Self.isRemoteURLInclude($0.entry.name) }.map { $0.level.rawValue })
    guard !levels.isEmpty else { return [] }
    let urls = all.compactMap { Self.isRemoteURL($0.entry.name) ? $0.entry.value : nil }
    return try levels.sorted().map { raw in
      let level = git_config_level_t(rawValue: raw)
      var single: OpaquePointer?
      try check(git_config_open_level(&single, config, level), "git_config_open_level")
      defer { git_config_free(single) }
      let entries = try GitConfiguration.entries(of: single!).map(\.entry)
      return (level, try expand(entries, file: sources[raw], urls: urls, depth: 0))
    }
  }

  static func isRemoteURLInclude(_ name: String) -> Bool { name.bytesStart(with: prefix) && name.bytesEnd(with: ".path") }

  /// `remote.<name>.url`.
  static func isRemoteURL(_ name: String) -> Bool {
    name.bytesStart(with: "remote.") && name.bytesEnd(with: ".url") && name.utf8.count > "remote..url".utf8.count
  }

  /// The entries of one file (`file`; nil for the command line) with what each such include
  /// brings in its place.
  private func expand(_ entries: [GitConfiguration.Entry], file: String?, urls: [String], depth: Int) throws
    -> [GitConfiguration.Entry]
  {
    var result: [GitConfiguration.Entry] = []
    // The file the entries at each include depth come from, followed through the includes
    // libgit2 made: entries one level deeper than a directive come from the file it named.
    var files: [String?] = [file]
    var named: String? = nil
    for entry in entries {
      if entry.depth >= files.count {
        files.append(named)
      } else if entry.depth < files.count - 1 {
        files.removeLast(files.count - 1 - entry.depth)
      }
      result.append(entry)
      let source = files[min(entry.depth, files.count - 1)]
      guard GitConfiguration.isInclude(entry.name), let value = entry.value else { continue }
      named = try? path(value, from: source)
      guard Self.isRemoteURLInclude(entry.name) else { continue }
      let pattern = String(decoding: Array(entry.name.utf8).dropFirst(Self.prefix.utf8.count).dropLast(".path".utf8.count), as: UTF8.self)
      let included = try path(value, from: source)
      guard depth < Self.maximumDepth else {
        throw GitConfiguration.failure(
          "exceeded maximum include depth (\(Self.maximumDepth)) while including \(included) from \(source ?? "the command line"); this might be due to circular includes")
      }
      let brought = try read(included, urls: urls, depth: depth + 1)
      if brought.contains(where: { Self.isRemoteURL($0.name) }) {
        throw GitConfiguration.failure(
          "remote URLs cannot be configured in file directly or indirectly included by includeIf.hasconfig:remote.*.url")
      }
      if urls.contains(where: { Wildmatch.matches(pattern, $0) }) {
        result += brought.map { GitConfiguration.Entry(name: $0.name, value: $0.value, depth: entry.depth + 1 + $0.depth) }
      }
    }
    return result
  }

  /// The entries of the file at `path` with its own includes; none when it is missing, as
  /// git skips such a file.
  private func read(_ path: String, urls: [String], depth: Int) throws -> [GitConfiguration.Entry] {
    guard access(path, R_OK) == 0 else { return [] }
    var single: OpaquePointer?
    try check(git_config_new(&single), "git_config_new")
    defer { git_config_free(single) }
    try check(git_config_add_file_ondisk(single, path, GIT_CONFIG_LEVEL_LOCAL, repository, 0), "git_config_add_file_ondisk")
    return try expand(GitConfiguration.entries(of: single!).map(\.entry), file: path, urls: urls, depth: depth)
  }

  /// An include's path as git's `handle_path_include` takes it: `~` is the home folder, and
  /// a relative path is relative to the file that holds the include.
  private func path(_ value: String, from source: String?) throws -> String {
    var path = value
    let bytes = Array(value.utf8)
    if bytes.first == UInt8(ascii: "~") {
      // `~/…` is the home folder, `~user/…` that user's.
      let user = bytes.dropFirst().prefix { $0 != UInt8(ascii: "/") }
      let rest = String(decoding: bytes.dropFirst(1 + user.count), as: UTF8.self)
      let home = user.isEmpty ? environment["HOME"] : getpwnam(String(decoding: user, as: UTF8.self)).map { String(cString: $0.pointee.pw_dir) }
      guard let home else { throw GitConfiguration.failure("could not expand include path '\(value)'") }
      path = home + rest
    }
    if path.bytesStart(with: "/") { return path }
    guard let source else { throw GitConfiguration.failure("relative config includes must come from files") }
    return (source as NSString).deletingLastPathComponent + "/" + path
  }
}

extension String {
  /// Prefix and suffix tests on the UTF-8 bytes: a combining mark after the prefix must not
  /// hide it, as it would from `hasPrefix`, which compares characters.
  func bytesStart(with prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }
  func bytesEnd(with suffix: String) -> Bool { utf8.reversed().starts(with: suffix.utf8.reversed()) }
}
