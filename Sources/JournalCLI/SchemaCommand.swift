import ArgumentParser
import JournalKit
import JournalParsing

extension FrontMatterSchema.Kind: ExpressibleByArgument {}

/// `journal schema`: JSON Schemas for editors.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    _superCommandName: "journal",
    abstract: "Print the JSON Schema (draft-07) of a kind of front matter, or of journal.yml.",
    discussion: """
      KIND is profile, session, self-assessment, plan or journal (for journal.yml). The \
      session schema holds a note of sessions/ with type: self-assessment to its own fields. \
      The same schemas are in \
      schemas/. journal check remains the authority: a schema cannot tell that a date exists, \
      that a plan is there, or that feedback is specific.

      Examples:
        journal schema session > session.schema.json
      """)

  @Argument(help: ArgumentHelp("profile, session, self-assessment, plan or journal.", valueName: "kind"))
  var kind: FrontMatterSchema.Kind

  func run() throws { Output.write(JSONSchema.document(kind)) }
}
