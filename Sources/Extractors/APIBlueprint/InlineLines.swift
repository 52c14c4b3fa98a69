import DocTree

extension InlineText {
    /// The text of the first source line and of the rest (a paragraph's soft line breaks are kept
    /// as `\n` by the Markdown front end), each folded as `plain` is.
    ///
    /// For example: `id: 1 (number)` + line break + `The id.` → (`id: 1 (number)`, `The id.`).
    var firstLineAndRest: (String, String) {
        var first: [Span] = []
        var rest: [Span] = []
        var broken = false
        for span in spans {
            if broken { rest.append(span); continue }
            if case .text(let t) = span, let nl = t.firstIndex(of: "\n") {
                first.append(.text(String(t[..<nl])))
                rest.append(.text(String(t[t.index(after: nl)...])))
                broken = true
                continue
            }
            first.append(span)
        }
        return (InlineText(first).plain, InlineText(rest).plain)
    }

    /// The first source line with its code spans kept in backticks, so MSON can tell an escaped
    /// name (`` `some:location` ``, `` `Properties` ``) from a keyword or a `name: value` split.
    ///
    /// For example: `` `some:location`: local `` → `` `some:location`: local `` (plain gives `some:location: local`).
    var firstLineKeepingCode: String {
        var first: [Span] = []
        for span in spans {
            if case .text(let t) = span, let nl = t.firstIndex(of: "\n") {
                first.append(.text(String(t[..<nl])))
                break
            }
            if case .code(let c) = span { first.append(.text("`" + c + "`")); continue }
            first.append(span)
        }
        return InlineText(first).plain
    }
}
