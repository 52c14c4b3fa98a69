#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A budget of processor time for reading one page: the CPU time of the thread that made it, so a
/// page is not skipped because the machine is busy (a corpus read on a loaded 2-core build machine
/// takes minutes of wall time for seconds of work). Front ends and dialects check it between blocks
/// and sections and stop early once it has passed; the pipeline then skips the page with an error.
/// Check it on the thread that made it: each page is read (front end and extraction) by one job on one thread.
///
/// For example: `Deadline.after(seconds: 10)`; `Deadline.none` never expires.
public struct Deadline: Sendable, Equatable {
    /// The thread's CPU nanoseconds at which it passes; 0 means no limit.
    let end: UInt64

    public static let none = Deadline(end: 0)

    public static func after(seconds: Double) -> Deadline {
        guard seconds.isFinite, seconds < 1e9 else { return .none }
        // No time at all: passed already (any thread has used more than 1 ns).
        guard seconds > 0 else { return Deadline(end: 1) }
        return Deadline(end: now() + UInt64(seconds * 1e9) | 1)
    }

    public var isExpired: Bool { end != 0 && Self.now() >= end }

    /// The calling thread's CPU time.
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
