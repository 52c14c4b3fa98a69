import Foundation

/// readme.io's Markdown export writes its widgets as JSON between `[block:kind]` and `[/block]`
/// lines. Before cmark sees the page, each block is rewritten as the Markdown it stands for:
/// - `[block:code]` → one fenced code block per entry of `codes` (its `language` as the info string);
/// - `[block:api-header]` → a `##` heading of its `title`;
/// - `[block:parameters]` → a pipe table from `data` (`h-0`… the header cells, `0-0`… row-column cells);
/// - `[block:callout]` → a paragraph of its title and body.
/// Blocks of other kinds, and blocks whose JSON cannot be read, are left as written. The rewrite
/// keeps a block's line count when it is not longer than the block (blank lines pad it), so later
/// lines keep their numbers.
///
/// For example: `[block:code]\n{"codes":[{"code":"curl -X GET https://h/x","language":"curl"}]}\n[/block]`
/// → "```curl\ncurl -X GET https://h/x\n```".
enum ReadmeBlocks {
    static func rewrite(_ text: String) -> String {
        guard text.containsText("[block:") else { return text }
        let lines = MarkdownParser.lines(text)
        var out: [Substring] = []
        out.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            let line = lines[i].trimming(" ")
            guard line.hasPrefix("[block:"), line.hasSuffix("]"),
                  let end = lines[(i + 1)...].firstIndex(where: { $0.trimming(" ") == "[/block]" }) else {
                out.append(lines[i]); i += 1; continue
            }
            let kind = line.dropFirst("[block:".count).dropLast()
            let json = lines[(i + 1)..<end].joined(separator: "\n")
            guard let markdown = render(kind: kind, json: json) else {
                out.append(contentsOf: lines[i...end]); i = end + 1; continue
            }
            var rendered = MarkdownParser.lines(markdown)
            let span = end - i + 1
            while rendered.count < span { rendered.append("") }
            out.append(contentsOf: rendered)
            i = end + 1
        }
        return out.joined(separator: "\n")
    }

    /// The Markdown a block stands for, or nil for an unknown kind or unreadable JSON.
    static func render(kind: Substring, json: String) -> String? {
        guard let data = json.data(using: .utf8),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        switch kind {
        case "code":
            guard let codes = object["codes"] as? [[String: Any]] else { return nil }
            let blocks = codes.compactMap { entry -> String? in
                guard let code = entry["code"] as? String else { return nil }
                let language = (entry["language"] as? String) ?? ""
                let fence = code.contains("```") ? "~~~~" : "```"
                return "\n\(fence)\(language)\n\(code)\n\(fence)\n"
            }
            return blocks.joined()
        case "api-header":
            guard let title = object["title"] as? String, !title.isEmpty else { return nil }
            return "\n## \(title)\n"
        case "parameters":
            guard let cells = object["data"] as? [String: Any], let cols = object["cols"] as? Int, cols > 0 else { return nil }
            let rows = (object["rows"] as? Int) ?? 0
            func cell(_ key: String) -> String {
                let s = (cells[key] as? String) ?? ""
                return s.replacing("\n", with: " ").replacing("|", with: "\\|")
            }
            var table = ["", "| " + (0..<cols).map { cell("h-\($0)") }.joined(separator: " | ") + " |",
                         "|" + String(repeating: " --- |", count: cols)]
            for r in 0..<rows { table.append("| " + (0..<cols).map { cell("\(r)-\($0)") }.joined(separator: " | ") + " |") }
            return table.joined(separator: "\n") + "\n"
        case "callout":
            let title = (object["title"] as? String) ?? ""
            let body = (object["body"] as? String) ?? ""
            guard !title.isEmpty || !body.isEmpty else { return nil }
            return "\n" + [title.isEmpty ? "" : "**\(title)**", body].filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
        default:
            return nil
        }
    }
}
