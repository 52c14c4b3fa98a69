import Foundation
import DocTree
import SwiftEmitter

/// Makes a regeneration with nothing changed cost almost nothing: the output folder keeps, in
/// `.docs2swift-state`, a fingerprint of everything that decides the output (every input file's path
/// and bytes, the options, the templates, the generator version and binary) and the size and modification time of
/// each file it wrote. When the fingerprint matches and every file is as it was left, the pipeline
/// does not run and nothing is written.
///
/// For example: the second `docs2swift generate` of the Waldur corpus reads 6.8 MB, stats 1,133 files and stops.
public struct RegenerationCache: Sendable {
    public static let fileName = ".docs2swift-state"
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// FNV-1a over the inputs' paths and bytes, the options text and the templates.
    public static func fingerprint(inputs: [String], options: String, templatesFolder: String?) -> String {
        var hasher = Digest.FNV1a()
        hasher.mix(Emission.generatorVersion)
        // A rebuilt generator (same version string) must regenerate: its size and build time count.
        if let exe = Bundle.main.executablePath, let attrs = try? FileManager.default.attributesOfItem(atPath: exe) {
            hasher.mix("\((attrs[.size] as? NSNumber)?.intValue ?? 0) \((attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        hasher.mix(options)
        let files = InputFiles.collect(inputs, forcedFormat: nil, diagnostics: RecordingCollector()).map(\.path)
            + inputs.filter { ["yaml", "yml", "json"].contains(InputFiles.ext($0)) }
        var templateFiles: [String] = []
        for folder in [TemplateSet.defaultsFolder, templatesFolder].compactMap({ $0 }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            templateFiles += names.filter { $0.hasSuffix(".mustache") }.sorted().map { folder + "/" + $0 }
        }
        for path in files + templateFiles {
            hasher.mix(path)
            if let data = FileManager.default.contents(atPath: path) { data.withUnsafeBytes { hasher.mix($0) } }
        }
        return hasher.hex
    }

    struct State {
        var fingerprint: String
        var summary: String
        var files: [(path: String, size: Int, mtime: Double)]
    }

    /// The remembered summary line, when the fingerprint matches and every file is untouched.
    public func unchangedSummary(fingerprint: String) -> String? {
        guard let text = FileManager.default.contents(atPath: directory + "/" + Self.fileName).map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, lines[0] == "fingerprint \(fingerprint)" else { return nil }
        let summary = String(lines[1].dropFirst("summary ".count))
        lines.removeFirst(2)
        for line in lines where !line.isEmpty {
            let parts = line.split(separator: "\t")
            guard parts.count == 3, let size = Int(parts[1]), let mtime = Double(parts[2]) else { return nil }
            guard let stamp = Self.stamp(directory + "/" + parts[0]), stamp.size == size, abs(stamp.mtime - mtime) < 0.000_001 else { return nil }
        }
        return summary
    }

    /// Records the fingerprint and the state of the files just written.
    public func remember(fingerprint: String, summary: String, files: [String]) {
        var text = "fingerprint \(fingerprint)\nsummary \(summary)\n"
        for path in files.sorted() {
            guard let stamp = Self.stamp(directory + "/" + path) else { return }
            text += "\(path)\t\(stamp.size)\t\(stamp.mtime)\n"
        }
        let url = URL(fileURLWithPath: directory + "/" + Self.fileName)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }

    /// A file's size and modification time (seconds since 1970, as `FileManager` reports it), from one
    /// `lstat` call (a link is not followed, as before): `FileManager.attributesOfItem` builds a
    /// dictionary of every attribute; recording the 1,134 files of a large API with it took 23–34 ms.
    static func stamp(_ path: String) -> (size: Int, mtime: Double)? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        #if os(Linux)
        let t = st.st_mtim
        #else
        let t = st.st_mtimespec
        #endif
        return (Int(st.st_size), Double(t.tv_sec) + Double(t.tv_nsec) / 1e9)
    }

    /// Forgets the state (before a run that may change files).
    public func forget() { try? FileManager.default.removeItem(atPath: directory + "/" + Self.fileName) }
}
