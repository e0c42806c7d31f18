import JournalModel
import JournalRules

extension PersonContext {
  /// Every session that names a rubric `journal.yml` defines, with that rubric: what the
  /// scorecard rules look at. A session naming no known rubric is `unknown-rubric`'s alone.
  var scorecards: [(session: Session, rubric: Rubric)] {
    person.sessions.compactMap { session in
      guard let name = session.rubric, let rubric = settings.config.rubric(name) else { return nil }
      return (session, rubric)
    }
  }
}

/// A scorecard rule's examples: a journal.yml with one rubric and a session of `alex`.
enum ScorecardExample {
  static let config = """
    rubrics:
      backend:
        scale:
          1: No
          2: Mixed
          3: Yes
        categories:
          - id: design
            title: System design
          - id: communication
            title: Communication

    """

  static func session(
    _ frontMatter: String, body: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
  ) -> RuleExample {
    RuleExample(
      files: [
        "journal.yml": config,
        RuleExample.sessionPath: "---\ndate: 2026-11-20\ntype: candidate-feedback\n\(frontMatter)---\n\(body)",
      ], fileID: fileID, filePath: filePath, line: line)
  }

  /// Evidence for both categories.
  static let fullBody =
    "## Strengths\n\n- [design] Split the queue by tenant and said why.\n\n## Improvements\n\n- [communication] Jumped to code before restating the problem.\n"
}
