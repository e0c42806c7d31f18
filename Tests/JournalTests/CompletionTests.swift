import Foundation
import Testing

/// Shell completions, person ids included, in a real bash.
@Suite struct CompletionTests {
  @Test(arguments: ["bash", "zsh", "fish"])
  func scriptsAreGenerated(_ shell: String) throws {
    let run = try runJournal(["--generate-completion-script", shell])
    #expect(run.status == 0)
    #expect(run.stdout.contains("journal"))
    #expect(run.stdout.contains("---completion"), "person ids are completed by journal itself")
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
  func bashCompletesPersonIDs() throws {
    let folder = journalBinary.deletingLastPathComponent().path
    let script = """
      source <(journal --generate-completion-script bash)
      COMP_WORDS=(journal new session ma); COMP_CWORD=3; COMP_LINE="journal new session ma"; COMP_POINT=${#COMP_LINE}
      _journal; printf '%s\\n' "${COMPREPLY[@]}"
      COMP_WORDS=(journal show ""); COMP_CWORD=2; COMP_LINE="journal show "; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
      _journal; printf '%s\\n' "${COMPREPLY[@]}"
      """
    let output = try runProgram(
      "/bin/bash", ["-c", script], in: packageRoot.appendingPathComponent("SampleJournal/mentees"),
      environment: ["PATH": "\(folder):/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
    ).stdout
    #expect(output == "maria-lopez\nlee-chen\nmaria-lopez\nomar-haddad\npriya-raman\nsam-okafor\n")
  }

  /// A plan slug is completed from the plans of the person named before it, through the
  /// protocol the generated scripts use to ask journal.
  @Test func plansOfThePersonNamed() throws {
    let run = try runJournal(
      ["---completion", "new", "session", "--", "--plan", "5", "0", "journal", "new", "session", "sam-okafor", "--plan", ""],
      in: packageRoot.appendingPathComponent("SampleJournal").path)
    #expect(run.status == 0)
    #expect(run.stdout == "code-quality\n")
  }
}
