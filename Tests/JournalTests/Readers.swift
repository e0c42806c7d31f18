import Foundation
import Testing

// Other people's readers of journal's outputs: Python's html.parser, a workflow-command parser
// written from GitHub's documentation (both in Fixtures/readers/), and cmark-gfm, which renders
// Markdown as GitHub does.

let readers = fixtures.appendingPathComponent("readers")

/// One thing an HTML parser saw.
enum HTMLEvent: Equatable, CustomStringConvertible {
  case start(String, [Attribute])
  case end(String)
  case data(String)
  /// A comment, a declaration or a processing instruction.
  case other(String, String)

  struct Attribute: Equatable {
    let name: String
    let value: String?
  }

  var description: String {
    switch self {
    case .start(let tag, let attributes):
      "<\(tag)" + attributes.map { " \($0.name)=\($0.value.map { "\"\($0)\"" } ?? "")" }.joined() + ">"
    case .end(let tag): "</\(tag)>"
    case .data(let text): "data \(text.debugDescription)"
    case .other(let kind, let text): "\(kind) \(text.debugDescription)"
    }
  }
}

/// What Python's html.parser reads in each document.
func htmlEvents(_ documents: [String]) throws -> [[HTMLEvent]] {
  let folder = try TemporaryFolder()
  let paths = try documents.enumerated().map { index, html in
    let path = folder.path + "/\(index).html"
    try Data(html.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }
  let script = try String(contentsOf: readers.appendingPathComponent("html_events.py"), encoding: .utf8)
  let run = try runPython(script, paths)
  guard run.status == 0, let parsed = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[[Any]]]
  else { throw ReaderFailure(reader: "html.parser", errors: run.errors) }
  return parsed.map { events in
    events.map { event in
      let kind = event[0] as! String
      switch kind {
      case "start":
        let attributes = (event[2] as! [[Any]]).map {
          HTMLEvent.Attribute(name: $0[0] as! String, value: $0[1] as? String)
        }
        return .start(event[1] as! String, attributes)
      case "end": return .end(event[1] as! String)
      case "data": return .data(event[1] as! String)
      default: return .other(kind, event[1] as! String)
      }
    }
  }
}

func htmlTagNames(_ html: String) throws -> [String] {
  try htmlEvents([html])[0].compactMap { if case .start(let tag, _) = $0 { tag } else { nil } }
}

func htmlAttributeNames(_ html: String) throws -> Set<String> {
  var names = Set<String>()
  for case .start(_, let attributes) in try htmlEvents([html])[0] { names.formUnion(attributes.map(\.name)) }
  return names
}

struct ReaderFailure: Error, CustomStringConvertible {
  let reader: String
  let errors: String
  var description: String { "\(reader) failed: \(errors)" }
}

/// A workflow command as the GitHub Actions runner reads it.
struct WorkflowCommand: Equatable, CustomStringConvertible {
  let command: String
  let properties: [String: String]
  let data: String

  var description: String { "::\(command) \(properties)::\(data.debugDescription)" }
}

/// Every workflow command in a step's output.
func workflowCommands(_ output: String) throws -> [WorkflowCommand] {
  let folder = try TemporaryFolder()
  try folder.write("output", Data(output.utf8))
  let script = try String(contentsOf: readers.appendingPathComponent("workflow_commands.py"), encoding: .utf8)
  let run = try runPython(script, [folder.path + "/output"])
  guard run.status == 0, let parsed = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]]
  else { throw ReaderFailure(reader: "workflow_commands.py", errors: run.errors) }
  return parsed.map {
    WorkflowCommand(
      command: $0["command"] as! String, properties: $0["properties"] as! [String: String], data: $0["data"] as! String)
  }
}

/// cmark-gfm's command-line program, which renders Markdown with GitHub's extensions.
let cmarkGFM = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm", "/opt/homebrew/bin/cmark-gfm"]
  .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Markdown rendered as GitHub renders a comment: tables, autolinks, strikethrough, task lists.
func renderGFM(_ markdown: String) throws -> String {
  let folder = try TemporaryFolder()
  try folder.write("page.md", Data(markdown.utf8))
  let run = try runProgram(
    cmarkGFM!, ["-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter", "-e", "tasklist", folder.path + "/page.md"])
  guard run.status == 0 else { throw ReaderFailure(reader: "cmark-gfm", errors: run.stderr) }
  return run.stdout
}
