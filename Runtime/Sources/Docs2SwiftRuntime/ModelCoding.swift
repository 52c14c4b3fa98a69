import Foundation

/// What generated models use for `Codable` instead of synthesized conformances.
///
/// Synthesized conformances cost the compiler a `CodingKeys` enum per model (its raw values,
/// `CodingKey` witnesses and their own `Hashable`) and an overloaded `decode`/`encode` per property to
/// resolve; on a large API that is most of the generated module's compile time. Generated models instead
/// name their JSON keys as string literals and call these small helpers, whose names are not overloaded:
/// one per scalar type the JSON coders have a fast path for (`requiredString`, `optionalInt`, …), one per
/// common value type (`optionalUUID`, `requiredDate`, …), and generic `required`/`optional` for the rest. They are `@inlinable`, so each call compiles to the same
/// container call synthesized code makes (the scalar overloads, not the slower generic path). The JSON is
/// the same: a missing or `null` optional decodes as `nil`, `nil` is left out when encoding.
///
/// For example:
/// ```swift
/// public init(from decoder: any Decoder) throws {
///     let fields = try ModelFields(decoder)
///     self.callUuid = try fields.optional("call_uuid")
///     self.callName = try fields.optionalString("call_name")
/// }
/// ```
@frozen public struct ModelFields {
    @usableFromInline let container: KeyedDecodingContainer<ModelFieldKey>

    @inlinable public init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: ModelFieldKey.self)
    }

    /// The value under `key`; a missing key or `null` is an error.
    @inlinable public func required<T: Decodable>(_ key: ModelFieldKey) throws -> T {
        try container.decode(T.self, forKey: key)
    }

    /// The value under `key`, or `nil` when the key is missing or `null`.
    @inlinable public func optional<T: Decodable>(_ key: ModelFieldKey) throws -> T? {
        try container.decodeIfPresent(T.self, forKey: key)
    }

    @inlinable public func requiredString(_ key: ModelFieldKey) throws -> String { try container.decode(String.self, forKey: key) }
    @inlinable public func optionalString(_ key: ModelFieldKey) throws -> String? { try container.decodeIfPresent(String.self, forKey: key) }
    @inlinable public func requiredInt(_ key: ModelFieldKey) throws -> Int { try container.decode(Int.self, forKey: key) }
    @inlinable public func optionalInt(_ key: ModelFieldKey) throws -> Int? { try container.decodeIfPresent(Int.self, forKey: key) }
    @inlinable public func requiredInt32(_ key: ModelFieldKey) throws -> Int32 { try container.decode(Int32.self, forKey: key) }
    @inlinable public func optionalInt32(_ key: ModelFieldKey) throws -> Int32? { try container.decodeIfPresent(Int32.self, forKey: key) }
    @inlinable public func requiredInt64(_ key: ModelFieldKey) throws -> Int64 { try container.decode(Int64.self, forKey: key) }
    @inlinable public func optionalInt64(_ key: ModelFieldKey) throws -> Int64? { try container.decodeIfPresent(Int64.self, forKey: key) }
    @inlinable public func requiredDouble(_ key: ModelFieldKey) throws -> Double { try container.decode(Double.self, forKey: key) }
    @inlinable public func optionalDouble(_ key: ModelFieldKey) throws -> Double? { try container.decodeIfPresent(Double.self, forKey: key) }
    @inlinable public func requiredBool(_ key: ModelFieldKey) throws -> Bool { try container.decode(Bool.self, forKey: key) }
    @inlinable public func optionalBool(_ key: ModelFieldKey) throws -> Bool? { try container.decodeIfPresent(Bool.self, forKey: key) }
    // Value types with no fast path of their own: a concrete name spares the type checker inferring `T` from
    // the assignment, and the call is the same generic container call.
    @inlinable public func requiredUUID(_ key: ModelFieldKey) throws -> UUID { try container.decode(UUID.self, forKey: key) }
    @inlinable public func optionalUUID(_ key: ModelFieldKey) throws -> UUID? { try container.decodeIfPresent(UUID.self, forKey: key) }
    @inlinable public func requiredURL(_ key: ModelFieldKey) throws -> URL { try container.decode(URL.self, forKey: key) }
    @inlinable public func optionalURL(_ key: ModelFieldKey) throws -> URL? { try container.decodeIfPresent(URL.self, forKey: key) }
    @inlinable public func requiredDate(_ key: ModelFieldKey) throws -> Date { try container.decode(Date.self, forKey: key) }
    @inlinable public func optionalDate(_ key: ModelFieldKey) throws -> Date? { try container.decodeIfPresent(Date.self, forKey: key) }
    @inlinable public func requiredDecimalString(_ key: ModelFieldKey) throws -> DecimalString { try container.decode(DecimalString.self, forKey: key) }
    @inlinable public func optionalDecimalString(_ key: ModelFieldKey) throws -> DecimalString? { try container.decodeIfPresent(DecimalString.self, forKey: key) }
    @inlinable public func requiredCalendarDate(_ key: ModelFieldKey) throws -> CalendarDate { try container.decode(CalendarDate.self, forKey: key) }
    @inlinable public func optionalCalendarDate(_ key: ModelFieldKey) throws -> CalendarDate? { try container.decodeIfPresent(CalendarDate.self, forKey: key) }
    @inlinable public func requiredJSONValue(_ key: ModelFieldKey) throws -> JSONValue { try container.decode(JSONValue.self, forKey: key) }
    @inlinable public func optionalJSONValue(_ key: ModelFieldKey) throws -> JSONValue? { try container.decodeIfPresent(JSONValue.self, forKey: key) }
}

/// The encoding side of `ModelFields`, with the same helper names.
///
/// For example: `var fields = ModelFieldWriter(encoder); try fields.optional(self.callUuid, "call_uuid")`.
@frozen public struct ModelFieldWriter {
    @usableFromInline var container: KeyedEncodingContainer<ModelFieldKey>

    @inlinable public init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: ModelFieldKey.self)
    }

    @inlinable public mutating func required<T: Encodable>(_ value: T, _ key: ModelFieldKey) throws {
        try container.encode(value, forKey: key)
    }

    /// Leaves the key out when `value` is `nil`.
    @inlinable public mutating func optional<T: Encodable>(_ value: T?, _ key: ModelFieldKey) throws {
        try container.encodeIfPresent(value, forKey: key)
    }

    @inlinable public mutating func requiredString(_ value: String, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalString(_ value: String?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredInt(_ value: Int, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalInt(_ value: Int?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredInt32(_ value: Int32, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalInt32(_ value: Int32?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredInt64(_ value: Int64, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalInt64(_ value: Int64?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredDouble(_ value: Double, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalDouble(_ value: Double?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredBool(_ value: Bool, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalBool(_ value: Bool?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredUUID(_ value: UUID, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalUUID(_ value: UUID?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredURL(_ value: URL, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalURL(_ value: URL?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredDate(_ value: Date, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalDate(_ value: Date?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredDecimalString(_ value: DecimalString, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalDecimalString(_ value: DecimalString?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredCalendarDate(_ value: CalendarDate, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalCalendarDate(_ value: CalendarDate?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    @inlinable public mutating func requiredJSONValue(_ value: JSONValue, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    @inlinable public mutating func optionalJSONValue(_ value: JSONValue?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
}

/// A JSON object key, written in generated code as a string literal (an immortal `String`: making the
/// key allocates nothing).
///
/// For example: `"call_uuid"` in `try fields.optional("call_uuid")`.
@frozen public struct ModelFieldKey: CodingKey, ExpressibleByStringLiteral, Hashable, Sendable {
    public let stringValue: String
    @inlinable public var intValue: Int? { nil }

    @inlinable public init(stringLiteral value: String) { stringValue = value }
    @inlinable public init(stringValue: String) { self.stringValue = stringValue }
    @inlinable public init?(intValue: Int) { nil }
}
