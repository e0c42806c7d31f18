import Dispatch

extension Array where Element: Sendable {
  /// `map` over the elements on every core, keeping their order.
  public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    // One element is transformed here: handing it to another thread only costs.
    if count <= 1 { return map(transform) }
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

/// Lets a thread that would otherwise wait for a `map` running elsewhere take part in it:
/// the map offers its elements here, and `help()` transforms elements until none are left.
public final class Helpers: @unchecked Sendable {
  private let lock = DispatchQueue(label: "journal.helpers")
  private var offered: (@Sendable () -> Bool)?

  public init() {}

  /// Transforms elements of the map now offered, if any, until none are left to take.
  public func help() {
    guard let take = lock.sync(execute: { offered }) else { return }
    while take() {}
  }

  /// `map`, on this thread and on any that call `help()` meanwhile; in order.
  public func map<Element: Sendable, T: Sendable>(_ elements: [Element], _ transform: @escaping @Sendable (Element) -> T) -> [T] {
    let run = HelpedRun(elements, transform)
    lock.sync { offered = { run.takeOne() } }
    while run.takeOne() {}
    lock.sync { offered = nil }
    return run.results()
  }
}

/// One helped `map`: which element is next, how many are still being transformed, and the
/// results so far.
private final class HelpedRun<Element: Sendable, T: Sendable>: @unchecked Sendable {
  private let elements: [Element]
  private let transform: @Sendable (Element) -> T
  private let slots: Slots<T>
  private let lock = DispatchQueue(label: "journal.helped-run")
  private var next = 0
  private var unfinished: Int
  private let finished = DispatchSemaphore(value: 0)

  init(_ elements: [Element], _ transform: @escaping @Sendable (Element) -> T) {
    self.elements = elements
    self.transform = transform
    slots = Slots(count: elements.count)
    unfinished = elements.count
    if elements.isEmpty { finished.signal() }
  }

  /// Transforms the next element; false when every one has been taken.
  func takeOne() -> Bool {
    let position: Int? = lock.sync {
      guard next < elements.count else { return nil }
      defer { next += 1 }
      return next
    }
    guard let position else { return false }
    slots.set(position, transform(elements[position]))
    let last: Bool = lock.sync {
      unfinished -= 1
      return unfinished == 0
    }
    if last { finished.signal() }
    return true
  }

  /// Waits for the elements others took to be transformed too.
  func results() -> [T] {
    finished.wait()
    return slots.values()
  }
}
