import Foundation

/// JSON coders shared by all generated code: ISO-8601 dates with and without fractional seconds.
///
/// For example: `"2024-05-01T12:00:00.123456Z"` and `"2024-05-01T12:00:00+02:00"` both decode to `Date`.
public enum JSONCoding {
    /// A decoder for the docs' JSON: ISO-8601 dates with or without fractional seconds.
    public static func makeDecoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let s = try c.decode(String.self)
            if let date = parseDate(s) { return date }
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO-8601 date-time: \(s)")
        }
        return d
    }

    /// An encoder writing dates as ISO-8601 with fractional seconds, keys sorted.
    public static func makeEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(formatDate(date))
        }
        return e
    }

    /// Parses ISO-8601 date-times with or without fractional seconds (any number of digits) and
    /// with `Z` or a numeric offset.
    public static func parseDate(_ s: String) -> Date? {
        if let date = ISO8601.parse(s) { return date }
        // Other forms: normalise fractional seconds to milliseconds for the formatter.
        var text = s
        if let dot = text.firstIndex(of: "."), let tzStart = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            let digits = text[text.index(after: dot)..<tzStart]
            let ms = String((digits + "000").prefix(3))
            text = String(text[..<dot]) + "." + ms + String(text[tzStart...])
        }
        if let d = fractional.withLock({ $0.date(from: text) }) { return d }
        if let d = plain.withLock({ $0.date(from: text) }) { return d }
        if text.count == 10, let day = CalendarDate(text) { return day.date }
        return nil
    }

    /// An ISO-8601 date-time in UTC with milliseconds (`2024-05-01T12:00:00.123Z`).
    public static func formatDate(_ date: Date) -> String {
        ISO8601.format(date)
    }

    private static let fractional = Locked(makeFormatter([.withInternetDateTime, .withFractionalSeconds]))
    private static let plain = Locked(makeFormatter([.withInternetDateTime]))

    private static func makeFormatter(_ options: ISO8601DateFormatter.Options) -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = options
        return f
    }
}

/// A value behind a lock (formatters are not thread-safe).
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (Value) throws -> R) rethrows -> R {
        lock.lock(); defer { lock.unlock() }
        return try body(value)
    }
}
