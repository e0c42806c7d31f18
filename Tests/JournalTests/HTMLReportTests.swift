import Foundation
import Testing

/// The HTML summary, rendered by a real headless browser.
@Suite struct HTMLReportTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  func report() throws -> (folder: TemporaryFolder, path: String, html: String) {
    let folder = try TemporaryFolder()
    let path = folder.path + "/summary.html"
    let run = try runJournal([
      "summary", "--journal", "SampleJournal", "--today", "2026-11-26", "--format", "html", "--output", path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    return (folder, path, try String(contentsOfFile: path, encoding: .utf8))
  }

  @Test func selfContained() throws {
    let html = try report().html
    for forbidden in ["<script", "<link", "<img", "src=", "url(", "@import", "http://", "https://"] {
      // The SVG namespace is a name, not a fetch.
      let stripped = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
      #expect(!stripped.contains(forbidden), "the page must not load \(forbidden)")
    }
    #expect(html.components(separatedBy: "<section class=\"person\"").count - 1 == 5)
    #expect(html.contains("@media print"))
  }

  @Test(.enabled(if: chromium != nil, "needs Chromium (scripts/install-deps --test)"))
  func rendersInChromiumWithoutConsoleErrors() throws {
    let (folder, path, _) = try report()
    let screenshot = folder.path + "/summary.png"
    let render = try runProgram(Self.chromium!, [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
      "--user-data-dir=\(folder.path)/profile", "--enable-logging=stderr", "--v=0",
      "--window-size=1100,2400", "--screenshot=\(screenshot)", "file://\(path)",
    ])
    let log = render.stderr
    #expect(render.status == 0, "\(log)")
    let consoleErrors = log.split(separator: "\n").filter {
      $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("Refused to")
    }
    #expect(consoleErrors.isEmpty, "\(consoleErrors)")
    let size = (try FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int) ?? 0
    #expect(size > 50_000, "the screenshot shows a rendered page")

    // The DOM as the browser built it holds every chart.
    let tree = try runProgram(Self.chromium!, [
      "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile2",
      "--dump-dom", "file://\(path)",
    ]).stdout
    // Seven metric charts (Lee 1, Maria 3, Sam 3), and per person (five) one of sessions and
    // one of actions opened against closed.
    #expect(tree.components(separatedBy: "<svg class=\"chart\"").count - 1 == 7 + 5 + 5)
  }
}
