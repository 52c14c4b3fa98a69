import Foundation

/// One message about the input or the run, with where it applies.
///
/// For example: `input-docs/users.md:12:1: warning: table row has 2 cells, header has 3`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error
        var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `path:line:col: severity: message`, the form compilers and editors understand.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "docs2swift: \(severity.rawValue): \(message)"
    }
}

/// Receives diagnostics. Pipeline stages never print; they emit into a collector.
public protocol DiagnosticCollector: Sendable {
    func emit(_ diagnostic: Diagnostic)
}

extension DiagnosticCollector {
    public func warning(_ message: String, at location: SourceLocation? = nil) { emit(Diagnostic(.warning, message, at: location)) }
    public func error(_ message: String, at location: SourceLocation? = nil) { emit(Diagnostic(.error, message, at: location)) }
    public func note(_ message: String, at location: SourceLocation? = nil) { emit(Diagnostic(.note, message, at: location)) }
}

/// Keeps every diagnostic, in emission order; thread-safe. Used by tests and by the pipeline,
/// which sorts them before showing.
public final class RecordingCollector: DiagnosticCollector, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Diagnostic] = []

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        lock.lock(); storage.append(diagnostic); lock.unlock()
    }

    public var diagnostics: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }

    /// Diagnostics sorted by file, line, then message, so output is deterministic.
    public var sorted: [Diagnostic] {
        diagnostics.sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0)
            if la != lb { return la < lb }
            return a.message < b.message
        }
    }

    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// Writes each diagnostic to standard error as it arrives.
public struct PrintingCollector: DiagnosticCollector {
    public var minimum: Diagnostic.Severity
    public init(minimum: Diagnostic.Severity = .warning) { self.minimum = minimum }
    public func emit(_ diagnostic: Diagnostic) {
        guard diagnostic.severity >= minimum else { return }
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// Thrown when an error diagnostic was emitted into an `ErrorThrowingCollector`.
public struct DiagnosticError: Error, CustomStringConvertible {
    public var diagnostic: Diagnostic
    public var description: String { diagnostic.description }
}

/// Forwards to an upstream collector and remembers the first error so a stage can stop.
public final class ErrorThrowingCollector: DiagnosticCollector, @unchecked Sendable {
    public let upstream: DiagnosticCollector
    private let lock = NSLock()
    private var firstError: Diagnostic?
    public init(upstream: DiagnosticCollector) { self.upstream = upstream }
    public func emit(_ diagnostic: Diagnostic) {
        upstream.emit(diagnostic)
        if diagnostic.severity == .error {
            lock.lock(); if firstError == nil { firstError = diagnostic }; lock.unlock()
        }
    }
    /// Throws the first error emitted so far, if any.
    public func throwIfError() throws {
        lock.lock(); let e = firstError; lock.unlock()
        if let e { throw DiagnosticError(diagnostic: e) }
    }
}
