import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing

/// Shell prompts before a curl command in an example block (`ShellPrompt`), in each notation, in a
/// Markdown code block and an HTML `<pre>`: the command is the operation's signature and the lines
/// after it are the response. Synthetic snippets written for these tests.
@Suite struct ShellPromptTests {
    @Test(arguments: ["$ ", "% ", "# ", "user@host:~/api$ ", "[root@vm-1 ~]# "])
    func promptBeforeCurlInMarkdownAndHTML(prompt: String) throws {
        let command = prompt + "curl http://localhost:8080/api/4/cpu"
        let output = #"{"total": 12.5, "user": 3.0, "regex": True}"#
        let markdown = "# CPU\n\nGet the CPU stats:\n\n```\n\(command)\n\(output)\n```\n\n# Memory\n\n```\n\(prompt)curl http://localhost:8080/api/4/mem\n{\"total\": 1}\n```\n"
        let html = "<h1>CPU</h1><p>Get the CPU stats:</p><pre>\(command.replacing("&", with: "&amp;"))\n\(output)</pre>"
            + "<h1>Memory</h1><pre>\(prompt)curl http://localhost:8080/api/4/mem\n{\"total\": 1}</pre>"
        for (text, isHTML) in [(markdown, false), (html, true)] {
            let d = RecordingCollector()
            let doc = isHTML ? HTMLParser().parse(text, file: "p.html", diagnostics: d) : MarkdownParser().parse(text, file: "p.md", diagnostics: d)
            let page = try #require(DialectRegistry().extract(doc, diagnostics: d), "\(prompt) \(isHTML): \(d.diagnostics)")
            #expect(page.operations.map { $0.method + " " + $0.path } == ["GET /api/4/cpu", "GET /api/4/mem"], "\(prompt) \(isHTML)")
            let fields: [String]
            if case .object(let f)? = page.operations.first?.responses.first?.type { fields = f.map(\.name) } else { fields = [] }
            #expect(fields == ["total", "user", "regex"], "\(prompt) \(isHTML)")
        }
    }

    @Test func promptNotationsAndComments() {
        #expect(ShellPrompt.command("# curl -I http://h/status") == "curl -I http://h/status")
        #expect(ShellPrompt.command("[root@vm ~]# http GET http://h/x") == "http GET http://h/x")
        #expect(ShellPrompt.command("me@box:/srv$ wget http://h/x") == "wget http://h/x")
        #expect(ShellPrompt.command("$ ls -l") == "ls -l")
        // `#` and `%` also start comments: only an HTTP client command after them is a command.
        #expect(ShellPrompt.command("# Store the token in a variable") == nil)
        #expect(ShellPrompt.command("% of the quota") == nil)
        #expect(ShellPrompt.command("curl http://h/x") == nil)
    }

    @Test func curlHeadOptionIsHEAD() {
        #expect(ImpliedSignatures.curlCommand("# curl -I http://localhost:61208/api/4/status").map { $0.method + " " + $0.path } == "HEAD /api/4/status")
        #expect(ImpliedSignatures.curlCommand("curl --head https://h/x").map { $0.method } == "HEAD")
        #expect(ImpliedSignatures.curlCommand("curl -I -X GET https://h/x").map { $0.method } == "GET")
    }
}
