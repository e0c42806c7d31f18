/// Where each front matter key and its value were written, so findings can point at them.
///
/// A note has a dozen fields: they are kept in the order recorded and searched in turn,
/// which costs less than hashing each name into a table.
public struct FieldLocations: Sendable, Equatable {
  private struct Field: Sendable, Equatable {
    let name: String
    let key: SourceLocation
    let value: SourceLocation
  }

  private var fields: [Field] = []

  public init() {}

  /// Makes room for `count` fields, so recording a note's fields allocates once.
  public mutating func reserveCapacity(_ count: Int) {
    fields.reserveCapacity(count)
  }

  /// Records where a field was written; a field recorded again is found where it was last.
  public mutating func record(_ field: String, key: SourceLocation, value: SourceLocation) {
    fields.append(Field(name: field, key: key, value: value))
  }

  private func last(_ name: String) -> Field? {
    // Byte counts first, which a `String` keeps: most names differ in length.
    let count = name.utf8.count
    return fields.last { $0.name.utf8.count == count && $0.name == name }
  }

  /// Where the key was written, or the start of the file when it is absent.
  public func key(_ field: String) -> SourceLocation { last(field)?.key ?? .start }

  /// Where the value was written, or the key's location when there is none.
  public func value(_ field: String) -> SourceLocation { last(field)?.value ?? key(field) }

  /// The same fields at the same places, in whatever order they were recorded.
  public static func == (lhs: FieldLocations, rhs: FieldLocations) -> Bool {
    let names = Set(lhs.fields.map(\.name))
    return names == Set(rhs.fields.map(\.name))
      && names.allSatisfy { lhs.last($0) == rhs.last($0) }
  }
}
