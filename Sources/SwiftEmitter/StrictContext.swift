import Mustache

/// A render context as swift-mustache reads it, for the templates it renders (those `CompiledTemplate`
/// does not compile, and every template under `TemplateSet.Renderer.swiftMustache`): a key that no level
/// of the context stack has is an error, not an empty string. It reads one context of a list in place.
///
/// For example: `{{nmae}}` in a template is reported as `missing key 'nmae' in template 'models'`.
struct StrictContext: MustacheParent, @unchecked Sendable {
    let list: any TemplateList
    let index: Int
    /// Set only on the outermost context: every lookup that reaches it and fails is a real miss.
    let misses: MissRecorder?

    init(list: any TemplateList, index: Int, misses: MissRecorder?) {
        self.list = list
        self.index = index
        self.misses = misses
    }

    init<Root: TemplateNode>(root: Root, misses: MissRecorder) {
        self.init(list: [root], index: 0, misses: misses)
    }

    func child(named name: String) -> Any? {
        if let key = TemplateKey(rawValue: name), let value = list.value(at: index, for: key) { return value.mustacheValue }
        misses?.record(name)
        return nil
    }
}

extension TemplateValue {
    /// The value as swift-mustache renders it: texts as `RenderedText` (rendered directly, without
    /// `String(describing:)` and its dynamic casts), contexts as `StrictContext`s.
    var mustacheValue: Any {
        switch self {
        case .text(let text): return RenderedText(text: text)
        case .flag(let flag): return flag
        case .number(let number): return number
        case .texts(let texts): return texts.map { RenderedText(text: $0) }
        case .nodes(let list): return (0..<list.count).map { StrictContext(list: list, index: $0, misses: nil) } as [Any]
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
}
