#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Ccmark

/// The memory cmark-gfm takes while it parses one body, cut from blocks this thread keeps
/// from one parse to the next and given back all at once when the parse is done.
///
/// cmark-gfm allocates every node, buffer and chunk of a parse on its own, and frees each in
/// turn when the document is freed: 8% of a check's instructions went to `calloc`, `realloc`
/// and `free` for it, and more to walking the document to free it. Here an allocation moves a
/// pointer, a `free` does nothing, and everything comes back at once when `withParse` ends,
/// so the parser and the document need not be freed at all.
///
/// cmark-gfm's allocator functions carry no context, so each thread's arena is found through
/// a thread-specific key: parses run on several threads at once and each uses only its own.
/// cmark-gfm's own arena (`cmark_get_arena_mem_allocator`) is one for the whole process.
struct MarkdownArena {
  /// The size of a block; a larger allocation gets a block of its own. A note's body, at most
  /// `MarkdownLimits.maximumBytes`, usually needs less than one.
  static let blockSize = 64 * 1024
  /// Each allocation starts at this alignment, after a header holding its size (for `realloc`).
  private static let alignment = 16

  /// The first block is kept between parses; the others are freed when a parse ends.
  private(set) var blocks: [UnsafeMutableRawPointer] = []
  private var next: UnsafeMutableRawPointer? = nil
  private var end: UnsafeMutableRawPointer? = nil
  private var firstEnd: UnsafeMutableRawPointer? = nil
  /// The latest allocation, which can grow in place.
  private var latest: UnsafeMutableRawPointer? = nil
  /// Parses under way on this thread: memory comes back only when the outermost ends.
  private var depth = 0

  /// Calls `body` with the allocator to give cmark-gfm, whose memory stays valid until `body`
  /// returns, and is then given back whole: nothing cmark-gfm allocated with it may be used
  /// after, and nothing need be freed before.
  static func withParse<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) throws -> Result) rethrows -> Result {
    let arena = current
    arena.pointee.depth += 1
    defer {
      arena.pointee.depth -= 1
      if arena.pointee.depth == 0 { arena.pointee.reset() }
    }
    return try body(allocator)
  }

  /// Gives back every allocation: the first block is kept, the others freed.
  mutating func reset() {
    for block in blocks.dropFirst() { Self.freeBlock(block) }
    if blocks.count > 1 { blocks.removeSubrange(1...) }
    next = blocks.first
    end = firstEnd
    latest = nil
  }

  /// `size` bytes, aligned, not cleared.
  @inline(__always)
  mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer {
    let needed = Self.alignment + Self.rounded(size)
    // Inlined into cmark-gfm's `calloc` and `realloc`, called for every node and buffer: the
    // room left is compared as addresses, no block (nil) reading as none left.
    if Int(bitPattern: end) &- Int(bitPattern: next) < needed { addBlock(holding: needed) }
    let pointer = next.unsafelyUnwrapped + Self.alignment
    pointer.storeBytes(of: size, toByteOffset: -Self.alignment, as: Int.self)
    next = pointer + Self.rounded(size)
    latest = pointer
    return pointer
  }

  /// `pointer`'s bytes, up to `size` of them, at an allocation of `size` bytes: the same one
  /// when it is the latest and there is room after it, or one that is smaller.
  mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
    guard let pointer else { return allocate(size) }
    let old = pointer.load(fromByteOffset: -Self.alignment, as: Int.self)
    if size <= old { return pointer }
    if pointer == latest, end! - pointer >= Self.rounded(size) {
      pointer.storeBytes(of: size, toByteOffset: -Self.alignment, as: Int.self)
      next = pointer + Self.rounded(size)
      return pointer
    }
    let moved = allocate(size)
    moved.copyMemory(from: pointer, byteCount: old)
    return moved
  }

  private static func rounded(_ size: Int) -> Int {
    (size + alignment - 1) & ~(alignment - 1)
  }

  @inline(never)
  private mutating func addBlock(holding needed: Int) {
    let size = max(Self.blockSize, needed)
    // As cmark-gfm's own allocator does, a parse that cannot get memory stops the program.
    guard let block = malloc(size) else { Self.outOfMemory() }
    blocks.append(block)
    next = block
    end = block + size
    if blocks.count == 1 { firstEnd = end }
  }

  private static func outOfMemory() -> Never {
    let message = "journal: out of memory while reading Markdown\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    abort()
  }

  /// Frees every block (when the thread ends).
  private mutating func release() {
    for block in blocks { Self.freeBlock(block) }
    blocks = []
  }

  private static func freeBlock(_ block: UnsafeMutableRawPointer) {
    #if canImport(Glibc)
      Glibc.free(block)
    #else
      Darwin.free(block)
    #endif
  }

  // MARK: Each thread's arena

  /// The key under which each thread keeps its arena; the arena is freed when the thread ends.
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    let created = pthread_key_create(&key) { state in
      guard let arena = state?.assumingMemoryBound(to: MarkdownArena.self) else { return }
      arena.pointee.release()
      arena.deinitialize(count: 1)
      arena.deallocate()
    }
    guard created == 0 else { outOfMemory() }
    madeKey = key
    return key
  }()

  /// This thread's arena, inside `withParse`.
  @inline(__always)
  private static var parsing: UnsafeMutablePointer<MarkdownArena> {
    pthread_getspecific(madeKey).unsafelyUnwrapped.assumingMemoryBound(to: MarkdownArena.self)
  }

  /// `key`, once made, where the allocator reads it without asking for the lazy `key` (a
  /// `swift_once` call) at every allocation: a thread allocates only inside `withParse`, whose
  /// `current` makes the key first, and `swift_once` orders that write before the thread's reads.
  nonisolated(unsafe) private static var madeKey: pthread_key_t = 0

  /// This thread's arena, made on first use.
  static var current: UnsafeMutablePointer<MarkdownArena> {
    if let state = pthread_getspecific(key) { return state.assumingMemoryBound(to: MarkdownArena.self) }
    let arena = UnsafeMutablePointer<MarkdownArena>.allocate(capacity: 1)
    arena.initialize(to: MarkdownArena())
    guard pthread_setspecific(key, arena) == 0 else { outOfMemory() }
    return arena
  }

  /// The allocator handed to cmark-gfm: it lives as long as the program, since cmark-gfm keeps
  /// a pointer to it in each parser and node, and is never written after it is made, so every
  /// thread may read it.
  nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
    let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    allocator.initialize(
      to: cmark_mem(
        calloc: { count, size in
          let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
          if overflow { MarkdownArena.outOfMemory() }
          let pointer = MarkdownArena.parsing.pointee.allocate(bytes)
          pointer.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
          return pointer
        },
        realloc: { pointer, size in MarkdownArena.parsing.pointee.reallocate(pointer, to: size) },
        // Nothing is given back before the parse ends, so a free need not even find the arena.
        free: { _ in }))
    return allocator
  }()
}
