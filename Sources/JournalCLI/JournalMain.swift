import ArgumentParser
import Foundation
import JournalKit
import JournalModel

/// Runs `journal` with the given arguments and returns its exit status.
///
/// Every failure becomes a one-line message on standard error and status 2: never a trap,
/// never a stack trace.
public enum JournalMain {
  public static func run(_ arguments: [String]) -> Int32 {
    if let command = arguments.first, ["commit", "log", "share", "forget", "init", "hooks"].contains(command) {
      prepareGit()
      keepGitRepositoriesUntilExit()
    }
    defer { finishPreparingGit() }
    do {
      if let mistake = CommandNames.mistake(in: arguments) { throw mistake }
      var command = try parse(arguments)
      try command.run()
      return 0
    } catch let exit as ExitCode {
      return exit.rawValue
    } catch let error as JournalError {
      // A JournalError is one line, whatever the paths and names it quotes hold.
      Output.error("journal: \(TerminalText.visible(error.message))")
      return 2
    } catch {
      let code = JournalCommand.exitCode(for: error)
      if code == .success {
        Output.write(JournalCommand.fullMessage(for: error) + "\n")
        return 0
      }
      // ArgumentParser's own message, with its usage and help lines left out: one line, which
      // names the help that has them.
      // Shown as every one-line error is: a line break or control in what was typed (quoted
      // by ArgumentParser) is written visibly, never as a second line.
      Output.error("journal: \(shown(sentence(JournalCommand.message(for: error)))) (see '\(helpCommand(for: arguments))')")
      return 2
    }
  }

  /// The help command of the deepest command `arguments` name: `journal export actions --help`.
  static func helpCommand(for arguments: [String]) -> String {
    var words = ["journal"]
    var commands = JournalCommand.configuration.subcommands
    for argument in arguments {
      guard let command = commands.first(where: { $0._commandName == argument }) else { break }
      words.append(argument)
      commands = command.configuration.subcommands
    }
    return (words + ["--help"]).joined(separator: " ")
  }

  /// ArgumentParser's message as the rest of journal's read: its first word in lower case
  /// ("Unknown option" → "unknown option"), no full stop at the end.
  static func sentence(_ message: String) -> String {
    var scalars = Array(message.unicodeScalars)
    while let last = scalars.last, last == "." || last == " " || last == "\n" { scalars.removeLast() }
    if scalars.count > 1, ("A"..."Z").contains(scalars[0]), ("a"..."z").contains(scalars[1]) {
      scalars[0] = Unicode.Scalar(scalars[0].value + 32)!
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return text
  }

  /// The command `arguments` ask for. The command named first is parsed on its own, which
  /// spares ArgumentParser reading the whole command tree (milliseconds on every run); what it
  /// does not take (help, a mistake) is parsed again from the root, so every message is the
  /// root's own. Each subcommand names `journal` as its super-command, so that parsing it
  /// alone skips ArgumentParser's check for `--generate-completion-script`, two more commands
  /// read by reflection on every run: that option is the root's, parsed there.
  static func parse(_ arguments: [String]) throws -> any ParsableCommand {
    if let name = arguments.first,
      let type = JournalCommand.configuration.subcommands.first(where: { $0._commandName == name }),
      let command = try? type.parseAsRoot(Array(arguments.dropFirst()))
    {
      return command
    }
    return try JournalCommand.parseAsRoot(arguments)
  }
}

/// A name, path or message from a journal or the command line as the terminal shows it.
func shown(_ text: String) -> String { TerminalText.visible(text) }

/// Writes to standard output and standard error.
///
/// With write(2) itself, through `FileDescriptor.writeAll`: FileHandle trapped, with a stack
/// trace, when the output could not be written.
enum Output {
  /// Writes to standard output; if that fails (a full disk, a closed stream), says so in one
  /// line on standard error and exits with status 2, an I/O failure.
  static func write(_ text: String) {
    if let failure = FileDescriptor.writeAll(text, to: STDOUT_FILENO) {
      _ = FileDescriptor.writeAll("journal: cannot write to standard output: \(String(cString: strerror(failure)))\n", to: STDERR_FILENO)
      finishPreparingGit()
      exit(2)
    }
  }

  /// Writes a message to standard error, with the controls in it shown visibly.
  static func error(_ text: String) {
    let shown = TerminalText.visible(text, keepingLineBreaks: true)
    _ = FileDescriptor.writeAll(shown.hasSuffix("\n") ? shown : shown + "\n", to: STDERR_FILENO)
  }

  /// Colour only on a terminal, and never with `NO_COLOR` set or a dumb terminal.
  ///
  /// The two variables are read with `getenv`: `ProcessInfo.environment` would copy the whole
  /// environment into a dictionary on every run to look at two names.
  static var style: Style {
    guard isatty(STDOUT_FILENO) == 1, getenv("NO_COLOR") == nil else { return Style(color: false) }
    return Style(color: getenv("TERM").map { String(cString: $0) } != "dumb")
  }
}
