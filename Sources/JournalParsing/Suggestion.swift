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

  /// Levenshtein distance over Unicode scalars.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension String {
  /// Replaces every occurrence of `target`; a Foundation-free stand-in.
  func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
