/// A property stored out of line, behind one immutable reference: what lets a model contain itself
/// through an optional field (`NotificationEvent.templateEvent: NotificationEvent?`), directly or
/// through other models, which a plain struct cannot ("value type has infinite size"). The emitter
/// writes `@Indirect` on the fields that close such a cycle and on no other.
///
/// The property keeps its type, so coding, `==`, `hash(into:)` and every use are unchanged; a
/// write replaces the box, so copies never share a change (value semantics).
///
/// For example:
/// ```swift
/// public struct Node: Codable, FieldwiseHashable, Sendable {
///     public var name: String
///     @Indirect public var next: Node?
/// }
/// ```
@propertyWrapper
public struct Indirect<Value> {
    @usableFromInline final class Storage {
        @usableFromInline let value: Value
        @inlinable init(_ value: Value) { self.value = value }
    }

    @usableFromInline var storage: Storage

    /// Boxes `wrappedValue`.
    @inlinable public init(wrappedValue: Value) { storage = Storage(wrappedValue) }

    /// The stored value; setting it stores a new box.
    @inlinable public var wrappedValue: Value {
        get { storage.value }
        set { storage = Storage(newValue) }
    }
}

// The box is never mutated after it is made, so sharing it across tasks is safe when the value is.
extension Indirect: @unchecked Sendable where Value: Sendable {}

extension Indirect: Equatable where Value: Equatable {
    /// Compares the values, not the boxes.
    @inlinable public static func == (a: Self, b: Self) -> Bool { a.wrappedValue == b.wrappedValue }
}

extension Indirect: Hashable where Value: Hashable {
    /// Hashes the value, as the unboxed property would.
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

extension Indirect: Encodable where Value: Encodable {
    /// Encodes the value as the unboxed property would.
    public func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
}

extension Indirect: Decodable where Value: Decodable {
    /// Decodes the value as the unboxed property would.
    public init(from decoder: any Decoder) throws { self.init(wrappedValue: try Value(from: decoder)) }
}
