/// A shell prompt before a command in an example block, in the notations pages copy from a
/// terminal: `$ curl …` (user), `% curl …` (zsh, csh), `# curl …` (root), and a full prompt
/// `user@host:~/dir$ curl …` or `[root@host ~]# curl …`.
///
/// `$ ` always starts a command. The other prompts are also comment or quote markers in shell
/// scripts and Markdown, so they count only before an HTTP client command (`curl`, `http`,
/// `https`, `wget`, `xh`): `# curl http://localhost:61208/api/4/cpu` is a command (Glances' REST
/// page, Sphinx text output), `# Store the token` is a comment.
///
/// For example: `[root@vm ~]# curl -I http://h/status` → `curl -I http://h/status`.
public enum ShellPrompt {
    /// Commands that send an HTTP request, the only ones a `#`, `%` or `user@host` prompt may precede.
    static let httpClients: Set<Substring> = ["curl", "http", "https", "wget", "xh"]

    /// The command after the line's prompt; nil when the line has no prompt.
    public static func command(_ line: Substring) -> Substring? {
        let l = line.drop { $0 == " " || $0 == "\t" }
        if l.hasPrefix("$ ") { return l.dropFirst(2).drop { $0 == " " } }
        var rest: Substring?
        if l.hasPrefix("# ") || l.hasPrefix("% ") {
            rest = l.dropFirst(2)
        } else if let end = l.firstIndex(where: { $0 == " " }), end > l.startIndex {
            // `user@host:~/dir$ ` or `[root@host ~]# `: one word (or a bracketed pair) with an `@`, ending in `$` or `#`.
            var word = l[..<end]
            var after = end
            if word.hasPrefix("["), let close = l.firstIndex(of: "]"), close > end {
                word = l[...close]
                after = l.index(after: close)
                if after < l.endIndex, l[after] == "#" || l[after] == "$" { word = l[...after]; after = l.index(after: after) }
            }
            if word.contains("@"), let last = word.last, last == "$" || last == "#" { rest = l[after...] }
        }
        guard let command = rest?.drop(while: { $0 == " " }) else { return nil }
        let name = command.prefix { $0 != " " && $0 != "\t" }
        return httpClients.contains(name) ? command : nil
    }

    /// Whether the line, without a prompt, runs an HTTP client (`curl -s "http://h/x" | jq`).
    public static func isClientCommand(_ line: Substring) -> Bool {
        let l = line.drop { $0 == " " || $0 == "\t" }
        return httpClients.contains(l.prefix { $0 != " " && $0 != "\t" }) && l.contains(" ")
    }

    /// The line without its prompt (the line itself when it has none).
    public static func strip(_ line: Substring) -> Substring { command(line) ?? line.drop { $0 == " " || $0 == "\t" } }
}
