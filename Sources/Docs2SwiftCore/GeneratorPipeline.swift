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
    /// Pages read by an earlier run, kept in the output folder (`PageCache`); nil reads every page.
    public var pageCache: PageCache?
    /// Also make the live-argument plan the generated tests read, while refinement goes on (`Result.argumentPlan`).
    public var planArguments = false

    /// The options that decide how a page is read (part of its `PageCache` key).
    public var readingOptions: String {
        "\(forcedFormat?.rawValue ?? "-") \(maxPageBytes) \(maxPageSeconds)"
    }

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
        /// The pages to add to the page cache, for `PageCache.commit` once the output is written.
        public var pageCacheUpdate = PageCache.Update()
        /// The live-argument plan of `api`, when `planArguments` asked for it (for `EmitOptions.argumentPlan`).
        public var argumentPlan: BackgroundJob<ArgumentPlan>?
        /// The routes refinement found shadowed (`Assembler.Assembly.shadowedRoutes`; for `EmitOptions.shadowedRoutes`).
        public var shadowedRoutes: [Int: Int]?
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

    /// Each stage's wall-clock and CPU seconds (both cores busy shows as CPU ≈ 2 × wall). Pages are
    /// read, parsed and extracted in one job each, so `read`, `frontEnd` and `extract` carry only
    /// their CPU seconds (summed over pages), and `pages` the wall and CPU time of all three. An OpenAPI
    /// document's reading, decoding and converting is all `read`.
    public struct Timings: Sendable {
        public var findInputs = StageClock.Lap(), read = StageClock.Lap(), frontEnd = StageClock.Lap(), extract = StageClock.Lap(),
                   pages = StageClock.Lap(), refine = StageClock.Lap()
    }

    /// One page's job: what it was read as, what it gave, and the CPU seconds of each step.
    struct PageResult: Sendable {
        var input: InputFile
        var extraction: PageExtraction?
        var sections: [SectionIndex.Start] = []
        var cpu = (read: 0.0, frontEnd: 0.0, extract: 0.0)
        /// Ran out of its time budget (skipped, and not kept in the page cache).
        var timedOut = false
        /// Its entry in the page cache, and the entry to write when it was read afresh.
        var cacheKey: String?
        var newEntry: PageCache.Entry?
        init(input: InputFile) { self.input = input }
    }

    public func model(from paths: [String], diagnostics: DiagnosticCollector) -> Result {
        // Inputs are named relative to the working directory from here on (diagnostics, the model), so
        // nothing depends on where the docs live; `Emission` rebases them onto the output folder.
        let paths = paths.map(RelativePath.fromWorkingDirectory())
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
        timings.findInputs = clock.lap()
        // The last run's hoisting decisions are read while the pages are.
        let hoisting = pageCache.map { cache in BackgroundJob(yielding: true) { cache.loadHoisting() } }

        // Each page is read, parsed and extracted by one job, on all cores; results land in input order.
        // Only the extraction and the page's section starts outlive the job: a large corpus never holds
        // every page's text or document tree at once. The page's time budget is its thread's CPU time
        // for the whole job.
        let registry = DialectRegistry()
        var pages = ParallelMap.map(inputs.count) { i -> PageResult in
            func cached(_ cache: PageCache, _ key: String) -> PageResult? {
                guard let entry = cache.load(key) else { return nil }
                for d in entry.diagnostics { diagnostics.emit(d) }
                var result = PageResult(input: inputs[i])
                (result.input.format, result.input.reason) = (entry.format, entry.reason)
                (result.extraction, result.sections, result.cacheKey) = (entry.extraction, entry.sections, key)
                return result
            }
            // A page whose checksum this run took already is looked up without reading it.
            if let cache = pageCache, let sum = cache.checksums[inputs[i].path], let result = cached(cache, cache.key(path: inputs[i].path, checksum: sum)) {
                return result
            }
            guard let bytes = readBytes(inputs[i].path, diagnostics: diagnostics) else { return PageResult(input: inputs[i]) }
            guard let cache = pageCache else { return readPage(inputs[i], bytes: bytes, registry: registry, diagnostics: diagnostics) }
            let key = cache.key(path: inputs[i].path, bytes: bytes)
            if let result = cached(cache, key) { return result }
            // Read with a collector of its own, so the page's diagnostics are kept with it.
            let local = RecordingCollector()
            var result = readPage(inputs[i], bytes: bytes, registry: registry, diagnostics: local)
            let found = local.diagnostics
            for d in found { diagnostics.emit(d) }
            // A page skipped for time is not kept: on a less busy machine it may be read.
            if !result.timedOut {
                result.newEntry = PageCache.Entry(format: result.input.format, reason: result.input.reason, extraction: result.extraction,
                                                  sections: result.sections, diagnostics: found)
                result.cacheKey = key
            }
            return result
        }
        var cacheUpdate = PageCache.Update()
        for page in pages {
            guard let key = page.cacheKey else { continue }
            cacheUpdate.used.insert(key)
            if let entry = page.newEntry { cacheUpdate.entries.append((key, entry)) }
        }
        timings.pages = clock.lap()
        timings.read.cpu = pages.reduce(0) { $0 + $1.cpu.read }
        timings.frontEnd.cpu = pages.reduce(0) { $0 + $1.cpu.frontEnd }
        timings.extract.cpu = pages.reduce(0) { $0 + $1.cpu.extract }
        let reports = pages.map { page in
            PageReport(file: page.input.path, format: page.input.format.rawValue, formatReason: page.input.reason,
                       dialect: page.extraction?.dialect, dialectReason: page.extraction?.reason ?? "",
                       operations: page.extraction?.operations.count ?? 0)
        }
        let sections = pages.map { ($0.input.path, $0.sections) }
        let extractions = pages.compactMap(\.extraction)
        pages = []  // the extractions are now only in `extractions`: refinement's copies can take their place
        var assembler = Assembler(title: title, version: version, lock: lock, honourLock: honourLock)
        assembler.planArguments = planArguments
        assembler.hoisting = try? hoisting?.result()
        let assembly = assembler.assembleNamed(extractions, diagnostics: diagnostics)
        cacheUpdate.hoisting = assembly.hoisting
        // What refinement replaced (the pages' own operations and types) is freed off this thread.
        Disposal.inBackground(consume extractions)
        var api = assembly.api
        SectionIndex.annotate(&api, pages: sections)
        timings.refine = clock.lap()
        return Result(api: api, pages: reports, timings: timings, renames: assembly.renames, lock: assembly.lock, pageCacheUpdate: cacheUpdate,
                      argumentPlan: assembly.argumentPlan, shadowedRoutes: assembly.shadowedRoutes)
    }

    func openAPIInput(_ path: String, diagnostics: DiagnosticCollector) -> APIDescription? {
        let ext = InputFiles.ext(path)
        guard ["yaml", "yml", "json"].contains(ext),
              let data = FileManager.default.contents(atPath: path), OpenAPIImporter.looksLikeOpenAPI(data) else { return nil }
        do {
            return try OpenAPIImporter().load(data, path: path, diagnostics: diagnostics)
        } catch {
            diagnostics.error("\(error)", at: SourceLocation(file: path, line: 1))
            return nil
        }
    }

    /// One page's job: its text, front end and extraction, within its time budget.
    func readPage(_ input: InputFile, bytes: Data, registry: DialectRegistry, diagnostics: DiagnosticCollector) -> PageResult {
        var result = PageResult(input: input)
        var stage = StageClock.threadCPUSeconds()
        func spent() -> Double {
            let now = StageClock.threadCPUSeconds()
            defer { stage = now }
            return now - stage
        }
        guard let text = text(of: bytes, path: input.path, diagnostics: diagnostics) else { return result }
        if result.input.format == .text {
            (result.input.format, result.input.reason) = InputFiles.sniff(text)
        }
        result.cpu.read = spent()
        let deadline = Deadline.after(seconds: maxPageSeconds)
        let document = parse(text, input: result.input, deadline: deadline, diagnostics: diagnostics)
        result.cpu.frontEnd = spent()
        guard let document else { return result }
        if overTime(document, deadline: deadline, diagnostics: diagnostics) {
            result.timedOut = true
            return result
        }
        let page = registry.extract(document, deadline: deadline, diagnostics: diagnostics)
        if overTime(document, deadline: deadline, diagnostics: diagnostics) {
            result.timedOut = true
        } else {
            result.extraction = page
            result.sections = SectionIndex.headings(of: document)
        }
        result.cpu.extract = spent()
        return result
    }

    func readBytes(_ path: String, diagnostics: DiagnosticCollector) -> Data? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read file", at: SourceLocation(file: path, line: 0))
            return nil
        }
        return data
    }

    func text(of data: Data, path: String, diagnostics: DiagnosticCollector) -> String? {
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

    /// The calling thread's CPU seconds so far.
    public static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
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
