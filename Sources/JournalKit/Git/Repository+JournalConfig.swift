import JournalGit
import JournalModel
import JournalParsing

extension Repository {
  /// The settings a `journal.yml` of a commit holds, read as `journal check` reads the file in
  /// a working tree: none there, a link, or a file too large to read gives the defaults. The
  /// notes of that commit are read with its `sections`.
  func journalConfig(_ entry: TreeEntry?) throws -> JournalConfig {
    guard let entry, entry.kind == .file || entry.kind == .executable,
      try blobSize(entry.id) <= SourceText.defaultSizeLimit
    else { return JournalConfig() }
    return DocumentParser.config(try blobContent(entry.id)) ?? JournalConfig()
  }
}
