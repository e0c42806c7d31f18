import JournalModel

extension StringProtocol {
  /// The text without white space (`TextBytes.isSpace`) at either end.
  func trimmingSpaces() -> String {
    TextBytes.withBytes(of: self) { TextBytes.string($0, TextBytes.trimmed($0, 0..<$0.count)) }
  }

  /// Whether the text is empty or only white space.
  var isBlank: Bool {
    TextBytes.withBytes(of: self) { TextBytes.trimmed($0, 0..<$0.count).isEmpty }
  }
}
