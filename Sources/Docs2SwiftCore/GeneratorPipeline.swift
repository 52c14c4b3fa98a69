import APIModel
import DocTree
import Extractors
import Foundation
import HTMLFrontEnd
import MarkdownFrontEnd
import OpenAPIImport
import TextFrontEnd
import Refinement

/// The typed pipeline: read → front end → extract → refine. Emission is separate (`Emission`), so
/// `model`, `openapi` and `generate` share everything up to the model.
///
/// For example: `try GeneratorPipeline().model(from: ["input-docs"], diagnostics: collector)`.
public struct GeneratorPipeline: Sendable {
    public var forcedFormat: InputFile.Format?
    public var title: String
    public var version: String
    /// Pages larger than this are skipped with an error diagnostic.
    public var maxPageBytes: Int
    /// Reading one page (front end and extraction) may take this long; a page over it is skipped
    /// with an error diagnostic naming the line reached.
    public var maxPageSeconds: Double
    /// Swift names of an earlier generation to keep (`docs2swift.lock`); with `honourLock` false they
    /// are chosen afresh and each change is reported as accepted.
    public var lock = NameLock()
    public var honourLock = true

    public init(forcedFormat: InputFile.Format? = nil, title: String = "API", version: String = "1.0.0", maxPageBytes: Int = 16 << 20,
                maxPageSeconds: Double = 10) {
        self.forcedFormat = forcedFormat
        self.title = title
        self.version = version
        self.maxPageBytes = maxPageBytes
        self.maxPageSeconds = maxPageSeconds
    }

    /// What the pipeline made, with what it cost.
    public struct Result: Sendable {
        public var api: APIDescription
        public var pages: [PageReport]
        public var timings: Timings
        /// Names that changed against `lock`, with why; the lock of this generation.
        public var renames: [Rename] = []
        public var lock = NameLock()
    }

    /// Per page: format, dialect, why, operations found.
    public struct PageReport: Sendable {
        public var file: String
        public var format: String
        public var formatReason: String
        public var dialect: String?
        public var dialectReason: String
        public var operations: Int
    }

    /// Each stage's wall-clock and CPU seconds (both cores busy shows as CPU ≈ 2 × wall).
    public struct Timings: Sendable {
        public var read = StageClock.Lap(), frontEnd = StageClock.Lap(), extract = StageClock.Lap(), refine = StageClock.Lap()
    }

    public func model(from paths: [String], diagnostics: DiagnosticCollector) -> Result {
        // Inputs are named relative to the working directory from here on (diagnostics, the model), so
        // nothing depends on where the docs live; `Emission` rebases them onto the output folder.
        let paths = paths.map(RelativePath.fromWorkingDirectory)
        // An OpenAPI document as the input: read it with OpenAPIKit instead of the doc front ends.
        var timings = Timings()
        var clock = StageClock()
        if paths.count == 1, let api = openAPIInput(paths[0], diagnostics: diagnostics) {
            // Reading, decoding and converting the document is its one stage (`read` in --timings).
            timings.read = clock.lap()
            return Result(api: api, pages: [PageReport(file: paths[0], format: "openapi", formatReason: "OpenAPI document",
                                                       dialect: "openapi", dialectReason: "", operations: api.operations.count)],
                          timings: timings)
        }
        let inputs = InputFiles.collect(paths, forcedFormat: forcedFormat, diagnostics: diagnostics)
        let texts = ParallelMap.map(inputs.count) { readText(inputs[$0].path, diagnostics: diagnostics) }
        timings.read = clock.lap()

        // Front end and extraction per page, in parallel; results land in input order.
        let count = inputs.count
        // Each page's time budget covers its front end and its extraction; the wait between the two
        // phases (every other page's front end) is not counted: the extraction starts with what is left.
        let documents = ParallelMap.map(count) { i -> (Document?, InputFile, Double?) in
            guard let text = texts[i] else { return (nil, inputs[i], .none) }
            var input = inputs[i]
            if input.format == .text {
                let (format, reason) = InputFiles.sniff(text)
                input.format = format
                input.reason = reason
            }
            let deadline = Deadline.after(seconds: maxPageSeconds)
            let document = parse(text, input: input, deadline: deadline, diagnostics: diagnostics)
            return (overTime(document, deadline: deadline, diagnostics: diagnostics) ? nil : document, input, deadline.secondsLeft)
        }
        timings.frontEnd = clock.lap()
        let registry = DialectRegistry()
        let extractions = ParallelMap.map(count) { i -> PageExtraction? in
            let (document, _, secondsLeft) = documents[i]
            guard let document else { return nil }
            let deadline = secondsLeft.map { Deadline.after(seconds: $0) } ?? .none
            let page = registry.extract(document, deadline: deadline, diagnostics: diagnostics)
            return overTime(document, deadline: deadline, diagnostics: diagnostics) ? nil : page
        }
        timings.extract = clock.lap()
        let assembly = Assembler(title: title, version: version, lock: lock, honourLock: honourLock)
            .assembleNamed(extractions.compactMap { $0 }, diagnostics: diagnostics)
        var api = assembly.api
        SectionIndex.annotate(&api, documents: documents.compactMap { $0.0 })
        timings.refine = clock.lap()
        let reports = (0..<count).map { i in
            PageReport(file: inputs[i].path, format: documents[i].1.format.rawValue, formatReason: documents[i].1.reason,
                       dialect: extractions[i]?.dialect, dialectReason: extractions[i]?.reason ?? "",
                       operations: extractions[i]?.operations.count ?? 0)
        }
        return Result(api: api, pages: reports, timings: timings, renames: assembly.renames, lock: assembly.lock)
    }

    func openAPIInput(_ path: String, diagnostics: DiagnosticCollector) -> APIDescription? {
        let ext = InputFiles.ext(path)
        guard ["yaml", "yml", "json"].contains(ext),
              let head = FileManager.default.contents(atPath: path).map({ String(decoding: $0.prefix(4096), as: UTF8.self) }),
              OpenAPIImporter.looksLikeOpenAPI(Substring(head)) else { return nil }
        do {
            return try OpenAPIImporter().load(path)
        } catch {
            diagnostics.error("\(error)", at: SourceLocation(file: path, line: 1))
            return nil
        }
    }

    func readText(_ path: String, diagnostics: DiagnosticCollector) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read file", at: SourceLocation(file: path, line: 0))
            return nil
        }
        if data.count > maxPageBytes {
            diagnostics.error("page is \(data.count) bytes, over the \(maxPageBytes)-byte limit; skipped", at: SourceLocation(file: path, line: 1))
            return nil
        }
        if data.isEmpty {
            diagnostics.warning("empty file", at: SourceLocation(file: path, line: 1))
            return nil
        }
        // On the bytes in place: iterating `Data` byte by byte is slow on a large corpus.
        return data.withUnsafeBytes { raw -> String? in
            var bytes = raw.bindMemory(to: UInt8.self)
            // A UTF-8 byte order mark is not text (as `String(data:encoding:)` would drop it).
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            if let first = bytes.firstIndex(of: 0) {
                let nuls = bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
                // A few stray NULs in text (a `<pre>` pasted from a terminal) are replaced; many, or NULs in
                // bytes that are not UTF-8 text, are a binary file.
                let isText = String(validating: bytes.filter { $0 != 0 }, as: UTF8.self) != nil
                guard isText, nuls <= 4 || nuls * 100 <= bytes.count else {
                    diagnostics.warning("binary file (\(nuls) NUL bytes); skipped", at: SourceLocation(file: path, line: 1))
                    return nil
                }
                let line = 1 + bytes[..<first].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                diagnostics.warning("\(nuls) NUL byte(s) in the text, replaced with U+FFFD; the page is read", at: SourceLocation(file: path, line: line))
                var replaced: [UInt8] = []
                replaced.reserveCapacity(bytes.count + 2 * nuls)
                for b in bytes { if b == 0 { replaced += [0xEF, 0xBF, 0xBD] } else { replaced.append(b) } }
                return String(decoding: replaced, as: UTF8.self)
            }
            if let s = String(validating: bytes, as: UTF8.self) { return s }
            diagnostics.warning("not valid UTF-8; invalid bytes replaced with U+FFFD", at: SourceLocation(file: path, line: 1))
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    func parse(_ text: String, input: InputFile, deadline: Deadline, diagnostics: DiagnosticCollector) -> Document? {
        switch input.format {
        case .markdown:
            return MarkdownParser(deadline: deadline).parse(text, file: input.path, diagnostics: diagnostics)
        case .text:
            return PlainTextParser(deadline: deadline).parse(text, file: input.path, diagnostics: diagnostics)
        case .html:
            return HTMLParser(deadline: deadline).parse(text, file: input.path, diagnostics: diagnostics)
        }
    }

    /// True (with an error at the last line read) when the page used up its time: it is skipped
    /// rather than half read.
    func overTime(_ document: Document?, deadline: Deadline, diagnostics: DiagnosticCollector) -> Bool {
        guard let document, deadline.isExpired else { return false }
        let line = document.blocks.last?.line
        let reached = line.map { "stopped after line \($0)" } ?? "stopped before its first block"
        diagnostics.error("reading this page took longer than the \(Self.seconds(maxPageSeconds)) s per-page limit (\(reached)); page skipped",
                          at: document.location(max(line ?? 1, 1)))
        return true
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }
}

/// Runs `count` jobs on all cores; results keep their index order.
enum ParallelMap {
    final class Box<T>: @unchecked Sendable {
        var results: [T?]
        let lock = NSLock()
        init(_ count: Int) { results = [T?](repeating: nil, count: count) }
    }

    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let box = Box<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let r = body(i)
            box.lock.lock(); box.results[i] = r; box.lock.unlock()
        }
        return box.results.map { $0! }
    }
}

/// Laps for stage timings: wall-clock seconds and the process's CPU seconds (all threads).
///
/// For example: `var clock = StageClock(); work(); let (wall, cpu) = clock.lap()`.
public struct StageClock: Sendable {
    var last = DispatchTime.now().uptimeNanoseconds
    var lastCPU = StageClock.cpuSeconds()
    public init() {}

    /// Seconds of one span: wall clock, and CPU time of all threads.
    public struct Lap: Sendable {
        public var wall = 0.0, cpu = 0.0
    }

    public mutating func lap() -> Lap {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpuSeconds()
        defer { last = now; lastCPU = cpu }
        return Lap(wall: Double(now - last) / 1e9, cpu: cpu - lastCPU)
    }

    /// User and system time of every thread of this process so far.
    public static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
