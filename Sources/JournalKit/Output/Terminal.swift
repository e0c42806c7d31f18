/// How to style text for the place it is printed.
public struct Style: Sendable {
  public let color: Bool

  public init(color: Bool) { self.color = color }

  public static let plain = Style(color: false)

  public func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  public func bold(_ text: String) -> String { paint(text, "1") }
  public func red(_ text: String) -> String { paint(text, "1;31") }
  public func yellow(_ text: String) -> String { paint(text, "1;33") }
  public func blue(_ text: String) -> String { paint(text, "1;34") }
  public func dim(_ text: String) -> String { paint(text, "2") }
  public func green(_ text: String) -> String { paint(text, "32") }
}
