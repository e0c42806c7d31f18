import Foundation
import JournalModel
import Testing

/// `concurrentMap` and `Background`, which share work out to threads of journal's own.
@Suite struct ConcurrentMapTests {
  /// Every element is transformed exactly once and the results keep the elements' order, for
  /// no elements, one, fewer than the cores, and many more.
  @Test(arguments: [0, 1, 2, 3, 7, 64, 1_000])
  func everyElementOnceInOrder(count: Int) {
    let calls = Calls()
    let elements = (0..<count).map { $0 * 3 + 1 }
    let results = elements.concurrentMap { element -> String in
      calls.record(element)
      return "#\(element)"
    }
    #expect(results == elements.map { "#\($0)" })
    #expect(calls.sorted() == elements)
  }

  /// `concurrentFlatMap` keeps each element's results together, in the elements' order.
  @Test func flatMapKeepsOrder() {
    let results = Array(0..<50).concurrentFlatMap { Array(repeating: $0, count: $0 % 3) }
    #expect(results == Array(0..<50).flatMap { Array(repeating: $0, count: $0 % 3) })
  }

  /// On more than one core the elements are shared out: a transform that waits until another
  /// thread has taken an element finishes only if some other thread runs beside this one.
  @Test func sharesOutToOtherThreads() throws {
    try #require(ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores")
    let calls = Calls()
    let caller = pthread_self()
    let results = Array(0..<2).concurrentMap { element -> Bool in
      calls.record(element)
      let start = Date()
      // Both elements must be in their transforms at once; ten seconds is a failure, not a wait.
      while calls.count < 2, Date().timeIntervalSince(start) < 10 { usleep(1_000) }
      return pthread_equal(pthread_self(), caller) != 0
    }
    #expect(calls.count == 2)
    #expect(results.filter { $0 }.count <= 1, "both elements ran on the calling thread")
  }

  /// `Background` hands back what the work returned, or throws what it threw, as often as
  /// it is asked.
  @Test func backgroundReturnsAndThrows() throws {
    let value = Background { (1...100).reduce(0, +) }
    #expect(try value.value() == 5_050)
    #expect(try value.value() == 5_050)
    struct Refused: Error, Equatable {}
    let failing = Background { () throws -> Int in throw Refused() }
    #expect(throws: Refused.self) { try failing.value() }
  }
}

/// The elements a transform was called with, from any thread.
private final class Calls: @unchecked Sendable {
  private let lock = NSLock()
  // Guarded by `lock`.
  private var elements: [Int] = []

  func record(_ element: Int) { lock.withLock { elements.append(element) } }
  var count: Int { lock.withLock { elements.count } }
  func sorted() -> [Int] { lock.withLock { elements.sorted() } }
}
