import Foundation
import Testing

/// Random histories of several people, built with the real `git` from a seed: files added,
/// edited, deleted and moved between people, folders renamed (purely, or with a change),
/// people replaced by others who share a file with them, removed and added, side branches
/// merged. Every person is shared, now and then along the way and at the end, and every
/// object, reference and file name of each receiving repository is scanned: it may hold the
/// markers of that person's own shareable files and folder names, and nothing else.
///
/// Each run tries `JOURNAL_SHARE_SEEDS` seeds (5 unless set); a failure names its seed, and
/// `JOURNAL_SHARE_SEED=<seed> swift test --filter SharePropertyTests` replays it.
@Suite struct SharePropertyTests {
  @Test func randomHistoriesNeverShareAnotherPersonsBytes() throws {
    let environment = ProcessInfo.processInfo.environment
    var seeds: [UInt64]
    if let given = environment["JOURNAL_SHARE_SEED"].flatMap(UInt64.init) {
      seeds = [given]
    } else {
      var system = SystemRandomNumberGenerator()
      seeds = (0..<(environment["JOURNAL_SHARE_SEEDS"].flatMap(Int.init) ?? 5)).map { _ in system.next() }
    }
    for seed in seeds {
      var history = try RandomHistory(seed: seed)
      do {
        try history.run()
      } catch {
        Issue.record("seed \(seed) failed: \(error)\nreplay: JOURNAL_SHARE_SEED=\(seed) swift test --filter SharePropertyTests\n\(history.log.joined(separator: "\n"))")
      }
      for problem in history.problems {
        Issue.record("seed \(seed): \(problem)\nreplay: JOURNAL_SHARE_SEED=\(seed) swift test --filter SharePropertyTests\n\(history.log.joined(separator: "\n"))")
      }
    }
  }
}

/// SplitMix64: a small generator that gives the same numbers for the same seed everywhere.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// One random history, and the truth about it: which markers belong to whom.
///
/// Markers are `zqc<n>q` in file names and contents, `zqf<n>q` as folder names, `zqm<n>q` in
/// commit messages and `journal.yml`'s title. A person may receive the markers that have been
/// in their own folder, outside `private/` and hidden files, and the names their folder has
/// had; never a message's, never a private note's, never anyone else's.
struct RandomHistory {
  final class Person {
    var folder: String?
    var names: Set<String> = []
    var allowed: Set<String> = []
    init() {}
  }

  private var random: SeededGenerator
  private let repository: GitFixture
  private var people: [Person] = []
  /// The current branch's journal files, by path.
  private var files: [String: String] = [:]
  private var counter = 0
  private var day = 0
  /// The receiving repositories, by person and the folder name shared.
  private var remotes: [String: BareRepository] = [:]
  private(set) var log: [String] = []
  private(set) var problems: [String] = []

  init(seed: UInt64) throws {
    random = SeededGenerator(seed: seed)
    repository = try GitFixture()
    // GitFixture's own alice is not part of this history.
    try FileManager.default.removeItem(atPath: repository.path + "/mentees")
    try write("journal.yml", "title: \(marker("m"))\n")
    for _ in 0..<3 { addPerson() }
    try commit("start")
  }

  mutating func run() throws {
    for _ in 0..<30 {
      if random.chance(0.12) {
        try branchAndMerge()
      } else {
        try step(among: people.filter { $0.folder != nil }, configToo: true)
      }
      if random.chance(0.2), let person = people.filter({ $0.folder != nil }).randomElement(using: &random) {
        try share(person)
      }
    }
    for person in people where person.folder != nil { try share(person) }
  }

  // MARK: Making the history

  private mutating func marker(_ kind: String) -> String {
    counter += 1
    return "zq\(kind)\(counter)q"
  }

  private mutating func write(_ path: String, _ content: String) throws {
    try repository.folder.write([path: content])
    files[path] = content
  }

  private mutating func remove(_ path: String) throws {
    try FileManager.default.removeItem(atPath: repository.path + "/" + path)
    files[path] = nil
  }

  /// Writes a file into a person's folder; what a shareable file holds is theirs.
  private mutating func place(_ relative: String, _ content: String, for person: Person) throws {
    guard let folder = person.folder else { return }
    try write("mentees/\(folder)/\(relative)", content)
    if !relative.split(separator: "/").contains(where: { $0 == "private" || $0.hasPrefix(".") }) {
      person.allowed.formUnion(Self.markers(in: relative + " " + content))
    }
  }

  private func relativeFiles(of person: Person) -> [String] {
    guard let folder = person.folder else { return [] }
    let prefix = "mentees/\(folder)/"
    return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
  }

  @discardableResult
  private mutating func addPerson() -> Person {
    let person = Person()
    let folder = marker("f")
    person.folder = folder
    person.names.insert(folder)
    people.append(person)
    try? place("profile.md", "---\nname: \(marker("c"))\nrelationship: report\n---\n", for: person)
    return person
  }

  private mutating func addFile(for person: Person) throws {
    let name = marker("c")
    let relative = [
      "sessions/2026-10-01-\(name).md", "plans/\(name).md", "attachments/\(name).bin", "private/\(name).md",
      "private/deep/\(name).md", ".\(name)", "notes/\(name).md",
    ].randomElement(using: &random)!
    try place(relative, "\(name) \(marker("c"))\n", for: person)
  }

  /// One change to the people `among` (some of them), committed.
  private mutating func step(among candidates: [Person], configToo: Bool) throws {
    guard let person = candidates.randomElement(using: &random) else {
      addPerson()
      try commit("a new person")
      return
    }
    let owned = relativeFiles(of: person)
    let other = candidates.filter { $0 !== person }.randomElement(using: &random)
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<25:
      try addFile(for: person)
      try commit("add for \(person.folder!)")
    case 25..<40 where !owned.isEmpty:
      // An edit keeps the file's first marker and gives it a new second one.
      let relative = owned.randomElement(using: &random)!
      let first = Self.markers(in: relative).first ?? marker("c")
      try place(relative, "\(first) \(marker("c"))\n", for: person)
      try commit("edit for \(person.folder!)")
    case 40..<48 where owned.count > 1:
      let folder = person.folder!
      try remove("mentees/\(folder)/\(owned.randomElement(using: &random)!)")
      try commit("delete for \(folder)")
    case 48..<58 where !owned.isEmpty:
      // A pure rename, or one with a change in the same commit.
      let old = person.folder!
      let new = marker("f")
      let changed = random.chance(0.5) ? owned.randomElement(using: &random) : nil
      for relative in owned {
        let content = files["mentees/\(old)/\(relative)"]!
        try remove("mentees/\(old)/\(relative)")
        person.folder = new
        try place(relative, content, for: person)
        person.folder = old
      }
      person.folder = new
      person.names.insert(new)
      if let changed { try place(changed, "\(Self.markers(in: changed).first ?? "") \(marker("c"))\n", for: person) }
      try commit("rename \(old) to \(new)\(changed == nil ? "" : " with a change")")
    case 58..<68 where !owned.isEmpty && other != nil:
      // A file moved to another person: theirs from now on, as it is now.
      let relative = owned.randomElement(using: &random)!
      guard !relativeFiles(of: other!).contains(relative) else { return }
      let from = person.folder!
      let content = files["mentees/\(from)/\(relative)"]!
      try remove("mentees/\(from)/\(relative)")
      // A folder whose last file went is no folder at all, in git.
      if owned.count == 1 { person.folder = nil }
      try place(relative, content, for: other!)
      try commit("move \(relative) from \(from) to \(other!.folder!)")
    case 68..<76 where !owned.isEmpty && other != nil:
      // The same bytes in two folders: a template.
      let relative = owned.randomElement(using: &random)!
      guard !relativeFiles(of: other!).contains(relative) else { return }
      try place(relative, files["mentees/\(person.folder!)/\(relative)"]!, for: other!)
      try commit("copy \(relative) to \(other!.folder!)")
    case 76..<86 where owned.contains(where: { $0 != "profile.md" }):
      // The issue's case: a person leaves and another joins in one commit, with a file of the
      // first one's, byte for byte (not the first one's profile: whose folder holds that, and
      // nothing else, is that person).
      let relative = owned.filter { $0 != "profile.md" }.randomElement(using: &random)!
      let old = person.folder!
      let content = files["mentees/\(old)/\(relative)"]!
      for file in owned { try remove("mentees/\(old)/\(file)") }
      person.folder = nil
      let newcomer = addPerson()
      try place(relative, content, for: newcomer)
      try commit("\(old) left, \(newcomer.folder!) joined")
    case 86..<92 where candidates.count > 1:
      let old = person.folder!
      for file in owned { try remove("mentees/\(old)/\(file)") }
      person.folder = nil
      try commit("\(old) left")
    case 92..<95 where configToo:
      try write("journal.yml", "title: \(marker("m"))\nrules:\n  late-feedback:\n    max-days: \(counter % 30 + 1)\n")
      try commit("settings")
    case 95..<98 where configToo:
      // Someone new under the id of someone who left earlier: their history starts anew.
      let live = Set(people.compactMap(\.folder))
      guard let name = people.filter({ $0.folder == nil }).flatMap(\.names).filter({ !live.contains($0) }).randomElement(using: &random)
      else { return }
      let newcomer = Person()
      newcomer.folder = name
      newcomer.names.insert(name)
      people.append(newcomer)
      try place("profile.md", "---\nname: \(marker("c"))\nrelationship: report\n---\n", for: newcomer)
      try commit("someone new as \(name)")
    default:
      addPerson()
      try commit("a new person")
    }
  }

  /// A side branch where some people change, main meanwhile changing the others, then a
  /// merge: the two never touch the same folder, so git merges without conflict.
  private mutating func branchAndMerge() throws {
    let live = people.filter { $0.folder != nil }.shuffled(using: &random)
    guard live.count >= 2 else { return }
    let side = Array(live.prefix(live.count / 2))
    let stay = Array(live.dropFirst(live.count / 2))
    try repository.git("checkout", "-q", "-b", "side")
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      try step(among: side.filter { $0.folder != nil }, configToo: false)
    }
    try repository.git("checkout", "-q", "main")
    try reload()
    for _ in 0..<Int.random(in: 0...2, using: &random) {
      try step(among: stay.filter { $0.folder != nil }, configToo: false)
    }
    try repository.git(
      ["merge", "-q", "--no-ff", "-m", "merge \(marker("m"))", "side"],
      environment: ["GIT_AUTHOR_DATE": date(), "GIT_COMMITTER_DATE": date()])
    try repository.git("branch", "-q", "-d", "side")
    try reload()
    log.append("merge")
  }

  /// The working tree's journal files, after a checkout or a merge.
  private mutating func reload() throws {
    files = [:]
    for path in try repository.git("ls-files").split(separator: "\n").map(String.init) {
      files[path] = try String(contentsOfFile: repository.path + "/" + path, encoding: .utf8)
    }
  }

  private mutating func date() -> String {
    String(format: "2026-%02d-%02dT12:00:00+00:00", 1 + day / 28 % 12, 1 + day % 28)
  }

  private mutating func commit(_ what: String) throws {
    day += 1
    log.append(what)
    try repository.commit("\(what) \(marker("m"))", author: "Hannah Reyes", at: date())
  }

  // MARK: Sharing and scanning

  private mutating func share(_ person: Person, followFrom: String? = nil) throws {
    guard let folder = person.folder else { return }
    let key = "\(ObjectIdentifier(person).hashValue)-\(folder)-\(followFrom ?? "")"
    let remote = try remotes[key] ?? BareRepository()
    remotes[key] = remote
    var arguments = ["share", folder, "--to", remote.path, "--no-verify", "--today", "2026-12-31"]
    if let followFrom { arguments += ["--follow-from", followFrom] }
    var run = try repository.journal(arguments, environment: [:])
    if run.status == 2 && run.stderr.contains("never force-pushes") {
      // The folder's history starts afresh (a rename with a change): a new repository.
      let fresh = try BareRepository()
      remotes[key] = fresh
      run = try repository.journal(
        arguments.map { $0 == remote.path ? fresh.path : $0 }, environment: [:])
      try scan(fresh, for: person, shared: folder)
    } else {
      try scan(remote, for: person, shared: folder)
    }
    log.append("share \(folder)\(followFrom.map { " --follow-from \($0)" } ?? ""): \(run.status)")
    // A folder left with only private notes and hidden files has nothing to share.
    if run.status == 2 && run.stderr.contains("has nothing to share") { return }
    guard run.status == 0 else {
      problems.append("journal share \(folder) exited with \(run.status): \(run.stderr)")
      return
    }
    // Where the history starts at a commit that removed the person's own earlier folder,
    // the user may say so; and the history then shared is still only theirs.
    if followFrom == nil, let note = run.stderr.split(separator: "\n").first(where: { $0.contains("--follow-from ") }),
      let old = note.split(separator: " ").last.map(String.init), person.names.contains(old)
    {
      try share(person, followFrom: old)
    }
  }

  private mutating func scan(_ remote: BareRepository, for person: Person, shared folder: String) throws {
    let received = try allObjectsAndReferences(remote.path)
    let foreign = Set(Self.markers(in: received)).subtracting(person.allowed).subtracting(person.names)
    if !foreign.isEmpty {
      problems.append("sharing \(folder), the receiving repository holds \(foreign.sorted()), which are not that person's")
    }
    if try !remote.git("fsck", "--strict", "--no-dangling").isEmpty {
      problems.append("sharing \(folder), git fsck found problems")
    }
  }

  /// Every marker in a text, scanned over UTF-8 bytes.
  static func markers(in text: String) -> [String] {
    let bytes = Array(text.utf8)
    var found: [String] = []
    var index = 0
    while index + 3 < bytes.count {
      if bytes[index] == UInt8(ascii: "z"), bytes[index + 1] == UInt8(ascii: "q"),
        [UInt8(ascii: "c"), UInt8(ascii: "f"), UInt8(ascii: "m")].contains(bytes[index + 2])
      {
        var end = index + 3
        while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
        if end > index + 3, end < bytes.count, bytes[end] == UInt8(ascii: "q") {
          found.append(String(decoding: bytes[index...end], as: UTF8.self))
          index = end + 1
          continue
        }
      }
      index += 1
    }
    return found
  }
}

extension SeededGenerator {
  mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
