import ArgumentParser
import JournalKit

/// `journal rules`: what `journal check` looks for.
struct RulesCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown
  }

  static let configuration = CommandConfiguration(
    commandName: "rules",
    _superCommandName: "journal",
    abstract: "List the rules journal check applies, with their severities and settings.",
    discussion: """
      Examples:
        journal rules
        journal rules --format markdown > docs/rules.md
      """)

  @Option(help: "Output format: text or markdown (the reference in docs/rules.md).")
  var format: Format = .text

  func run() throws {
    switch format {
    case .text: Output.write(RuleCatalog.text(style: Output.style))
    case .markdown: Output.write(RuleCatalog.markdown())
    }
  }
}
