@testable import APIDiff
import APIModel
import Foundation
import Testing

/// `SwiftSurface` repeats the emitter's naming (properties, `init` and method arguments, return types)
/// so the diff can name declarations; this keeps the two in step on the committed seed package: every
/// `init(…)` and `APIClient` method in `generated/Sources/SeedAPI` has the arguments and return type
/// the surface computes from `generated/api-model.json`.
@Suite struct SwiftSurfaceMatchesEmitterTests {
    static let generated = testsRoot.appendingPathComponent("../../generated").standardizedFileURL

    /// `name: Type = nil,` lines → arguments.
    static func arguments(_ text: Substring) -> [SwiftSurface.Argument] {
        text.split(separator: "\n").compactMap { raw in
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix(",") { line.removeLast() }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let label = String(line[..<colon]).replacingOccurrences(of: "`", with: "")
            var type = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let defaulted = type.hasSuffix(" = nil")
            if defaulted { type = String(type.dropLast(" = nil".count)) }
            return SwiftSurface.Argument(label: label, type: type, defaulted: defaulted)
        }
    }

    static func swiftFiles(_ folder: String) throws -> [String] {
        let dir = generated.appendingPathComponent("Sources/SeedAPI/" + folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func initsAndMethodsMatchTheGeneratedSeedPackage() throws {
        let model = try APIDescription.decode(Data(contentsOf: Self.generated.appendingPathComponent("api-model.json")))
        let surface = SwiftSurface(model)
        var inits = 0
        for file in try Self.swiftFiles("Models") {
            for part in file.components(separatedBy: "public struct ").dropFirst() {
                let name = String(part.prefix { $0 != ":" && $0 != " " })
                guard let start = part.range(of: "public init(\n"), let end = part.range(of: "\n    ) {", range: start.upperBound..<part.endIndex) else { continue }
                let emitted = Self.arguments(part[start.upperBound..<end.lowerBound])
                #expect(surface.types[name]?.initializer?.arguments == emitted, "\(name).init")
                inits += 1
            }
        }
        var methods = 0
        let method = try NSRegularExpression(pattern: #"public func (\w+)\(\n?((?:[^)]*\n)*?)\s*\) async throws(?: -> ([^{]+))? \{"#)
        for file in try Self.swiftFiles("Client") {
            for m in method.matches(in: file, range: NSRange(file.startIndex..., in: file)) {
                let name = String(file[Range(m.range(at: 1), in: file)!])
                let args = Range(m.range(at: 2), in: file).map { Self.arguments(file[$0]) } ?? []
                let returns = Range(m.range(at: 3), in: file).map { file[$0].trimmingCharacters(in: .whitespaces) } ?? "Void"
                #expect(surface.methods[name]?.arguments == args, "APIClient.\(name) arguments")
                #expect(surface.methods[name]?.returnType == returns, "APIClient.\(name) return type")
                methods += 1
            }
        }
        #expect(inits == model.schemas.filter { $0.kind == .object && !$0.fields.isEmpty }.count)
        #expect(methods == model.operations.count)
    }
}
