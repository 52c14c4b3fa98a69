/// Cuts a block-style YAML document at the entries of its two large maps, `paths` and
/// `components.schemas`, so that each entry's text is parsed (and decoded) by a job of its own on all
/// cores: parsing the whole 4 MB Waldur document took a third of a second on one core before any
/// decoding could start.
///
/// In block style an entry of a map starts at a line indented exactly as the map's first key, and every
/// line of its value is indented further (a block scalar's, a multi-line string's, a nested map's), so
/// the cut needs no parsing. Nothing is cut (nil, and the caller parses the whole document) when the
/// document is not laid out so: flow style or JSON, a map given twice, a sequence where entries
/// should be, a tab in the indentation. A chunk that does not parse as one entry (an alias of an anchor
/// in another entry, say) sends the caller back to parsing the whole document. The rest of the document keeps its lines where they were (the cut entries
/// become blank lines and each map `{}`), so its marks are still the document's lines.
///
/// For example: `BlockMapSplit.split("paths:\n  /a:\n    get: {}\n  /b:\n    get: {}\n")` gives two
/// path chunks, `"  /a:\n    get: {}\n"` at line 2 and `"  /b:\n    get: {}\n"` at line 4, and the
/// rest `"paths: {}\n\n\n\n\n"`.
struct BlockMapSplit {
    /// One entry's text (its key line and the lines of its value) and the document line of its key.
    struct Chunk {
        var text: String
        var line: Int
    }

    var rest: String
    var paths: [Chunk]
    /// Nil when the document has no block `components.schemas`.
    var schemas: [Chunk]?

    static func split(_ text: String) -> BlockMapSplit? {
        let lines = Lines(text)
        guard let paths = lines.block(named: "paths", in: 0..<lines.count, indent: 0), let pathChunks = lines.chunks(paths.body) else { return nil }
        var schemas: Block?
        var schemaChunks: [Chunk]?
        if let components = lines.block(named: "components", in: 0..<lines.count, indent: 0), let inner = lines.firstIndent(components.body) {
            if let found = lines.block(named: "schemas", in: components.body, indent: inner), let cut = lines.chunks(found.body) {
                (schemas, schemaChunks) = (found, cut)
            } else if components.body.contains(where: { lines.isKey("schemas", $0, indent: inner) }) {
                // Given twice, or not laid out in entries: parsed whole.
                return nil
            }
            // Else the components have no block `schemas` map: it stays in the rest.
        }
        return BlockMapSplit(rest: lines.replacing([paths, schemas].compactMap { $0 }), paths: pathChunks, schemas: schemaChunks)
    }

    /// A map's key line and the lines of its value.
    struct Block {
        var name: String
        var key: Int
        var indent: Int
        var body: Range<Int>
    }

    /// The document's bytes and where each line starts.
    struct Lines {
        let bytes: [UInt8]
        let starts: [Int]
        var count: Int { starts.count }

        init(_ text: String) {
            bytes = Array(text.utf8)
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
            self.starts = starts
        }

        /// The bytes of line `i`, without its line break.
        func line(_ i: Int) -> ArraySlice<UInt8> {
            bytes[starts[i]..<(i + 1 < starts.count ? starts[i + 1] - 1 : bytes.count)]
        }

        /// The bytes from line `lines.lowerBound` up to line `lines.upperBound`, line breaks included.
        func text(_ lines: Range<Int>) -> ArraySlice<UInt8> {
            bytes[starts[lines.lowerBound]..<(lines.upperBound < starts.count ? starts[lines.upperBound] : bytes.count)]
        }

        /// The number of spaces before line `i`'s content; nil for a blank or comment line, -1 when a tab
        /// comes first.
        func indent(_ i: Int) -> Int? {
            var n = 0
            for byte in line(i) {
                switch byte {
                case UInt8(ascii: " "): n += 1
                case UInt8(ascii: "\t"): return -1
                case UInt8(ascii: "\r"), UInt8(ascii: "#"): return nil
                default: return n
                }
            }
            return nil
        }

        /// Line `i` is `name:` at `indent`, with nothing after the colon but spaces.
        func isKey(_ name: String, _ i: Int, indent: Int) -> Bool {
            var rest = line(i)
            guard rest.count > indent, self.indent(i) == indent else { return false }
            rest = rest.dropFirst(indent)
            while rest.last == UInt8(ascii: " ") || rest.last == UInt8(ascii: "\r") { rest = rest.dropLast() }
            return rest.count == name.utf8.count + 1 && rest.last == UInt8(ascii: ":") && rest.dropLast().elementsEqual(name.utf8)
        }

        /// The one line `name:` at `indent` among `range` (nil if none or several), and the lines after
        /// it up to the next line indented no further.
        func block(named name: String, in range: Range<Int>, indent: Int) -> Block? {
            var found: Int?
            for i in range where isKey(name, i, indent: indent) {
                guard found == nil else { return nil }
                found = i
            }
            guard let key = found else { return nil }
            var end = key + 1
            while end < range.upperBound {
                if let n = self.indent(end) {
                    if n < 0 { return nil }
                    if n <= indent { break }
                }
                end += 1
            }
            return Block(name: name, key: key, indent: indent, body: key + 1..<end)
        }

        /// The indentation of the first line in `range` that has content.
        func firstIndent(_ range: Range<Int>) -> Int? {
            range.lazy.compactMap { indent($0) }.first
        }

        /// The entries of the map whose value is lines `range`: each starts at a line indented as the
        /// first, and no line is indented less. Nil when the lines are not laid out so.
        func chunks(_ range: Range<Int>) -> [Chunk]? {
            guard let first = firstIndent(range) else { return [] }
            guard first > 0 else { return nil }
            var starts: [Int] = []
            for i in range {
                guard let n = indent(i) else { continue }
                if n < first { return nil }
                guard n == first else { continue }
                switch line(i).dropFirst(n).first {
                case UInt8(ascii: "-"), UInt8(ascii: "{"), UInt8(ascii: "["): return nil
                // The value of an explicit key (`? key` then `: value`, as PyYAML writes keys over 128
                // characters) goes on with its entry.
                case UInt8(ascii: ":"): continue
                default: starts.append(i)
                }
            }
            return starts.indices.map { s in
                let end = s + 1 < starts.count ? starts[s + 1] : range.upperBound
                var text = String(decoding: self.text(starts[s]..<end), as: UTF8.self)
                if !text.hasSuffix("\n") { text += "\n" }
                return Chunk(text: text, line: starts[s] + 1)
            }
        }

        /// The document with each block's value cut: its key line becomes `name: {}` and the lines of
        /// its value blank lines, so every other line keeps its number.
        func replacing(_ blocks: [Block]) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count / 2)
            var next = 0
            for block in blocks.sorted(by: { $0.key < $1.key }) {
                out += text(next..<block.key)
                out += Array(repeating: UInt8(ascii: " "), count: block.indent)
                out += Array((block.name + ": {}\n").utf8)
                out += Array(repeating: UInt8(ascii: "\n"), count: block.body.count)
                next = block.body.upperBound
            }
            if next < count { out += text(next..<count) }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
