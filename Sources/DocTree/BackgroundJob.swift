import Dispatch
import Foundation

/// Runs `work` on its own thread from the start; `result()` waits for it and rethrows its error.
///
/// For example: `let json = BackgroundJob { try api.jsonChunks(cache: nil, digests: nil) }` encodes while the
/// Swift files render; `try json.result()` is the model JSON.
public final class BackgroundJob<T>: @unchecked Sendable {
    private var outcome: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            outcome = Result { try work() }
            done.signal()
        }
    }

    public func result() throws -> T {
        done.wait()
        return try outcome!.get()
    }
}
