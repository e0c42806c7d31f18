/// "Did you mean …?" for a misspelt key, value or rule id.
public enum Suggestion {
  /// The candidate nearest to `word` by edit distance, when it is near enough to be a typo.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (candidate: String, distance: Int)? = nil
    for candidate in candidates {
      let distance = editDistance(lowered, candidate)
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let allowed = max(1, min(3, best.candidate.count / 3))
    let spaced = lowered.replacingOccurrences(" ", "-").replacingOccurrences("_", "-")
    if spaced == best.candidate { return best.candidate }
    return best.distance <= allowed ? best.candidate : nil
  }

  /// A hint naming the likely intent, else the whole list of choices.
  public static func hint(for word: String, among candidates: [String]) -> String {
    if let match = closest(to: word, among: candidates) { return "did you mean `\(match)`?" }
    return "expected one of: " + candidates.map { "`\($0)`" }.joined(separator: ", ")
  }

  /// Edit distance over Unicode scalars: letters added, dropped or changed, and two
  /// neighbouring letters swapped, each one edit (the optimal string alignment distance).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    return editDistance(a, b, atMost: max(a.count, b.count)) ?? max(a.count, b.count)
  }

  /// The edit distance between `a` and `b` when it is at most `limit`, else nil: lengths
  /// further apart than `limit` are not compared, and the comparison stops at the first
  /// pair of rows whose every entry is past it.
  public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
    guard abs(a.count - b.count) <= limit else { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    let width = b.count + 1
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
      // Rows i-2, i-1 and i of the table, turning round.
      var beforeLast = rows.baseAddress!
      var last = beforeLast + width
      var current = last + width
      for j in 0..<width { last[j] = j }
      var lastMinimum = 0
      for i in 1...a.count {
        current[0] = i
        var minimum = i
        for j in 1..<width {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          var value = min(last[j] + 1, current[j - 1] + 1, last[j - 1] + cost)
          if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, beforeLast[j - 2] + 1) }
          current[j] = value
          minimum = min(minimum, value)
        }
        // Each later entry is one of these two rows' entries plus something.
        if minimum > limit, lastMinimum > limit { return nil }
        lastMinimum = minimum
        (beforeLast, last, current) = (last, current, beforeLast)
      }
      let distance = last[b.count]
      return distance <= limit ? distance : nil
    }
  }
}

extension String {
  /// Replaces every occurrence of `target`; a Foundation-free stand-in.
  func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
