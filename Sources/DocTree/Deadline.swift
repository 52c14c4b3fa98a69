#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A wall-clock budget for reading one page. Front ends and dialects check it between blocks and
/// sections and stop early once it has passed; the pipeline then skips the page with an error.
///
/// For example: `Deadline.after(seconds: 10)`; `Deadline.none` never expires.
public struct Deadline: Sendable, Equatable {
    /// Monotonic nanoseconds; 0 means no limit.
    let end: UInt64

    public static let none = Deadline(end: 0)

    public static func after(seconds: Double) -> Deadline {
        guard seconds.isFinite, seconds < 1e9 else { return .none }
        return Deadline(end: now() + UInt64(max(0, seconds) * 1e9) | 1)
    }

    public var isExpired: Bool { end != 0 && Self.now() >= end }

    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
