/// Compares two values stored property by stored property through reflection, with no code per type.
/// Each pair of properties compares with the property type's own `==` (so `nil == nil`, and
/// `Double.nan != .nan` as usual); a property whose type is not `Equatable` makes the values unequal.
///
/// Generated tests compare server `Input`s with it: they are not `Equatable`, because finding the `==`
/// witness of an `Equatable` conformance searches every `==` of every imported module (Hummingbird and
/// NIO declare hundreds): 8 % of a server file's compiler instructions under callgrind.
///
/// For example: `Propertywise.equal(recorded, sent)` for two `ServerOperations.UsersRetrieveOperation.Input`s.
public enum Propertywise {
    public static func equal<T>(_ lhs: T, _ rhs: T) -> Bool {
        let left = Mirror(reflecting: lhs).children, right = Mirror(reflecting: rhs).children
        guard left.count == right.count else { return false }
        for (l, r) in zip(left, right) {
            guard l.label == r.label, let value = l.value as? any Equatable, value.isEqual(toAny: r.value) else { return false }
        }
        return true
    }
}

/// `Equatable` through `Propertywise.equal`: no `==` written out per type (a generated `==` per model
/// and `hash(into:)` were 17 % of the largest Waldur models file's compiler instructions).
///
/// For example: `struct Pet: PropertywiseEquatable { var name: String; var tag: String? }`.
public protocol PropertywiseEquatable: Equatable {}

extension PropertywiseEquatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { Propertywise.equal(lhs, rhs) }
}

/// `Hashable` through reflection: `==` as `PropertywiseEquatable`, and `hash(into:)` feeds every
/// `Hashable` stored property to the hasher in declaration order (a property that is not `Hashable` is
/// left out, which keeps equal values hashing equally). Generated models used it until they got
/// synthesized `Hashable` (64× faster Set insertion); kept for code generated before that.
///
/// For example: `struct Pet: Codable, PropertywiseHashable, Sendable { var name: String; var tag: String? }`.
public protocol PropertywiseHashable: PropertywiseEquatable, Hashable {}

extension PropertywiseHashable {
    public func hash(into hasher: inout Hasher) {
        for child in Mirror(reflecting: self).children {
            if let value = child.value as? any Hashable { hasher.combine(value) }
        }
    }
}

extension Equatable {
    /// `self == other` when `other` has the same type.
    fileprivate func isEqual(toAny other: Any) -> Bool { (other as? Self) == self }
}
