import JournalKit
import JournalModel
import JournalParsing
import Testing

/// The YAML `journal new` and `journal init` write for a name, a role or a title, read back by
/// journal's own YAML reader: whatever a person typed comes back as typed.
@Suite struct TemplateTests {
  static let awkward = [
    "Zoe\u{301}",  // a combining mark at the end
    "\u{301}Anna",  // and at the start
    "Ana\u{308} \u{308}",  // after a space
    "José Núñez", "Łukasz Żółć", "Анна Петрова", "李小龙", "Ελένη", "Renée-Marie O'Neil (Platform)",
    "Line\r\nBreak", "Line\nBreak", "Cr\rOnly",
    "say \"hi\"", "quote\"\u{301}", "\"", "'single'", "back\\slash",
    "R&D #1", "Anna #lead", "#hash",
    "Lead: platform", "Lead:", "key: value: more",
    "- dash", "-dash", "? question", "?question", "* star", "*star", "& anchor", "&anchor",
    "! tag", "| block", "> folded", "% directive", "@at", "`tick", "[flow]", "{flow}", ", comma",
    "yes", "No", "null", "~", "true", "Off", "y", "N", "1.5", "0x10", "2026-11-01", ".inf",
    "trailing ", " leading", "tab\there", "a\u{2028}b", "a\u{85}b", "a\u{FEFF}b",
  ]

  @Test(arguments: awkward)
  func aProfilesNameAndRoleReadBackAsWritten(_ text: String) throws {
    let profile = Templates.profile(
      name: text, role: text, relationship: .mentee, cadence: nil, since: Day(iso: "2026-11-01")!)
    let parsed = DocumentParser.parse(Array(profile.utf8), path: "mentees/sam/profile.md", sections: .standard)
    #expect(!parsed.diagnostics.contains { ["yaml-syntax", "front-matter"].contains($0.rule) }, "\(parsed.diagnostics)")
    guard case .profile(let person)? = parsed.document else {
      Issue.record("not read as a profile: \(profile)")
      return
    }
    #expect(Array(person.name.unicodeScalars) == Array(text.unicodeScalars), "\(profile)")
    #expect(person.role.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars), "\(profile)")
  }

  @Test(arguments: awkward)
  func aTitleReadsBackAsWritten(_ text: String) throws {
    let config = DocumentParser.config(Array(Templates.config(title: text).utf8))
    #expect(config?.title.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars), "\(Templates.config(title: text))")
    let plan = Templates.plan(title: text, created: Day(iso: "2026-11-01")!)
    let parsed = DocumentParser.parse(Array(plan.utf8), path: "mentees/sam/plans/growth.md", sections: .standard)
    guard case .plan(let read)? = parsed.document else {
      Issue.record("not read as a plan: \(plan)")
      return
    }
    #expect(Array(read.title.unicodeScalars) == Array(text.unicodeScalars), "\(plan)")
  }

  /// Plain where nothing could be taken for anything but text, as people would write it
  /// themselves; quoted otherwise.
  @Test func plainWhereItReadsTheSame() {
    let line = { (name: String) in
      Templates.profile(name: name, role: nil, relationship: nil, cadence: nil, since: Day(iso: "2026-11-01")!)
        .split(separator: "\n")[1]
    }
    #expect(line("Sam Okafor") == "name: Sam Okafor")
    #expect(line("Renée-Marie O'Neil (Platform)") == "name: Renée-Marie O'Neil (Platform)")
    #expect(line("Zoe\u{301}") == "name: Zoe\u{301}")
    #expect(line("李小龙") == "name: 李小龙")
    #expect(line("Sam 2") == "name: Sam 2")
    #expect(line("Lead: platform") == "name: \"Lead: platform\"")
    #expect(line("Anna #lead") == "name: \"Anna #lead\"")
    #expect(line("\u{301}Anna") == "name: \"\u{301}Anna\"")
    #expect(line("Line\r\nBreak") == "name: \"Line\\r\\nBreak\"")
    #expect(line("quote\"\u{301}") == "name: \"quote\\\"\u{301}\"")
    #expect(line("Yes") == "name: \"Yes\"")
    #expect(line("- dash") == "name: \"- dash\"")
  }
}
