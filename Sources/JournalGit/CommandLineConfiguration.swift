import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The settings git takes from its environment as if from its command line
/// (`config.c`, `git_config_from_parameters`): `GIT_CONFIG_COUNT` entries
/// (`GIT_CONFIG_KEY_<n>` = `GIT_CONFIG_VALUE_<n>`), then `GIT_CONFIG_PARAMETERS`, the
/// shell-quoted list `git -c` passes on to the programs it runs. Malformed ones are refused
/// as git refuses them.
enum CommandLineConfiguration {
  static func entries(_ environment: [String: String]) throws -> [GitConfiguration.Entry] {
    var entries: [GitConfiguration.Entry] = []
    if let text = environment["GIT_CONFIG_COUNT"] {
      for index in 0..<(try count(text)) {
        guard let key = environment["GIT_CONFIG_KEY_\(index)"] else { throw failure("missing config key GIT_CONFIG_KEY_\(index)") }
        guard let value = environment["GIT_CONFIG_VALUE_\(index)"] else {
          throw failure("missing config value GIT_CONFIG_VALUE_\(index)")
        }
        entries.append(try entry(key, value))
      }
    }
    if let text = environment["GIT_CONFIG_PARAMETERS"] { entries += try parameters(text) }
    for entry in entries where GitConfiguration.isInclude(entry.name) {
      // As git: an include from the command line has no file to be relative to.
      if let value = entry.value, !value.bytesStart(with: "/"), !value.bytesStart(with: "~") {
        throw failure("relative config includes must come from files")
      }
      if entry.name.bytesStart(with: "includeif.gitdir:./") || entry.name.bytesStart(with: "includeif.gitdir/i:./") {
        throw failure("relative config include conditionals must come from files")
      }
    }
    return entries
  }

  private static func failure(_ detail: String) -> GitError {
    GitConfiguration.failure("\(detail): unable to parse command-line config")
  }

  /// `GIT_CONFIG_COUNT`, read with `strtoul` as git reads it.
  private static func count(_ text: String) throws -> Int {
    let (value, rest) = text.withCString { start -> (UInt, Int) in
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtoul(start, &end, 10)
      return (value, end.map { strlen($0) } ?? 0)
    }
    guard rest == 0 else { throw failure("bogus count in GIT_CONFIG_COUNT") }
    guard value <= UInt(Int32.max) else { throw failure("too many entries in GIT_CONFIG_COUNT") }
    return Int(value)
  }

  /// git's `git_config_parse_key`: section and name lowercased, the subsection as written.
  static func entry(_ key: String, _ value: String?) throws -> GitConfiguration.Entry {
    let bytes = Array(key.utf8)
    guard !bytes.isEmpty else { throw failure("empty config key") }
    guard let last = bytes.lastIndex(of: UInt8(ascii: ".")), last > 0 else { throw failure("key does not contain a section: \(key)") }
    guard last + 1 < bytes.count else { throw failure("key does not contain variable name: \(key)") }
    let first = bytes.firstIndex(of: UInt8(ascii: "."))!
    func isKeyCharacter(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "-") }
    var canonical = bytes
    for index in bytes.indices where index < first || index > last {
      guard isKeyCharacter(bytes[index]), index != last + 1 || isLetter(bytes[index]) else { throw failure("invalid key: \(key)") }
      canonical[index] = lowercased(bytes[index])
    }
    guard !bytes[first..<last].contains(UInt8(ascii: "\n")) else { throw failure("invalid key (newline): \(key)") }
    return GitConfiguration.Entry(name: String(decoding: canonical, as: UTF8.self), value: value)
  }

  /// `GIT_CONFIG_PARAMETERS`: `'key'='value'` (a value left out is a boolean true) or the
  /// older `'key=value'`, separated by white space (`parse_config_env_list`).
  private static func parameters(_ text: String) throws -> [GitConfiguration.Entry] {
    let bogus = failure("bogus format in GIT_CONFIG_PARAMETERS")
    let bytes = Array(text.utf8)
    var entries: [GitConfiguration.Entry] = []
    var position: Int? = 0
    while let start = position, start < bytes.count {
      guard let (key, next) = dequote(bytes, from: start) else { throw bogus }
      if next == nil || isSpace(bytes[next!]) {
        entries.append(try parameter(key))
        position = next
      } else if bytes[next!] == UInt8(ascii: "=") {
        let valueStart = next! + 1
        if valueStart < bytes.count && bytes[valueStart] == UInt8(ascii: "'") {
          guard let (value, after) = dequote(bytes, from: valueStart), after == nil || isSpace(bytes[after!]) else { throw bogus }
          entries.append(try entry(key, value))
          position = after
        } else if valueStart >= bytes.count || isSpace(bytes[valueStart]) {
          entries.append(try entry(key, nil))
          position = valueStart
        } else {
          throw bogus
        }
      } else {
        throw bogus
      }
      while let at = position, at < bytes.count, isSpace(bytes[at]) { position = at + 1 }
    }
    return entries
  }

  /// The older `key=value` form; a key alone is a boolean true.
  private static func parameter(_ text: String) throws -> GitConfiguration.Entry {
    let bytes = Array(text.utf8)
    let equals = bytes.firstIndex(of: UInt8(ascii: "="))
    let key = String(decoding: bytes[..<(equals ?? bytes.count)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty else { throw failure("bogus config parameter: \(text)") }
    return try entry(key, equals.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) })
  }

  /// git's `sq_dequote_step`: a single-quoted word starting at `start`, where `'\''` and
  /// `'\!'` stand for a quote and `!`; returns the word and where the rest starts (nil at the
  /// end), or nil when it is not such a word.
  private static func dequote(_ bytes: [UInt8], from start: Int) -> (String, Int?)? {
    guard bytes[start] == UInt8(ascii: "'") else { return nil }
    var word: [UInt8] = []
    var index = start
    while true {
      index += 1
      guard index < bytes.count else { return nil }
      if bytes[index] != UInt8(ascii: "'") {
        word.append(bytes[index])
        continue
      }
      index += 1
      guard index < bytes.count else { return (String(decoding: word, as: UTF8.self), nil) }
      if bytes[index] == UInt8(ascii: "\\"), index + 2 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "'") || bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "'")
      {
        word.append(bytes[index + 1])
        index += 2
        continue
      }
      return (String(decoding: word, as: UTF8.self), index)
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
  private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
  private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) }
  private static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}
