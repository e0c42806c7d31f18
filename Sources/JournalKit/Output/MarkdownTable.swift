/// A table in journal's Markdown, as GitHub's table extension (cmark-gfm's) reads one: a
/// header row, a delimiter row giving each column's alignment, and a row per entry. The one
/// place the summary, the debrief, a shared repository's page and `docs/rules.md` write
/// tables.
///
/// Cells are Markdown already: text from notes goes through `MarkdownText.escape` first,
/// which escapes `|` and writes line breaks as references, so no cell can end its row or the
/// table; dates, numbers and journal's own words go as they are.
struct MarkdownTable {
  enum Alignment {
    case left
    case right
  }

  /// Each column's title (empty for a table whose rows say what they are) and alignment.
  let columns: [(title: String, alignment: Alignment)]
  private var rows: [[String]] = []

  init(_ columns: [(title: String, alignment: Alignment)]) {
    self.columns = columns
  }

  /// Columns aligned left, with these titles.
  init(_ titles: String...) {
    self.init(titles.map { ($0, .left) })
  }

  /// Adds a row of `cells`, one per column.
  mutating func add(_ cells: String...) {
    add(cells)
  }

  mutating func add(_ cells: [String]) {
    precondition(cells.count == columns.count, "a row of \(cells.count) cells in a table of \(columns.count) columns")
    rows.append(cells)
  }

  var text: String {
    var out = "|" + columns.map { $0.title.isEmpty ? " " : " \($0.title) " }.joined(separator: "|") + "|\n"
    out += "| " + columns.map { $0.alignment == .right ? "---:" : "---" }.joined(separator: " | ") + " |\n"
    for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    return out
  }
}
