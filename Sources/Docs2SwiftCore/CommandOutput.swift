import Foundation

/// Where a command's single output goes: a file (written only when its contents changed, with its
/// folder made first) or standard output for none or `-`.
///
/// For example: `docs2swift openapi docs -o api/openapi.json` rewrites the file only when the
/// document changed; `-o -` prints it.
public enum CommandOutput {
    public static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else { FileHandle.standardOutput.write(data); return }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.contents(atPath: path) == data { return }
        try data.write(to: url, options: .atomic)
    }
}
