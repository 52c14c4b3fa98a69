import Foundation
import SwiftEmitter

/// Reading and writing `docs2swift.lock` (see `NameLock`): a missing file is an empty lock; a line
/// that is not an entry is an error naming the file and line, and nothing is generated.
///
/// For example: `try NameLockFile.read("generated/docs2swift.lock").lock.types.count`.
public enum NameLockFile {
    public struct InvalidLock: Error, CustomStringConvertible {
        public var description: String
    }

    /// The lock at `path` and its text (nil when there is no file).
    public static func read(_ path: String) throws -> (lock: NameLock, text: String?) {
        let text = self.text(at: path)
        return (try parse(text, path: path), text)
    }

    /// The text of the lock at `path` (nil when there is no file), not yet parsed.
    public static func text(at path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The lock `text` (read from `path`) holds; an empty lock for no text.
    public static func parse(_ text: String?, path: String) throws -> NameLock {
        guard let text else { return NameLock() }
        let (lock, invalid) = NameLock.parse(text)
        if let (line, content) = invalid.first {
            throw InvalidLock(description: "\(path):\(line):1: error: not a name-lock entry (`type DIGEST Name [documented]` or "
                              + "`method METHOD PATH ID name`): \(content.prefix(80))")
        }
        return lock
    }

    /// The lock as the generated file `generate` writes into its output folder.
    public static func generatedFile(_ lock: NameLock) -> GeneratedFile {
        generatedFile(text: text(lock))
    }

    /// The lock file of a lock whose `text` the caller has already made.
    public static func generatedFile(text: String) -> GeneratedFile {
        GeneratedFile(path: NameLock.fileName, contents: text)
    }

    /// The lock's text, with the generated-file header (so the output writer treats it as generated).
    public static func text(_ lock: NameLock) -> String {
        lock.text(header: SwiftEmitter.headerMarker + Emission.generatorVersion + " (names; edit only to choose a name)")
    }
}
