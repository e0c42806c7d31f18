/// A byte count for people: `512 B`, `1 MiB`, `52.4 MiB`.
public struct ByteCount: CustomStringConvertible, Sendable {
  public let bytes: Int

  public init(_ bytes: Int) { self.bytes = bytes }

  public var description: String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 { return "\(bytes) B" }
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
  }
}

