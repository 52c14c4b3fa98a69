/// File names for the per-page layout the build plugin uses: one `<Stem>+Models.swift` and one
/// `<Stem>+Client.swift` per input page, so the plugin can declare its outputs before running.
///
/// One definition for the generator and the build plugin, which must name the files before it runs:
/// this file lives in `Plugins/PluginsShared/` and is compiled into both plugins (through their
/// `PluginsShared` symlinks) and into SwiftEmitter (`Sources/SwiftEmitter/PageFileNames.swift` is a symlink).
///
/// The rule: the page's file name without its extension,
/// every character outside `A–Z a–z 0–9 _` replaced by `_`, `Page` if empty, and `_2`, `_3`, … on a
/// name already taken (ignoring case), pages taken in the order given.
///
/// For example: `["docs/users.md", "v2/users.md", "my-pets.html"]` → `["users", "users_2", "my_pets"]`.
public enum PageFileNames {
    public static func stems(for paths: [String]) -> [String] {
        var used: Set<String> = []
        return paths.map { path in
            let file = path.split(separator: "/").last.map(String.init) ?? path
            let base = file.contains(".") ? String(file[..<file.lastIndex(of: ".")!]) : file
            var stem = String(base.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" ? $0 : "_" })
            if stem.isEmpty { stem = "Page" }
            var candidate = stem
            var n = 2
            while used.contains(candidate.lowercased()) { candidate = "\(stem)_\(n)"; n += 1 }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
