import Foundation
import JournalModel
import Testing

@testable import JournalParsing

/// cmark-gfm's memory comes from a per-thread arena (`MarkdownArena`): what it hands out, and
/// that notes parsed on many threads at once read as they do one at a time.
@Suite struct MarkdownArenaTests {
  @Test func callocClearsAndAligns() {
    MarkdownArena.withParse { allocator in
      let calloc = allocator.pointee.calloc!
      var pointers: [UnsafeMutableRawPointer] = []
      for size in [1, 7, 16, 33, 200, 4096] {
        let pointer = calloc(1, size)!
        #expect(Int(bitPattern: pointer) % 16 == 0)
        #expect(UnsafeRawBufferPointer(start: pointer, count: size).allSatisfy { $0 == 0 })
        pointer.initializeMemory(as: UInt8.self, repeating: 0xAB, count: size)
        pointers.append(pointer)
      }
      // Nothing written to one allocation reaches another.
      for (pointer, size) in zip(pointers, [1, 7, 16, 33, 200, 4096]) {
        #expect(UnsafeRawBufferPointer(start: pointer, count: size).allSatisfy { $0 == 0xAB })
      }
      // Memory the parse wrote is cleared again when handed out by a later calloc.
      allocator.pointee.free!(pointers.last)
      let again = calloc(4096, 1)!
      #expect(UnsafeRawBufferPointer(start: again, count: 4096).allSatisfy { $0 == 0 })
    }
  }

  @Test func reallocKeepsTheBytes() {
    MarkdownArena.withParse { allocator in
      let realloc = allocator.pointee.realloc!
      let first = realloc(nil, 10)!
      first.copyMemory(from: Array(0..<10) as [UInt8], byteCount: 10)
      // The latest allocation grows where it is.
      let grown = realloc(first, 100)!
      #expect(grown == first)
      // Another allocation after it: growing it again moves it, with its bytes.
      let other = realloc(nil, 5)!
      other.initializeMemory(as: UInt8.self, repeating: 0xFF, count: 5)
      let moved = realloc(grown, 1000)!
      #expect(moved != grown)
      #expect(Array(UnsafeRawBufferPointer(start: moved, count: 10)) == Array(0..<10))
      #expect(Array(UnsafeRawBufferPointer(start: other, count: 5)) == Array(repeating: 0xFF, count: 5))
      // Shrinking keeps the allocation.
      #expect(realloc(moved, 3) == moved)
      // Larger than a block: a block of its own, bytes kept.
      let huge = realloc(moved, MarkdownArena.blockSize * 3)!
      #expect(Array(UnsafeRawBufferPointer(start: huge, count: 10)) == Array(0..<10))
      huge.storeBytes(of: 7, toByteOffset: MarkdownArena.blockSize * 3 - 1, as: UInt8.self)
      #expect(MarkdownArena.current.pointee.blocks.count > 1)
    }
    // Blocks beyond the first go back when the parse ends.
    #expect(MarkdownArena.current.pointee.blocks.count == 1)
  }

  @Test func aNestedParseKeepsTheOuterOnesMemory() {
    MarkdownArena.withParse { allocator in
      let outer = allocator.pointee.calloc!(1, 64)!
      outer.initializeMemory(as: UInt8.self, repeating: 0x5A, count: 64)
      MarkdownArena.withParse { inner in
        let bytes = inner.pointee.calloc!(1, 64)!
        #expect(bytes != outer)
      }
      let next = allocator.pointee.calloc!(1, 64)!
      #expect(next != outer)
      #expect(UnsafeRawBufferPointer(start: outer, count: 64).allSatisfy { $0 == 0x5A })
    }
  }

  /// Notes large enough to take several blocks, nested and emphasised ones, and every note of
  /// `SampleJournal`, parsed by eight threads at once, each in its own order, twenty times:
  /// each parse must equal the one made alone.
  @Test func notesParsedOnManyThreadsReadAsAlone() throws {
    var notes: [(path: String, bytes: [UInt8])] = []
    let sample = packageRoot.appendingPathComponent("SampleJournal")
    let files = FileManager.default.enumerator(atPath: sample.path)!.compactMap { $0 as? String }
    for file in files.sorted() where file.hasSuffix(".md") && file.hasPrefix("mentees/") {
      notes.append((file, try [UInt8](Data(contentsOf: sample.appendingPathComponent(file)))))
    }
    #expect(notes.count > 20)
    let header = "---\ndate: 2026-11-20\ntype: career-development\n---\n"
    let bodies = [
      "## Strengths\n\n" + String(repeating: "- Led the *review* of `api` and **shipped** it [x](y)\n", count: 500),
      "## Actions\n\n" + String(repeating: "- [ ] Write the runbook due:2026-12-01 owner:alex\n", count: 600),
      "## Dialogue\n\n" + (0..<40).map { String(repeating: "  ", count: $0) + "- level \($0)\n" }.joined(),
      "## Dialogue\n\n" + String(repeating: "> quoted *a* [b](c) `d`\n", count: 1000),
      "## Improvements\n\n" + String(repeating: "a<? *b* [c](d) ", count: 200),
    ]
    for (index, body) in bodies.enumerated() {
      notes.append(("mentees/alex/sessions/2026-11-\(10 + index).md", Array((header + body).utf8)))
    }
    let alone = notes.map { DocumentParser.parse($0.bytes, path: $0.path, sections: .standard) }
    let results = Results()
    let done = DispatchSemaphore(value: 0)
    let threads = 8
    for thread in 0..<threads {
      let order = notes.indices.map { ($0 * 7 + thread * 5) % notes.count }
      let notes = notes
      Thread {
        for _ in 0..<20 {
          for index in order {
            let parsed = DocumentParser.parse(notes[index].bytes, path: notes[index].path, sections: .standard)
            results.add(index, parsed)
          }
        }
        done.signal()
      }.start()
    }
    for _ in 0..<threads { done.wait() }
    let parsed = results.all()
    #expect(parsed.count == threads * 20 * notes.count)
    var differing = Set<String>()
    for (index, file) in parsed
    where file.document != alone[index].document || file.diagnostics != alone[index].diagnostics {
      differing.insert(notes[index].path)
    }
    #expect(differing.isEmpty, "read differently on several threads: \(differing.sorted())")
    guard case .session(let long)? = alone[notes.count - bodies.count].document else {
      Issue.record("the long note was not read: \(alone[notes.count - bodies.count].diagnostics)")
      return
    }
    #expect(long.strengths.count == 500)
  }

  private final class Results: @unchecked Sendable {
    // Every access holds the lock.
    private let lock = NSLock()
    private var parsed: [(Int, ParsedFile)] = []

    func add(_ index: Int, _ file: ParsedFile) { lock.withLock { parsed.append((index, file)) } }
    func all() -> [(Int, ParsedFile)] { lock.withLock { parsed } }
  }
}
