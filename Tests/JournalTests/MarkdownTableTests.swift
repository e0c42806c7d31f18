import Foundation
import Testing

@testable import JournalKit

/// The one table writer of journal's Markdown, read back by cmark-gfm's table extension (as
/// GitHub reads it) and Python's html.parser: every cell, escaped by `MarkdownText`, comes back
/// in its own column with the text it was given, and each column with its alignment.
@Suite struct MarkdownTableTests {
  static let awkward = [
    "a | b", "|", "line\nbreak", "`code` and *em* and _em_", "<b>bold</b> &amp;", "back\\slash", "-", "1. first",
    "  spaced  ", "", "tab\tend", "http://example.com/x", "www.example.com", "# heading", "> quote", "~~gone~~",
    "[link](http://x)", "$x$", "ends with |", "| starts", "---", ":---:", "\r\n", "é, 日本, 🙂",
  ]

  /// Each row of the table cmark-gfm made of `markdown`: each cell's tag, alignment and text.
  static func cells(_ markdown: String) throws -> [[String]] {
    let events = try htmlEvents([try renderGFM(markdown)])[0]
    var rows: [[String]] = []
    var cell: String?
    for event in events {
      switch event {
      case .start("tr", _): rows.append([])
      case .start(let tag, let attributes) where tag == "th" || tag == "td":
        let align = attributes.first { $0.name == "align" }?.value ?? "-"
        cell = "\(tag) \(align) "
      case .data(let text) where cell != nil: cell! += text
      case .end(let tag) where tag == "th" || tag == "td":
        rows[rows.count - 1].append(cell!)
        cell = nil
      default: break
      }
    }
    return rows
  }

  @Test(.enabled(if: cmarkGFM != nil && pythonHas("html.parser"), "needs cmark-gfm (scripts/install-deps --test)"))
  func everyCellReadsBackInItsColumn() throws {
    var table = MarkdownTable([("text", .left), ("count", .right), ("", .left)])
    for (index, text) in Self.awkward.enumerated() {
      table.add(MarkdownText.escape(text), String(index), MarkdownText.escape(Self.awkward.reversed()[index]))
    }
    let rows = try Self.cells(table.text)
    #expect(rows.first == ["th - text", "th right count", "th - "])
    let expected = Self.awkward.enumerated().map { index, text in
      ["td - \(text)", "td right \(index)", "td - \(Self.awkward.reversed()[index])"]
    }
    #expect(Array(rows.dropFirst()) == expected)
  }

  /// The bytes: what the summary and a shared page have always written.
  @Test func theBytesAreGitHubsTableForm() {
    var table = MarkdownTable("", "")
    table.add("sessions", "3")
    #expect(table.text == "| | |\n| --- | --- |\n| sessions | 3 |\n")
    var goals = MarkdownTable([("goal", .left), ("baseline", .right)])
    goals.add("Ship it", "")
    #expect(goals.text == "| goal | baseline |\n| --- | ---: |\n| Ship it |  |\n")
  }
}
