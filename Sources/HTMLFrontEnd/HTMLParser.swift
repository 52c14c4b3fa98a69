import CLibXML2
import DocTree

/// The HTML front end: libxml2's tolerant HTML parser, lowered to the same `Document` as Markdown.
/// It reads the page's content (`<article>`, Sphinx's `div[role=main]`, `<main>`, else `<body>`) and
/// ignores navigation, headers, footers, sidebars, search and scripts. Headings lose their `¶`
/// header links; code blocks lose highlight spans and line-number columns; MkDocs Material tabbed
/// sets keep their labels; definition lists (Sphinx field lists) become definition lists.
///
/// For example: `<h3 id="retrieve">Retrieve<a class="headerlink" href="#retrieve">¶</a></h3>` →
/// `Heading(level: 3, text: "Retrieve")` with the element's source line.
public struct HTMLParser: Sendable {
    /// Lowering stops between elements once this has passed (see `Deadline`).
    public var deadline: Deadline

    public init(deadline: Deadline = .none) { self.deadline = deadline }

    public func parse(_ text: String, file: String, diagnostics: DiagnosticCollector) -> Document {
        let bytes = Array(text.utf8)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                htmlReadMemory($0, Int32(buf.count), file, "UTF-8", options)
            }
        }
        guard let doc, let root = xmlDocGetRootElement(doc) else {
            diagnostics.warning("HTML could not be parsed", at: SourceLocation(file: file, line: 1))
            if let doc { xmlFreeDoc(doc) }
            return Document(file: file, format: "html", blocks: [])
        }
        defer { xmlFreeDoc(doc) }
        let content = Self.contentRoot(root) ?? root
        var lowering = HTMLLowering(deadline: deadline)
        return Document(file: file, format: "html", blocks: lowering.blocks(in: content))
    }

    /// The element holding the page's own content.
    static func contentRoot(_ root: xmlNodePtr) -> xmlNodePtr? {
        var best: xmlNodePtr?
        var bestRank = Int.max
        func visit(_ n: xmlNodePtr, depth: Int) {
            guard depth < 64 else { return }
            var child = n.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    let name = HTMLNode.name(c)
                    let cls = HTMLNode.attribute(c, "class") ?? ""
                    let role = HTMLNode.attribute(c, "role") ?? ""
                    var rank = Int.max
                    if name == "article" { rank = 0 } else if role == "main" || cls.split(separator: " ").contains("body") && name == "div" { rank = 1 } else if name == "main" { rank = 2 }
                    if rank < bestRank { best = c; bestRank = rank }
                    if rank > 0 { visit(c, depth: depth + 1) }
                }
                child = c.pointee.next
            }
        }
        visit(root, depth: 0)
        if best == nil {
            var child = root.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, HTMLNode.name(c) == "body" { return c }
                child = c.pointee.next
            }
        }
        return best
    }
}

/// Small helpers over libxml2 nodes.
enum HTMLNode {
    static func name(_ n: xmlNodePtr) -> String {
        n.pointee.name.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)).lowercased() } ?? ""
    }

    static func attribute(_ n: xmlNodePtr, _ attr: String) -> String? {
        guard let v = xmlGetProp(n, attr) else { return nil }
        defer { d2s_xml_free(v) }
        return String(cString: UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))
    }

    static func classes(_ n: xmlNodePtr) -> [Substring] { (attribute(n, "class") ?? "").split(separator: " ") }

    static func line(_ n: xmlNodePtr) -> Int { Int(xmlGetLineNo(n)) }

    static func elementChildren(_ n: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = n.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { out.append(c) }
            child = c.pointee.next
        }
        return out
    }

    /// Whether `parent` has text (other than white space) before its child `child`.
    static func hasText(before child: xmlNodePtr, in parent: xmlNodePtr) -> Bool {
        var c = parent.pointee.children
        while let n = c, n != child {
            if n.pointee.type == XML_TEXT_NODE, let content = n.pointee.content,
               String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)).contains(where: { !$0.isWhitespace }) { return true }
            c = n.pointee.next
        }
        return false
    }

    /// Whether an element below `container` other than `element` has its name and class.
    static func hasPeer(of element: xmlNodePtr, in container: xmlNodePtr) -> Bool {
        let name = self.name(element)
        let cls = attribute(element, "class") ?? ""
        func visit(_ n: xmlNodePtr, depth: Int) -> Bool {
            guard depth < 64 else { return false }
            for c in elementChildren(n) where c != element {
                if self.name(c) == name, (attribute(c, "class") ?? "") == cls { return true }
                if visit(c, depth: depth + 1) { return true }
            }
            return false
        }
        return visit(container, depth: 0)
    }

    /// All text below a node (for `<pre>`), skipping line-number cells.
    static func text(_ n: xmlNodePtr) -> String {
        var out = ""
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE {
                    if let content = c.pointee.content { out += String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)) }
                } else if c.pointee.type == XML_ELEMENT_NODE {
                    let cls = classes(c)
                    if ["var", "em", "i"].contains(name(c)), out.hasSuffix("/") {
                        // `<code>/users/<var>id</var></code>`: the placeholder keeps its mark.
                        out += "{"; walk(c); out += "}"
                    } else if !cls.contains("linenos") && !cls.contains("linenodiv") { walk(c) }
                }
                child = c.pointee.next
            }
        }
        walk(n)
        return out
    }
}
