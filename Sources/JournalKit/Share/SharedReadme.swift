import JournalGit
import JournalModel
import JournalParsing

/// The `README.md` journal writes at the root of a shared repository, the page the person
/// sees first: their sessions, open actions and goals with progress, and how to reply.
///
/// It is made from the shared commit's notes alone, read with the headings its `journal.yml`
/// adds, as `journal check` reads them there: the same bytes for the same notes, on
/// any day: nothing in it depends on when or where it is written, so a commit that changes
/// none of the person's notes changes none of it, and the same history still gives the same
/// ids. Every text from a note passes through `MarkdownText`, the one Markdown escaper.
enum SharedReadme {
  static let fileName = "README.md"

  static func text(for record: PersonRecord) -> String {
    let cell = MarkdownText.escape
    // Nothing below depends on the day: only what the notes say.
    let summary = PersonSummary(record, today: record.lastSession?.date ?? Day(year: 2000, month: 1, day: 1)!)
    // A folder name is any name a folder may have: it is text like the rest, never code.
    let folder = cell("\(JournalPath.peopleFolder)/\(record.id)/")
    var out = "# \(cell(record.displayName))\n\n"
    if let role = record.profile?.role { out += "\(cell(role))\n\n" }
    out += "Your one-on-one notes, shared with you from your mentor's journal by `journal share`. "
    out += "This page is written anew from them on each share.\n"

    out += "\n## Sessions\n\n"
    let sessions = record.sessions
    if let first = sessions.first, let last = sessions.last {
      out += Wording.count(sessions.count, "session") + ", "
      out += sessions.count == 1 ? "on \(first.date).\n\n" : "from \(first.date) to \(last.date).\n\n"
      var table = MarkdownTable("date", "type", "follow-up")
      for session in sessions.reversed() {
        table.add("\(session.date)", session.type.rawValue, session.followUp.map { "\($0)" } ?? "")
      }
      out += table.text
    } else {
      out += "No sessions yet.\n"
    }
    if !summary.selfAssessments.isEmpty {
      out += "\nYour self-assessments: " + summary.selfAssessmentsText + ".\n"
    }

    out += "\n## Open actions\n\n"
    for action in summary.openActions {
      out += "- [ ] \(cell(action.item.text))"
      var details: [String] = []
      if let owner = action.item.owner { details.append(cell(owner)) }
      if let due = action.item.due { details.append("due \(due)") }
      if !details.isEmpty { out += " — " + details.joined(separator: ", ") }
      out += "\n"
    }
    if summary.openActions.isEmpty { out += "None open.\n" }
    if summary.doneActions > 0 || summary.droppedActions > 0 {
      out += "\n\(summary.doneActions) done"
      if summary.droppedActions > 0 { out += ", \(summary.droppedActions) dropped" }
      if let rate = summary.completionRate { out += " (\(Int((rate * 100).rounded()))% of those done or open)" }
      out += ".\n"
    }

    if !summary.goals.isEmpty {
      out += "\n## Goals\n\n"
      var table = MarkdownTable([
        ("goal", .left), ("plan", .left), ("baseline", .right), ("latest", .right), ("target", .right),
        ("progress", .right),
      ])
      for goal in summary.goals {
        table.add(
          cell(goal.goal.description), cell(goal.plan), goal.goal.baseline.map(JSONText.number) ?? "",
          goal.values.last.map { JSONText.number($0.value) } ?? "", goal.goal.target.map(JSONText.number) ?? "",
          goal.progress.map { "\(Int(($0 * 100).rounded()))%" } ?? "")
      }
      out += table.text
    }

    out += """

      ## Replying

      1. `git pull`, to have the latest notes.
      2. Write in your folder, \(folder): answer in a session's `## Dialogue`, tick an action \
      (`- [x]`), add one, or add a note of your own, such as a self-assessment before a \
      session (below).
      3. `git commit`, then `git push` (and `journal check` first, if you have journal).

      A self-assessment is your own view before a session: what went well, what was hard, \
      and what you want from the next session. `journal new self-assessment` with your id, \
      \(cell(record.id)), writes one from a template; \
      or write `sessions/YYYY-MM-DD-self-assessment.md` in your folder yourself, with the \
      day's date in its name and in its first lines:

      ```yaml
      ---
      date: YYYY-MM-DD
      type: self-assessment
      ---
      ```

      Then write under headings of your own, such as `## Achievements`, `## Challenges` and \
      `## For the next session`. It is not a session: it does not count as one, and it is \
      read as your words, not as feedback.

      The next share takes your commits into your mentor's journal, with you as their author. \
      Only changes inside \(folder) come back: a change anywhere else (`journal.yml`, a \
      `private/` folder, hidden files, links) stops it, and changes to this page are left out.

      """
    return out
  }

  /// Reads each shared folder and makes its page, reading each note once per content, path
  /// and headings.
  final class Maker {
    /// What a shared folder holds that its commit needs: the page's blob, and the rubrics its
    /// sessions name, which the shared `journal.yml` carries.
    struct Folder {
      let page: ObjectID
      let rubrics: Set<String>
    }

    private var parsed: [String: ParsedFile] = [:]
    private var folders: [String: Folder] = [:]

    /// The person's shared folder `tree`, under `mentees/<folder>/`, its notes read with
    /// `sections`, the headings the shared `journal.yml` adds (`key` tells them apart).
    func read(folder: String, tree: ObjectID, sections: SectionNames, key: String, in repository: Repository)
      throws -> Folder
    {
      let folderKey = folder + " " + tree.description + " " + key
      if let known = folders[folderKey] { return known }
      var files: [ParsedFile] = []
      var paths: [String] = []
      func walk(_ tree: ObjectID, under path: String) throws {
        for entry in try repository.treeEntries(tree) {
          let name = path + entry.name
          if entry.kind == .folder {
            try walk(entry.id, under: name + "/")
            continue
          }
          paths.append(name)
          let fileKey = entry.id.description + " " + name + " " + key
          if let known = parsed[fileKey] {
            files.append(known)
            continue
          }
          // As the check reads them: attachments never, a note only within the size it reads.
          let kind = JournalPath.classify(name)
          var file = DocumentParser.parse(nil, path: name, kind: kind, sections: sections)
          if DocumentParser.readsContent(of: kind), try repository.blobSize(entry.id) <= SourceText.defaultSizeLimit {
            file = DocumentParser.parse(try repository.blobContent(entry.id), path: name, kind: kind, sections: sections)
          }
          parsed[fileKey] = file
          files.append(file)
        }
      }
      try walk(tree, under: "\(JournalPath.peopleFolder)/\(folder)/")
      let journal = JournalLoader.assemble(files, listing: JournalListing(files: paths, people: nil)).journal
      let record =
        journal.people.first { $0.id == folder }
        ?? PersonRecord(id: folder, folder: "\(JournalPath.peopleFolder)/\(folder)", profile: nil, sessions: [], plans: [])
      let read = Folder(
        page: try repository.writeBlob(Array(SharedReadme.text(for: record).utf8)),
        rubrics: Set(record.sessions.compactMap(\.rubric)))
      folders[folderKey] = read
      return read
    }
  }
}
