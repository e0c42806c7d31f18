import Foundation
import Testing

/// `journal letter`: what it says, what it never says, when it refuses, and its e-mail read
/// back by Python's `email` package. The journal is the letter golden case's.
@Suite struct LetterTests {
  static let journal = fixtures.appendingPathComponent("golden/letter/journal")

  /// A copy of the journal to change, with `edits` written over it.
  func copy(_ edits: [String: String] = [:]) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try FileManager.default.removeItem(at: folder.url)
    try FileManager.default.copyItem(at: Self.journal, to: folder.url)
    try folder.write(edits)
    return folder
  }

  /// A copy of the journal whose carla-diaz session has `text` replaced with `replacement`.
  func copy(carla text: String, with replacement: String) throws -> TemporaryFolder {
    let path = "mentees/carla-diaz/sessions/2026-11-13.md"
    let session = try String(contentsOf: Self.journal.appendingPathComponent(path), encoding: .utf8)
    let edited = session.replacingOccurrences(of: text, with: replacement)
    #expect(edited != session, "the session holds the text to replace")
    return try copy([path: edited])
  }

  /// Carla's collaboration strength, which `vague` makes generic.
  static let collaboration =
    "- [collaboration] Asked the pairing interviewer for their view twice and built on both answers."

  func letter(_ arguments: [String], in folder: String = LetterTests.journal.path) throws -> Run {
    try runJournal(["letter"] + arguments + ["--today", "2026-11-26"], in: folder)
  }

  /// Canaries in private/, the dialogue, a free-note section, the ratings' labels and the
  /// category titles: none reaches the letter in any format; titles only with --categories.
  @Test func neverLeaksWhatIsNotForThePerson() throws {
    let config = try String(contentsOf: Self.journal.appendingPathComponent("journal.yml"), encoding: .utf8)
      .replacingOccurrences(of: "Strong no", with: "CANARY-LABEL-1").replacingOccurrences(of: ": No", with: ": CANARY-LABEL-2")
      .replacingOccurrences(of: ": Yes", with: ": CANARY-LABEL-3").replacingOccurrences(of: "Strong yes", with: "CANARY-LABEL-4")
      .replacingOccurrences(of: "System design", with: "CANARY-TITLE-design")
      .replacingOccurrences(of: "good: ", with: "good: CANARY-GOOD ")
    let folder = try copy(["journal.yml": config])
    for format in ["text", "markdown", "eml"] {
      for extra in [[], ["--categories"], ["--force"]] {
        let run = try letter(["carla-diaz", "--format", format, "--from", "Ana Ruiz <ana@example.com>"] + extra, in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let text = format == "eml" ? try decodedBody(run.stdout) : run.stdout
        #expect(text.contains("Split the ingest queue by tenant"))
        for canary in ["CANARY-PRIVATE", "CANARY-DIALOGUE", "CANARY-FREE-NOTE", "CANARY-LABEL", "CANARY-GOOD", "rating"] {
          #expect(!text.contains(canary), "\(format) \(extra) leaks \(canary)")
        }
        for other in ["Dev", "Patel", "Gus", "Erin", "Fiona", "dev-patel"] {
          #expect(!text.contains(other), "\(format) names \(other)")
        }
        #expect(text.contains("CANARY-TITLE-design") == (extra == ["--categories"]))
      }
    }
  }

  @Test func refusesALetterThatNamesSomeoneElse() throws {
    let path = "mentees/carla-diaz/sessions/2026-11-13.md"
    let session = try String(contentsOf: Self.journal.appendingPathComponent(path), encoding: .utf8)
      .replacingOccurrences(of: "before we asked.", with: "before Gus Moreau did.")
    let folder = try copy([path: session])
    for extra in [[], ["--force"]] {
      let run = try letter(["carla-diaz"] + extra, in: folder.path)
      #expect(run.status == 2)
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.contains("names `Gus Moreau`, who is someone else in the journal"), "\(run.stderr)")
    }
  }

  /// A session that holds only its template (`journal new session`, nothing written) has
  /// nothing to send: the letter is refused with the `empty-session` finding, not written
  /// with an empty "What went well".
  /// Named, that is: by default the letter is from the latest session written.
  @Test func refusesASessionThatHoldsOnlyItsTemplate() throws {
    let repo = try GitFixture()
    #expect(try repo.journal("new", "session", "alice", "--date", "2026-11-20", "--today", "2026-11-20").status == 0)
    let refused = try repo.journal("letter", "alice", "2026-11-20", "--today", "2026-11-20")
    #expect(refused.status == 1)
    #expect(refused.stdout.isEmpty, "\(refused.stdout)")
    #expect(refused.stderr.contains("[empty-session]"), "\(refused.stderr)")
  }

  /// A mentor prepares the next one-on-one (`journal new session`), then writes the letter for
  /// the one just held: without a session named, the letter is from the latest session
  /// written, not the prepared one (the same "prepared, not written yet" as `summary` and
  /// `show`). Named, the prepared session is still refused with its `empty-session` finding.
  @Test func theDefaultSessionIsTheLatestWritten() throws {
    let folder = try copy()
    let prepared = try runJournal(
      ["new", "session", "carla-diaz", "--date", "2026-11-26", "--today", "2026-11-26"], in: folder.path)
    #expect(prepared.status == 0, "\(prepared.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/mentees/carla-diaz/sessions/2026-11-26.md"))
    let run = try letter(["carla-diaz"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == (try letter(["carla-diaz", "2026-11-13"], in: folder.path)).stdout)
    #expect(run.stdout.contains("Split the ingest queue by tenant"))
    let named = try letter(["carla-diaz", "2026-11-26"], in: folder.path)
    #expect(named.status == 1)
    #expect(named.stdout.isEmpty)
    #expect(named.stderr.contains("[empty-session]"), "\(named.stderr)")
  }

  /// When every session of the person is only prepared there is nothing to write from: one
  /// line says so and names the prepared file (exit 2), rather than the findings of a session
  /// nobody asked for.
  @Test func onlyPreparedSessionsGiveNoLetter() throws {
    let repo = try GitFixture()
    for day in ["2026-11-20", "2026-11-27"] {
      #expect(try repo.journal("new", "session", "alice", "--date", day, "--today", day).status == 0)
    }
    let run = try repo.journal("letter", "alice", "--today", "2026-11-27")
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty, "\(run.stdout)")
    #expect(
      run.stderr == "journal: alice has no written session to write a letter from: "
        + "mentees/alice/sessions/2026-11-27.md is prepared, not written yet\n")
  }

  /// A session that cannot be read after the latest written one may be the one held: a
  /// prepared session after it does not make it safe to skip.
  @Test func anUnreadableSessionBeforeAPreparedOneStopsTheLetter() throws {
    let path = "mentees/carla-diaz/sessions/2026-11-20.md"
    let folder = try copy([path: "---\ndate: [2026-11-20\ntype: candidate-feedback\n---\n## Strengths\n\n- Clear.\n"])
    let prepared = try runJournal(
      ["new", "session", "carla-diaz", "--date", "2026-11-26", "--today", "2026-11-26"], in: folder.path)
    #expect(prepared.status == 0, "\(prepared.stderr)")
    let run = try letter(["carla-diaz"], in: folder.path)
    #expect(run.status == 2, "\(run.stdout)")
    #expect(run.stderr.hasPrefix("journal: \(path) could not be read"), "\(run.stderr)")
  }

  /// Vague or unbalanced feedback and errors stop the letter, with the findings, unless --force.
  @Test func refusesWhatTheArticleWouldNotSend() throws {
    let folder = try copy(
      carla: "## Strengths\n\n- [design] Split the ingest queue by tenant and explained the cost of each shard before we asked.\n"
        + Self.collaboration + "\n\n",
      with: "")
    let refused = try letter(["carla-diaz"], in: folder.path)
    #expect(refused.status == 1)
    #expect(refused.stdout.isEmpty)
    #expect(refused.stderr.contains("[unbalanced-feedback]"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--force"))
    let forced = try letter(["carla-diaz", "--force"], in: folder.path)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("Started coding the rate limiter"))

    let vague = try copy(carla: Self.collaboration, with: "- [collaboration] Great job.")
    let run = try letter(["carla-diaz"], in: vague.path)
    #expect(run.status == 1)
    #expect(run.stderr.contains("[vague-feedback]"))
    // Warnings of other rules (an overdue action) do not stop it.
    #expect(try letter(["carla-diaz"]).status == 0)
  }

  /// A latest session that cannot be read is not skipped for an older one: the letter would
  /// answer the wrong interview. Named, the older session still gets its letter.
  @Test func anUnreadableLatestSessionStopsTheLetter() throws {
    let path = "mentees/carla-diaz/sessions/2026-11-20.md"
    let folder = try copy([path: "---\ndate: [2026-11-20\ntype: candidate-feedback\n---\n## Strengths\n\n- Clear.\n"])
    let run = try letter(["carla-diaz"], in: folder.path)
    #expect(run.status == 2, "\(run.stdout)")
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr == "journal: \(path) could not be read, and it may be carla-diaz's latest session: "
        + "mend it (journal check says how), or name the session to write from\n")
    let named = try letter(["carla-diaz", "2026-11-20"], in: folder.path)
    #expect(named.status == 2)
    #expect(named.stderr == "journal: \(path) could not be read: mend it first (journal check says how)\n")
    let older = try letter(["carla-diaz", "2026-11-13"], in: folder.path)
    #expect(older.status == 0, "\(older.stderr)")
    #expect(older.stdout.contains("Started coding the rate limiter"))
  }

  /// A refused letter whose findings cannot be written (standard error on a full disk) still
  /// exits 1, the refusal's status, rather than stopping with a trap and a stack trace.
  @Test func refusalOnAFullDiskExitsOne() throws {
    let folder = try copy(carla: Self.collaboration, with: "- [collaboration] Great job.")
    let pid = try startProgram(
      journalBinary.path, ["letter", "carla-diaz", "--today", "2026-11-26"], in: folder.url,
      environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"], errors: "/dev/full")
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    #expect(status & 0x7F == 0, "stopped by signal \(status & 0x7F)")
    #expect((status >> 8) & 0xFF == 1)
  }

  /// The e-mail as Python's `email` package reads it: headers, and a body equal to the text letter's.
  @Test(.enabled(if: pythonHas("email"), "needs python3"))
  func emlIsAMessageAMailReaderOpens() throws {
    let text = try letter(["carla-diaz"])
    let eml = try letter(["carla-diaz", "--format", "eml", "--from", "Ana Ruiz <ana@example.com>"])
    #expect(eml.status == 0, "\(eml.stderr)")
    #expect(eml.stdout.contains("\r\n"))
    #expect(!eml.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
    let script = """
      import sys, json, email, email.policy
      message = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.strict)
      print(json.dumps({'to': str(message['To']), 'to_address': message['To'].addresses[0].addr_spec,
        'to_name': message['To'].addresses[0].display_name, 'from': message['From'].addresses[0].addr_spec,
        'subject': str(message['Subject']), 'date': str(message['Date']), 'type': message.get_content_type(),
        'charset': message.get_content_charset(), 'defects': len(message.defects), 'body': message.get_content()}))
      """
    let folder = try TemporaryFolder()
    try folder.write(["letter.eml": eml.stdout])
    let run = try runPython(script, [folder.path + "/letter.eml"])
    #expect(run.status == 0, "\(run.errors)")
    let parsed = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(parsed["to_address"] as? String == "carla@example.com")
    #expect(parsed["to_name"] as? String == "Carla Díaz")
    #expect(parsed["from"] as? String == "ana@example.com")
    #expect(parsed["subject"] as? String == "Your interview for Backend engineer: our feedback")
    #expect(parsed["date"] as? String == "Thu, 26 Nov 2026 12:00:00 +0000")
    #expect(parsed["type"] as? String == "text/plain")
    #expect(parsed["charset"] as? String == "utf-8")
    #expect(parsed["defects"] as? Int == 0)
    // The message's lines end in CRLF, and so do the decoded body's.
    let body = try #require(parsed["body"] as? String).replacingOccurrences(of: "\r\n", with: "\n")
    #expect(!body.contains("\r"))
    #expect("Subject: Your interview for Backend engineer: our feedback\n\n" + body == text.stdout)
  }

  /// A person without an address gets a message without `To`, which a mail client fills in.
  /// --from signs a letter of any format, not only the eml's From: given to a text letter, it
  /// was passed over in silence and the letter ended on "With best wishes," and nobody.
  /// Unsigned, the letter ends on its closing line, with no empty line after it.
  @Test func unsignedEndsOnItsClosingLine() throws {
    for format in ["text", "markdown"] {
      let run = try letter(["dev-patel", "--format", format])
      #expect(run.status == 0, "\(format): \(run.stderr)")
      #expect(run.stdout.hasSuffix("\nWith best wishes,\n"), "\(format): \(run.stdout)")
    }
  }

  @Test func fromSignsEveryFormat() throws {
    for format in ["text", "markdown"] {
      let run = try letter(["dev-patel", "--format", format, "--from", "Ana Ruiz <ana@example.com>"])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.hasSuffix("With best wishes,\nAna Ruiz\n"), "\(format): \(run.stdout)")
    }
    let refused = try letter(["dev-patel", "--from", "Ana <ana@"])
    #expect(refused.status == 2)
    #expect(refused.stderr == "journal: --from takes `Name <address>` or an address, not `Ana <ana@`\n")
  }

  @Test func emlWithoutAnAddressHasNoTo() throws {
    let run = try letter(["dev-patel", "--format", "eml", "--from", "ana@example.com"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("From: ana@example.com\r\nSubject: "))
    let refused = try letter(["dev-patel", "--format", "eml", "--from", "Ana <ana@example.com>\r\nBcc: x@y.z"])
    #expect(refused.status == 2)
  }

  /// The journal's templates/letter.md replaces the wording; values are escaped for Markdown.
  @Test func aJournalTemplateOverridesTheWording() throws {
    let folder = try copy([
      "templates/letter.md": "Subject: Hello {{name}}\r\n\r\nHi {{name}}!\r\n{{#strengths}}* {{text}}\r\n{{/strengths}}{{#actions}}> {{text}}\r\n{{/actions}}",
      "mentees/carla-diaz/profile.md": "---\nname: Carla *Díaz*\nrole: Backend engineer\nrelationship: candidate\nsince: 2026-11-12\nretain-until: 2027-05-12\n---\n",
    ])
    let markdown = try letter(["carla-diaz", "--format", "markdown"], in: folder.path)
    #expect(markdown.status == 0, "\(markdown.stderr)")
    #expect(
      markdown.stdout == """
        Subject: Hello Carla \\*Díaz\\*

        Hi Carla \\*Díaz\\*!
        * Split the ingest queue by tenant and explained the cost of each shard before we asked.
        * Asked the pairing interviewer for their view twice and built on both answers.
        > Send the written review of the take-home exercise

        """)
    let text = try letter(["carla-diaz"], in: folder.path)
    #expect(text.stdout.hasPrefix("Subject: Hello Carla *Díaz*\n\nHi Carla *Díaz*!\n"))
    // journal's own template is there to start from.
    let standard = try runJournal(["letter", "--template"])
    #expect(standard.stdout.hasPrefix("Subject: Your interview"))

    let broken = try copy(["templates/letter.md": "{{#strengths}}unclosed"])
    let run = try letter(["carla-diaz"], in: broken.path)
    #expect(run.status == 2)
    #expect(run.stderr.contains("templates/letter.md is not a template journal can read"), "\(run.stderr)")
  }

  @Test func picksTheSessionAndWritesAtomically() throws {
    let folder = try TemporaryFolder()
    let output = folder.path + "/letter.txt"
    let run = try letter(["carla-diaz", "2026-11-13", "--output", output])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == (try letter(["carla-diaz"])).stdout)
    #expect(try letter(["carla-diaz", "mentees/carla-diaz/sessions/2026-11-13.md"]).status == 0)
    let unknown = try letter(["carla-diaz", "2026-11-14"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean `2026-11-13`?"), "\(unknown.stderr)")
    let nobody = try letter(["carla"])
    #expect(nobody.stderr.contains("did you mean `carla-diaz`?"))
    let waiting = try letter(["fiona-park"])
    #expect(waiting.status == 2)
    #expect(waiting.stderr.contains("fiona-park has no session"))
  }

  /// The body of an eml as Python's `email` package decodes it.
  func decodedBody(_ eml: String) throws -> String {
    let folder = try TemporaryFolder()
    try folder.write(["letter.eml": eml])
    let script = "import sys, email, email.policy\nsys.stdout.write(email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default).get_content())"
    return try runPython(script, [folder.path + "/letter.eml"]).output
  }
}
