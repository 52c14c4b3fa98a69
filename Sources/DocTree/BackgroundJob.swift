import Dispatch
import Foundation

/// Runs `work` on its own thread from the start; `result()` waits for it and rethrows its error.
///
/// For example: `let json = BackgroundJob { try api.jsonChunks(cache: nil, digests: nil) }` encodes while the
/// Swift files render; `try json.result()` is the model JSON.
public final class BackgroundJob<T>: @unchecked Sendable {
    private var outcome: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    /// `yielding`: the thread gives way to the others when the cores are busy (a lower scheduling
    /// priority), for work whose result is wanted only much later: on two cores, a third thread at the
    /// same priority takes turns with the pipeline's own and slows the run's critical path.
    public init(yielding: Bool = false, _ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            if yielding { Self.lowerPriority() }
            outcome = Result { try work() }
            done.signal()
        }
    }

    private static func lowerPriority() {
        #if os(Linux)
        // On Linux a nice value belongs to a thread: `0` is the calling one.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #else
        _ = setpriority(PRIO_DARWIN_THREAD, 0, PRIO_DARWIN_BG)
        #endif
    }

    /// May be called more than once (each call waits until the work is done).
    public func result() throws -> T {
        done.wait()
        done.signal()
        return try outcome!.get()
    }
}

/// Takes large values apart on another thread: freeing a model of thousands of operations object by
/// object is work the caller need not wait for.
///
/// For example: `Disposal.inBackground(consume extractions)` once refinement has made its copies.
public enum Disposal {
    private static let queue = DispatchQueue(label: "docs2swift.disposal", qos: .utility)

    /// Drops `value` on the disposal thread. Only what `value` alone holds is freed there; what the
    /// caller still shares with it stays.
    public static func inBackground<T>(_ value: consuming T) {
        let box = Box(value)
        queue.async { box.value = nil }
    }

    /// Set once, at the start, by a command that ends its process without taking its values apart
    /// (`exit` once its output is written): `atEnd` then leaves values as they are.
    nonisolated(unsafe) public static var processEndsWithoutTeardown = false

    /// Drops a value its owner is finished with near the end of the work: freed in the background, or
    /// not at all when the process is about to end without teardown (freeing it then would only take
    /// the allocator's lock from the threads still writing the output).
    public static func atEnd<T>(_ value: consuming T) {
        if processEndsWithoutTeardown {
            _ = Unmanaged.passRetained(Box(value))
        } else {
            inBackground(value)
        }
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = value }
    }
}
