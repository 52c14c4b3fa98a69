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
///         visitor.visit(name, other.name)
///         visitor.visit(count, other.count)
///     }
/// }
/// ```
public protocol FieldwiseHashable: Hashable {
    /// Calls `visitor.visit(a, b)` for each stored property, `a` from `self` and `b` from `other`.
    func visitFields<V: FieldPairVisitor>(pairedWith other: Self, _ visitor: inout V)
}

/// Sees one property of two values at a time (`FieldwiseHashable.visitFields(pairedWith:_:)`).
public protocol FieldPairVisitor {
    mutating func visit<T: Hashable>(_ a: T, _ b: T)
}

extension FieldwiseHashable {
    @inlinable
    public static func == (a: Self, b: Self) -> Bool {
        var visitor = EqualityVisitor()
        a.visitFields(pairedWith: b, &visitor)
        return visitor.equal
    }

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

    @inlinable public init() {}

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

    @inlinable public init(_ hasher: Hasher) { self.hasher = hasher }

    @inlinable @inline(__always)
    public mutating func visit<T: Hashable>(_ a: T, _: T) {
        hasher.combine(a)
    }
}
