import APIModel
import Foundation

/// Whether served HTML pages give the same model as the Markdown they were built from: for every
/// `*.html` under `html`, the page with the same relative path and `.md` under `markdown`; the two
/// models are compared as JSON with every `provenance` left out (it names the file and line).
///
/// For example: `HTMLEqualsMarkdown(html: "…/waldur/html", markdown: "…/waldur/docs").run()` gives
/// one line per page and a last line `10/10 served pages give the same model as their Markdown`.
public struct HTMLEqualsMarkdown {
    public var html: String
    public var markdown: String

    public init(html: String, markdown: String) {
        self.html = html
        self.markdown = markdown
    }

    /// The report lines and the number of pages whose models differ.
    public func run() throws -> (lines: [String], failed: Int) {
        let pages = Self.files(under: html, ending: ".html")
        var lines: [String] = [], failed = 0
        for rel in pages {
            let md = (markdown as NSString).appendingPathComponent(String(rel.dropLast(5)) + ".md")
            let a = try ModelInput.read([md]).api, b = try ModelInput.read([(html as NSString).appendingPathComponent(rel)]).api
            let ja = try Self.comparable(a), jb = try Self.comparable(b)
            let same = ja == jb
            if !same { failed += 1 }
            lines.append("\(same ? "OK " : "DIFF") \(rel): \(a.operations.count) operations, \(a.schemas.count) schemas (markdown) vs "
                + "\(b.operations.count), \(b.schemas.count) (html)")
            if !same { lines += Self.difference(ja, jb).map { "    " + $0 } }
        }
        lines.append("\(pages.count - failed)/\(pages.count) served pages give the same model as their Markdown")
        return (lines, failed)
    }

    /// The model's JSON lines, keys sorted, without `provenance`.
    static func comparable(_ api: APIDescription) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: try api.jsonData())
        let data = try JSONSerialization.data(withJSONObject: withoutProvenance(json), options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
    }

    static func withoutProvenance(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { $0.key != "provenance" }.mapValues(withoutProvenance)
        }
        if let array = value as? [Any] { return array.map(withoutProvenance) }
        return value
    }

    /// Up to 30 lines around the first difference: `-` Markdown's, `+` HTML's.
    static func difference(_ a: [String], _ b: [String]) -> [String] {
        let common = zip(a, b).prefix { $0 == $1 }.count
        var tailA = a.count, tailB = b.count
        while tailA > common, tailB > common, a[tailA - 1] == b[tailB - 1] { tailA -= 1; tailB -= 1 }
        let out = ["@@ line \(common + 1)"] + a[common..<tailA].map { "-" + $0 } + b[common..<tailB].map { "+" + $0 }
        return Array(out.prefix(30))
    }

    /// Files under `folder` whose names end with `suffix`, relative to it, sorted.
    static func files(under folder: String, ending suffix: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.sorted(by: codePointOrder)
    }
}
