/// `Equatable` by comparing stored properties one by one through reflection, with no code per type.
///
/// Generated server `Input` structs use it: they are compared in tests (what the server decoded
/// against what the client sent), not in hot paths, and a generated `==` per operation is a large
/// share of the server module's compile time on a large API. Each pair of properties compares with
/// the property type's own `==` (so `nil == nil`, and `Double.nan != .nan` as usual); a property
/// whose type is not `Equatable` makes the values unequal.
///
/// For example: `struct Input: PropertywiseEquatable, Sendable { var uuid: UUID; var page: Int? }`.
public protocol PropertywiseEquatable: Equatable {}

extension PropertywiseEquatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
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
