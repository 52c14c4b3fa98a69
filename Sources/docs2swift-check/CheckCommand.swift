import ArgumentParser
import Docs2SwiftCore
import Foundation
import LiveCheck

/// `docs2swift check`: its own executable, because the live check loads FoundationNetworking
/// (URLSession, with libcurl and some 30 libraries) that no other command needs; `docs2swift check …`
/// runs this program with the same arguments (see `CheckForwarding`).
@main
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs2swift check",
        abstract: "Call the documented operations on a live server and report where its answers differ from the docs.",
        discussion: """
            GET and HEAD only, unless --allow-writes: then create → read → update → delete on objects the check \
            creates itself, deleted again at the end (also after Ctrl-C). Never a request outside --base-url, no \
            redirect followed, no request retried; stops at the first 401/403. Findings are printed at the doc line \
            of the field or operation (page:LINE:COL: warning: …).
            """)

    @Argument(help: "Documentation files or folders (or one model JSON from `docs2swift model`).")
    var inputs: [String]
    @Option(help: "The server's base URL; each documented path is appended to it (http://127.0.0.1:8888/v1).")
    var baseURL: String
    @Option(name: .customLong("header"), help: "A header sent with every request, 'Name: value' (repeatable).")
    var headers: [String] = []
    @Option(help: "Seconds one request may take in all (a slow or trickling server is cut off).")
    var timeout: Double = 10
    @Option(help: "Requests per second at most: N or N/s.")
    var rateLimit: String?
    @Option(help: "Operations to call, comma-separated: ids, Swift names, 'GET /path' or /path (default: all).")
    var operations: [String] = []
    @Flag(help: "Also send POST/PUT/PATCH/DELETE, on objects the check creates (and deletes) itself.")
    var allowWrites = false
    @Flag(help: "Also send optional query parameters that the docs' examples give values for.")
    var includeOptional = false
    @Option(help: "Report format: text (default) or json.")
    var format: String = "text"
    @Option(help: "Exit 1 when: failed (default: an operation got no usable answer), drifted (any finding or failure), never, or a comma-separated list of finding kinds (missing, undocumented, type, null, enum, status, mediaType).")
    var failOn: String = "failed"
    @Option(help: "Bytes of one answer's body read at most; a larger body is cut off and the operation fails.")
    var maxBodyBytes: Int = 8 << 20
    @Option(help: "Force the docs' input format: md, html or text.")
    var inputFormat: String?
    @Option(name: .shortAndLong, help: "Write the report to a file instead of standard output.")
    var output: String?
    @Flag(name: .shortAndLong, help: "Show the warnings from reading the docs.")
    var verbose = false

    func run() throws {
        guard format == "text" || format == "json" else { throw ValidationError("--format must be text or json") }
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw ValidationError("--base-url must be an http or https URL with a host")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        let failKinds = try Self.failCondition(failOn)
        var options = LiveChecker.Options(baseURL: url)
        options.timeout = timeout
        options.allowWrites = allowWrites
        options.includeOptional = includeOptional
        options.maxBodyBytes = maxBodyBytes
        options.operations = operations.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        options.headers = try headers.map { h in
            guard let colon = h.firstIndex(of: ":"), h.startIndex < colon else { throw ValidationError("--header must be 'Name: value', not '\(h)'") }
            return (String(h[..<colon]).trimmingCharacters(in: .whitespaces), String(h[h.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        if let rateLimit {
            let number = rateLimit.hasSuffix("/s") ? String(rateLimit.dropLast(2)) : rateLimit
            guard let r = Double(number), r > 0 else { throw ValidationError("--rate-limit must be N or N/s with N > 0") }
            options.rateLimit = r
        }

        let api = try loadModel()
        let selection = LiveChecker.select(options.operations, in: api)
        for s in selection.unknown { FileHandle.standardError.write(Data("docs2swift: warning: --operations: no documented operation '\(s)'\n".utf8)) }
        if selection.indices?.isEmpty == true { throw ValidationError("--operations names no documented operation") }

        let report = runInterruptibly(LiveChecker(api: api, options: options))
        let text = format == "json" ? try ReportFormatter.json(report) : ReportFormatter.text(report)
        try CommandOutput.write(Data(text.utf8), to: output)
        if output != nil || format == "json" {
            FileHandle.standardError.write(Data((ReportFormatter.summaryLine(report) + "\n").utf8))
        }
        if Self.fails(report, failKinds) { throw ExitCode(1) }
    }

    /// The model from the docs (or a model JSON); exits 1 when it has no operation.
    func loadModel() throws -> APIDescription {
        var forced: InputFile.Format?
        switch inputFormat?.lowercased() {
        case nil: break
        case "md"?, "markdown"?: forced = .markdown
        case "html"?, "htm"?: forced = .html
        case "text"?, "txt"?: forced = .text
        default: throw ValidationError("--input-format must be md, html or text")
        }
        let collector = RecordingCollector()
        let pipeline = GeneratorPipeline(forcedFormat: forced)
        let api: APIDescription
        if inputs.count == 1, inputs[0].hasSuffix(".json") {
            do { api = try APISource.load(inputs[0], pipeline: pipeline, diagnostics: collector) } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(2)
            }
        } else {
            api = pipeline.model(from: inputs, diagnostics: collector).api
        }
        for d in collector.sorted where d.severity == .error || (verbose && d.severity == .warning) {
            FileHandle.standardError.write(Data((d.description + "\n").utf8))
        }
        if !verbose, collector.warningCount > 0 {
            FileHandle.standardError.write(Data("docs2swift: note: reading the docs gave \(collector.warningCount) warning(s) (--verbose shows them)\n".utf8))
        }
        guard !api.operations.isEmpty else {
            FileHandle.standardError.write(Data("docs2swift: error: no API operations found in the docs; nothing to check\n".utf8))
            throw ExitCode(1)
        }
        return api
    }

    /// Runs the check on a task the first Ctrl-C cancels (the check then deletes what it created and
    /// reports what it did); a second Ctrl-C ends the process at once.
    func runInterruptibly(_ checker: LiveChecker) -> CheckReport {
        final class Box: @unchecked Sendable { var report: CheckReport?; var interrupts = 0 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = Task.detached {
            box.report = await checker.run()
            done.signal()
        }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            box.interrupts += 1
            if box.interrupts > 1 { _exit(130) }
            FileHandle.standardError.write(Data("docs2swift: interrupted; deleting what the check created (Ctrl-C again to quit at once)\n".utf8))
            task.cancel()
        }
        source.resume()
        done.wait()
        source.cancel()
        signal(SIGINT, SIG_DFL)
        return box.report!
    }

    enum FailCondition { case failed, drifted, never, kinds(Set<Finding.Kind>) }

    static func failCondition(_ text: String) throws -> FailCondition {
        switch text {
        case "failed": return .failed
        case "drifted": return .drifted
        case "never": return .never
        default:
            var kinds: Set<Finding.Kind> = []
            for part in text.split(separator: ",") {
                let name = part.trimmingCharacters(in: .whitespaces)
                guard let k = Finding.Kind.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                    throw ValidationError("--fail-on: '\(name)' is none of failed, drifted, never, missing, undocumented, type, null, enum, status, mediaType")
                }
                kinds.insert(k)
            }
            return .kinds(kinds)
        }
    }

    static func fails(_ report: CheckReport, _ condition: FailCondition) -> Bool {
        let s = report.summary
        switch condition {
        case .never: return false
        case .failed: return s.failed > 0
        case .drifted: return s.failed + s.drifted > 0
        case .kinds(let kinds): return report.operations.contains { $0.findings.contains { kinds.contains($0.kind) } }
        }
    }
}
