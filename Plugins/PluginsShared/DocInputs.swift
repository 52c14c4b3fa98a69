/// What docs2swift reads, and the `generate` options its plugins pass: one definition for the CLI and
/// both plugins. A SwiftPM plugin cannot import a library target, so, as swift-openapi-generator does,
/// this file lives in `Plugins/PluginsShared/` and each plugin folder has a `PluginsShared` symlink to
/// it; `Sources/Docs2SwiftCore/DocInputs.swift` is a symlink to it too, so `InputFiles` (which finds
/// the CLI's input pages) uses the same lists. `PluginArgumentsTests` runs the CLI with the plugins'
/// arguments.
///
/// For example: `DocInputs.isPage("polls.apib")` is true; the build plugin passes that page to `generate`.
public enum DocInputs {
    /// Page extensions read by the Markdown front end (`.mdx`: MDX is Markdown with components; `.apib`: API Blueprint is Markdown).
    public static let markdownExtensions = ["md", "markdown", "mdx", "apib"]
    /// Page extensions read by the HTML front end.
    public static let htmlExtensions = ["html", "htm"]
    /// Page extensions whose format is sniffed from the text (Markdown, HTML, Blueprint or plain text).
    public static let textExtensions = ["txt", "text"]
    /// Every page extension, lowercase.
    public static let pageExtensions = Set(markdownExtensions + htmlExtensions + textExtensions)

    /// Configuration files a plugin passes with `--config` (the first found, in this order).
    public static let configFileNames = ["docs2swift-config.json", "docs2swift-config.yaml", "docs2swift-config.yml"]
    /// The name lock a target commits to keep its Swift names (`NameLock.fileName`).
    public static let lockFileName = "docs2swift.lock"
    /// The outputs the plugins generate: two files per page.
    public static let pluginOutputs = "models,client"

    /// True when the file name has a page extension (any case).
    public static func isPage(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return pageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The `docs2swift generate` arguments of a plugin run: per-page layout, models and client, then
    /// the pages.
    ///
    /// For example: `generateArguments(output: "/w/Generated", pages: ["/w/users.md"])` is
    /// `["generate", "--layout", "per-page", "--output", "/w/Generated", "--emit", "models,client", "/w/users.md"]`.
    public static func generateArguments(output: String, config: String? = nil, lock: String? = nil, readOnlyLock: Bool = false,
                                         check: Bool = false, acceptRenames: Bool = false, pages: [String]) -> [String] {
        var args = ["generate", "--layout", "per-page", "--output", output, "--emit", pluginOutputs]
        if let config { args += ["--config", config] }
        if let lock { args += ["--lock", lock] }
        if readOnlyLock { args.append("--read-only-lock") }
        if check { args.append("--check") }
        if acceptRenames { args.append("--accept-renames") }
        return args + pages
    }
}
