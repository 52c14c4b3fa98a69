import Foundation
import DocTree
import SwiftEmitter

/// Makes a regeneration with nothing changed cost almost nothing: the output folder keeps, in
/// `.docs2swift-state`, a fingerprint of everything that decides the output (every input file's path
/// and bytes, the options, the templates, the generator version and binary), the same inputs' sizes
/// and modification times (`stamps`), and the size and modification time of each file it wrote.
/// When the stamps match, no input is read; when they do not (a file touched, not changed) the
/// fingerprint decides. When either matches and every written file is as it was left, the pipeline
/// does not run and nothing is written.
///
/// For example: the second `docs2swift generate` of the Waldur corpus stats 289 pages and 1,133 files and stops.
public struct RegenerationCache: Sendable {
    public static let fileName = ".docs2swift-state"
    public let directory: String

    /// The state file and which of its files are untouched, as first found after this instance last
    /// wrote or removed it: read once per run for both `unchangedSummary` and `untouchedRenderKeys`.
    private let found = Found()

    public init(directory: String) { self.directory = directory }

    final class Found: @unchecked Sendable {
        var read = false
        var state: State?
        var untouched: [Bool] = []
    }

    /// The state file and its files' untouched flags, as found at the first call.
    private func previous() -> (state: State, untouched: [Bool])? {
        if !found.read {
            found.read = true
            found.state = read()
            // One `lstat` per written file (a large API has a thousand), on every core.
            if let files = found.state?.files {
                let chunk = 64
                found.untouched = ParallelMap.map((files.count + chunk - 1) / chunk) { c in
                    files[c * chunk ..< min(files.count, (c + 1) * chunk)].map(untouched)
                }.flatMap { $0 }
            }
        }
        return found.state.map { ($0, found.untouched) }
    }

    /// The files that decide the output (the inputs and the templates), and a hash of what else does
    /// (the generator, the options): found once per run, for both `stamps` and `fingerprint`.
    public struct Setting: Sendable {
        var files: [String]
        var hasher = Digest.FNV1a()
    }

    /// The generator's version, and the size and build time of its binary: a rebuilt generator (same
    /// version string) must regenerate.
    public static let generatorStamp: String = {
        let exe = Bundle.main.executablePath.flatMap(stamp)
        return "\(Emission.generatorVersion) \(exe?.size ?? 0) \(exe?.mtime ?? 0)"
    }()

    public static func setting(inputs: [String], options: String, templatesFolder: String?) -> Setting {
        var hasher = Digest.FNV1a()
        hasher.mix(generatorStamp)
        hasher.mix(options)
        let files = InputFiles.collect(inputs, forcedFormat: nil, diagnostics: RecordingCollector()).map(\.path)
            + inputs.filter { ["yaml", "yml", "json"].contains(InputFiles.ext($0)) }
        var templateFiles: [String] = []
        for folder in [TemplateSet.defaultsFolder, templatesFolder].compactMap({ $0 }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            templateFiles += names.filter { $0.hasSuffix(".mustache") }.sorted().map { folder + "/" + $0 }
        }
        return Setting(files: files + templateFiles, hasher: hasher)
    }

    /// The inputs' paths, sizes and modification times, and whether any was modified so recently
    /// (within a second of now) that a further change could keep its time: then they are not kept.
    public struct Stamps: Sendable {
        public var key: String
        public var recent: Bool
        /// Each file of `Setting.files` with its size and modification time (nil: not there).
        var paths: [String] = []
        var files: [(size: Int, mtime: Double)?] = []
        /// When they were taken (seconds since 1970).
        var takenAt = 0.0
    }

    /// The stamps of every file that decides the output (the inputs and the templates).
    public static func stamps(_ setting: Setting) -> Stamps {
        var setting = setting
        let now = Date().timeIntervalSince1970
        var recent = false
        var files: [(size: Int, mtime: Double)?] = []
        files.reserveCapacity(setting.files.count)
        for path in setting.files {
            setting.hasher.mix(path)
            let stamp = stamp(path)
            files.append(stamp)
            guard let stamp else { setting.hasher.mix("-"); continue }
            setting.hasher.mix("\t\(stamp.size)\t\(stamp.mtime)\n")
            if stamp.mtime >= now - 1 { recent = true }
        }
        return Stamps(key: setting.hasher.hex, recent: recent, paths: setting.files, files: files, takenAt: now)
    }

    /// The content fingerprint, and the checksum of each file it read (`WordHash.checksum` of its
    /// bytes), by path: the page cache keys pages by them without reading the pages again.
    public struct Fingerprint: Sendable {
        public var text: String
        public var checksums: [String: UInt64]
    }

    /// FNV-1a over the inputs' paths and content checksums, the options text and the templates. A file
    /// whose size and modification time are as `known` recorded them (`knownInputs`) is not read again:
    /// its recorded checksum is used.
    public static func fingerprint(_ setting: Setting, stamps: Stamps? = nil, known: [String: KnownInput] = [:]) -> Fingerprint {
        var setting = setting
        var checksums: [String: UInt64] = [:]
        for (i, path) in setting.files.enumerated() {
            setting.hasher.mix(path)
            var sum: UInt64?
            if let known = known[path], let stamp = stamps?.files[i], stamp.size == known.size, stamp.mtime == known.mtime {
                sum = known.checksum
            } else if let data = FileManager.default.contents(atPath: path) {
                sum = data.withUnsafeBytes { WordHash.checksum($0) }
            }
            guard var sum else { continue }
            checksums[path] = sum
            withUnsafeBytes(of: &sum) { setting.hasher.mix($0) }
        }
        return Fingerprint(text: setting.hasher.hex, checksums: checksums)
    }

    /// An input file as the last run recorded it: size, modification time, content checksum.
    public struct KnownInput: Sendable, Equatable {
        var size: Int
        var mtime: Double
        var checksum: UInt64
    }

    /// The inputs the last run recorded, by path: only those modified at least a second before their
    /// stamps were taken (a change after that shows in the time, even where times are whole seconds).
    public func knownInputs() -> [String: KnownInput] {
        guard let (state, _) = previous() else { return [:] }
        var known: [String: KnownInput] = [:]
        for (path, input) in state.inputs where input.mtime < state.recordedAt - 1 { known[path] = input }
        return known
    }

    struct State {
        var fingerprint: String
        var stamps: String
        var summary: String
        /// When the inputs' stamps were taken (seconds since 1970), and their stamps and checksums then.
        var recordedAt: Double = 0
        var inputs: [(path: String, input: KnownInput)] = []
        var files: [(path: String, size: Int, mtime: Double, key: String)]
    }

    /// The state file, split on its bytes (a large API's has ten thousand lines): the fingerprint, the
    /// stamps, the summary, `inputs COUNT TIME` and a line per input (path, size, time, checksum), then a
    /// line per written file (path, size, time, render key).
    func read() -> State? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + Self.fileName) else { return nil }
        return data.withUnsafeBytes { raw -> State? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
            func text(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: UnsafeBufferPointer(rebasing: part), as: UTF8.self) }
            func field(_ name: String) -> String? {
                guard let line = lines.first else { return nil }
                let value = text(line)
                guard value.hasPrefix(name + " ") else { return nil }
                lines.removeFirst()
                return String(value.dropFirst(name.count + 1))
            }
            guard let fingerprint = field("fingerprint"), let stamps = field("stamps"), let summary = field("summary"),
                  let inputsLine = field("inputs") else { return nil }
            let counts = inputsLine.split(separator: " ")
            guard counts.count == 2, let inputCount = Int(counts[0]), let recordedAt = Double(counts[1]), inputCount <= lines.count else { return nil }
            var state = State(fingerprint: fingerprint, stamps: stamps, summary: summary, recordedAt: recordedAt, files: [])
            state.inputs.reserveCapacity(inputCount)
            for line in lines.prefix(inputCount) {
                let parts = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard parts.count == 4, let size = Int(text(parts[1])), let mtime = Double(text(parts[2])),
                      let sum = UInt64(text(parts[3]), radix: 16) else { return nil }
                state.inputs.append((text(parts[0]), KnownInput(size: size, mtime: mtime, checksum: sum)))
            }
            lines = lines.dropFirst(inputCount)
            state.files.reserveCapacity(lines.count)
            for line in lines {
                let parts = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard parts.count == 4, let size = Int(text(parts[1])), let mtime = Double(text(parts[2])) else { return nil }
                state.files.append((text(parts[0]), size, mtime, text(parts[3])))
            }
            return state
        }
    }

    /// The remembered summary line, when the stamps (or else the fingerprint, computed only then) match
    /// and every written file is untouched. A match on the fingerprint alone records the new stamps.
    public func unchangedSummary(stamps: Stamps, fingerprint: () -> String) -> String? {
        guard let (state, untouched) = previous(), !untouched.contains(false) else { return nil }
        if !stamps.recent, state.stamps == stamps.key { return state.summary }
        guard fingerprint() == state.fingerprint else { return nil }
        if !stamps.recent { write(fingerprint: state.fingerprint, stamps: stamps, summary: state.summary, inputs: [], files: state.files) }
        return state.summary
    }

    private func untouched(_ file: (path: String, size: Int, mtime: Double, key: String)) -> Bool {
        guard let stamp = Self.stamp(directory + "/" + file.path) else { return false }
        return stamp.size == file.size && abs(stamp.mtime - file.mtime) < 0.000_001
    }

    /// The render key (`RenderReuse`) of each file the last run wrote that is as it left it.
    public func untouchedRenderKeys() -> [String: String] {
        guard let (state, untouched) = previous() else { return [:] }
        var keys: [String: String] = [:]
        for (file, same) in zip(state.files, untouched) where file.key != "-" && same { keys[file.path] = file.key }
        return keys
    }

    /// Records the fingerprint, the stamps and the state of the files just written, with the render
    /// key of each (`RenderReuse`; `-` for none).
    /// `checksums`: each input's content checksum (`Fingerprint.checksums`), kept with its stamps so the
    /// next run need not read an input whose size and time are the same (`knownInputs`).
    /// `written`: the files this run wrote. Any other file that was as the last run left it when this
    /// run started keeps the stamp recorded then, without being looked at again.
    public func remember(fingerprint: String, stamps: Stamps, summary: String, files: [String], written: Set<String>,
                         renderKeys: [String: String] = [:], checksums: [String: UInt64] = [:]) {
        var recorded: [String: (size: Int, mtime: Double)] = [:]
        if let (state, untouched) = previous() {
            for (file, same) in zip(state.files, untouched) where same { recorded[file.path] = (file.size, file.mtime) }
        }
        var state: [(String, Int, Double, String)] = []
        for path in files.sorted() {
            let known = written.contains(path) ? nil : recorded[path]
            guard let stamp = known ?? Self.stamp(directory + "/" + path) else { return }
            state.append((path, stamp.size, stamp.mtime, renderKeys[path] ?? "-"))
        }
        var inputs: [(path: String, input: KnownInput)] = []
        for (path, stamp) in zip(stamps.paths, stamps.files) {
            guard let stamp, let sum = checksums[path] else { continue }
            inputs.append((path, KnownInput(size: stamp.size, mtime: stamp.mtime, checksum: sum)))
        }
        write(fingerprint: fingerprint, stamps: stamps, summary: summary, inputs: inputs, files: state)
    }

    private func write(fingerprint: String, stamps: Stamps, summary: String, inputs: [(path: String, input: KnownInput)],
                       files: [(path: String, size: Int, mtime: Double, key: String)]) {
        // Stamps of files modified a moment ago are not kept: a change within the same clock tick would not show.
        // Written into one byte buffer: a large API's state has ten thousand lines.
        var out: [UInt8] = []
        out.reserveCapacity(256 + (inputs.count + files.count) * 96)
        func add(_ part: String) { out.append(contentsOf: part.utf8) }
        func line(_ parts: String...) {
            for (i, part) in parts.enumerated() { if i > 0 { out.append(0x09) }; add(part) }
            out.append(0x0A)
        }
        add("fingerprint \(fingerprint)\nstamps \(stamps.recent ? "-" : stamps.key)\nsummary \(summary)\n")
        add("inputs \(inputs.count) \(stamps.takenAt)\n")
        for (path, input) in inputs { line(path, String(input.size), input.mtime.description, String(input.checksum, radix: 16)) }
        for file in files { line(file.path, String(file.size), file.mtime.description, file.key) }
        out.withUnsafeBytes { _ = CacheFile.write($0, to: directory + "/" + Self.fileName) }
        found.read = false
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

    /// Forgets the state (before a run that may change files). What the state held when this run
    /// started stays known to `remember`.
    public func forget() {
        _ = previous()
        try? FileManager.default.removeItem(atPath: directory + "/" + Self.fileName)
    }
}
