import JournalParsing

/// Decoded files for printing excerpts, each read once and only when a finding needs it.
public final class SourceCache {
  private let source: any JournalSource
  private var cache: [String: SourceText?] = [:]

  public init(source: any JournalSource) { self.source = source }

  public func lines(_ path: String) -> SourceText? {
    if let cached = cache[path] { return cached }
    var text: SourceText? = nil
    if case .success(let bytes) = source.read(path),
      case .success(let decoded) = SourceText.decode(bytes, file: path)
    {
      text = decoded
    }
    cache[path] = text
    return text
  }
}
