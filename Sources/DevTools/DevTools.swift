import ArgumentParser
import DevToolsKit
import Foundation

/// Development tools built on the project's own modules (not part of the shipped `docs2swift`).
/// Run them through `scripts/dev TOOL [ARGS]`, which also lists the tools that remain scripts.
@main
struct DevTools: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs2swift-dev",
        abstract: "docs2swift's development tools (run through scripts/dev).",
        subcommands: [RenameCountCommand.self, HTMLEqualsMarkdownCommand.self])
}

struct RenameCountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename-count",
        abstract: "Types renamed although shape and documented name did not change, between two models.",
        discussion: """
            OLD and NEW are model JSON files (docs2swift model DOCS -o FILE) or docs folders, read in-process. \
            Shapes are the generator's own (the name lock's digests). Lists each unforced rename and why, then \
            `shapes in both with their name kept: K` and, last, `renamed: N`; exit status 0.
            """)
    @Argument(help: "The older model: a model JSON file or a docs folder.") var old: String
    @Argument(help: "The newer model: a model JSON file or a docs folder.") var new: String
    @Flag(help: "Only the two counts.") var quiet = false

    func run() throws {
        let count = RenameCount(old: try ModelInput.load(old), new: try ModelInput.load(new))
        print(count.report(quiet: quiet).joined(separator: "\n"))
    }
}

struct HTMLEqualsMarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html-equals-markdown",
        abstract: "The served HTML pages give the same model as their Markdown (Waldur corpus in ../shared).",
        discussion: """
            Every *.html under HTML against the .md with the same relative path under MARKDOWN, provenance aside. \
            Defaults: ../shared/corpus/waldur/html and …/docs; skips (exit 0) when they are missing. Exit status 1 \
            when a page differs.
            """)
    @Option(help: "Folder of served HTML pages.") var html = "../shared/corpus/waldur/html"
    @Option(help: "Folder of the Markdown pages they were built from.") var markdown = "../shared/corpus/waldur/docs"

    func run() throws {
        guard FileManager.default.fileExists(atPath: html) else {
            print("html-equals-markdown: \(html) not found; skipped")
            return
        }
        let (lines, failed) = try HTMLEqualsMarkdown(html: html, markdown: markdown).run()
        print(lines.joined(separator: "\n"))
        if failed > 0 { throw ExitCode(1) }
    }
}
