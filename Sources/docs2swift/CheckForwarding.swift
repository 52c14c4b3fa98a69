import ArgumentParser
import Foundation

/// `docs2swift check …` runs `docs2swift-check …`, the executable built beside this one, with the
/// same arguments (its own `--help` included). The live check needs FoundationNetworking: URLSession,
/// libcurl and some 30 libraries that every other run of this program would load at start for nothing
/// (10 ms of a 0.03 s no-op run), and that keep it from linking the Swift libraries statically.
///
/// For example: `docs2swift check docs --base-url http://127.0.0.1:8888/v1` runs
/// `.build/release/docs2swift-check docs --base-url http://127.0.0.1:8888/v1`.
enum CheckForwarding {
    static let executableName = "docs2swift-check"

    /// Replaces this process with `docs2swift-check` when the command line asks for `check`.
    static func forwardIfAsked(_ arguments: [String]) {
        guard arguments.count > 1, arguments[1] == "check" else { return }
        let path = executablePath()
        guard FileManager.default.isExecutableFile(atPath: path) else {
            FileHandle.standardError.write(Data("""
                docs2swift: error: `check` runs \(executableName), which is not built beside this program (\(path)); \
                build it with `swift build -c release --product \(executableName)` (or `swift build`, which builds both)\n
                """.utf8))
            exit(2)
        }
        let argv = [path] + arguments.dropFirst(2)
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(path, &cArguments)
        FileHandle.standardError.write(Data("docs2swift: error: could not run \(path): \(String(cString: strerror(errno)))\n".utf8))
        exit(2)
    }

    /// `docs2swift-check` in the folder of this program's executable.
    static func executablePath() -> String {
        let own = Bundle.main.executablePath ?? CommandLine.arguments[0]
        return ((own as NSString).deletingLastPathComponent as NSString).appendingPathComponent(executableName)
    }
}

/// The `check` entry in `docs2swift --help`; the command itself is `docs2swift-check` (see `CheckForwarding`).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Call the documented operations on a live server and report where its answers differ from the docs.",
        discussion: "Runs \(CheckForwarding.executableName), built beside docs2swift; `docs2swift check --help` lists its options.")

    @Argument(parsing: .captureForPassthrough, help: "The arguments of docs2swift-check.")
    var arguments: [String] = []

    func run() throws {
        CheckForwarding.forwardIfAsked(["docs2swift", "check"] + arguments)
    }
}
