import Dispatch
import Foundation

/// Runs one job per index on all cores; the results keep the index order.
///
/// For example: `try ParallelMap.map(pages.count) { i in try read(pages[i]) }` reads the pages two at a
/// time on two cores and returns them in `pages`' order; the first failing page's error (by index) is thrown.
public enum ParallelMap {
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 0 else { return [] }
        let box = Box<Result<T, Error>>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            box.set(i, Result { try body(i) })
        }
        return try box.results.map { try $0!.get() }
    }

    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let box = Box<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in box.set(i, body(i)) }
        return box.results.map { $0! }
    }

    /// One slot per job, each written once by its own job.
    final class Box<T>: @unchecked Sendable {
        private(set) var results: [T?]
        private let lock = NSLock()
        init(_ count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.lock(); results[i] = value; lock.unlock() }
    }
}

/// Makes `count` values in index order on a thread of its own while the caller consumes them, also in
/// order: `self[i]` waits until value `i` is made. For a serial loop over items whose per-item input is
/// independent work of about the loop's own cost (the two then take one core each).
///
/// For example: `let hints = InOrderJob(operations.count) { UseHints(operations[$0]) }`, then `hints[i]` in the loop.
public final class InOrderJob<T>: @unchecked Sendable {
    private var values: [T?]
    private var made = 0
    private let condition = NSCondition()

    public init(_ count: Int, _ make: @escaping @Sendable (Int) -> T) {
        values = Array(repeating: nil, count: count)
        guard count > 0 else { return }
        // On a pooled thread (one that read pages before, say): a new thread brings its own allocator
        // arena, and the values it makes and frees would leave that arena's memory to the process.
        DispatchQueue.global().async { [self] in
            for i in 0..<count {
                let value = make(i)
                condition.lock()
                values[i] = value
                made = i + 1
                condition.signal()
                condition.unlock()
            }
        }
    }

    public subscript(_ i: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while made <= i { condition.wait() }
        return values[i]!
    }
}
