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

      Exit status: 0 success; 1 the journal has errors (or warnings with --strict), or a \
      command refused what it found (a commit or share whose notes have errors, a hook that \
      refused, lines both sides changed; each command's help says which); 2 usage error, no \
      journal found, or an I/O failure.

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

public enum JournalVersion {
  public static let current = "0.1.0"
}
