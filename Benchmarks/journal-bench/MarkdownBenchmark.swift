import Foundation

/// `journal check` of one note whose body is `bytes` of a pattern that makes cmark-gfm
/// 0.29.0.gfm.6 slow, one journal per pattern, beside `cat` of the same files. At the default
/// size, the largest body journal reads, every note must check in well under a second; a larger
/// `--bytes` shows what the bound prevents when run with a journal built without it.
func markdownBenchmark(bytes: Int, runs: Int, journal: String) throws {
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("journal-bench-markdown-\(ProcessInfo.processInfo.processIdentifier)")
  defer { try? FileManager.default.removeItem(at: root) }

  func repeated(_ unit: String, _ size: Int) -> String {
    String(String(repeating: unit, count: size / unit.utf8.count + 1).utf8.prefix(size))!
  }
  let heading = "## Actions\n\n"
  let room = bytes - heading.utf8.count
  let nested = 64
  // Inline patterns fill one paragraph; block patterns nest as deep as journal reads (or, the
  // first, as deep as the size allows), then fill the rest with lines that walk every open
  // container.
  let patterns: [(String, String)] = [
    ("![[]() repeated", repeated("![[]()", room)),
    ("*a*[b](c) repeated", repeated("*a*[b](c)", room)),
    ("*a*[b](c)![ repeated", repeated("*a*[b](c)![", room)),
    ("![a[b]() repeated", repeated("![a[b]()", room)),
    ("a<? repeated", repeated("a<?", room)),
    ("<![CDATA[ repeated", repeated("x <![CDATA[ y\n", room)),
    ("<!A repeated", repeated("a <!A b\n", room)),
    ("[a](<b repeated", repeated("[a](<b", room)),
    ("*a **a repeated", repeated("*a **a ", room)),
    ("*a then _a*_ (cmark #389)", repeated("*a ", room / 2) + repeated("_a*_ ", room - room / 2)),
    ("[a repeated", repeated("[a", room)),
    ("a_ repeated", repeated("a_ ", room)),
    ("table rows", repeated("| a | b |\n| --- | --- |\n", room)),
    ("task items", repeated("- [ ] Pair on the billing migration due:2026-12-01 owner:sam\n", room)),
    ("list items nested half the body deep, then blank lines",
      repeated("- ", room / 2) + "x" + String(repeating: "\n", count: max(0, room - room / 2 - 1))),
    ("list items 64 deep, then blank lines", repeated("- ", 2 * nested) + "x" + String(repeating: "\n", count: max(0, room - 2 * nested - 1))),
    ("quote, lists 63 deep, then > lines", "> " + repeated("- ", 2 * (nested - 1)) + "x\n" + repeated(">\n", max(0, room - 2 * nested - 1))),
    ("> 64 deep, then emphasis", String(repeating: ">", count: nested) + repeated("a*", max(0, room - nested))),
    ("lists 64 deep by indentation, then blank lines", {
      let lists = (0..<nested).map { String(repeating: "  ", count: $0) + "* a\n" }.joined()
      return lists + String(repeating: "\n", count: max(0, room - lists.utf8.count))
    }()),
  ]

  print("one note per journal, its body \(bytes) bytes; median of \(runs) warm runs\n")
  var rows: [(String, Measurement)] = []
  var worst: (String, Measurement)? = nil
  var catFolder = ""
  for (index, (name, body)) in patterns.enumerated() {
    let folder = root.appendingPathComponent("\(index)")
    func put(_ path: String, _ text: String) throws {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try put("journal.yml", "title: Benchmark journal\n")
    try put("mentees/alex/profile.md", "---\nname: Alex\n---\n")
    try put("mentees/alex/sessions/2026-11-21.md", "---\ndate: 2026-11-21\ntype: career-development\n---\n" + heading + body)
    let check = try measure(
      journal, ["check", "--journal", folder.path, "--today", "2026-11-26", "--format", "json"],
      runs: runs, expectStatus: [0, 1])
    rows.append((name, check))
    if check.wall > worst?.1.wall ?? 0 { worst = (name, check) }
    catFolder = folder.path
  }
  // Every journal holds the same three files of about the same size: cat one of them.
  let cat = try measure("/bin/sh", ["-c", "find '\(catFolder)' -type f -exec cat {} + > /dev/null"], runs: runs)
  printTable([("cat (read the files)", cat)] + rows.map { ("journal check: " + $0.0, $0.1) })
  if let (name, measurement) = worst {
    print("\nslowest: \(name), " + String(format: "%.3f s (%.1fx cat)", measurement.wall, measurement.wall / cat.wall))
  }
}
