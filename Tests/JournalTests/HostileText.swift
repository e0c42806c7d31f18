import Foundation
import JournalKit

/// Random text over an alphabet chosen to break escapers: quotes, `<>&`, CR, LF, CRLF,
/// combining marks after quotes and commas, ZWJ, C0 and C1 controls, bidi overrides, the
/// metacharacters of every format journal writes, and very long runs. Seeded: a failing test
/// prints its seed, and `JOURNAL_SEED=N swift test --filter …` replays it.
struct HostileText: RandomNumberGenerator {
  /// The run's seed: `JOURNAL_SEED`, else a new one each run.
  static let seed: UInt64 =
    ProcessInfo.processInfo.environment["JOURNAL_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)

  private var state: UInt64

  init(seed: UInt64 = HostileText.seed) { state = seed }

  /// SplitMix64.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  static let pieces = [
    "\"", "'", "<", ">", "&", "\r", "\n", "\r\n", "\"\u{301}", "'\u{301}", ",\u{301}", "\r\u{301}",
    "\u{200D}", "👩\u{200D}💻", "\u{1B}", "\u{1B}]0;title\u{7}", "\u{1B}[2J", "\u{9B}31m", "\u{85}",
    "\u{7F}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}", "\u{FEFF}", "\t", " ", "  ", "\u{A0}",
    "|", "\\", "`", "*", "_", "~", "[", "]", "(", ")", "!", "#", "=", "+", "-", "@", ";", ":", ",", ".",
    "%", "$", "%0A", "%25", "%3A", "::", "::error::x", "::stop-commands::t", "##[error]x", "]",
    "<script>", "</title>", "<!--", "&amp;", "&#10;", "&#x3C;", "\\n", "\\;", "www.", "http://", ".com",
    "a@b.co", "1.", "2)", "- ", "> ", "# ", "    ", "---", "```", "BEGIN:VALARM", "=1+1", "@SUM(1)",
    "a", "Z", "x", "é", "e\u{301}", "ß", "中", "😀", "𝔸", "\u{FFFD}",
  ]

  /// A text of one to `pieces` pieces, sometimes with a piece repeated hundreds of times.
  mutating func text(pieces count: Int = 10) -> String {
    var out = ""
    for _ in 0..<Int.random(in: 1...count, using: &self) {
      switch Int.random(in: 0..<40, using: &self) {
      case 0: out += String(repeating: Self.pieces.randomElement(using: &self)!, count: Int.random(in: 100...1500, using: &self))
      case 1...3: out.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 1...0x1F, using: &self))!)
      case 4...5: out.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0x7F...0x9F, using: &self))!)
      case 6...7: out.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0x20...0x7E, using: &self))!)
      default: out += Self.pieces.randomElement(using: &self)!
      }
    }
    return out
  }

  /// A folder name: any text without `/` or NUL, not hidden.
  mutating func folderName() -> String {
    var name = String(String.UnicodeScalarView(text(pieces: 6).unicodeScalars.filter { $0 != "/" }))
    if name.hasPrefix(".") || name.isEmpty { name = "x" + name }
    return name
  }
}

/// A journal of three people whose every text comes from `text`, in a fixed shape: the same
/// slots filled with markers and with hostile text give the same output structure. People are
/// given ids in the order of `ids`, which must be sorted and distinct.
func journal(ids: [String], text: (String) -> String) -> Journal {
  let day = Day(year: 2026, month: 10, day: 1)!
  let at = SourceLocation(line: 1, column: 1)
  let people = ids.enumerated().map { index, id in
    func slot(_ name: String) -> String { text("\(index)-\(name)") }
    let folder = "mentees/\(id)"
    let profile = Person(id: id, name: slot("name"), role: slot("role"), cadence: Cadence("1w"), file: folder + "/profile.md")
    let plan = Plan(
      personID: id, slug: "growth", file: folder + "/plans/growth.md", title: slot("plan"), created: day,
      goals: [Goal(id: "reviews", description: slot("goal"), metric: "rework", baseline: 40, target: 10, location: at)])
    let session = Session(
      personID: id, file: folder + "/sessions/2026-10-01.md", date: day, type: .careerDevelopment,
      metrics: [Session.Metric(id: "rework", value: 30, location: at)], plan: "growth",
      followUp: day.adding(days: 7 * (index + 1)), project: slot("project"),
      strengths: [FeedbackItem(text: slot("strength"), location: at)],
      improvements: [FeedbackItem(text: slot("improvement"), location: at)],
      actions: [
        ActionItem(
          text: slot("action"), status: .open, due: day.adding(days: 30 + index), owner: slot("owner"),
          location: at)
      ])
    return PersonRecord(id: id, folder: folder, profile: profile, sessions: [session], plans: [plan])
  }
  return Journal(config: JournalConfig(title: text("title")), people: people)
}

/// Three distinct hostile folder names, sorted, and the markers standing for them.
func hostileIDs(_ random: inout HostileText) -> (ids: [String], markers: [String]) {
  var ids = Set<String>()
  while ids.count < 3 { ids.insert(random.folderName()) }
  let sorted = ids.sorted()
  return (sorted, sorted.indices.map { "zq\($0)id" })
}
