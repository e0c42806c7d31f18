import JournalParsing

/// Decoded files for printing excerpts, each read once and only when a finding needs it.
/// Only the notes journal reads are ever read here: a private note, an attachment or a file
/// where no note belongs is named in findings, never shown.
public final class SourceCache {
  private let source: any JournalSource
  private var cache: [String: SourceText?] = [:]

  public init(source: any JournalSource) { self.source = source }

  public func lines(_ path: String) -> SourceText? {
    if let cached = cache[path] { return cached }
    var text: SourceText? = nil
    if DocumentParser.readsContent(of: JournalPath.classify(path)),
      case .success(let bytes) = source.read(path),
      case .success(let decoded) = SourceText.decode(bytes, file: path)
    {
      text = decoded
    }
    cache[path] = text
    return text
  }
}
