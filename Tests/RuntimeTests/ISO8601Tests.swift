@testable import Docs2SwiftRuntime
import Foundation
import Testing

/// The byte-level RFC 3339 reader and writer agree with `ISO8601DateFormatter` on every form it takes.
@Suite struct ISO8601Tests {
    static func formatter(_ options: ISO8601DateFormatter.Options) -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = options
        return f
    }

    @Test func parsesAsTheFormatterDoes() throws {
        let plain = Self.formatter([.withInternetDateTime]), fractional = Self.formatter([.withInternetDateTime, .withFractionalSeconds])
        let cases = [
            ("2024-05-01T12:00:00Z", plain), ("2024-05-01T12:00:00+02:00", plain), ("1999-12-31T23:59:59-05:30", plain),
            ("2024-02-29T00:00:00Z", plain), ("1970-01-01T00:00:00Z", plain), ("1969-07-20T20:17:40Z", plain),
            ("2024-05-01T12:00:00.123Z", fractional), ("2024-05-01T12:00:00.1Z", fractional), ("2100-03-01T01:02:03.999+00:00", fractional),
        ]
        for (text, f) in cases {
            let expected = try #require(f.date(from: text), "\(text)")
            let parsed = try #require(JSONCoding.parseDate(text), "\(text)")
            #expect(abs(parsed.timeIntervalSince(expected)) < 0.0005, "\(text): \(parsed) vs \(expected)")
        }
        // Fractions are read to the millisecond, however many digits they have.
        #expect(JSONCoding.parseDate("2024-05-01T12:00:00.123456789Z") == JSONCoding.parseDate("2024-05-01T12:00:00.123Z"))
        #expect(JSONCoding.parseDate("2024-05-01T12:00:00+0200") == JSONCoding.parseDate("2024-05-01T10:00:00Z"))
        #expect(JSONCoding.parseDate("2024-05-01 12:00:00Z") == JSONCoding.parseDate("2024-05-01T12:00:00Z"))
    }

    @Test func rejectsWhatIsNotADateTime() {
        for text in ["2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:00:00", "2024-05-01T12:00:00.Z",
                     "2024-05-01T12:00:00Zjunk", "2024-05-01T12:00:00+2", "not a date", "", "2024-05-01T12:60:00Z"] {
            #expect(ISO8601.parse(text) == nil, "\(text.debugDescription)")
        }
        // What the fast reader declines still goes to the formatter, as before: a bare day is midnight UTC.
        #expect(ISO8601.parse("2024-05-01") == nil && JSONCoding.parseDate("2024-05-01") != nil)
        #expect(JSONCoding.parseDate("not a date") == nil)
    }

    @Test func formatsAsTheFormatterDoes() {
        let f = Self.formatter([.withInternetDateTime, .withFractionalSeconds])
        for t in [0, 1_700_000_000, 1_700_000_000.123, 1_714_564_800.5, -1_000_000.25, 951_782_400, 4_102_444_799.999, 1.0 / 3] as [Double] {
            let date = Date(timeIntervalSince1970: t)
            #expect(JSONCoding.formatDate(date) == f.string(from: date), "\(t)")
        }
    }

    @Test func formattedDatesReadBack() {
        for i in 0..<2000 {
            let t = Double(i) * 86_399.123 - 50_000_000
            let millis = (t * 1000).rounded(.down) / 1000
            let back = JSONCoding.parseDate(JSONCoding.formatDate(Date(timeIntervalSince1970: t)))
            #expect(back.map { abs($0.timeIntervalSince1970 - millis) < 0.0015 } == true, "\(t) \(JSONCoding.formatDate(Date(timeIntervalSince1970: t))) \(back?.timeIntervalSince1970 ?? 0) \(millis)")
        }
    }
}
