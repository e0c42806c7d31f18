import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Array where Element: Sendable {
  /// `map` over the elements on every core, keeping their order.
  ///
  /// The elements are shared out to this thread and to threads of its own, one a core beyond
  /// this one, which take the next element until none is left. libdispatch's
  /// `concurrentPerform` would do the same, but its first use also starts libdispatch's
  /// manager thread, with its epoll, event and timer descriptors, and each of its threads sets
  /// up more of libdispatch's state, all paid on every command's start (docs/speed.md,
  /// "Start-up, the last option groups and libdispatch's threads").
  public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    // One element is transformed here: handing it to another thread only costs.
    if count <= 1 { return map(transform) }
    let slots = Slots<T>(count: count)
    let next = NextIndex(below: count)
    withoutActuallyEscaping(transform) { transform in
      let work: @Sendable () -> Void = {
        while let index = next.take() { slots.set(index, transform(self[index])) }
      }
      // A thread that cannot be started leaves its share to those that could, and to this one.
      let helpers = (1..<Swift.min(count, WorkerThread.cores)).compactMap { _ in WorkerThread(work) }
      work()
      for helper in helpers { helper.join() }
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

/// The next element of a `concurrentMap` not yet taken by any thread.
private final class NextIndex: @unchecked Sendable {
  private let lock = SpinLock()
  private let end: Int
  // Guarded by `lock`.
  private var next = 0

  init(below end: Int) { self.end = end }

  func take() -> Int? {
    var taken: Int?
    lock.withLock {
      if next < end {
        taken = next
        next += 1
      }
    }
    return taken
  }
}

/// A POSIX thread of journal's own, running one piece of work; it is joined, or ends alone
/// when nobody joins it. Not Foundation's `Thread` (the models import no Foundation, and it
/// takes milliseconds to start its first thread), nor libdispatch's (see `concurrentMap`).
public struct WorkerThread {
  private let thread: pthread_t

  /// The cores this process may run on, as the system counts them now; at least one.
  public static var cores: Int { Swift.max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// Starts `work` on a new thread; nil when the system will not start one.
  public init?(_ work: @escaping @Sendable () -> Void) {
    let context = Unmanaged.passRetained(Work(work)).toOpaque()
    #if os(Linux)
      var thread = pthread_t()
    #else
      var thread: pthread_t? = nil
    #endif
    let started = pthread_create(&thread, nil, { context in
      #if os(Linux)
        let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
      #else
        let work = Unmanaged<Work>.fromOpaque(context).takeRetainedValue()
      #endif
      work.body()
      return nil
    }, context)
    guard started == 0 else {
      Unmanaged<Work>.fromOpaque(context).release()
      return nil
    }
    #if os(Linux)
      self.thread = thread
    #else
      self.thread = thread!
    #endif
  }

  /// Waits for the work to end.
  public func join() { pthread_join(thread, nil) }

  /// Lets the thread's resources go when its work ends, for a thread nobody will join.
  public func detach() { pthread_detach(thread) }

  private final class Work {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
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
    // On a thread of journal's own, as `concurrentMap`'s are; where none can be started, the
    // work is done here and now.
    let run: @Sendable () -> Void = { [self] in
      result = Result(catching: work)
      finished.signal()
    }
    if let thread = WorkerThread(run) { thread.detach() } else { run() }
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
