import Foundation

/// `==` and `hash(into:)` of a generated model from one generated list of its stored properties.
///
/// A model lists its properties once, in `visitFields(pairedWith:_:)`; `==` visits them with an
/// `EqualityVisitor` and `hash(into:)` with a `HashingVisitor`. The result is what synthesized
/// `Equatable` and `Hashable` give (every property compared, every property hashed, in declaration
/// order), at their speed in an optimised build: both defaults are `@inlinable`, so the compiler
/// specialises them and the visitor calls to plain `==` and `Hasher.combine` per property.
///
/// Why not synthesized conformances: the compiler type-checks a synthesized `==` as source, one `==` per
/// property resolved among the hundreds of `==` overloads of every imported module. On a Waldur sample
/// that is about a third of the generated module's debug compile in compiler instructions
/// (`scripts/bench-compile-instructions`); one visit line per property costs under half of it.
///
/// For example:
/// ```swift
/// public struct Tag: Codable, FieldwiseHashable, Sendable {
///     public var name: String
///     public var count: Int?
///     public func visitFields<V: FieldPairVisitor>(pairedWith other: Tag, _ visitor: inout V) {
///         visitor.requiredString(name, other.name)
///         visitor.optionalInt(count, other.count)
///     }
/// }
/// ```
public protocol FieldwiseHashable: Hashable {
    /// Calls `visitor.visit(a, b)` (or its typed form, `visitor.optionalString(a, b)`) for each stored
    /// property, `a` from `self` and `b` from `other`.
    func visitFields<V: FieldPairVisitor>(pairedWith other: Self, _ visitor: inout V)
}

/// Sees one property of two values at a time (`FieldwiseHashable.visitFields(pairedWith:_:)`).
public protocol FieldPairVisitor {
    /// Sees one property: its value in one model (`a`) and in the other (`b`).
    mutating func visit<T: Hashable>(_ a: T, _ b: T)
}

/// One method per common property type, named as the model's coding helpers are (`optionalString`,
/// `requiredUUID`): a generated `visitFields` calls these for such properties and `visit` for the rest.
/// Each is `visit(a, b)`, so a visitor implements `visit` alone and sees the same calls. They exist for the
/// debug compile: a concrete call passes the two values as they are, where the generic one also passes the
/// type's metadata and `Hashable` conformance and copies both values (about a third of `visitFields`'s code
/// in the Waldur module at `-Onone`).
///
/// For example: `visitor.optionalString(self.name, other.name)` is `visitor.visit(self.name, other.name)`.
extension FieldPairVisitor {
    /// Visits a required `String` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredString(_ a: String, _ b: String) { visit(a, b) }
    /// Visits an optional `String` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalString(_ a: String?, _ b: String?) { visit(a, b) }
    /// Visits a required `Int` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredInt(_ a: Int, _ b: Int) { visit(a, b) }
    /// Visits an optional `Int` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalInt(_ a: Int?, _ b: Int?) { visit(a, b) }
    /// Visits a required `Int32` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredInt32(_ a: Int32, _ b: Int32) { visit(a, b) }
    /// Visits an optional `Int32` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalInt32(_ a: Int32?, _ b: Int32?) { visit(a, b) }
    /// Visits a required `Int64` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredInt64(_ a: Int64, _ b: Int64) { visit(a, b) }
    /// Visits an optional `Int64` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalInt64(_ a: Int64?, _ b: Int64?) { visit(a, b) }
    /// Visits a required `Double` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredDouble(_ a: Double, _ b: Double) { visit(a, b) }
    /// Visits an optional `Double` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalDouble(_ a: Double?, _ b: Double?) { visit(a, b) }
    /// Visits a required `Bool` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredBool(_ a: Bool, _ b: Bool) { visit(a, b) }
    /// Visits an optional `Bool` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalBool(_ a: Bool?, _ b: Bool?) { visit(a, b) }
    /// Visits a required `UUID` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredUUID(_ a: UUID, _ b: UUID) { visit(a, b) }
    /// Visits an optional `UUID` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalUUID(_ a: UUID?, _ b: UUID?) { visit(a, b) }
    /// Visits a required `URL` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredURL(_ a: URL, _ b: URL) { visit(a, b) }
    /// Visits an optional `URL` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalURL(_ a: URL?, _ b: URL?) { visit(a, b) }
    /// Visits a required `Date` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredDate(_ a: Date, _ b: Date) { visit(a, b) }
    /// Visits an optional `Date` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalDate(_ a: Date?, _ b: Date?) { visit(a, b) }
    /// Visits a required `DecimalString` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredDecimalString(_ a: DecimalString, _ b: DecimalString) { visit(a, b) }
    /// Visits an optional `DecimalString` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalDecimalString(_ a: DecimalString?, _ b: DecimalString?) { visit(a, b) }
    /// Visits a required `CalendarDate` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredCalendarDate(_ a: CalendarDate, _ b: CalendarDate) { visit(a, b) }
    /// Visits an optional `CalendarDate` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalCalendarDate(_ a: CalendarDate?, _ b: CalendarDate?) { visit(a, b) }
    /// Visits a required `JSONValue` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func requiredJSONValue(_ a: JSONValue, _ b: JSONValue) { visit(a, b) }
    /// Visits an optional `JSONValue` property: its value in one model (`a`) and in the other (`b`).
    @inlinable @inline(__always) public mutating func optionalJSONValue(_ a: JSONValue?, _ b: JSONValue?) { visit(a, b) }
}

extension FieldwiseHashable {
    /// Equal when every property visited by `visitFields(pairedWith:_:)` is equal, compared in order.
    @inlinable
    public static func == (a: Self, b: Self) -> Bool {
        var visitor = EqualityVisitor()
        a.visitFields(pairedWith: b, &visitor)
        return visitor.equal
    }

    /// Hashes every property visited by `visitFields(pairedWith:_:)`, in order.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        var visitor = HashingVisitor(hasher)
        visitFields(pairedWith: self, &visitor)
        hasher = visitor.hasher
    }
}

/// `equal` stays true while every visited pair is equal; after the first unequal pair the rest are
/// not compared.
///
/// For example: `var v = EqualityVisitor(); v.visit(1, 1); v.visit("a", "b")` leaves `v.equal` false.
@frozen public struct EqualityVisitor: FieldPairVisitor {
    public var equal = true

    /// A visitor that has found no difference yet.
    @inlinable public init() {}

    /// Compares one property; once a pair differs, the rest are skipped.
    @inlinable @inline(__always)
    public mutating func visit<T: Hashable>(_ a: T, _ b: T) {
        if equal, a != b { equal = false }
    }
}

/// Feeds the first value of each visited pair to `hasher`, as synthesized `hash(into:)` combines each
/// stored property.
///
/// For example: `var v = HashingVisitor(Hasher()); v.visit(1, 1)` has combined `1`.
@frozen public struct HashingVisitor: FieldPairVisitor {
    public var hasher: Hasher

    /// A visitor feeding `hasher`.
    @inlinable public init(_ hasher: Hasher) { self.hasher = hasher }

    /// Hashes one property (the pair's first value: both are the same model).
    @inlinable @inline(__always)
    public mutating func visit<T: Hashable>(_ a: T, _: T) {
        hasher.combine(a)
    }
}
