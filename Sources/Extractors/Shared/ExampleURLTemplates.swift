import APIModel
import DocTree

/// Example URLs written without a method (`ImpliedSignatures`) read as the templates the page means,
/// when the page says what their concrete segments are. Three constructs, in this order:
/// - **spellings of one URL**: a trailing slash (`/200/300/?blur`) or a file ending (`/200/300.jpg`,
///   `.webp`, `.json`) added to a URL the page also shows without it is that URL;
/// - **prefix templates**: prose that adds a templated segment to the start of the URL
///   (`Get a specific image by adding /id/{image} to the start of the url.`) makes every example URL
///   after it that begins with an instance of it (`/id/237/200/300`) begin with the template;
/// - **value-looking segments named by the page**: digits or a UUID in an example URL become a
///   parameter when a template the page already showed gives its name (an earlier example read as
///   `/{width}/{height}`), else when the sentence that introduces the example names as many
///   quantities as there are values (`add your desired image size (width & height)`,
///   `just add the size`). A literal word segment is never made a parameter by this (only a prefix
///   template the page writes can say a word is a value).
///
/// For example: `Just add your desired image size (width & height) after our URL` over
/// `https://picsum.photos/200/300` → `GET /{width}/{height}`; then `adding /id/{image} to the start of
/// the url` over `https://picsum.photos/id/237/200/300` → `GET /id/{image}/{width}/{height}`.
public enum ExampleURLTemplates {
    /// File endings a URL may carry to pick a representation (`/x.jpg`, `/x.json`).
    static let fileEndings: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "avif", "svg", "bmp", "ico", "tif", "tiff",
                                           "json", "xml", "csv", "txt", "html", "yaml", "yml", "pdf"]

    /// Phrases that say a segment goes before the rest of the URL.
    static let prefixPhrases = ["to the start of", "to the beginning of", "at the start of", "at the beginning of", "in front of", "as a prefix", "prefixing"]

    /// Verbs that introduce what an example URL adds (`just add the size`).
    static let addingVerbs: Set<String> = ["add", "append", "specify", "provide", "pass", "give", "include", "put", "enter", "use"]
    static let determiners: Set<String> = ["the", "your", "a", "an", "desired", "wanted", "required", "its"]

    /// The example URLs (in page order, each with the index of its item) as the page's templates.
    public static func resolve(_ found: [(signature: Signature, item: Int)], items: [PageItem]) -> [Signature] {
        let paths = Set(found.map(\.signature.path))
        let prefixes = prefixTemplates(items)
        var known: [[Substring]] = []
        var out: [Signature] = []
        for (s, i) in found {
            var s = s
            s.path = canonicalSpelling(s.path, among: paths)
            guard !s.path.contains("{") else { out.append(s); continue }
            if let t = OperationSections.namedTemplate(items, around: i, instantiatedBy: s) {
                s.path = t
                out.append(s)
                continue
            }
            var segments = s.path.split(separator: "/", omittingEmptySubsequences: false)
            var head: [Substring] = [""]
            var rest = Array(segments.dropFirst())
            if let p = prefixes.last(where: { $0.item < i && instantiates(Array(rest.prefix($0.segments.count)), $0.segments) && rest.count > $0.segments.count }) {
                for (a, b) in zip(rest, p.segments) where b.hasPrefix("{") { s.concreteValues[String(b.dropFirst().dropLast())] = String(a) }
                head += p.segments
                rest = Array(rest.dropFirst(p.segments.count))
            }
            if rest.contains(where: { ConcreteIDs.isConcreteID(String($0)) }) {
                if let k = known.first(where: { instantiates(rest, $0) }) {
                    for (a, b) in zip(rest, k) where b.hasPrefix("{") { s.concreteValues[String(b.dropFirst().dropLast())] = String(a) }
                    rest = k
                } else {
                    let values = rest.indices.filter { ConcreteIDs.isConcreteID(String(rest[$0])) }
                    if let names = introducedNames(items, before: i, count: values.count) {
                        for (k, name) in zip(values, names) {
                            s.concreteValues[name] = String(rest[k])
                            rest[k] = Substring("{" + name + "}")
                        }
                        known.append(rest)
                    }
                }
            }
            segments = head + rest
            let path = segments.joined(separator: "/")
            // A name used twice (`/id/{id}/…/{id}`) would not be a template: keep the URL as it is.
            let names = segments.filter { $0.hasPrefix("{") }
            if Set(names).count == names.count { s.path = path }
            if s.path.contains("{"), !known.contains(where: { $0 == Array(segments.dropFirst()) }) { known.append(Array(segments.dropFirst())) }
            out.append(s)
        }
        return out
    }

    /// The path without a trailing slash or file ending when the page also shows it without.
    static func canonicalSpelling(_ path: String, among paths: Set<String>) -> String {
        var p = path
        if p.count > 1, p.hasSuffix("/"), paths.contains(String(p.dropLast())) { p.removeLast() }
        if let dot = p.lastIndex(of: "."), let slash = p.lastIndex(of: "/"), dot > slash,
           fileEndings.contains(p[p.index(after: dot)...].lowercased()), paths.contains(String(p[..<dot])) {
            p = String(p[..<dot])
        }
        return p
    }

    /// Whether concrete segments fill a template's (literal segments equal, placeholders any value).
    static func instantiates(_ concrete: [Substring], _ template: [Substring]) -> Bool {
        guard concrete.count == template.count, !template.isEmpty else { return false }
        return zip(concrete, template).allSatisfy { a, b in
            b.hasPrefix("{") && b.hasSuffix("}") ? !a.isEmpty && !a.contains("{") : a == b
        }
    }

    /// Templated paths prose says go at the start of the URL (`adding /id/{image} to the start of the url`),
    /// their segments after the leading slash, with the item that says so.
    static func prefixTemplates(_ items: [PageItem]) -> [(segments: [Substring], item: Int)] {
        var out: [(segments: [Substring], item: Int)] = []
        for (i, item) in items.enumerated() {
            guard case .text(let t, _) = item.kind else { continue }
            let lower = t.plain.lowercased()
            guard prefixPhrases.contains(where: { lower.contains($0) }) else { continue }
            for word in t.plain.split(separator: " ") where word.hasPrefix("/") && word.contains("{") {
                var w = word
                while let l = w.last, l == "." || l == "," || l == ")" || l == "`" || l == ":" { w = w.dropLast() }
                guard let s = SignatureReader.signature(method: "GET", target: w) else { continue }
                let segments = Array(s.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst())
                if segments.contains(where: { $0.hasPrefix("{") }), !segments.contains(where: \.isEmpty) { out.append((segments, i)) }
            }
        }
        return out
    }

    /// The names the sentence introducing an example (the text right before its block, under the same
    /// heading) gives its `count` values: a parenthesised list of as many words (`(width & height)`,
    /// `(lat, lon)`), or for one value the noun an adding verb takes (`just add the size`).
    static func introducedNames(_ items: [PageItem], before index: Int, count: Int) -> [String]? {
        guard count > 0, index > 0, case .text(let t, _) = items[index - 1].kind else { return nil }
        let plain = t.plain
        var rest = Substring(plain)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let inner = rest[rest.index(after: open)..<close]
            let words = inner.replacing(" and ", with: ",").replacing("&", with: ",").replacing(" x ", with: ",").replacing("×", with: ",")
                .split(separator: ",").map { $0.trimming(" ") }
            if words.count == count, words.allSatisfy(isName) { return words }
            rest = rest[rest.index(after: close)...]
        }
        guard count == 1 else { return nil }
        let words = plain.split(whereSeparator: { $0 == " " || $0 == "," })
        for (k, w) in words.enumerated() where addingVerbs.contains(w.lowercased()) {
            var phrase: [String] = []
            for v in words[(k + 1)...] {
                let bare = v.trimmingCharacters(in: ".:;!")
                if phrase.isEmpty, determiners.contains(bare.lowercased()) { continue }
                guard isName(bare) else { break }
                phrase.append(bare)
                if bare.count != v.count { break }
            }
            if let name = phrase.last, !determiners.contains(name) { return [name] }
        }
        return nil
    }

    /// A lower-case word of letters (and `_`): a quantity's name, not a number or a path.
    static func isName(_ w: String) -> Bool {
        !w.isEmpty && w.count <= 30 && w.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0 == "_" }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        return String(s)
    }
}
