import Dispatch

extension Array where Element: Sendable {
  /// `map` over the elements on every core, keeping their order.
  public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.set(index, transform(self[index]))
    }
    return slots.values()
  }

  /// `flatMap` over the elements on every core, keeping their order.
  public func concurrentFlatMap<T: Sendable>(_ transform: @Sendable (Element) -> [T]) -> [T] {
    concurrentMap(transform).flatMap { $0 }
  }
}

/// One slot per task, each written once by the worker that ran it.
private final class Slots<Value>: @unchecked Sendable {
  private let lock = SpinLock()
  private var slots: [Value?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.withLock { slots[index] = value }
  }

  func values() -> [Value] { slots.compactMap { $0 } }
}

/// A mutex around a few instructions; Foundation is not imported by the models.
private final class SpinLock: @unchecked Sendable {
  private let queue = DispatchQueue(label: "journal.slots")

  func withLock(_ body: () -> Void) { queue.sync(execute: body) }
}
