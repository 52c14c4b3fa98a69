import DocTree
import Foundation

/// One documentation file to read, with its detected format.
///
/// For example: `InputFile(path: "input-docs/000_x.txt", format: .markdown, reason: "Markdown tabs and tables in a .txt file")`.
public struct InputFile: Hashable, Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, html, text
    }
    public var path: String
    public var format: Format
    /// Why the format was chosen, for verbose output.
    public var reason: String
}

/// Finds input files (folders are searched recursively, in sorted order) and detects their format
/// by extension and, for `.txt`, by content.
public enum InputFiles {
    /// Page extensions and their formats: the lists the plugins pass too (`DocInputs`, one definition).
    static let extensions: [String: InputFile.Format] = Dictionary(uniqueKeysWithValues:
        DocInputs.markdownExtensions.map { ($0, InputFile.Format.markdown) } + DocInputs.htmlExtensions.map { ($0, .html) }
            + DocInputs.textExtensions.map { ($0, .text) })

    public static func collect(_ paths: [String], forcedFormat: InputFile.Format?, diagnostics: DiagnosticCollector) -> [InputFile] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                diagnostics.error("no such file or folder: \(path)")
                continue
            }
            if isDir.boolValue {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                let found = entries(under: path)
                    .filter { extensions[ext($0)] != nil }
                    .map { base + "/" + $0 }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        var seen: Set<String> = []
        return files.filter { seen.insert($0).inserted }.map { path in
            if let forcedFormat { return InputFile(path: path, format: forcedFormat, reason: "--format \(forcedFormat.rawValue)") }
            let e = ext(path)
            switch extensions[e] {
            case .markdown?: return InputFile(path: path, format: .markdown, reason: ".\(e) extension")
            case .html?: return InputFile(path: path, format: .html, reason: ".\(e) extension")
            default: return InputFile(path: path, format: .text, reason: "text; sniffed when read")
            }
        }
    }

    /// Every entry under the folder `root` (files, folders, links), as paths relative to it, as
    /// `FileManager.enumerator(atPath:)` lists them: folders are entered, links are not followed. Read
    /// with `readdir`: Foundation's enumerator spent a third of a no-op run of 2,890 pages on path strings.
    ///
    /// For example: a folder holding `a.md` and `sub/b.md` gives `a.md`, `sub`, `sub/b.md` (in no set order).
    static func entries(under root: String) -> [String] {
        var out: [String] = []
        func walk(_ folder: String, _ prefix: String) {
            guard let handle = opendir(folder) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                    tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                out.append(relative)
                let full = folder + "/" + name
                var isFolder = Int(entry.pointee.d_type) == Int(DT_DIR)
                if Int(entry.pointee.d_type) == Int(DT_UNKNOWN) {
                    var st = stat()
                    isFolder = lstat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder { walk(full, relative) }
            }
        }
        walk(root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root, "")
        return out
    }

    static func ext(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }

    /// A `.txt` file is Markdown when it has ATX headings and Markdown tables or MkDocs tabs.
    public static func sniff(_ text: String) -> (InputFile.Format, String) {
        let head = text.prefix(200_000)
        if head.hasPrefix("FORMAT: 1A") || head.prefix(1024).contains("\nFORMAT: 1A") { return (.markdown, "API Blueprint metadata (FORMAT: 1A)") }
        let hasHeading = head.hasPrefix("# ") || head.contains("\n# ") || head.contains("\n## ") || head.contains("\n### ")
        let hasTable = head.contains("|---") || head.contains("| ---") || head.contains("|:---")
        let hasTabs = head.contains("\n=== \"")
        if hasHeading && (hasTable || hasTabs) { return (.markdown, "Markdown headings with tables or tabs") }
        let lower = head.prefix(4096).lowercased()
        if lower.contains("<html") || lower.contains("<!doctype html") { return (.html, "HTML document") }
        return (.text, "plain text")
    }
}
