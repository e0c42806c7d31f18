/// Two versions of a text as a unified diff (`diff -u`, `git diff`): what `journal fmt
/// --diff` prints, and what `git apply` and `patch -p1` take.
public enum UnifiedDiff {
  enum Edit { case same, delete, insert }

  /// The diff from `old` to `new`, with `context` unchanged lines around each change, or ""
  /// when they are the same. Lines end at LF only (split on UTF-8 bytes, never on
  /// `Character`s, where CR LF is one): a CR before the LF is part of the line, so a change
  /// of line endings shows. A text without a final line feed gets diff's marker.
  public static func text(old: String, new: String, path: String, context: Int = 3) -> String {
    let a = lines(old)
    let b = lines(new)
    if old.utf8.elementsEqual(new.utf8) { return "" }
    let edits = script(a, b)
    var out = "--- a/\(path)\n+++ b/\(path)\n"
    for hunk in hunks(edits, context: context) {
      var i = hunk.oldStart
      var j = hunk.newStart
      var body = ""
      func line(_ prefix: String, _ text: Substring) {
        body += prefix + text
        if text.utf8.last != UInt8(ascii: "\n") { body += "\n\\ No newline at end of file\n" }
      }
      for edit in edits[hunk.edits] {
        switch edit {
        case .same:
          line(" ", a[i])
          i += 1
          j += 1
        case .delete:
          line("-", a[i])
          i += 1
        case .insert:
          line("+", b[j])
          j += 1
        }
      }
      out += "@@ -\(range(hunk.oldStart, i - hunk.oldStart)) +\(range(hunk.newStart, j - hunk.newStart)) @@\n" + body
    }
    return out
  }

  /// `start,count` as diff writes it: 1-based, the count left out when it is 1, and the line
  /// before the hunk when it is empty.
  private static func range(_ start: Int, _ count: Int) -> String {
    switch count {
    case 0: "\(start),0"
    case 1: "\(start + 1)"
    default: "\(start + 1),\(count)"
    }
  }

  /// The lines of a text, each with its LF; the last may have none. A line without its LF
  /// differs from the same line with one, as in diff.
  static func lines(_ text: String) -> [Substring] {
    var result: [Substring] = []
    var start = text.startIndex
    for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\n") {
      let next = text.utf8.index(after: index)
      result.append(text[start..<next])
      start = next
    }
    if start < text.endIndex { result.append(text[start...]) }
    return result
  }

  /// Byte for byte: `==` on strings takes "é" written as one scalar and as two for equal.
  private static func same(_ a: Substring, _ b: Substring) -> Bool { a.utf8.elementsEqual(b.utf8) }

  /// Runs of edits with their context, and where each starts in both texts (0-based).
  private static func hunks(_ edits: [Edit], context: Int) -> [(edits: Range<Int>, oldStart: Int, newStart: Int)] {
    var positions: [(old: Int, new: Int)] = []
    var i = 0
    var j = 0
    for edit in edits {
      positions.append((i, j))
      if edit != .insert { i += 1 }
      if edit != .delete { j += 1 }
    }
    let changed = edits.indices.filter { edits[$0] != .same }
    var result: [(edits: Range<Int>, oldStart: Int, newStart: Int)] = []
    var index = 0
    while index < changed.count {
      let start = max(0, changed[index] - context)
      var end = changed[index]
      // Changes closer than twice the context share a hunk.
      while index + 1 < changed.count && changed[index + 1] - end <= 2 * context + 1 {
        index += 1
        end = changed[index]
      }
      index += 1
      let stop = min(edits.count, end + context + 1)
      result.append((start..<stop, positions[start].old, positions[start].new))
    }
    return result
  }

  /// A shortest edit script (Myers, 1986) from `a` to `b`, after their common start and end.
  /// Past a thousand differences (some 8 MB of search) it gives up on the shortest and
  /// replaces the middle whole: still a correct diff, in bounded time and memory.
  static func script(_ a: [Substring], _ b: [Substring]) -> [Edit] {
    var prefix = 0
    while prefix < a.count && prefix < b.count && same(a[prefix], b[prefix]) { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix && suffix < b.count - prefix && same(a[a.count - 1 - suffix], b[b.count - 1 - suffix]) {
      suffix += 1
    }
    let x0 = Array(a[prefix..<(a.count - suffix)])
    let y0 = Array(b[prefix..<(b.count - suffix)])
    let middle =
      shortest(x0, y0, limit: 1_000)
      ?? Array(repeating: .delete, count: x0.count) + Array(repeating: .insert, count: y0.count)
    return Array(repeating: .same, count: prefix) + middle + Array(repeating: .same, count: suffix)
  }

  private static func shortest(_ a: [Substring], _ b: [Substring], limit: Int) -> [Edit]? {
    let n = a.count
    let m = b.count
    let most = min(n + m, limit)
    let offset = most + 1
    var v = [Int](repeating: 0, count: 2 * most + 3)
    // v as it was before each round d: only its -d...d window is ever read back.
    var trace: [[Int]] = []
    var found = false
    search: for d in 0...most {
      trace.append(Array(v[(offset - d)...(offset + d)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
        var y = x - k
        while x < n && y < m && same(a[x], b[y]) {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m {
          found = true
          break search
        }
      }
    }
    guard found else { return nil }
    var edits: [Edit] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let window = trace[d]
      let at = { (k: Int) in window[k + d] }
      let k = x - y
      let previous = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
      let previousX = d == 0 ? 0 : at(previous)
      let previousY = d == 0 ? 0 : previousX - previous
      while x > previousX && y > previousY {
        edits.append(.same)
        x -= 1
        y -= 1
      }
      if d > 0 { edits.append(x == previousX ? .insert : .delete) }
      x = previousX
      y = previousY
    }
    return edits.reversed()
  }
}
