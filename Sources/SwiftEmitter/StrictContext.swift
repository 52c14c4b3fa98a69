import Mustache

/// A render context for swift-mustache in which a key that no level of the context stack has is
/// an error, not an empty string. Built from the `Codable` context structs by reflection, so the
/// template sees exactly their stored properties.
///
/// For example: `{{nmae}}` in a template is reported as `missing key 'nmae' in template 'models'`.
struct StrictContext: MustacheParent, @unchecked Sendable {
    let values: [String: Any]
    /// Set only on the outermost context: every lookup that reaches it and fails is a real miss.
    let misses: MissRecorder?

    init(values: [String: Any], misses: MissRecorder?) {
        // Strings are handed to mustache as `RenderedText`, which it renders directly instead of
        // going through `String(describing:)` and its dynamic casts (the same text comes out).
        self.values = values.mapValues(RenderedText.wrap)
        self.misses = misses
    }

    func child(named name: String) -> Any? {
        if let v = values[name] { return v }
        misses?.record(name)
        return nil
    }

    /// Converts a context value (struct, array, string, number, bool, optional) to what mustache
    /// renders: nested structs become `StrictContext`s, optionals become their value or `false`.
    static func make(_ value: Any, misses: MissRecorder?) -> Any {
        if let convertible = value as? MustacheConvertible {
            return StrictContext(values: convertible.mustacheFields, misses: misses)
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var dict: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                dict[label] = make(child.value, misses: nil)
            }
            return StrictContext(values: dict, misses: misses)
        case .collection:
            return mirror.children.map { make($0.value, misses: nil) }
        case .optional:
            if let some = mirror.children.first { return make(some.value, misses: nil) }
            return false
        default:
            return value
        }
    }
}

/// Collects the names of keys that were not found anywhere on the context stack.
final class MissRecorder: @unchecked Sendable {
    private(set) var names: Set<String> = []
    func record(_ name: String) { names.insert(name) }
}

/// Text that swift-mustache renders as it is (`MustacheCustomRenderable`); string transforms
/// (`{{uppercased(name)}}`, …) work as on `String`.
struct RenderedText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func transform(_ name: String) -> Any? { text.transform(name) }

    static func wrap(_ value: Any) -> Any {
        if let s = value as? String { return RenderedText(text: s) }
        if let a = value as? [String] { return a.map { RenderedText(text: $0) } }
        return value
    }
}
