import ArgumentParser
import Foundation
import JournalKit

/// `journal hooks`: the git pre-commit hook.
struct HooksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hooks",
    _superCommandName: "journal",
    abstract: "Install or remove a git pre-commit hook that checks the staged notes.",
    discussion: """
      Examples:
        journal hooks install
        journal hooks uninstall
      """,
    subcommands: [Install.self, Uninstall.self])

  struct Install: ParsableCommand, ReadsJournal {
    static let configuration = CommandConfiguration(
      commandName: "install",
      abstract: "Add a pre-commit hook running `journal check --staged`; an existing hook keeps running first.",
      discussion: """
        The hook goes where git runs it: core.hooksPath when this repository sets it, else \
        the hooks folder all worktrees share (a core.hooksPath from the global or system \
        configuration is refused). It finds journal on PATH when it runs, checks the notes as \
        staged for the commit being made, and never holds an absolute path, so it survives the \
        repository being moved or copied.

        Examples:
          journal hooks install
        """)

    @Option(.journal) var journal: String?

    func run() throws {
      switch try Hooks.install(locateJournal()) {
      case .installed(let path, let kept):
        Output.write("installed \(shown(display(path)))" + (kept ? "; the hook that was there runs first" : "") + "\n")
      case .updated(let path):
        Output.write("updated \(shown(display(path)))\n")
      default:
        break
      }
    }
  }

  struct Uninstall: ParsableCommand, ReadsJournal {
    static let configuration = CommandConfiguration(
      commandName: "uninstall",
      abstract: "Remove journal's pre-commit hook, restoring the one it replaced.",
      discussion: """
        Examples:
          journal hooks uninstall
        """)

    @Option(.journal) var journal: String?

    func run() throws {
      switch try Hooks.uninstall(locateJournal()) {
      case .removed(let path, let restored):
        Output.write("removed journal's hook from \(shown(display(path)))" + (restored ? "; the previous hook is back" : "") + "\n")
      default:
        Output.write("journal's hook is not installed\n")
      }
    }
  }
}
