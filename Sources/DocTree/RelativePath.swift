import Foundation

/// Paths as docs2swift writes them: relative, so output and messages do not depend on where a
/// checkout lives. Diagnostics name input files relative to the working directory; generated files
/// name them relative to the output folder. The computation is lexical (no file system access):
/// `..` steps out of the working directory's physical path, which `getcwd` gives.
///
/// For example: `RelativePath.from("/work/repo/generated", to: "/work/repo/input-docs/a.md")` is `../input-docs/a.md`.
public enum RelativePath {
    /// `path` made absolute against `base` (when relative) with `.` and `..` components resolved.
    ///
    /// For example: `absolute("../docs/./a.md", base: "/w/repo")` is `/w/docs/a.md`.
    public static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in segments(joined) {
            if part == "." { continue }
            if part == "..", !parts.isEmpty, parts.last != ".." { parts.removeLast(); continue }
            if part == ".." { continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The path that leads from folder `from` to `to` (both absolute); `.` when they are the same.
    ///
    /// For example: `from("/a/b/out", to: "/a/b")` is `..`; `from("/tmp/x", to: "/work/r")` is `../../work/r`.
    public static func from(_ from: String, to: String) -> String {
        path(from: segments(absolute(from, base: "/")), to: to)
    }

    /// `from(_:to:)` with the folder given as the segments of its absolute path.
    static func path(from a: [Substring], to: String) -> String {
        let b = segments(absolute(to, base: "/"))
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: a.count - common) + b[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `path.split(separator: "/")`, cut on the bytes when the path is ASCII (a regeneration resolves
    /// every output path); the split by characters otherwise.
    ///
    /// For example: `segments("/api/users/{uuid}/")` is `["api", "users", "{uuid}"]`.
    public static func segments(_ path: String) -> [Substring] {
        splitSegments(path).segments
    }

    /// `segments`, and whether the path is ASCII (then bytes are characters).
    public static func splitSegments(_ text: String) -> (segments: [Substring], ascii: Bool) {
        // Scanned on the string's own bytes (native strings have them in one piece); a segment is made
        // from byte offsets, which in an ASCII text are character boundaries.
        let cut = text.utf8.withContiguousStorageIfAvailable { bytes -> [Substring]? in
            var out: [Substring] = []
            out.reserveCapacity(8)
            var start = 0
            let utf8 = text.utf8
            var startIndex = utf8.startIndex
            for i in 0..<bytes.count {
                let byte = bytes[i]
                if byte >= 0x80 { return nil }
                guard byte == UInt8(ascii: "/") else { continue }
                if start < i {
                    let end = utf8.index(startIndex, offsetBy: i - start)
                    out.append(text[startIndex..<end])
                }
                start = i + 1
                startIndex = utf8.index(utf8.startIndex, offsetBy: start)
            }
            if start < bytes.count { out.append(text[startIndex...]) }
            return out
        }
        switch cut {
        case .some(.some(let segments)): return (segments, true)
        case .some(.none): return (text.split(separator: "/"), false)
        case .none:
            // A bridged string without contiguous bytes: cut by characters.
            let ascii = text.utf8.allSatisfy { $0 < 0x80 }
            return (text.split(separator: "/"), ascii)
        }
    }

    /// `path` relative to the working directory when it is absolute; a relative path is kept as given.
    ///
    /// For example: in `/work/repo`, `/work/shared/docs` becomes `../shared/docs` and `input-docs/` stays `input-docs/`.
    public static func fromWorkingDirectory(_ path: String) -> String {
        path.hasPrefix("/") ? fromWorkingDirectory()(path) : path
    }

    /// `fromWorkingDirectory(_:)` for many paths: the working directory is looked up once (a system call
    /// and a string each time).
    public static func fromWorkingDirectory() -> (String) -> String {
        let cwd = segments(absolute(FileManager.default.currentDirectoryPath, base: "/"))
        return { path in
            guard path.hasPrefix("/") else { return path }
            let relative = Self.path(from: cwd, to: path)
            return path.hasSuffix("/") && relative != "." ? relative + "/" : relative
        }
    }

    /// A path relative to the working directory (or absolute), rewritten relative to `folder`
    /// (itself relative to the working directory, or absolute).
    ///
    /// For example: `rebase("input-docs/a.md", onto: "generated")` is `../input-docs/a.md`.
    public static func rebase(_ path: String, onto folder: String) -> String {
        rebasing(onto: folder)(path)
    }

    /// `rebase(_:onto:)` for many paths: the working directory and the folder are resolved once.
    ///
    /// For example: `api.mapSourceFiles(RelativePath.rebasing(onto: "generated"))`.
    public static func rebasing(onto folder: String) -> (String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let base = segments(absolute(folder, base: cwd))
        return { path(from: base, to: absolute($0, base: cwd)) }
    }
}
