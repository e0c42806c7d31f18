import ArgumentParser
import Foundation
import JournalKit

/// An option several commands take, defined once. Each command declares it among its own
/// options (`@Option(.journal) var journal: String?`) rather than through an `@OptionGroup`:
/// ArgumentParser reads a group as a type of its own, by reflection, and the first questions
/// the Swift runtime is asked about each such type (is it `ParsableArguments`,
/// `CustomReflectable`, `ParsableCommand`?) each scan every protocol conformance in the
/// program. `--journal` and `--today` as groups cost seven scans, about 1.9 M instructions, on
/// every run of every command that took them (docs/speed.md, "Start-up, conformance scans").
struct CommonOption {
  let name: NameSpecification
  let help: ArgumentHelp
  var completion: CompletionKind? = nil

  static var journal: CommonOption {
    CommonOption(
      name: .customLong("journal"),
      help: ArgumentHelp("The journal folder (default: found from the current folder upward).", valueName: "dir"))
  }

  static var today: CommonOption {
    CommonOption(
      name: .customLong("today"),
      help: ArgumentHelp("Take this date as today (YYYY-MM-DD), for reproducible runs.", valueName: "date"))
  }

  static var sshKey: CommonOption {
    CommonOption(
      name: .customLong("ssh-key"),
      help: ArgumentHelp("The private SSH key to use (default: JOURNAL_SSH_KEY, ssh-agent, ~/.ssh).", valueName: "file"),
      completion: .file())
  }

  static var hostKey: CommonOption {
    CommonOption(
      name: .customLong("host-key"),
      help: ArgumentHelp("Trust the SSH host key with this fingerprint (SHA256:…) instead of known_hosts.", valueName: "fingerprint"))
  }

  static var knownHosts: CommonOption {
    CommonOption(
      name: .customLong("known-hosts"),
      help: ArgumentHelp("Read host keys from this file instead of ~/.ssh/known_hosts; may be repeated.", valueName: "file"),
      completion: .file())
  }

  static var output: CommonOption {
    CommonOption(
      name: .customLong("output"),
      help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
  }

  static var edit: CommonOption {
    CommonOption(name: .customLong("edit"), help: "Open the new file in $VISUAL or $EDITOR.")
  }
}

extension Option where Value == String? {
  /// The option `option` defines, taking one value or none.
  init(_ option: CommonOption) {
    self.init(name: option.name, help: option.help, completion: option.completion)
  }
}

extension Option where Value == [String] {
  /// The option `option` defines, repeated for each value.
  init(wrappedValue: [String], _ option: CommonOption) {
    self.init(wrappedValue: wrappedValue, name: option.name, help: option.help, completion: option.completion)
  }
}

extension Flag where Value == Bool {
  /// The flag `option` defines, off unless given.
  init(wrappedValue: Bool, _ option: CommonOption) {
    self.init(wrappedValue: wrappedValue, name: option.name, help: option.help)
  }
}

/// A command that reads a journal: `@Option(.journal) var journal: String?`.
protocol ReadsJournal {
  var journal: String? { get }
}

/// What a command does when a `journal forget` was stopped before it finished in the
/// journal's repository.
enum StoppedForgetPolicy {
  /// Says so in one line on standard error, and goes on.
  case warn
  /// Says so and stops: the command would write history the stopped run still holds.
  case refuse
  /// Goes on: the command is `journal forget`, which finishes the run.
  case ignore
}

extension ReadsJournal {
  /// The journal `--journal` names, else the one found from `start` (or the current folder),
  /// after saying whether a `journal forget` was stopped in its repository.
  func locateJournal(from start: String? = nil, stoppedForget: StoppedForgetPolicy = .warn) throws -> JournalLocation {
    let location =
      if let journal { try JournalLocation.at(journal) } else { try findJournal(from: start) }
    if stoppedForget != .ignore, let message = StoppedForget.message(for: location) {
      if stoppedForget == .refuse { throw JournalError(message) }
      Output.error("journal: warning: \(message)")
    }
    return location
  }
}

/// The journal `start` is in; when it is in none, but the current folder is, `start` is a
/// path outside that journal (or not there at all), and is refused as such.
private func findJournal(from start: String?) throws -> JournalLocation {
  let here = FileManager.default.currentDirectoryPath
  do {
    return try JournalLocation.find(from: start ?? here)
  } catch let error as JournalError {
    guard let start, let current = try? JournalLocation.find(from: here) else { throw error }
    guard FileManager.default.fileExists(atPath: start) || isLink(start) else {
      throw JournalError("\(start): no such file or folder")
    }
    throw JournalError("\(start) is not inside the journal at \(display(current.root))")
  }
}

/// A command that takes `--today`, for reproducible time-based rules:
/// `@Option(.today) var today: String?`.
protocol TakesToday {
  var today: String? { get }
}

extension TakesToday {
  /// The day `--today` names, else today's date in the local time zone.
  func resolveToday() throws -> Day {
    if let today {
      guard let day = Day(iso: today) else {
        throw JournalError("--today takes a real date written YYYY-MM-DD, not `\(today)`")
      }
      return day
    }
    // The civil date in the local time zone (TZ, else /etc/localtime), from the C library:
    // `Calendar.current` would load the user's calendar and locale to answer the same, and
    // would count years in another era where the locale's calendar is not the Gregorian one.
    var now = time(nil)
    var local = tm()
    guard localtime_r(&now, &local) != nil else { return Day(ordinal: 0) }
    return Day(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
      ?? Day(ordinal: 0)
  }
}

/// A command that reaches a remote repository over SSH, and so says how it finds its key and
/// trusts hosts: `--ssh-key`, `--host-key` and `--known-hosts`.
protocol ConnectsOverSSH {
  var sshKey: String? { get }
  var hostKey: String? { get }
  var knownHosts: [String] { get }
}

extension ConnectsOverSSH {
  var access: RemoteAccess { RemoteAccess(sshKey: sshKey, knownHosts: knownHosts, hostKeyFingerprint: hostKey) }
}

/// The SSH options as a group of their own, for a command that shows them under their own
/// title (`journal forget`, where they serve only `--push`).
struct SSHOptions: ParsableArguments, ConnectsOverSSH {
  @Option(.sshKey) var sshKey: String?
  @Option(.hostKey) var hostKey: String?
  @Option(.knownHosts) var knownHosts: [String] = []
}
