/// A flavour-neutral document: what every front end (Markdown, HTML, text) produces and every
/// extractor reads. Blocks carry 1-based source line numbers of the file named in `file`.
///
/// For example: a MkDocs page parses to
/// `[.heading(level 1 "Users"), .table(...), .heading(level 3 "List"), .tabs([...])]`.
public struct Document: Hashable, Sendable, Codable {
    /// Path of the source file, as given.
    public var file: String
    public var blocks: [Block]
    /// Which front end made it, for verbose output: `markdown`, `html`, `text`.
    public var format: String

    public init(file: String, format: String, blocks: [Block]) {
        self.file = file
        self.format = format
        self.blocks = blocks
    }

    public func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }
}

/// One block of a document.
public indirect enum Block: Hashable, Sendable, Codable {
    case heading(Heading)
    case paragraph(Paragraph)
    case list(ListBlock)
    case code(CodeBlock)
    case table(Table)
    case tabs(TabSet)
    case definitionList(DefinitionList)
    case html(RawHTML)
    case thematicBreak(line: Int)

    /// Source line where the block starts.
    public var line: Int {
        switch self {
        case .heading(let b): return b.line
        case .paragraph(let b): return b.line
        case .list(let b): return b.line
        case .code(let b): return b.line
        case .table(let b): return b.line
        case .tabs(let b): return b.line
        case .definitionList(let b): return b.line
        case .html(let b): return b.line
        case .thematicBreak(let line): return line
        }
    }
}

/// For example: `### Retrieve` → `Heading(level: 3, text: "Retrieve", line: 97)`.
public struct Heading: Hashable, Sendable, Codable {
    public var level: Int
    public var text: InlineText
    public var line: Int
    public init(level: Int, text: InlineText, line: Int) { self.level = level; self.text = text; self.line = line }
}

/// For example: `Returns a list of users.`
public struct Paragraph: Hashable, Sendable, Codable {
    public var text: InlineText
    public var line: Int
    public init(text: InlineText, line: Int) { self.text = text; self.line = line }
}

/// For example: `1. **API Source:** [`users_list`](...)` → one item holding one paragraph.
public struct ListBlock: Hashable, Sendable, Codable {
    public var ordered: Bool
    public var items: [[Block]]
    public var line: Int
    public init(ordered: Bool, items: [[Block]], line: Int) { self.ordered = ordered; self.items = items; self.line = line }
}

/// For example: a fenced ```` ```python ```` block → `CodeBlock(language: "python", text: "...")`.
public struct CodeBlock: Hashable, Sendable, Codable {
    /// First word of the info string, lowercased; empty when none.
    public var language: String
    public var text: String
    public var line: Int
    /// The rest of a fence's info string after the language (`200 Success` of ```` ```json 200 Success ````,
    /// `title="Response 201"`); empty when none.
    public var info: String
    public init(language: String, text: String, line: Int, info: String = "") {
        self.language = language
        self.text = text
        self.line = line
        self.info = info
    }
}

/// A table with a header row. Cells are inline text; `rowLines[i]` is the source line of `rows[i]`.
///
/// For example: `| Name | Type |` / `| \`uuid\` | string (uuid) |` → header `["Name", "Type"]`,
/// one row `[code("uuid"), "string (uuid)"]`.
public struct Table: Hashable, Sendable, Codable {
    public var header: [InlineText]
    public var rows: [[InlineText]]
    public var rowLines: [Int]
    public var line: Int
    public init(header: [InlineText], rows: [[InlineText]], rowLines: [Int], line: Int) {
        self.header = header; self.rows = rows; self.rowLines = rowLines; self.line = line
    }

    /// Index of the first header cell whose plain text equals `name` (case-insensitive).
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.plain.lowercased() == name.lowercased() }
    }
}

/// A set of tabs (MkDocs `=== "Label"` blocks, Material tabbed sets in HTML).
///
/// For example: `=== "Responses"` followed by indented Markdown → `Tab(label: "Responses", blocks: [...])`.
public struct TabSet: Hashable, Sendable, Codable {
    public struct Tab: Hashable, Sendable, Codable {
        public var label: String
        public var blocks: [Block]
        public var line: Int
        public init(label: String, blocks: [Block], line: Int) { self.label = label; self.blocks = blocks; self.line = line }
    }
    public var tabs: [Tab]
    public var line: Int
    public init(tabs: [Tab], line: Int) { self.tabs = tabs; self.line = line }
}

/// Terms with their definitions (HTML `<dl>`, Sphinx field lists).
///
/// For example: `Query Parameters` → `[paragraph("page (integer) – page number")]`.
/// `classes` holds what the source says the list is, when it says so (HTML `class="http get"`,
/// `class="field-list"`); front ends without such markup leave it `nil`.
public struct DefinitionList: Hashable, Sendable, Codable {
    public struct Item: Hashable, Sendable, Codable {
        public var term: InlineText
        public var blocks: [Block]
        public var line: Int
        public init(term: InlineText, blocks: [Block], line: Int) { self.term = term; self.blocks = blocks; self.line = line }
    }
    public var items: [Item]
    public var line: Int
    public var classes: [String]?
    public init(items: [Item], line: Int, classes: [String]? = nil) { self.items = items; self.line = line; self.classes = classes }
}

/// Raw HTML kept as-is (for example the `<!-- EXTERNAL DOCUMENT ... -->` header of synced pages).
public struct RawHTML: Hashable, Sendable, Codable {
    public var html: String
    public var line: Int
    public init(html: String, line: Int) { self.html = html; self.line = line }
}
