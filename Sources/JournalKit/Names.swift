import JournalParsing

extension JournalError {
  /// "no person `carla` in the journal; did you mean `carla-diaz`?", else `otherwise` after
  /// the first part.
  public static func unknownPerson(_ id: String, known: [String], otherwise advice: String? = nil) -> JournalError {
    var message = "no person `\(id)` in the journal"
    if let near = Names.meant(by: id, among: known) {
      message += "; did you mean `\(near)`?"
    } else if let advice {
      message += "; " + advice
    }
    return JournalError(message)
  }
}

/// The name someone meant by one that names nothing: a person's id, a command.
public enum Names {
  /// The only name that `typed` begins ("carla" for "carla-diaz"), else the nearest by edit
  /// distance when it is near enough to be a typo ("alise" for "alice").
  public static func meant(by typed: String, among names: [String]) -> String? {
    let lowered = typed.lowercased()
    let starting = names.filter { !lowered.isEmpty && $0.hasPrefix(lowered) && $0 != lowered }
    if starting.count == 1 { return starting[0] }
    return Suggestion.closest(to: typed, among: names)
  }
}
