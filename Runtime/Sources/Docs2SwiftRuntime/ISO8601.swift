import Foundation

/// RFC 3339 date-times read and written by arithmetic on their UTF-8 bytes: `ISO8601DateFormatter`
/// takes a lock and, on Linux, some 100 µs per date, which made dates most of a model's decoding time.
/// Forms other than `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)` return `nil` here and go to the
/// formatter. Fractions are read to the millisecond (truncated), as the formatter reads them.
///
/// For example: `ISO8601.parse("2024-05-01T12:00:00.123456+02:00")` is 2024-05-01 10:00:00.123 UTC.
enum ISO8601 {
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[13] == 0x3A, b[16] == 0x3A,
              b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20 else { return nil }
        func digits(_ at: Int, _ n: Int) -> Int? {
            var v = 0
            for i in at..<at + n {
                let d = Int(b[i]) - 0x30
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var i = 19
        var millis = 0
        if b[i] == 0x2E {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if i - start < 3 { millis = millis * 10 + Int(b[i] - 0x30) }
                i += 1
            }
            guard i > start else { return nil }
            for _ in min(i - start, 3)..<3 { millis *= 10 }
        }
        guard i < b.count else { return nil }
        var offset = 0
        switch b[i] {
        case 0x5A, 0x7A:
            i += 1
        case 0x2B, 0x2D:
            let sign = b[i] == 0x2D ? -1 : 1
            i += 1
            guard i + 2 <= b.count, let h = digits(i, 2) else { return nil }
            i += 2
            if i < b.count, b[i] == 0x3A { i += 1 }
            guard i + 2 <= b.count, let m = digits(i, 2), h <= 23, m <= 59 else { return nil }
            i += 2
            offset = sign * (h * 3600 + m * 60)
        default:
            return nil
        }
        guard i == b.count else { return nil }
        let seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1000)
    }

    /// `2024-05-01T10:00:00.123Z`: UTC, milliseconds (truncated), as `formatDate` always wrote.
    static func format(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        guard t.isFinite, abs(t) < 1e13 else { return "1970-01-01T00:00:00.000Z" }
        var totalMillis = Int((t * 1000).rounded(.down))
        // Binary fractions just below a millisecond (0.123 as 0.12299…) keep their millisecond.
        if Double(totalMillis + 1) / 1000 <= t { totalMillis += 1 }
        let millis = ((totalMillis % 1000) + 1000) % 1000
        let seconds = (totalMillis - millis) / 1000
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        var out = [UInt8](repeating: 0x30, count: 24)
        func put(_ value: Int, _ at: Int, _ n: Int) {
            var v = value
            for k in stride(from: at + n - 1, through: at, by: -1) { out[k] = UInt8(0x30 + v % 10); v /= 10 }
        }
        put(year, 0, 4); out[4] = 0x2D; put(month, 5, 2); out[7] = 0x2D; put(day, 8, 2); out[10] = 0x54
        put(secondOfDay / 3600, 11, 2); out[13] = 0x3A; put(secondOfDay / 60 % 60, 14, 2); out[16] = 0x3A
        put(secondOfDay % 60, 17, 2); out[19] = 0x2E; put(millis, 20, 3); out[23] = 0x5A
        return String(decoding: out, as: UTF8.self)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `daysFromCivil`.
    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
