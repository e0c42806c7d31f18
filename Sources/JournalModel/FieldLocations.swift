/// Where each front matter key and its value were written, so findings can point at them.
public struct FieldLocations: Sendable, Equatable {
  public private(set) var keys: [String: SourceLocation] = [:]
  public private(set) var values: [String: SourceLocation] = [:]

  public init() {}

  public mutating func record(_ field: String, key: SourceLocation, value: SourceLocation) {
    keys[field] = key
    values[field] = value
  }

  /// Where the key was written, or the start of the file when it is absent.
  public func key(_ field: String) -> SourceLocation { keys[field] ?? .start }

  /// Where the value was written, or the key's location when there is none.
  public func value(_ field: String) -> SourceLocation { values[field] ?? key(field) }
}
