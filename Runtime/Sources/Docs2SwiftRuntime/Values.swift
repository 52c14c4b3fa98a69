import Foundation

/// Any JSON value, for fields the docs type as `any` or free-form objects.
///
/// For example: `JSONValue.object(["a": .number(1), "b": .array([.null])])`.
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if n.rounded() == n, abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

/// A calendar date without time (`"2024-05-01"`), for fields documented as `string (date)`.
public struct CalendarDate: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year (`2024`).
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// A date.
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// A date from text that starts `YYYY-MM-DD` (a date-time's time is ignored); `nil` otherwise.
    public init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = CalendarDate(s) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(s)") }
        self = v
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Midnight UTC of the day.
    public var date: Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// A decimal sent as a JSON string (`"12.50"`), as Django REST framework does; also decodes numbers.
public struct DecimalString: Codable, Hashable, Sendable, CustomStringConvertible, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The number.
    public var value: Decimal
    /// The text as received, so encoding gives back the same digits.
    public var text: String

    /// A number, written as `Decimal` prints it.
    public init(_ value: Decimal) { self.value = value; self.text = "\(value)" }
    /// A number from its text, kept as written; `nil` when it is not a number.
    public init?(_ text: String) {
        guard let v = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = v
        self.text = text
    }
    /// A number from a literal (`12.5`).
    public init(floatLiteral value: Double) { self.init(Decimal(value)) }
    /// A number from a literal (`12`).
    public init(integerLiteral value: Int) { self.init(Decimal(value)) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            guard let v = DecimalString(s) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a decimal: \(s)") }
            self = v
        } else {
            self.init(try c.decode(Decimal.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }

    public var description: String { text }
    /// Equal when the numbers are, however written (`1.50` and `1.5`).
    public static func == (a: DecimalString, b: DecimalString) -> Bool { a.value == b.value }
    /// Hashes the number, so equal numbers written differently hash the same.
    public func hash(into h: inout Hasher) { h.combine(value) }
}

/// A string enum value the generated code did not know: generated enums decode unknown values
/// into their `.unknown(String)` case instead of failing. This protocol lets code treat them alike.
public protocol OpenStringEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable where RawValue == String {}
