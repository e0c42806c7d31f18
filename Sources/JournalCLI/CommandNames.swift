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
    for name in arguments.dropFirst(help ? 1 : 0).prefix(while: { !$0.hasPrefix("-") }) {
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
    return nil
  }
}
