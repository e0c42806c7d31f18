/// A failure that stops a command: the journal cannot be found or read. Exit status 2.
public struct JournalError: Error, Sendable, CustomStringConvertible, Equatable {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
