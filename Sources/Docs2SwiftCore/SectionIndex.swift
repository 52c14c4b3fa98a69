import Foundation
import APIModel
import DocTree

/// Names the section of its page each named type comes from, so generated code can point at it
/// without a line number (which moves with every edit above it).
///
/// A page's sections start at its headings and at its operations (an operation's documentation
/// starts at its own line: a MkDocs heading, a Sphinx directive, a Blueprint action). A type's section
/// is the last one that starts at or before the type's line: the operation (`GET /users/{id}`) when
/// that comes last, else the heading text (a Widdershins `Schemas` entry, a Blueprint data structure).
///
/// For example: a field table on line 640, under the `### Get a user` heading of `GET /users/{id}`
/// (line 611), gives the section `GET /users/{id}`.
enum SectionIndex {
    struct Start: Comparable, Sendable {
        var line: Int
        /// Operations sort after a heading on the same line: the operation is the narrower name.
        var rank: Int
        var name: String
        static func < (a: Start, b: Start) -> Bool { (a.line, a.rank) < (b.line, b.rank) }
    }

    /// The section starts a page's headings make (kept per page, so the document tree need not be).
    static func headings(of document: Document) -> [Start] {
        var list: [Start] = []
        collectHeadings(document.blocks, into: &list)
        return list
    }

    static func annotate(_ api: inout APIDescription, pages: [(file: String, headings: [Start])]) {
        var starts: [String: [Start]] = [:]
        for page in pages {
            starts[page.file, default: []] += page.headings
        }
        for op in api.operations {
            guard let p = op.provenance else { continue }
            starts[p.file, default: []].append(Start(line: p.line, rank: 1, name: "\(op.method) \(op.path)"))
        }
        for key in starts.keys { starts[key]!.sort() }
        for i in api.schemas.indices {
            guard let p = api.schemas[i].provenance, let list = starts[p.file] else { continue }
            api.schemas[i].provenance?.section = section(at: p.line, in: list)
        }
    }

    /// The name of the last start at or before `line` (binary search), or nil before the first.
    static func section(at line: Int, in list: [Start]) -> String? {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].line <= line { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : list[low - 1].name
    }

    static func collectHeadings(_ blocks: [Block], into list: inout [Start]) {
        for block in blocks {
            switch block {
            case .heading(let h):
                let text = h.text.plain.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { list.append(Start(line: h.line, rank: 0, name: text)) }
            case .list(let l): for item in l.items { collectHeadings(item, into: &list) }
            case .tabs(let t): for tab in t.tabs { collectHeadings(tab.blocks, into: &list) }
            case .definitionList(let d): for item in d.items { collectHeadings(item.blocks, into: &list) }
            default: break
            }
        }
    }
}
