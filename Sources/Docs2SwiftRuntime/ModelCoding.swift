/// What generated models use for `Codable` and `Equatable` instead of synthesized conformances.
///
/// Synthesized conformances cost the compiler a `CodingKeys` enum per model (its raw values,
/// `CodingKey` witnesses and their own `Hashable`) and an overloaded `==` per property to resolve; on
/// a large API that is most of the generated module's compile time. Generated models instead name
/// their JSON keys as string literals and call these small, non-overloaded generic helpers. The JSON
/// is the same: a missing or `null` optional decodes as `nil`, `nil` is left out when encoding.
///
/// For example:
/// ```swift
/// public init(from decoder: any Decoder) throws {
///     let fields = try ModelFields(decoder)
///     self.callUuid = try fields.optional("call_uuid")
/// }
/// ```
public struct ModelFields {
    let container: KeyedDecodingContainer<ModelFieldKey>

    public init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: ModelFieldKey.self)
    }

    /// The value under `key`; a missing key or `null` is an error.
    public func required<T: Decodable>(_ key: ModelFieldKey) throws -> T {
        try container.decode(T.self, forKey: key)
    }

    /// The value under `key`, or `nil` when the key is missing or `null`.
    public func optional<T: Decodable>(_ key: ModelFieldKey) throws -> T? {
        try container.decodeIfPresent(T.self, forKey: key)
    }
}

/// The encoding side of `ModelFields`.
///
/// For example: `var fields = ModelFieldWriter(encoder); try fields.optional(self.callUuid, "call_uuid")`.
public struct ModelFieldWriter {
    var container: KeyedEncodingContainer<ModelFieldKey>

    public init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: ModelFieldKey.self)
    }

    public mutating func required<T: Encodable>(_ value: T, _ key: ModelFieldKey) throws {
        try container.encode(value, forKey: key)
    }

    /// Leaves the key out when `value` is `nil`.
    public mutating func optional<T: Encodable>(_ value: T?, _ key: ModelFieldKey) throws {
        try container.encodeIfPresent(value, forKey: key)
    }
}

/// A JSON object key, written in generated code as a string literal.
///
/// For example: `"call_uuid"` in `try fields.optional("call_uuid")`.
public struct ModelFieldKey: CodingKey, ExpressibleByStringLiteral, Hashable, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(stringLiteral value: StaticString) {
        stringValue = value.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
