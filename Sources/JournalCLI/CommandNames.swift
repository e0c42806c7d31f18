import ArgumentParser
import JournalKit

/// A command name journal does not have, told in one line with the one meant.
enum CommandNames {
  /// The error for `journal NAME …` or `journal help NAME …` when a name is no command; nil
  /// when the arguments name commands (or name none, and ArgumentParser has its say).
  static func mistake(in arguments: [String]) -> JournalError? {
    let help = arguments.first == "help"
    var command: any ParsableCommand.Type = JournalCommand.self
    var path = "journal"
    let named = arguments.dropFirst(help ? 1 : 0).prefix(while: { !$0.hasPrefix("-") })
    for name in named {
      let subcommands = command.configuration.subcommands
      // A command without subcommands reads the rest as its own arguments.
      if subcommands.isEmpty && !help { return nil }
      if let next = subcommands.first(where: { $0._commandName == name }) {
        command = next
        path += " " + name
        continue
      }
      let known = subcommands.map { $0._commandName } + (command == JournalCommand.self ? ["help"] : [])
      if name == "help" && known.contains(name) { return nil }
      let what = command == JournalCommand.self ? "a journal command" : "a command of `\(path)`"
      if let near = Names.meant(by: name, among: known) {
        return JournalError("`\(name)` is not \(what); did you mean `\(near)`?")
      }
      return JournalError("`\(name)` is not \(what); `\(path) --help` lists them")
    }
    return help ? nil : missingCommand(of: command, path: path, rest: arguments[named.endIndex...])
  }

  /// A command that only groups commands, named without one (`journal export`, or `journal`
  /// itself), is a usage error naming them, as `git worktree` (or `git`) alone is;
  /// ArgumentParser would print its help on standard output with status 0, which a script
  /// would take for a result. nil when `rest` names one of them or asks for help.
  static func missingCommand(of command: any ParsableCommand.Type, path: String, rest: ArraySlice<String>)
    -> JournalError?
  {
    let names = command.configuration.subcommands.map { $0._commandName }
    guard !names.isEmpty, !rest.contains(where: { names.contains($0) || helpFlags.contains($0) }) else { return nil }
    // `journal` alone, as `git` alone: told what to type, with status 2. Its own options
    // (`--version`, `--generate-completion-script`) still answer.
    if command == JournalCommand.self {
      guard !rest.contains(where: { $0 == "--version" || $0.hasPrefix("--generate-completion-script") })
      else { return nil }
      return JournalError(
        "`journal` needs a command, such as `check`, `new` or `summary`; `journal --help` lists them all")
    }
    let listed = names.map { "`\($0)`" }
    let choices = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " or " + listed.last!
    return JournalError("`\(path)` needs a command: " + choices)
  }

  /// The flags ArgumentParser answers with help.
  static let helpFlags: Set<String> = ["-h", "--help", "-help", "--help-hidden", "-help-hidden", "--experimental-dump-help"]
}
