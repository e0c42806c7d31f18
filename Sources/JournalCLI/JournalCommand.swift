import ArgumentParser
import Foundation
import JournalKit

/// `journal`: the root command.
public struct JournalCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "journal",
    abstract: "Keep one-on-one feedback sessions and action plans as Markdown in git.",
    discussion: """
      A journal is a folder holding journal.yml and mentees/<id>/ for each person. \
      journal finds it from the current folder upward, or from --journal DIR.

      Exit status: 0 success; 1 the journal has errors (or warnings with --strict); \
      2 usage error, no journal found, or an I/O failure.

      A command, or a person's id, that journal does not know is a usage error, told in one \
      line with the name meant when one is a typo away or starts with what was typed: \
      journal chek prints "journal: `chek` is not a journal command; did you mean `check`?", \
      and journal help nonexistent exits 2 with "journal: `nonexistent` is not a journal \
      command; `journal --help` lists them".
      """,
    version: "\(JournalVersion.current) (libgit2 \(libgit2Version))",
    subcommands: [
      CheckCommand.self, SummaryCommand.self, ShowCommand.self, InitCommand.self, NewCommand.self,
      CommitCommand.self, ShareCommand.self, ForgetCommand.self,
      LogCommand.self, FmtCommand.self, ExportCommand.self, HooksCommand.self, RulesCommand.self,
      SchemaCommand.self, LetterCommand.self, DebriefCommand.self,
    ])

  public init() {}
}

/// How a command that reaches a remote repository over SSH finds its key and trusts hosts:
/// `journal share`, and `journal forget --push`.
struct SSHOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The private SSH key to use (default: JOURNAL_SSH_KEY, ssh-agent, ~/.ssh).", valueName: "file"), completion: .file())
  var sshKey: String?

  @Option(help: ArgumentHelp("Trust the SSH host key with this fingerprint (SHA256:…) instead of known_hosts.", valueName: "fingerprint"))
  var hostKey: String?

  @Option(help: ArgumentHelp("Read host keys from this file instead of ~/.ssh/known_hosts; may be repeated.", valueName: "file"), completion: .file())
  var knownHosts: [String] = []

  var access: RemoteAccess { RemoteAccess(sshKey: sshKey, knownHosts: knownHosts, hostKeyFingerprint: hostKey) }
}

/// Options every command that reads a journal takes.
struct JournalOptions: ParsableArguments {
  /// `--journal`'s help, also for a command that declares the option itself (`CheckCommand`).
  static var help: ArgumentHelp {
    ArgumentHelp("The journal folder (default: found from the current folder upward).", valueName: "dir")
  }

  @Option(name: .customLong("journal"), help: help)
  var journal: String?

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

  /// The journal named by `--journal`, else the one found from `start` (or the current
  /// folder), after saying whether a `journal forget` was stopped in its repository.
  func locate(from start: String? = nil, stoppedForget: StoppedForgetPolicy = .warn) throws -> JournalLocation {
    try Self.locate(journal, from: start, stoppedForget: stoppedForget)
  }

  /// The journal `--journal` names (`journal`), else the one found from `start`, as `locate`
  /// finds it.
  static func locate(
    _ journal: String?, from start: String? = nil, stoppedForget: StoppedForgetPolicy = .warn
  ) throws -> JournalLocation {
    let location =
      if let journal { try JournalLocation.at(journal) } else { try find(from: start) }
    if stoppedForget != .ignore, let message = StoppedForget.message(for: location) {
      if stoppedForget == .refuse { throw JournalError(message) }
      Output.error("journal: warning: \(message)")
    }
    return location
  }

  /// The journal `start` is in; when it is in none, but the current folder is, `start` is a
  /// path outside that journal (or not there at all), and is refused as such.
  private static func find(from start: String?) throws -> JournalLocation {
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
}

/// `--today`, for reproducible time-based rules.
struct TodayOption: ParsableArguments {
  /// `--today`'s help, also for a command that declares the option itself (`CheckCommand`).
  static var help: ArgumentHelp {
    ArgumentHelp("Take this date as today (YYYY-MM-DD), for reproducible runs.", valueName: "date")
  }

  @Option(help: help)
  var today: String?

  func resolve() throws -> Day { try Self.resolve(today) }

  /// The day `--today` names (`today`), else today's date in the local time zone.
  static func resolve(_ today: String?) throws -> Day {
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

public enum JournalVersion {
  public static let current = "0.1.0"
}
