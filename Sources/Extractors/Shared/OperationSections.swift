import APIModel
import DocTree

/// A signature found on a page and the run of items that documents it.
public struct OperationSection: Sendable {
    public var signature: Signature
    /// Index of the item holding the signature.
    public var item: Int
    public var line: Int
    /// Items `scope` describe the operation (parameters, examples, statuses).
    public var scope: Range<Int>
    /// The nearest meaningful heading (or the text before the signature), for the summary.
    public var summary: String
    /// Items before the first of several signatures under one heading (Slate's shared examples
    /// above `### HTTP Request`): read by each of them, after `scope`.
    public var preamble: Range<Int> = 0..<0
}

/// Finds signatures in headings, text, list items and code blocks (the first line, or every line
/// of a block that lists only signatures) and gives each the section it heads: from its nearest
/// meaningful heading (not `HTTP Request`, `Endpoint`, `Parameters`, …) to the next heading of the
/// same or a higher level, or the next signature's section. Within one section a signature in a
/// code sample (`GET https://host/v2/pets HTTP/1.1`) gives way to one in text or a heading, and the
/// same signature twice is one operation.
///
/// For example: `## Get a Kitten`, a JSON example, `### HTTP Request`, `` `GET http://example.com/kittens/<ID>` ``,
/// `### URL Parameters` and a table form one section summarised `Get a Kitten`.
public enum OperationSections {
    struct Found {
        var signature: Signature
        var item: Int
        var strength: Int
        /// What a method-less list entry says it does (`-- get a specific people resource`).
        var summary: String? = nil
    }

    public static func find(_ items: [PageItem]) -> [OperationSection] {
        var found: [Found] = []
        for (i, item) in items.enumerated() {
            switch item.kind {
            case .heading(_, let text):
                for s in SignatureReader.findAll(in: text) { found.append(Found(signature: s, item: i, strength: 3)) }
                if SignatureReader.find(in: text) == nil { found += methodsInProse(items, pathHeading: i) }
            case .text(let text, _):
                // Several signature code spans in one line or list item (`` `GET /a/download/`, `GET /a/preview/`: … ``).
                let spans = text.codeSpans.compactMap { SignatureReader.read($0) }
                if spans.count >= 2, Set(spans.map { $0.method + " " + $0.path }).count == spans.count {
                    for s in spans { found.append(Found(signature: withQueryString(s, of: text), item: i, strength: 2)) }
                } else if let s = SignatureReader.find(in: text) ?? LabelledEndpoint.signature(items, at: i) {
                    found.append(Found(signature: withQueryString(s, of: text), item: i, strength: 2))
                } else {
                    let named = methodsInProse(items, pathHeading: i)
                    found += named.isEmpty ? ProseEndpoint.find(items, at: i).map { Found(signature: $0, item: i, strength: 2) } : named
                }
            case .code(let code):
                let lines = code.text.split(separator: "\n").map { $0.trimming(" ") }.filter { !$0.isEmpty }
                let sigs = lines.map { SignatureReader.read($0) }
                if lines.count >= 2, sigs.allSatisfy({ $0 != nil && !$0!.isRequestLine }) {
                    for s in sigs { found.append(Found(signature: s!, item: i, strength: 2)) }
                } else if let first = sigs.first, let s = first {
                    found.append(Found(signature: s, item: i, strength: 1))
                }
            case .table(let table):
                if let s = LabelledEndpoint.signature(table) {
                    found.append(Found(signature: s, item: i, strength: 2))
                } else if let rows = Optional(EndpointTable.read(table)), rows.count == 1 {
                    // `| URL | Requires Auth | HTTP Method |` with one row: the page's own signature, which
                    // its parameter tables and examples below document (Rocket.Chat's method pages).
                    found.append(Found(signature: rows[0].signature, item: i, strength: 2))
                }
            case .field:
                break
            }
        }
        if found.isEmpty { found = implied(items) }
        found += bareHeadings(items, known: found)
        found.sort { $0.item < $1.item }
        // A signature in text that a heading also holds (a table of contents, `[GET notes/:id](#get-notesid)`,
        // or a mention): the heading's section documents it.
        let headed = Set(found.filter { $0.strength == 3 }.map { $0.signature.method + " " + $0.signature.path })
        found.removeAll { $0.strength < 3 && headed.contains($0.signature.method + " " + $0.signature.path) }
        // A concrete request line (`PUT /carparks/ubi/points/CP3 HTTP/1.1`) under a heading whose
        // section names the template it instantiates (a table caption or prose `/carparks/{name}/points/{id}`).
        // So does an example call with its host (`xhr.open("GET", "https://api.x.com/coupons/ref_0101")`)
        // under a method-less URL line (`URL: https://api.x.com/coupons/{reference}`).
        for (k, f) in found.enumerated() where (f.strength == 1 || (f.strength == 2 && !f.signature.baseURL.isEmpty)) && !f.signature.path.contains("{") {
            if let t = namedTemplate(items, around: f.item, instantiatedBy: f.signature) { found[k].signature.path = t }
        }
        // An example URL under a heading's signature (`GET https://host/api/servers/31.186.250.67:1235`
        // under `GET /servers/{ip}:{port}`) is an instance of it, not another operation.
        let headings = found.filter { $0.strength == 3 }
        found.removeAll { f in
            guard f.strength < 3, let h = headings.last(where: { $0.item < f.item }) else { return false }
            return isInstance(f.signature, of: h.signature)
        }
        // A signature in a code span of running prose (`two clients may \`GET /config/foo\` at the same
        // time`) that instantiates a heading's signature elsewhere on the page is a mention of it.
        found.removeAll { f in
            guard f.strength == 2, case .text(let t, _) = items[f.item].kind, t.plain.split(separator: " ").count > 16 else { return false }
            return headings.contains { isInstance(f.signature, of: $0.signature) }
        }
        // Group by owning heading; drop weaker and repeated signatures within a group.
        var groups: [(owner: Int?, members: [Found])] = []
        for f in found {
            let owner = ownerHeading(items, of: f.item)
            // Several signatures in one item (paths in one heading) are one group even without an owner.
            if let last = groups.last, (last.owner == owner && owner != nil) || last.members.last?.item == f.item {
                groups[groups.count - 1].members.append(f)
            } else {
                groups.append((owner, [f]))
            }
        }
        var sections: [OperationSection] = []
        for (g, group) in groups.enumerated() {
            let strongest = group.members.map(\.strength).max() ?? 0
            var members: [Found] = []
            for f in group.members where f.strength == strongest || (f.strength >= 2 && strongest >= 2) {
                if let k = members.firstIndex(where: { $0.signature.method == f.signature.method && $0.signature.path == f.signature.path }) {
                    // The same URL shown twice (`/shuffle/` and `/shuffle/?remaining=true`): one operation, both queries.
                    for q in f.signature.queryNames where !members[k].signature.queryNames.contains(q) { members[k].signature.queryNames.append(q) }
                    // A table of contents repeating a heading's signature (`[GET users/:id](#get-usersid)`): the heading owns it.
                    if f.strength > members[k].strength {
                        let queries = members[k].signature.queryNames
                        members[k] = f
                        members[k].signature.queryNames = queries
                    }
                } else {
                    members.append(f)
                }
            }
            members.sort { $0.item < $1.item }
            let exampleOwner = members.count > 1 && members.allSatisfy({ $0.summary != nil }) ? listExampleOwner(members, items: items, end: groupEndOf(group.owner, items)) : nil
            let groupStart = group.owner ?? members[0].item
            var groupEnd = items.count
            if let owner = group.owner, case .heading(let level, _) = items[owner].kind {
                groupEnd = items[(owner + 1)...].firstIndex { if case .heading(let l, _) = $0.kind { return l <= level } else { return false } } ?? items.count
            }
            if g + 1 < groups.count {
                let next = groups[g + 1]
                groupEnd = min(groupEnd, next.owner ?? next.members[0].item)
            }
            groupEnd = max(groupEnd, groupStart + 1)
            let ownerText = group.owner.map { headingSummary(items[$0]) } ?? ""
            for (k, f) in members.enumerated() {
                var start = k == 0 ? groupStart : f.item
                var end = k + 1 < members.count ? members[k + 1].item : groupEnd
                if members.count > 1 {
                    // Several signatures under one heading: each keeps the items after it; several
                    // paths in one heading share its section.
                    start = f.item
                    if k + 1 < members.count, members[k + 1].item == f.item {
                        // Several example URLs in one block (`https://h/id/0/info` / `https://h/seed/x/info`)
                        // share the examples after it, as paths in one heading do.
                        var heading = false
                        if case .heading = items[f.item].kind { heading = true }
                        if heading || f.signature.methodImplied {
                            end = members[(k + 1)...].first(where: { $0.item != f.item })?.item ?? groupEnd
                        } else {
                            end = f.item + 1
                        }
                    }
                }
                if let owner = exampleOwner {
                    // A list of endpoints, then one example: the example belongs to the endpoint its URL is an instance of.
                    end = k == owner ? groupEnd : f.item + 1
                    if k + 1 < members.count, k == owner { start = f.item }
                }
                // A signature heading's section ends at the next heading of its level or higher that names
                // another topic (`## Using @id in JSON` after `## DELETE /config/[path]`), not a part of it
                // (`### Query Parameters` after `#### GET /x`).
                if case .heading(let level, _) = items[f.item].kind,
                   let next = items[(f.item + 1)..<max(end, f.item + 1)].firstIndex(where: {
                       if case .heading(let l, let t) = $0.kind { return l <= level && !isStructural(t.plain) } else { return false } }) {
                    end = next
                }
                if end <= start { end = start + 1 }
                var summary = ownerText
                if let own = f.summary, !own.isEmpty { summary = own }
                if case .heading = items[f.item].kind {
                    let own = headingSummary(items[f.item])
                    if !own.isEmpty || members.count > 1 { summary = own }
                } else if f.summary == nil, members.count > 1, f.item > 0, case .text(let t, _) = items[f.item - 1].kind,
                          SignatureReader.find(in: t) == nil, t.plain.split(separator: " ").count <= 12 {
                    summary = t.plain.trimming(":")
                }
                var signature = f.signature
                if signature.method == "GET" || signature.method == "HEAD" {
                    // Query parameters the section's prose names (`accept the <var>count</var> parameter`).
                    for case .text(let t, _) in items[start..<min(max(end, start + 1), items.count)].map(\.kind) {
                        for q in ProseParameters.names(t) where !signature.queryNames.contains(q) && !signature.path.contains("{\(q)}") { signature.queryNames.append(q) }
                    }
                }
                var section = OperationSection(signature: signature, item: f.item, line: items[f.item].line,
                                               scope: start..<min(end, items.count), summary: summary)
                if members.count > 1, exampleOwner == nil, groupStart < members[0].item { section.preamble = groupStart..<members[0].item }
                sections.append(section)
            }
        }
        combinedOptions(&sections, items)
        return sections
    }

    /// `You may combine any of the options above.`: on a page of example URLs without a method, the
    /// query options the URLs above the sentence show (`?grayscale`, `?blur=2`) apply to each of those
    /// URLs' operations, not only to the one each was shown with.
    ///
    /// For example: `/200/300?grayscale` and `/id/237/200/300` above `You may combine any of the options
    /// above.` → `grayscale` on `/id/{image}/{width}/{height}` too.
    static func combinedOptions(_ sections: inout [OperationSection], _ items: [PageItem]) {
        guard sections.allSatisfy(\.signature.methodImplied) else { return }
        for (i, item) in items.enumerated() {
            guard case .text(let t, _) = item.kind else { continue }
            let lower = t.plain.lowercased()
            guard lower.contains("combine"), lower.contains("options above") || lower.contains("parameters above") else { continue }
            let above = sections.indices.filter { sections[$0].item < i }
            var options: [String] = []
            for k in above { for q in sections[k].signature.queryNames where !options.contains(q) { options.append(q) } }
            for k in above { for q in options where !sections[k].signature.queryNames.contains(q) { sections[k].signature.queryNames.append(q) } }
        }
    }

    /// The names of a query-string code span in the signature's own line (`` `GET /docs/{id}/`: use
    /// `?version={version_id}` ``) are the operation's query parameters.
    static func withQueryString(_ s: Signature, of text: InlineText) -> Signature {
        var s = s
        for code in text.codeSpans where code.hasPrefix("?") && !code.contains(" ") {
            for pair in code.dropFirst().split(separator: "&") {
                let name = String(pair.prefix { $0 != "=" })
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }), !s.queryNames.contains(name) {
                    s.queryNames.append(name)
                }
            }
        }
        return s
    }

    /// `## POST categories`: a heading of a method and one bare word, read as `/categories` only when
    /// another signature on the page starts with that segment (`GET categories/:id`), so a heading
    /// like `POST requests` on a page about something else is not an endpoint.
    static func bareHeadings(_ items: [PageItem], known: [Found]) -> [Found] {
        let firstSegments = Set(known.compactMap { $0.signature.path.split(separator: "/").first.map(String.init) })
        guard !firstSegments.isEmpty else { return [] }
        var out: [Found] = []
        for (i, item) in items.enumerated() {
            guard case .heading(_, let text) = item.kind, !known.contains(where: { $0.item == i }) else { continue }
            let words = text.plain.split(separator: " ")
            guard words.count == 2, words[0] == words[0].uppercased(), let m = SignatureReader.method(words[0]) else { continue }
            let word = String(words[1])
            guard firstSegments.contains(word), word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
                  let s = SignatureReader.signature(method: m, target: Substring("/" + word)) else { continue }
            out.append(Found(signature: s, item: i, strength: 3))
        }
        return out
    }

    /// A heading that is a path alone (`## /users/{id}`) whose section names the methods in its prose
    /// (`GET returns the user.`, `` - `DELETE` removes it ``): one signature per method named, at the
    /// first item naming it. Methods count only as upper-case words opening a sentence, a list item
    /// or a code span.
    ///
    /// For example: `## /notes/{id}` / `GET returns the note. PUT replaces it.` → `GET` and `PUT /notes/{id}`.
    static func methodsInProse(_ items: [PageItem], pathHeading i: Int) -> [Found] {
        let level: Int
        let text: InlineText
        switch items[i].kind {
        case .heading(let l, let t): (level, text) = (l, t)
        // `` `/api/documents/post_document/` `` alone on a line, then `POST a multipart form to this endpoint`.
        case .text(let t, false) where t.codeSpans.count == 1 && t.plain.trimming(" ") == t.codeSpans[0]: (level, text) = (7, t)
        default: return []
        }
        let raw = (text.codeSpans.first ?? text.plain).trimming(" ")
        guard raw.hasPrefix("/"), !raw.contains(" "), SignatureReader.signature(method: "GET", target: Substring(raw)) != nil else { return [] }
        var out: [Found] = []
        var k = i + 1
        while k < items.count {
            if case .heading(let l, _) = items[k].kind, l <= level { break }
            if level == 7, k > i + 1, case .text(let t, false) = items[k].kind, t.codeSpans.count == 1, t.plain.trimming(" ") == t.codeSpans[0] { break }
            if case .text(let t, _) = items[k].kind {
                var methods: [String] = t.codeSpans.compactMap { c in c == c.uppercased() ? SignatureReader.method(Substring(c)) : nil }
                for sentence in t.plain.split(whereSeparator: { $0 == "." || $0 == "\n" || $0 == ";" }) {
                    if let w = sentence.split(separator: " ").first, w == w.uppercased(), let m = SignatureReader.method(w) { methods.append(m) }
                }
                // `### /api/search/autocomplete/` / `Get auto completions for a term.`: the section's first
                // line opening with the method as a verb.
                if k == i + 1, out.isEmpty, methods.isEmpty, let w = t.plain.split(separator: " ").first, w.count >= 3,
                   w.first?.isUppercase == true, w.dropFirst().allSatisfy(\.isLowercase), let m = SignatureReader.method(Substring(w.lowercased())),
                   ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(m) {
                    methods.append(m)
                }
                for m in methods where !out.contains(where: { $0.signature.method == m }) {
                    if let s = SignatureReader.signature(method: m, target: Substring(raw)) { out.append(Found(signature: s, item: k, strength: 2)) }
                }
            }
            k += 1
        }
        return out
    }

    /// A `{placeholder}` path written in text (a table caption, prose) that the signature's concrete
    /// path instantiates: first in the section around `index` (from its owning heading to the next
    /// heading of that level), else anywhere on the page (error samples in a later section repeat the
    /// request). A template's parent collection counts too (`/carparks/ubi/points` of
    /// `/carparks/{name}/points/{id}`); the template with the most placeholders wins.
    ///
    /// For example: `PUT /carparks/ubi/points/CP3 HTTP/1.1` under a caption `/carparks/{name}/points/{id}`
    /// → `/carparks/{name}/points/{id}`.
    static func namedTemplate(_ items: [PageItem], around index: Int, instantiatedBy s: Signature) -> String? {
        var range = 0..<items.count
        if var owner = ownerHeading(items, of: index) {
            // Examples under sub-headings (`- Connect`, `- Not found`) share their parent's caption.
            if case .heading(let level, _) = items[owner].kind,
               let parent = items[..<owner].lastIndex(where: { if case .heading(let l, _) = $0.kind { return l < level } else { return false } }) {
                owner = parent
            }
            range = owner..<groupEndOf(owner, items)
        }
        return namedTemplate(items, in: range, instantiatedBy: s) ?? namedTemplate(items, in: 0..<items.count, instantiatedBy: s)
    }

    static func namedTemplate(_ items: [PageItem], in range: Range<Int>, instantiatedBy s: Signature) -> String? {
        let concrete = s.path.split(separator: "/", omittingEmptySubsequences: false)
        var best: (path: String, placeholders: Int)?
        for k in range {
            let text: InlineText
            switch items[k].kind {
            case .text(let t, _), .heading(_, let t): text = t
            default: continue
            }
            for word in text.plain.split(separator: " ") where (word.hasPrefix("/") || word.hasPrefix("http")) && word.contains("{") {
                var w = word
                while let l = w.last, l == "." || l == "," || l == ")" || l == "`" { w = w.dropLast() }
                guard let t = SignatureReader.signature(method: s.method, target: w) else { continue }
                var segments = t.path.split(separator: "/", omittingEmptySubsequences: false)
                // The parent collection of a template ending in a placeholder.
                if segments.count == concrete.count + 1, let last = segments.last, last.hasPrefix("{") { segments.removeLast() }
                guard concrete.count == segments.count,
                      zip(concrete, segments).allSatisfy({ a, b in a == b || (b.hasPrefix("{") && b.hasSuffix("}") && !a.isEmpty) }) else { continue }
                let n = segments.filter { $0.hasPrefix("{") }.count
                if n > 0, n > (best?.placeholders ?? 0) { best = (segments.joined(separator: "/"), n) }
            }
        }
        return best?.path
    }

    /// Whether a signature is a concrete instance of another's template: the same method, the
    /// template's placeholders filled with values (a longer prefix allowed, the base URL's path).
    ///
    /// For example: `GET /api/users/EPOC` of `GET /users/{name}` → true; `GET /users/{id}` of itself → false.
    static func isInstance(_ s: Signature, of template: Signature) -> Bool {
        guard s.method == template.method, s.path != template.path else { return false }
        let concrete = s.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let t = template.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        // A template ending in a placeholder segment (`/config/{path}`, Caddy's `[path]`) is instantiated
        // by any rest of the path, empty or several segments (`/config/`, `/config/apps/http/servers/x`).
        if let last = t.last, last.hasPrefix("{"), last.hasSuffix("}"), last.dropFirst().allSatisfy({ $0 != "{" }), concrete.count >= t.count - 1,
           zip(concrete, t.dropLast()).allSatisfy({ a, b in a == b || (b.contains("{") && !a.isEmpty && !a.contains("{")) }),
           !concrete.dropFirst(t.count - 1).contains(where: { $0.contains("{") }) {
            return true
        }
        // A literal template is instantiated only with the base URL's path before it (`/api/friends` of `/friends`).
        guard concrete.count > t.count || (concrete.count == t.count && template.path.contains("{")) else { return false }
        for (a, b) in zip(concrete.suffix(t.count), t) {
            if b.contains("{") {
                // A placeholder segment (`{ip}:{port}`) takes any value, not another placeholder.
                if a.isEmpty || (a.contains("{") && a != b) { return false }
            } else if a != b { return false }
        }
        return true
    }

    /// Method-less endpoints (`ImpliedSignatures`), for a page with no signature: list entries when
    /// there are two or more, else URL blocks when two or more share one host, else curl command
    /// blocks (`curl -X POST https://host/x --data …`).
    static func implied(_ items: [PageItem]) -> [Found] {
        var listed: [Found] = []
        var urls: [Found] = []
        var curls: [Found] = []
        for (i, item) in items.enumerated() {
            switch item.kind {
            case .text(let text, true):
                if let (s, summary) = ImpliedSignatures.listEndpoint(text) { listed.append(Found(signature: s, item: i, strength: 2, summary: summary)) }
            case .code(let code):
                if let sigs = ImpliedSignatures.urlLines(code.text) {
                    for s in sigs { urls.append(Found(signature: s, item: i, strength: 2)) }
                } else if let s = ImpliedSignatures.curlCommand(code.text) ?? ImpliedSignatures.exampleCall(code.text), !underAuthenticationHeading(items, i) {
                    curls.append(Found(signature: s, item: i, strength: 2))
                }
            default: break
            }
        }
        if listed.count >= 2 { return listed }
        let hosts = Dictionary(grouping: urls, by: { hostKey(items[$0.item]) })
        guard let (_, common) = hosts.max(by: { $0.value.count < $1.value.count }), Set(common.map(\.signature.path)).count >= 2 else { return curls }
        var shown = urls.filter { hostKey(items[$0.item]) == hostKey(items[common[0].item]) }
        let templated = ExampleURLTemplates.resolve(shown.map { ($0.signature, $0.item) }, items: items)
        for k in shown.indices { shown[k].signature = templated[k] }
        return shown
    }

    /// Whether an item sits under a heading about credentials (`## Auth`, `##### BasicAuth example`,
    /// `Authentication`): a curl command there shows how to send them, on some endpoint documented
    /// elsewhere.
    static func underAuthenticationHeading(_ items: [PageItem], _ index: Int) -> Bool {
        var limit = Int.max
        for k in stride(from: index, through: 0, by: -1) {
            guard case .heading(let level, let text) = items[k].kind, level < limit else { continue }
            if text.plain.lowercased().contains("auth") { return true }
            limit = level
        }
        return false
    }

    /// The text before the first path `/` after `://` of a URL block's first line (its host, templated or not).
    static func hostKey(_ item: PageItem) -> String {
        guard case .code(let code) = item.kind, let line = code.text.split(separator: "\n").first(where: { !$0.trimming(" ").isEmpty }) else { return "" }
        var t = line.trimming(" ")
        if let url = ImpliedSignatures.markupURL(t) { t = url }
        guard let sep = t.firstRange(of: "://") else { return "" }
        var i = sep.upperBound
        while i < t.endIndex, t[i] != "/" {
            if t[i...].hasPrefix("{{"), let close = t[i...].firstRange(of: "}}") { i = close.upperBound; continue }
            i = t.index(after: i)
        }
        return String(t[..<i])
    }

    /// The end of the section a heading opens (the next heading of its level or higher).
    static func groupEndOf(_ owner: Int?, _ items: [PageItem]) -> Int {
        guard let owner, case .heading(let level, _) = items[owner].kind else { return items.count }
        return items[(owner + 1)...].firstIndex { if case .heading(let l, _) = $0.kind { return l <= level } else { return false } } ?? items.count
    }

    /// Which entry of an endpoint list the first example URL after it (`http https://host/api/people/1/`) is an instance of.
    static func listExampleOwner(_ members: [Found], items: [PageItem], end: Int) -> Int? {
        guard let last = members.last?.item, last + 1 < end else { return nil }
        for i in (last + 1)..<end {
            guard case .code(let code) = items[i].kind, let path = ImpliedSignatures.examplePath(code.text) else { continue }
            return members.firstIndex { ImpliedSignatures.matches(concrete: path, template: $0.signature.path) && $0.signature.path.contains("{") }
                ?? members.firstIndex { ImpliedSignatures.matches(concrete: path, template: $0.signature.path) }
        }
        return nil
    }

    /// The nearest heading above `index` (or at it, when it says more than a signature) that is not a structural one.
    static func ownerHeading(_ items: [PageItem], of index: Int) -> Int? {
        var limit = Int.max
        var i = index
        while i >= 0 {
            if case .heading(let level, let text) = items[i].kind, level < limit || i == index {
                // A heading that is only a signature (`#### \`GET /strain/<strain>\``) is owned by the
                // heading above it, which also holds its examples.
                if i == index, !headingSummary(items[i]).isEmpty { return i }
                if i != index, !isStructural(text.plain) { return i }
                limit = level
            }
            i -= 1
        }
        return nil
    }

    static let structuralWords: Set<String> = [
        "http", "https", "request", "requests", "response", "responses", "url", "urls", "uri", "endpoint", "endpoints", "parameters",
        "parameter", "params", "query", "path", "body", "example", "examples", "sample", "samples", "code", "fields", "field",
        "attributes", "headers", "header", "returns", "return", "arguments", "method", "methods", "definition", "resource", "json",
        "schema", "status", "codes", "errors", "error", "payload", "form", "data", "usage", "syntax", "object", "properties",
        "and", "of", "the", "route", "details", "format", "string", "options", "values", "enumerated", "curl", "call", "api",
        "url/path", "query-string", "authentication", "authorization", "permissions", "scopes", "security", "description", "notes",
        "summary", "type", "types", "model", "models", "input", "output", "success", "result", "results", "message", "messages"]

    /// `HTTP Request`, `Query Parameters`, `Example responses`: headings that name a part of an
    /// operation, not the operation.
    public static func isStructural(_ heading: String) -> Bool {
        let words = heading.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "-" || $0 == "(" || $0 == ")" })
        if words.isEmpty { return true }
        if SignatureReader.read(heading) != nil { return false }
        return words.allSatisfy { structuralWords.contains(String($0)) || Int($0) != nil }
    }

    /// A heading's text without the signature it holds (`List users — GET /users` → `List users`).
    static func headingSummary(_ item: PageItem) -> String {
        guard case .heading(_, let text) = item.kind else { return "" }
        var words: [Substring] = []
        for w in text.plain.split(separator: " ") {
            if SignatureReader.method(w) != nil, w == w.uppercased() { break }
            words.append(w)
        }
        var s = words.joined(separator: " ")
        // `View your lists {#get}`: a heading attribute.
        if s.hasSuffix("}"), let open = s.lastIndex(of: "{") { s = String(s[..<open]).trimming(" ") }
        while let l = s.last, l == "-" || l == "—" || l == "–" || l == ":" || l == " " || l == "|" { s.removeLast() }
        // `List users (GET /users)` leaves a dangling parenthesis.
        if s.hasSuffix("(") { s.removeLast(); s = s.trimming(" ") }
        return s
    }
}
