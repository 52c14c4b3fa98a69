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
    /// Whether `lhs` and `rhs` have equal stored properties, compared one by one.
    public static func equal<T>(_ lhs: T, _ rhs: T) -> Bool {
        let left = Mirror(reflecting: lhs).children, right = Mirror(reflecting: rhs).children
        guard left.count == right.count else { return false }
        for (l, r) in zip(left, right) {
            guard l.label == r.label, let value = l.value as? any Equatable, value.isEqual(toAny: r.value) else { return false }
        }
        return true
    }
}

extension Equatable {
    /// `self == other` when `other` has the same type.
    fileprivate func isEqual(toAny other: Any) -> Bool { (other as? Self) == self }
}
