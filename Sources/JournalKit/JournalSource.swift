import Foundation
import JournalModel
import JournalRules
import JournalParsing
import JournalGit

/// The files of a journal: what is there, and each file's bytes.
public protocol JournalSource: Sendable {
  /// Every entry journal looks at, paths relative to the journal; with `people`, only
  /// `journal.yml` and those people's folders.
  func listing(people: Set<String>?) throws -> JournalListing
  /// A file's bytes, or the finding that says why they cannot be had.
  func read(_ path: String) -> ParseStep<[UInt8]>
}

/// What a walk of the journal found.
public struct JournalListing: Sendable, Equatable {
  /// Regular files: `journal.yml` and everything under `mentees/`.
  public var files: [String] = []
  /// Symbolic links, which are reported and never followed.
  public var links: [String] = []
  /// The folders directly under `mentees/`: one per person.
  public var people: [String] = []
  /// Folders that could not be listed, with the reason.
  public var unreadable: [(path: String, reason: String)] = []
  /// Folders under `mentees/` that are git repositories of their own (a submodule, a clone):
  /// git commits each as one gitlink, never its files, so they are reported, never walked.
  public var repositories: [String] = []
  /// Temporary files that a write stopped before it finished left in the journal
  /// (`AtomicFile.original(ofTemporary:)`), which are reported and never read.
  public var leftovers: [Leftover] = []

  /// A stopped write's temporary file, and whether the file it was written for is beside it.
  public struct Leftover: Sendable, Equatable {
    public let path: String
    public let originalExists: Bool
  }

  /// The folders outside people's where journal writes files, and so where a stopped write
  /// can leave its temporary file: the journal's root (`journal.yml` from `journal init`, an
  /// `--output` written there), `mentees/` and `templates/`. A person's folder, at any depth
  /// the walk enters, is looked in too.
  static let foldersWritten: Set<String> = ["", JournalPath.peopleFolder, "templates"]

  /// Whether a stopped write's temporary file in `folder` (journal-relative, "" for the root)
  /// is looked for: in `foldersWritten` or in a person's folder, not in a hidden folder.
  static func looksForLeftovers(in folder: String) -> Bool {
    if foldersWritten.contains(folder) { return true }
    let parts = JournalPath.components(of: folder)
    return parts.count > 1 && parts[0] == JournalPath.peopleFolder && !parts.contains(where: JournalPath.isHidden)
  }

  public init() {}

  /// The listing of a journal whose every file is one of `paths` and every symbolic link one
  /// of `links` (journal-relative, nothing unreadable), with `people` only those people's
  /// folders.
  init(
    files paths: some Sequence<String>, links: some Sequence<String> = [], repositories: [String] = [],
    people: Set<String>?
  ) {
    let paths = Array(paths)
    var leftovers: [Leftover] = []
    files = paths.filter { path in
      let parts = JournalPath.components(of: path)
      // As the walk of the folders on disk finds them.
      if let name = parts.last, let original = AtomicFile.original(ofTemporary: String(name)),
        Self.looksForLeftovers(in: parts.dropLast().joined(separator: "/")),
        people.map({ parts.count < 3 || $0.contains(String(parts[1])) }) ?? true
      {
        let originalPath = (parts.dropLast() + [original[...]]).joined(separator: "/")
        leftovers.append(Leftover(path: path, originalExists: paths.contains(originalPath)))
        return false
      }
      if path == JournalPath.configName { return true }
      guard JournalPath.isInside(path, folder: JournalPath.peopleFolder) else { return false }
      return people.map { parts.count > 1 && $0.contains(String(parts[1])) } ?? true
    }.sorted()
    self.leftovers = leftovers.sorted { $0.path < $1.path }
    // As the walk finds them: `journal.yml`, and in `mentees/` outside hidden folders.
    self.links = links.filter { path in
      if path == JournalPath.configName { return true }
      let parts = JournalPath.components(of: path)
      return !parts.contains(where: JournalPath.isHidden) && Self.isInPersonsFolder(parts, of: people)
    }.sorted()
    self.people = Set(files.compactMap(JournalPath.person(of:))).sorted()
    self.repositories = repositories.filter { Self.isInPersonsFolder(JournalPath.components(of: $0), of: people) }.sorted()
  }

  /// Whether a path's `parts` lie in a person's folder under `mentees/`, of one of `people`
  /// when given.
  private static func isInPersonsFolder(_ parts: [Substring], of people: Set<String>?) -> Bool {
    parts.count > 1 && parts[0] == JournalPath.peopleFolder && (people.map { $0.contains(String(parts[1])) } ?? true)
  }

  public static func == (lhs: JournalListing, rhs: JournalListing) -> Bool {
    lhs.files == rhs.files && lhs.links == rhs.links && lhs.people == rhs.people
      && lhs.unreadable.map(\.path) == rhs.unreadable.map(\.path) && lhs.leftovers == rhs.leftovers
      && lhs.repositories == rhs.repositories
  }
}

/// A journal on disk.
public struct DiskJournal: JournalSource {
  public let location: JournalLocation
  public let sizeLimit: Int

  public init(_ location: JournalLocation, sizeLimit: Int = SourceText.defaultSizeLimit) {
    self.location = location
    self.sizeLimit = sizeLimit
  }

  public func listing(people: Set<String>? = nil) throws -> JournalListing {
    var listing = JournalListing()
    let root = location.root
    var info = stat()
    if lstat(root + "/" + JournalPath.configName, &info) == 0 {
      if info.st_mode & S_IFMT == S_IFLNK {
        listing.links.append(JournalPath.configName)
      } else {
        listing.files.append(JournalPath.configName)
      }
    }
    // The other folders journal writes in, for a stopped write's leftovers alone; `mentees/`
    // is walked below.
    for folder in JournalListing.foldersWritten.sorted() where folder != JournalPath.peopleFolder {
      leftovers(in: folder, into: &listing)
    }
    walk(JournalPath.peopleFolder, depth: 0, only: people, into: &listing)
    listing.files.sort()
    listing.links.sort()
    listing.people.sort()
    listing.leftovers.sort { $0.path < $1.path }
    listing.repositories.sort()
    return listing
  }

  /// The temporary files a stopped write left in `folder`, which is otherwise not the
  /// journal's to list.
  private func leftovers(in folder: String, into listing: inout JournalListing) {
    guard let directory = opendir(folder.isEmpty ? location.root : location.root + "/" + folder) else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      let path = folder.isEmpty ? name : folder + "/" + name
      if let leftover = leftover(path, name: name, type: entry.pointee.d_type) { listing.leftovers.append(leftover) }
    }
  }

  /// The entry at `path`, named `name`, as a stopped write's leftover, if it is one: a
  /// regular file named as `AtomicFile` names its temporary files.
  private func leftover(_ path: String, name: String, type: UInt8) -> JournalListing.Leftover? {
    guard let original = AtomicFile.original(ofTemporary: name), isRegularFile(path, type: type) else { return nil }
    let beside = (path as NSString).deletingLastPathComponent
    var info = stat()
    let exists = lstat(location.root + "/" + (beside.isEmpty ? original : beside + "/" + original), &info) == 0
    return JournalListing.Leftover(path: path, originalExists: exists)
  }

  /// Lists `folder` and the folders in it; false, listing nothing in it, when it is a
  /// repository of its own, which git would commit as a gitlink.
  @discardableResult
  private func walk(
    _ folder: String, depth: Int, only people: Set<String>? = nil, into listing: inout JournalListing
  ) -> Bool {
    let absolute = Self.path(location.root, folder)
    guard let directory = opendir(absolute) else {
      if errno != ENOENT || depth > 0 {
        listing.unreadable.append((folder, String(cString: strerror(errno))))
      }
      return true
    }
    defer { closedir(directory) }
    // The entry's type as the folder gives it, so a file costs no `lstat`; filesystems that
    // do not say (DT_UNKNOWN) are asked with one.
    var entries: [(name: String, type: UInt8)] = []
    var holdsGit = false
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      if JournalPath.isHidden(name) {
        if name == ".git" { holdsGit = true }
        // Hidden files are not the journal's, but a write that was stopped leaves one, which
        // is named so the person can see it.
        if let leftover = leftover(folder + "/" + name, name: name, type: entry.pointee.d_type) {
          listing.leftovers.append(leftover)
        }
        continue
      }
      if let people, !people.contains(name) { continue }
      entries.append((name, entry.pointee.d_type))
    }
    if holdsGit, Repository.isRepository(atFolder: absolute) {
      listing.repositories.append(folder)
      return false
    }
    entries.sort { $0.name < $1.name }
    for (name, given) in entries {
      let path = Self.path(folder, name)
      var type = given
      if type != UInt8(DT_REG) && type != UInt8(DT_DIR) && type != UInt8(DT_LNK) {
        var info = stat()
        guard lstat(location.root + "/" + path, &info) == 0 else {
          listing.unreadable.append((path, String(cString: strerror(errno))))
          continue
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: type = UInt8(DT_LNK)
        case S_IFDIR: type = UInt8(DT_DIR)
        case S_IFREG: type = UInt8(DT_REG)
        default: continue
        }
      }
      switch type {
      case UInt8(DT_LNK):
        listing.links.append(path)
      case UInt8(DT_DIR):
        // Notes sit at most three levels below `mentees/`; deeper folders are not walked.
        let walked = depth < 8 ? walk(path, depth: depth + 1, into: &listing) : true
        if depth == 0 && walked { listing.people.append(name) }
      default:
        listing.files.append(path)
      }
    }
    return true
  }

  /// `folder/name`, made in one allocation: `folder + "/" + name` copied the path once for
  /// each part, for every file listed and read.
  static func path(_ folder: String, _ name: String) -> String {
    var path = folder
    path.reserveCapacity(folder.utf8.count + 1 + name.utf8.count)
    path += "/"
    path += name
    return path
  }

  /// Whether the entry at `path` is a regular file, from the type its folder gave (`type`),
  /// or, where the filesystem does not say, from `lstat`.
  private func isRegularFile(_ path: String, type: UInt8) -> Bool {
    if type != UInt8(DT_UNKNOWN) { return type == UInt8(DT_REG) }
    var info = stat()
    return lstat(location.root + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }

  public func read(_ path: String) -> ParseStep<[UInt8]> {
    func failure(_ message: RuleMessage) -> ParseStep<[UInt8]> {
      .failure(Diagnostic(message, file: path, at: .start))
    }
    let descriptor = open(Self.path(location.root, path), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return failure(EncodingRule.cannotRead(reason: String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return failure(EncodingRule.cannotRead(reason: String(cString: strerror(errno))))
    }
    guard info.st_mode & S_IFMT == S_IFREG else { return failure(EncodingRule.notARegularFile) }
    let size = Int(info.st_size)
    guard size <= sizeLimit else { return .failure(SourceText.tooLarge(size, limit: sizeLimit, file: path)) }
    switch Self.readWhole(descriptor, size: size) {
    case .success(let bytes): return .success(bytes)
    case .failure(.changed): return failure(EncodingRule.changedWhileRead)
    case .failure(.error(let number)): return failure(EncodingRule.cannotRead(reason: String(cString: strerror(number))))
    }
  }

  /// Why a file could not be read whole.
  enum ReadProblem: Error, Equatable {
    /// It held more than the `size` its status gave: it grew while it was read.
    case changed
    /// `read` failed with this error number.
    case error(Int32)
  }

  /// Every byte of the open regular file `descriptor`, whose status gave `size` bytes; a file
  /// that holds more is refused rather than read in part.
  ///
  /// Each `read` asks for one byte more than is left to fill: a regular file gives fewer bytes
  /// than asked only at its end, so a read that comes back short at `size` bytes has seen the
  /// end, and a whole file costs one `read` rather than a second to see the end.
  static func readWhole(_ descriptor: Int32, size: Int) -> Result<[UInt8], ReadProblem> {
    var problem: ReadProblem? = nil
    let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
      var filled = 0
      while true {
        let asked = size + 1 - filled
        let got = Foundation.read(descriptor, buffer.baseAddress! + filled, asked)
        if got < 0 {
          if errno == EINTR { continue }
          problem = .error(errno)
          break
        }
        if got == 0 { break }
        filled += got
        if filled > size {
          problem = .changed
          break
        }
        // One byte short of what was asked: the end. Short of more, the next read says.
        if filled == size { break }
      }
      count = min(filled, size)
    }
    if let problem { return .failure(problem) }
    return .success(bytes)
  }
}

/// A journal held in memory, for tests and rule examples.
public struct MemoryJournal: JournalSource {
  public let files: [String: [UInt8]]
  /// Symbolic links, which are listed and never read.
  public let links: [String]
  /// Repositories inside the journal (gitlinks), which are listed and never read.
  public let repositories: [String]

  public init(files: [String: [UInt8]], links: [String] = [], repositories: [String] = []) {
    self.files = files
    self.links = links
    self.repositories = repositories
  }

  public init(texts: [String: String]) {
    self.files = texts.mapValues { Array($0.utf8) }
    self.links = []
    self.repositories = []
  }

  public func listing(people: Set<String>? = nil) throws -> JournalListing {
    JournalListing(files: files.keys, links: links, repositories: repositories, people: people)
  }

  public func read(_ path: String) -> ParseStep<[UInt8]> {
    guard let bytes = files[path] else {
      return .failure(
        Diagnostic(EncodingRule.cannotRead(), file: path, at: .start))
    }
    if bytes.count > SourceText.defaultSizeLimit {
      return .failure(SourceText.tooLarge(bytes.count, limit: SourceText.defaultSizeLimit, file: path))
    }
    return .success(bytes)
  }
}
