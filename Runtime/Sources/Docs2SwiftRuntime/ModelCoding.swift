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

    /// The fields of the JSON object `decoder` holds.
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

    /// Decodes the required `String` at `key`; throws when it is absent or null.
    @inlinable public func requiredString(_ key: ModelFieldKey) throws -> String { try container.decode(String.self, forKey: key) }
    /// Decodes the optional `String` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalString(_ key: ModelFieldKey) throws -> String? { try container.decodeIfPresent(String.self, forKey: key) }
    /// Decodes the required `Int` at `key`; throws when it is absent or null.
    @inlinable public func requiredInt(_ key: ModelFieldKey) throws -> Int { try container.decode(Int.self, forKey: key) }
    /// Decodes the optional `Int` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalInt(_ key: ModelFieldKey) throws -> Int? { try container.decodeIfPresent(Int.self, forKey: key) }
    /// Decodes the required `Int32` at `key`; throws when it is absent or null.
    @inlinable public func requiredInt32(_ key: ModelFieldKey) throws -> Int32 { try container.decode(Int32.self, forKey: key) }
    /// Decodes the optional `Int32` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalInt32(_ key: ModelFieldKey) throws -> Int32? { try container.decodeIfPresent(Int32.self, forKey: key) }
    /// Decodes the required `Int64` at `key`; throws when it is absent or null.
    @inlinable public func requiredInt64(_ key: ModelFieldKey) throws -> Int64 { try container.decode(Int64.self, forKey: key) }
    /// Decodes the optional `Int64` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalInt64(_ key: ModelFieldKey) throws -> Int64? { try container.decodeIfPresent(Int64.self, forKey: key) }
    /// Decodes the required `Double` at `key`; throws when it is absent or null.
    @inlinable public func requiredDouble(_ key: ModelFieldKey) throws -> Double { try container.decode(Double.self, forKey: key) }
    /// Decodes the optional `Double` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalDouble(_ key: ModelFieldKey) throws -> Double? { try container.decodeIfPresent(Double.self, forKey: key) }
    /// Decodes the required `Bool` at `key`; throws when it is absent or null.
    @inlinable public func requiredBool(_ key: ModelFieldKey) throws -> Bool { try container.decode(Bool.self, forKey: key) }
    /// Decodes the optional `Bool` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalBool(_ key: ModelFieldKey) throws -> Bool? { try container.decodeIfPresent(Bool.self, forKey: key) }
    // Value types with no fast path of their own: a concrete name spares the type checker inferring `T` from
    // the assignment, and the call is the same generic container call.
    /// Decodes the required `UUID` at `key`; throws when it is absent or null.
    @inlinable public func requiredUUID(_ key: ModelFieldKey) throws -> UUID { try container.decode(UUID.self, forKey: key) }
    /// Decodes the optional `UUID` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalUUID(_ key: ModelFieldKey) throws -> UUID? { try container.decodeIfPresent(UUID.self, forKey: key) }
    /// Decodes the required `URL` at `key`; throws when it is absent or null.
    @inlinable public func requiredURL(_ key: ModelFieldKey) throws -> URL { try container.decode(URL.self, forKey: key) }
    /// Decodes the optional `URL` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalURL(_ key: ModelFieldKey) throws -> URL? { try container.decodeIfPresent(URL.self, forKey: key) }
    /// Decodes the required `Date` at `key`; throws when it is absent or null.
    @inlinable public func requiredDate(_ key: ModelFieldKey) throws -> Date { try container.decode(Date.self, forKey: key) }
    /// Decodes the optional `Date` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalDate(_ key: ModelFieldKey) throws -> Date? { try container.decodeIfPresent(Date.self, forKey: key) }
    /// Decodes the required `DecimalString` at `key`; throws when it is absent or null.
    @inlinable public func requiredDecimalString(_ key: ModelFieldKey) throws -> DecimalString { try container.decode(DecimalString.self, forKey: key) }
    /// Decodes the optional `DecimalString` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalDecimalString(_ key: ModelFieldKey) throws -> DecimalString? { try container.decodeIfPresent(DecimalString.self, forKey: key) }
    /// Decodes the required `CalendarDate` at `key`; throws when it is absent or null.
    @inlinable public func requiredCalendarDate(_ key: ModelFieldKey) throws -> CalendarDate { try container.decode(CalendarDate.self, forKey: key) }
    /// Decodes the optional `CalendarDate` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalCalendarDate(_ key: ModelFieldKey) throws -> CalendarDate? { try container.decodeIfPresent(CalendarDate.self, forKey: key) }
    /// Decodes the required `JSONValue` at `key`; throws when it is absent or null.
    @inlinable public func requiredJSONValue(_ key: ModelFieldKey) throws -> JSONValue { try container.decode(JSONValue.self, forKey: key) }
    /// Decodes the optional `JSONValue` at `key`; `nil` when the key is absent or null.
    @inlinable public func optionalJSONValue(_ key: ModelFieldKey) throws -> JSONValue? { try container.decodeIfPresent(JSONValue.self, forKey: key) }
}

/// The encoding side of `ModelFields`, with the same helper names.
///
/// For example: `var fields = ModelFieldWriter(encoder); try fields.optional(self.callUuid, "call_uuid")`.
@frozen public struct ModelFieldWriter {
    @usableFromInline var container: KeyedEncodingContainer<ModelFieldKey>

    /// Writes fields into the JSON object `encoder` encodes.
    @inlinable public init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: ModelFieldKey.self)
    }

    /// Encodes a required value of any type at `key`.
    @inlinable public mutating func required<T: Encodable>(_ value: T, _ key: ModelFieldKey) throws {
        try container.encode(value, forKey: key)
    }

    /// Leaves the key out when `value` is `nil`.
    @inlinable public mutating func optional<T: Encodable>(_ value: T?, _ key: ModelFieldKey) throws {
        try container.encodeIfPresent(value, forKey: key)
    }

    /// Encodes the required `String` at `key`.
    @inlinable public mutating func requiredString(_ value: String, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `String` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalString(_ value: String?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `Int` at `key`.
    @inlinable public mutating func requiredInt(_ value: Int, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `Int` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalInt(_ value: Int?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `Int32` at `key`.
    @inlinable public mutating func requiredInt32(_ value: Int32, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `Int32` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalInt32(_ value: Int32?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `Int64` at `key`.
    @inlinable public mutating func requiredInt64(_ value: Int64, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `Int64` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalInt64(_ value: Int64?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `Double` at `key`.
    @inlinable public mutating func requiredDouble(_ value: Double, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `Double` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalDouble(_ value: Double?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `Bool` at `key`.
    @inlinable public mutating func requiredBool(_ value: Bool, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `Bool` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalBool(_ value: Bool?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `UUID` at `key`.
    @inlinable public mutating func requiredUUID(_ value: UUID, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `UUID` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalUUID(_ value: UUID?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `URL` at `key`.
    @inlinable public mutating func requiredURL(_ value: URL, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `URL` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalURL(_ value: URL?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `Date` at `key`.
    @inlinable public mutating func requiredDate(_ value: Date, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `Date` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalDate(_ value: Date?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `DecimalString` at `key`.
    @inlinable public mutating func requiredDecimalString(_ value: DecimalString, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `DecimalString` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalDecimalString(_ value: DecimalString?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `CalendarDate` at `key`.
    @inlinable public mutating func requiredCalendarDate(_ value: CalendarDate, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `CalendarDate` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalCalendarDate(_ value: CalendarDate?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
    /// Encodes the required `JSONValue` at `key`.
    @inlinable public mutating func requiredJSONValue(_ value: JSONValue, _ key: ModelFieldKey) throws { try container.encode(value, forKey: key) }
    /// Encodes the optional `JSONValue` at `key`; writes nothing when it is `nil`.
    @inlinable public mutating func optionalJSONValue(_ value: JSONValue?, _ key: ModelFieldKey) throws { try container.encodeIfPresent(value, forKey: key) }
}

/// A JSON object key, written in generated code as a string literal (an immortal `String`: making the
/// key allocates nothing).
///
/// For example: `"call_uuid"` in `try fields.optional("call_uuid")`.
@frozen public struct ModelFieldKey: CodingKey, ExpressibleByStringLiteral, Hashable, Sendable {
    public let stringValue: String
    /// Always `nil`: model keys are strings.
    @inlinable public var intValue: Int? { nil }

    /// A key from a literal (`"call_uuid"`).
    @inlinable public init(stringLiteral value: String) { stringValue = value }
    /// A key.
    @inlinable public init(stringValue: String) { self.stringValue = stringValue }
    /// Always `nil`: model keys are strings.
    @inlinable public init?(intValue: Int) { nil }
}
