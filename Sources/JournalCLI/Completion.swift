import ArgumentParser
import Foundation
import JournalKit
import JournalParsing

/// Shell completion of person ids, read from the journal the command line names (`--journal`)
/// or the one the current folder is in.
enum Completion {
  static let people = CompletionKind.custom { words, _, prefix in
    personIDs(words).filter { $0.hasPrefix(prefix) }
  }

  /// The slugs of the plans of the person named on the command line.
  static let plans = CompletionKind.custom { words, _, prefix in
    guard let location = location(words) else { return [] }
    let people = Set(personIDs(words))
    guard let person = words.first(where: people.contains),
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: location.root + "/\(JournalPath.peopleFolder)/\(person)/plans")
    else { return [] }
    return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
      .filter { Person.isValidID($0) && $0.hasPrefix(prefix) }.sorted()
  }

  static func location(_ words: [String]) -> JournalLocation? {
    if let flag = words.firstIndex(of: "--journal"), flag + 1 < words.count {
      return try? JournalLocation.at(words[flag + 1])
    }
    return try? JournalLocation.find(from: FileManager.default.currentDirectoryPath)
  }

  static func personIDs(_ words: [String]) -> [String] {
    guard let location = location(words),
      let names = try? FileManager.default.contentsOfDirectory(atPath: location.root + "/" + JournalPath.peopleFolder)
    else { return [] }
    return names.filter { Person.isValidID($0) }.sorted()
  }
}
