/// A Mustache template compiled for the render contexts: each name is resolved to a `TemplateKey` once,
/// when the template is compiled, and rendering asks the contexts for values (`TemplateNode`) instead of
/// splitting the name and casting every level of the context stack, as swift-mustache's renderer does
/// for each lookup. It covers what the shipped templates use: variables (`{{name}}`, `{{{name}}}`,
/// `{{&name}}`, `{{.}}`), sections, inverted sections, comments and the `CONTENT_TYPE` pragma. A template
/// with anything else (partials, parents and blocks, set delimiters, transforms, dotted names) is not
/// compiled, and swift-mustache renders it.
///
/// Output is swift-mustache's, byte for byte: the parser follows its algorithm (which lines are
/// standalone, where whitespace goes, which newlines count), and `CompiledTemplateTests` renders shipped
/// and random templates both ways.
///
/// For example: `CompiledTemplate.compile("{{#structs}}struct {{name}}\n{{/structs}}")` gives a section
/// over `.structs` holding a text, the variable `.name` and a text.
struct CompiledTemplate: Sendable {
    indirect enum Piece: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, [Piece])
        case invertedSection(Name, [Piece])
    }

    /// A name as the template spells it, and the key it names (`nil`: no context has it).
    struct Name: Sendable {
        let spelling: String
        let key: TemplateKey?
        /// `{{.}}`: the value on top of the stack.
        let isCurrent: Bool

        init(spelling: String) {
            self.spelling = spelling
            key = TemplateKey(rawValue: spelling)
            isCurrent = spelling == "."
        }
    }

    let pieces: [Piece]

    /// `nil` when the template uses something this renderer does not do, or does not parse (then
    /// swift-mustache renders it, or reports the error).
    static func compile(_ text: String) -> CompiledTemplate? {
        var parser = Parser(chars: Array(text))
        guard let pieces = try? parser.parse(Parser.State(section: nil, newLine: true, escapes: true)) else { return nil }
        return CompiledTemplate(pieces: pieces)
    }

    // MARK: Rendering

    /// One level of the context stack.
    private enum Frame {
        /// A context, read in place in its list.
        case node(any TemplateList, Int)
        /// A text a section over texts (or a text) put on the stack.
        case text(String)
        /// A number, or an empty list an inverted section put on the stack: it has no keys.
        case other(TemplateValue)
    }

    /// Renders `root`; the names no level of the stack has go in `misses`.
    func render<Root: TemplateNode>(_ root: Root, misses: inout Set<String>) -> String {
        var out = ""
        var stack: [Frame] = [.node([root], 0)]
        render(pieces, &stack, &out, &misses)
        return out
    }

    private func render(_ pieces: [Piece], _ stack: inout [Frame], _ out: inout String, _ misses: inout Set<String>) {
        for piece in pieces {
            switch piece {
            case .text(let text):
                out += text
            case .variable(let name, let escaped):
                guard let text = Self.text(of: name, in: stack, &misses) else { continue }
                out += escaped ? Self.htmlEscaped(text) : text
            case .section(let name, let body):
                guard let value = Self.lookUp(name, in: stack, &misses) else { continue }
                switch value {
                case .flag(let on):
                    if on { render(body, &stack, &out, &misses) }
                case .nodes(let list):
                    for index in 0..<list.count {
                        stack.append(.node(list, index))
                        render(body, &stack, &out, &misses)
                        stack.removeLast()
                    }
                case .texts(let texts):
                    for text in texts {
                        stack.append(.text(text))
                        render(body, &stack, &out, &misses)
                        stack.removeLast()
                    }
                case .text(let text):
                    stack.append(.text(text))
                    render(body, &stack, &out, &misses)
                    stack.removeLast()
                case .number:
                    stack.append(.other(value))
                    render(body, &stack, &out, &misses)
                    stack.removeLast()
                }
            case .invertedSection(let name, let body):
                let value = Self.lookUp(name, in: stack, &misses)
                switch value {
                case nil:
                    render(body, &stack, &out, &misses)
                case .flag(let on)?:
                    if !on { render(body, &stack, &out, &misses) }
                case .nodes(let list)? where list.count == 0:
                    stack.append(.other(value!))
                    render(body, &stack, &out, &misses)
                    stack.removeLast()
                case .texts(let texts)? where texts.isEmpty:
                    stack.append(.other(value!))
                    render(body, &stack, &out, &misses)
                    stack.removeLast()
                default:
                    break
                }
            }
        }
    }

    /// The value of `name` on the nearest level of the stack that has it.
    private static func lookUp(_ name: Name, in stack: [Frame], _ misses: inout Set<String>) -> TemplateValue? {
        var level = stack.count - 1
        while level >= 0 {
            switch stack[level] {
            case .node(let list, let index):
                if let key = name.key, let value = list.value(at: index, for: key) { return value }
            case .text(let text):
                // swift-mustache reads other objects by reflection: a text's one stored property is `text`.
                if name.spelling == "text" { return .text(text) }
            case .other:
                break
            }
            level -= 1
        }
        misses.insert(name.spelling)
        return nil
    }

    /// What `{{name}}` writes before escaping, as swift-mustache writes it (a list's or a context's
    /// description is what it prints, not useful text, but the same).
    private static func text(of name: Name, in stack: [Frame], _ misses: inout Set<String>) -> String? {
        if name.isCurrent {
            switch stack[stack.count - 1] {
            case .node(let list, let index): return String(describing: StrictContext(list: list, index: index, misses: nil))
            case .text(let text): return text
            case .other(let value): return text(of: value)
            }
        }
        return lookUp(name, in: stack, &misses).map(text(of:))
    }

    private static func text(of value: TemplateValue) -> String {
        switch value {
        case .text(let text): return text
        case .flag(let on): return on ? "true" : "false"
        case .number(let number): return String(number)
        case .texts, .nodes: return String(describing: value.mustacheValue)
        }
    }

    /// swift-mustache's HTML escape (per character, so a `<` with a combining mark is not replaced).
    static func htmlEscaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
