import DocTree

/// The sections of an API Blueprint, from its headings: metadata, the API name, groups, resources
/// with their actions, and the named types of `# Data Structures`. Heading levels only nest: a
/// resource ends at the next resource, group, or a prose heading at its level or above.
///
/// For example: `# Group Notes` / `## Notes [/notes]` / `### List [GET]` / `### Create [POST]` →
/// one resource `/notes` in group `Notes` with two actions.
struct BlueprintOutline {
    struct Action {
        var name: String
        var method: String
        var uri: String?
        var line: Int
        var blocks: [Block] = []
    }

    struct Resource {
        var name: String
        var uri: String
        var group: String
        var line: Int
        /// Blocks before the first action: description, `+ Parameters`, `+ Model`, `+ Attributes`.
        var blocks: [Block] = []
        var actions: [Action] = []
    }

    struct DataStructure {
        var heading: String
        var line: Int
        var blocks: [Block] = []
    }

    var metadata: [String: String] = [:]
    var metadataLine = 0
    var name: String?
    var description: [String] = []
    var resources: [Resource] = []
    var dataStructures: [DataStructure] = []

    /// `FORMAT: 1A`, `HOST: https://api.example.com` in the paragraph before the first heading
    /// (soft line breaks arrive as spaces: every `KEY:` word starts a new entry).
    static func metadata(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        var key: String?
        var value: [Substring] = []
        func flush() { if let key { out[key] = value.joined(separator: " ") }; value = [] }
        for word in text.split(separator: " ") {
            if word.hasSuffix(":"), word.count > 1, word.dropLast().allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }),
               word.first?.isUppercase == true {
                flush()
                key = String(word.dropLast()).uppercased()
            } else if key != nil {
                value.append(word)
            } else {
                return [:]
            }
        }
        flush()
        return out
    }

    init(_ document: Document) {
        enum Place { case top, group, resource, action, dataStructures, dataStructure }
        var place = Place.top
        var resourceLevel = 0
        var dataLevel = 0
        var typeLevel = 0
        // Inside a named type, after a `### Sample` / `### Default` heading: its blocks are no members.
        var inSampleSection = false
        var group = ""
        var seenHeading = false
        for block in document.blocks {
            guard case .heading(let h) = block else {
                if !seenHeading, metadata.isEmpty, case .paragraph(let p) = block {
                    let m = Self.metadata(p.text.plain)
                    if !m.isEmpty { metadata = m; metadataLine = p.line; continue }
                }
                switch place {
                case .top, .group:
                    if case .paragraph(let p) = block, resources.isEmpty { description.append(p.text.plain) }
                case .resource: resources[resources.count - 1].blocks.append(block)
                case .action:
                    let r = resources.count - 1
                    resources[r].actions[resources[r].actions.count - 1].blocks.append(block)
                case .dataStructures: break
                case .dataStructure:
                    if !inSampleSection { dataStructures[dataStructures.count - 1].blocks.append(block) }
                }
                continue
            }
            let text = h.text.plain
            let kind = BlueprintHeading.classify(text)
            defer { seenHeading = true }
            switch kind {
            case .group(let g):
                group = g
                place = .group
            case .dataStructures:
                place = .dataStructures
                dataLevel = h.level
            case .resource(let name, let uri):
                resources.append(Resource(name: name, uri: uri, group: group, line: h.line))
                resourceLevel = h.level
                place = .resource
            case .action(let name, let method, let uri):
                let inResource = (place == .resource || place == .action) && h.level > resourceLevel
                if let uri, !inResource {
                    // `## Name [METHOD /path]`: a resource with one action.
                    resources.append(Resource(name: name, uri: uri, group: group, line: h.line))
                    resourceLevel = h.level
                } else if resources.isEmpty {
                    resources.append(Resource(name: name, uri: uri ?? "/", group: group, line: h.line))
                    resourceLevel = h.level
                }
                let r = resources.count - 1
                resources[r].actions.append(Action(name: name, method: method, uri: uri, line: h.line))
                place = .action
            case .other(let t):
                if !seenHeading, h.level == 1, name == nil, resources.isEmpty {
                    name = t
                    continue
                }
                switch place {
                case .dataStructures, .dataStructure:
                    if place == .dataStructure, h.level > typeLevel {
                        // A type section in heading form: `### Properties` (members follow), `### Sample`.
                        inSampleSection = !["properties", "items", "members"].contains(t.lowercased())
                    } else if h.level >= dataLevel {
                        // Types sit below `# Data Structures` or, as drafter reads them, at its level.
                        dataStructures.append(DataStructure(heading: t, line: h.line))
                        place = .dataStructure
                        typeLevel = h.level
                        inSampleSection = false
                    } else {
                        place = .top
                    }
                case .resource, .action:
                    if h.level <= resourceLevel { place = .top }
                case .top, .group:
                    break
                }
            }
        }
    }
}
