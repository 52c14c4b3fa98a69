import APIDiff
import ArgumentParser
import Docs2SwiftCore
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two API versions: docs folders or pages, model JSON, or OpenAPI documents.")

    @Argument(help: "The old version: docs folder or page, model JSON, or OpenAPI 3.0/3.1 (JSON or YAML).")
    var old: String
    @Argument(help: "The new version, in any of the same forms.")
    var new: String
    @Option(help: "text (default), markdown or json.")
    var format: String = "text"
    @Option(help: "Exit with status 1 if there is a change of this severity or worse: breaking or non-breaking.")
    var failOn: String?
    @Option(help: "Colour in text output: auto (on a terminal), always or never.")
    var color: String = "auto"
    @Option(name: .shortAndLong, help: "Write the report to a file instead of standard output.")
    var output: String?

    func run() throws {
        guard ["text", "markdown", "json"].contains(format) else { throw ValidationError("--format must be text, markdown or json") }
        let collector = RecordingCollector()
        let report: DiffReport
        do {
            report = try APISource.diff(old: old, new: new, pipeline: GeneratorPipeline(), diagnostics: collector)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        for d in collector.sorted where d.severity != .note {
            FileHandle.standardError.write(Data((d.description + "\n").utf8))
        }
        let useColor = color == "always" || (color == "auto" && output == nil && isatty(STDOUT_FILENO) != 0)
        let text: String
        switch format {
        case "markdown": text = DiffFormatter.markdown(report)
        case "json": text = try DiffFormatter.json(report)
        default: text = DiffFormatter.text(report, color: useColor)
        }
        try CommandOutput.write(Data(text.utf8), to: output)
        switch failOn {
        case nil: break
        case "breaking"?: if report.summary.breaking > 0 { throw ExitCode(1) }
        case "non-breaking"?: if report.summary.breaking + report.summary.nonBreaking > 0 { throw ExitCode(1) }
        default: throw ValidationError("--fail-on must be breaking or non-breaking")
        }
    }
}
