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

  static func personIDs(_ words: [String]) -> [String] {
    var location: JournalLocation?
    if let flag = words.firstIndex(of: "--journal"), flag + 1 < words.count {
      location = try? JournalLocation.at(words[flag + 1])
    } else {
      location = try? JournalLocation.find(from: FileManager.default.currentDirectoryPath)
    }
    guard let location,
      let names = try? FileManager.default.contentsOfDirectory(atPath: location.root + "/" + JournalPath.peopleFolder)
    else { return [] }
    return names.filter { Person.isValidID($0) }.sorted()
  }
}
