extension CompiledTemplate {
    /// Something this parser leaves to swift-mustache: a tag it does not compile, or text that does not parse.
    struct NotCompiled: Error {}

    /// swift-mustache's parser (`MustacheTemplate.parse`), step for step, for the tags compiled here.
    /// It reads characters (`"\r\n"` is one), as that parser does; the quirks that decide output are kept:
    /// a tag line is standalone only if it began a line and ends one; the whitespace before a standalone
    /// section tag, comment or pragma is dropped with its line; any newline character ends a standalone
    /// line, but only `\n` and `\r\n` end a text.
    struct Parser {
        struct State {
            /// The open section's name, which its closing tag must repeat.
            var section: String?
            /// At the start of a line (so far only whitespace and standalone tags on it).
            var newLine: Bool
            /// `{{name}}` is HTML-escaped (the default content type) until a `CONTENT_TYPE: TEXT` pragma.
            var escapes: Bool
        }

        let chars: [Character]
        var position = 0

        var atEnd: Bool { position == chars.count }
        /// The current character; `"\0"` at the end.
        var current: Character { atEnd ? "\0" : chars[position] }

        mutating func parse(_ start: State) throws -> [Piece] {
            var pieces: [Piece] = []
            var state = start
            var whiteSpaceBefore = ""
            while !atEnd {
                if state.newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
                let text = try textUntilTagOrNewline()
                if current.isNewline {
                    pieces.append(.text(whiteSpaceBefore + text + String(current)))
                    state.newLine = true
                    position += 1
                    continue
                }
                if !text.isEmpty {
                    pieces.append(.text(whiteSpaceBefore + text))
                    whiteSpaceBefore = ""
                    state.newLine = false
                }
                if atEnd { break }
                var setNewLine = false
                switch current {
                case "#", "^":
                    let inverted = current == "^"
                    position += 1
                    let name = try self.name()
                    guard !name.isCurrent else { throw NotCompiled() }
                    if standalone(state) {
                        setNewLine = true
                    } else if !whiteSpaceBefore.isEmpty {
                        pieces.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = ""
                    }
                    var inner = state
                    inner.section = name.spelling
                    if !setNewLine { inner.newLine = false }
                    let body = try parse(inner)
                    pieces.append(inverted ? .invertedSection(name, body) : .section(name, body))
                case "/":
                    position += 1
                    let name = try self.name()
                    guard name.spelling == state.section else { throw NotCompiled() }
                    if !standalone(state), !whiteSpaceBefore.isEmpty { pieces.append(.text(whiteSpaceBefore)) }
                    return pieces
                case "!":
                    position += 1
                    try skipComment()
                    setNewLine = standalone(state)
                case "{", "&":
                    let triple = current == "{"
                    if !whiteSpaceBefore.isEmpty {
                        pieces.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = ""
                    }
                    position += 1
                    let name = try self.name()
                    if triple {
                        guard current == "}", !atEnd else { throw NotCompiled() }
                        position += 1
                    }
                    pieces.append(.variable(name, escaped: false))
                case "%":
                    position += 1
                    state.escapes = try contentTypeEscapes()
                    setNewLine = standalone(state)
                case ">", "<", "$", "=":
                    throw NotCompiled()
                default:
                    if !whiteSpaceBefore.isEmpty {
                        pieces.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = ""
                    }
                    pieces.append(.variable(try name(), escaped: state.escapes))
                }
                state.newLine = setNewLine
            }
            guard state.section == nil else { throw NotCompiled() }
            return pieces
        }

        /// The text up to a `{{` (read past) or a `\n` / `\r\n` (not read).
        mutating func textUntilTagOrNewline() throws -> String {
            var text = ""
            while !atEnd {
                let character = chars[position]
                if character == "\n" || character == "\r\n" { break }
                if character == "{" {
                    // swift-mustache reads two characters to compare with `{{`: fewer left is an error.
                    guard chars.count - position >= 2 else { throw NotCompiled() }
                    if chars[position + 1] == "{" {
                        position += 2
                        break
                    }
                }
                text.append(character)
                position += 1
            }
            return text
        }

        /// A tag's name and its `}}`. Transforms (`f(name)`), dotted names and the empty name are not compiled.
        mutating func name() throws -> Name {
            read { $0.isWhitespace }
            let spelling = read { Self.nameCharacters.contains($0) }
            read { $0.isWhitespace }
            guard closeTag() else { throw NotCompiled() }
            guard !spelling.isEmpty, spelling == "." || !spelling.contains(where: { $0 == "." || $0 == "(" || $0 == ")" }) else {
                throw NotCompiled()
            }
            return Name(spelling: spelling)
        }

        /// Reads `}}`.
        mutating func closeTag() -> Bool {
            guard chars.count - position >= 2, chars[position] == "}", chars[position + 1] == "}" else { return false }
            position += 2
            return true
        }

        /// A comment's text and its `}}`.
        mutating func skipComment() throws {
            var index = position
            while index + 1 < chars.count {
                if chars[index] == "}" && chars[index + 1] == "}" {
                    position = index + 2
                    return
                }
                index += 1
            }
            throw NotCompiled()
        }

        /// `{{% CONTENT_TYPE: TEXT}}` or `HTML`: whether variables are escaped from here on.
        mutating func contentTypeEscapes() throws -> Bool {
            read { $0.isWhitespace }
            let variable = read { Self.pragmaCharacters.contains($0) }
            read { $0.isWhitespace }
            guard !atEnd, current == ":" else { throw NotCompiled() }
            position += 1
            read { $0.isWhitespace }
            let value = read { Self.pragmaCharacters.contains($0) }
            read { $0.isWhitespace }
            guard closeTag(), variable == "CONTENT_TYPE" else { throw NotCompiled() }
            switch value {
            case "TEXT": return false
            case "HTML": return true
            default: throw NotCompiled()
            }
        }

        /// A tag that began its line and ends it (spaces and tabs aside) takes the line's newline with it.
        mutating func standalone(_ state: State) -> Bool {
            guard state.newLine else { return false }
            if atEnd { return true }
            var index = position
            while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 }
            guard index < chars.count, chars[index].isNewline else { return false }
            position = index + 1
            return true
        }

        @discardableResult
        mutating func read(while matches: (Character) -> Bool) -> String {
            let start = position
            while !atEnd, matches(chars[position]) { position += 1 }
            return String(chars[start..<position])
        }

        static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
        static let pragmaCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    }
}
