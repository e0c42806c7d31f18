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

/// Work started on another thread now, whose result is collected later: so that work which
/// does not depend on it can go on beside it. The value passes from the worker to whoever
/// waits for it; the work must keep no other hold on it.
public final class Background<Value>: @unchecked Sendable {
  private let finished = DispatchSemaphore(value: 0)
  // Written once by the worker before `finished` is signalled; read only after waiting on it.
  private var result: Result<Value, any Error>?

  public init(_ work: @escaping @Sendable () throws -> Value) {
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      result = Result(catching: work)
      finished.signal()
    }
  }

  /// Waits for the work to finish; returns what it returned, or throws what it threw.
  public func value() throws -> Value {
    finished.wait()
    defer { finished.signal() }
    return try result!.get()
  }
}
