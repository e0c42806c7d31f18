/// A position in a journal file: 1-based line and 1-based column.
///
/// Lines count `\n`, `\r\n` and a lone `\r` alike, over the whole file (front matter included).
/// Columns count Unicode scalars, so `é` is one column whatever its UTF-8 length.
/// A UTF-8 byte-order mark at the start of a file is not a column: the first character after
/// it is at 1:1, as editors show it, so a finding stays put whether the file has one or not.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let line: Int
  public let column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The start of a file, for findings about a file as a whole.
  public static let start = SourceLocation(line: 1, column: 1)

  public var description: String { "\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
