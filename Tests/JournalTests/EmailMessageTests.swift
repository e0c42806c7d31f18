import Foundation
import Testing

@testable import JournalKit

/// The e-mail writer, read back by Python's `email` package: hostile names, subjects and
/// bodies come back as written (headers but for their white space, bodies exactly), the
/// addresses stay the only addresses, and no line passes 78 characters.
@Suite struct EmailMessageTests {
  @Test(.enabled(if: pythonHas("email"), "needs python3"))
  func hostileTextComesBackAsWritten() throws {
    var random = HostileText()
    let folder = try TemporaryFolder()
    var expected: [[String: String]] = []
    for index in 0..<60 {
      let name = random.text(pieces: 6)
      let subject = random.text(pieces: 12)
      let body = random.text(pieces: 30) + "\n" + String(repeating: "é=x ", count: 40) + " \n"
      let letter = Letter(subject: subject, body: body, recipientName: name, recipientEmail: "carla@example.com")
      let sender = EmailMessage.Mailbox(name: random.text(pieces: 4), address: "ana@example.com")
      let eml = EmailMessage.render(letter, from: sender, date: Date(timeIntervalSince1970: 1_796_000_000))
      #expect(
        eml.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 78 },
        "seed \(HostileText.seed): every line within 78 characters")
      try folder.write(["\(index).eml": eml])
      expected.append([
        "subject": Self.withoutSpaces(subject), "to": Self.withoutSpaces(name), "from": Self.withoutSpaces(sender.name!),
        "body": Self.bodyText(body),
      ])
    }
    let script = """
      import sys, json, email, email.policy
      out = []
      for index in range(60):
          message = email.message_from_bytes(open('%s/%d.eml' % (sys.argv[1], index), 'rb').read(), policy=email.policy.default)
          to, sender = message['To'].addresses, message['From'].addresses
          assert [a.addr_spec for a in to] == ['carla@example.com'] and [a.addr_spec for a in sender] == ['ana@example.com']
          bare = lambda text: ''.join(c for c in text if not c.isspace())
          out.append({'subject': bare(str(message['Subject'])), 'to': bare(to[0].display_name),
                      'from': bare(sender[0].display_name),
                      'body': message.get_content().replace('\\r\\n', '\\n'), 'defects': len(message.defects)})
      print(json.dumps(out))
      """
    let run = try runPython(script, [folder.path])
    #expect(run.status == 0, "seed \(HostileText.seed): \(run.errors)")
    let read = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
    for (index, message) in read.enumerated() {
      #expect(message["defects"] as? Int == 0, "seed \(HostileText.seed), message \(index)")
      for key in ["subject", "to", "from", "body"] {
        #expect(
          message[key] as? String == expected[index][key],
          "seed \(HostileText.seed) (JOURNAL_SEED=\(HostileText.seed) replays it), message \(index), \(key)")
      }
    }
  }

  /// A header's text without its white space. Readers differ in what they make of white
  /// space in headers (Python's address parser joins the encoded words of a name with single
  /// spaces, and drops it at the ends), so the rest is what is compared, exactly; controls,
  /// which a header cannot hold, read as white space.
  static func withoutSpaces(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { !($0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F) }))
  }

  /// A body as a reader sees it: lines end in `\n`; a carriage return is not text.
  static func bodyText(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" }))
  }
}
