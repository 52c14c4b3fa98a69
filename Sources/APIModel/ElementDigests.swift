import DocTree
import Foundation

/// The digest of each resource, operation and schema of a model (`ElementDigests.of(api)`), taken
/// once per regeneration and read by both users: the model JSON's element cache
/// (`ModelJSONElementCache`) and the render keys of the Swift files (`FileInputs`). Each array is in the
/// model's order. An element's digest mixes every stored property of it, by hand
/// (`ElementDigestLayouts.swift`): equal digests, equal elements (to 64 bits).
///
/// For example: `digests.schemas[i]` is the digest of `api.schemas[i]`.
public struct ElementDigests: Sendable {
    public var resources: [UInt64]
    public var operations: [UInt64]
    public var schemas: [UInt64]
    /// Each operation's shape digest (`Operation.split(shape:rest:)`): what the server and tests files read.
    public var operationShapes: [UInt64]
    /// Each schema's shape digest (`Schema.split(shape:prose:lines:)`): what every file but its own models file reads.
    public var schemaShapes: [UInt64]
    /// Each schema's source lines and its fields' (`Schema.split(shape:prose:lines:)`).
    public var schemaSourceLines: [UInt64]

    public init(resources: [UInt64], operations: [UInt64], schemas: [UInt64], operationShapes: [UInt64], schemaShapes: [UInt64],
                schemaSourceLines: [UInt64]) {
        self.resources = resources
        self.operations = operations
        self.operationShapes = operationShapes
        self.schemas = schemas
        self.schemaShapes = schemaShapes
        self.schemaSourceLines = schemaSourceLines
    }

    /// Whether these are the digests of `api`'s elements (the same counts; a model changed after
    /// they were taken must not use them).
    public func fit(_ api: APIDescription) -> Bool {
        resources.count == api.resources.count && operations.count == api.operations.count && schemas.count == api.schemas.count
            && operationShapes.count == api.operations.count && schemaShapes.count == api.schemas.count && schemaSourceLines.count == api.schemas.count
    }

    /// Every element's digest, on all cores; an operation's and a schema's parts in the same walk.
    public static func of(_ api: APIDescription) -> ElementDigests {
        let operations = all(api.operations, zero: (shape: UInt64(0), rest: UInt64(0))) { parts($0) }
        let schemas = all(api.schemas, zero: (shape: UInt64(0), prose: UInt64(0), lines: UInt64(0))) { parts($0) }
        return ElementDigests(resources: all(api.resources, zero: UInt64(0)) { of($0) },
                              operations: operations.map { combine($0.shape, $0.rest) },
                              schemas: schemas.map { combine($0.shape, $0.prose, $0.lines) },
                              operationShapes: operations.map(\.shape), schemaShapes: schemas.map(\.shape),
                              schemaSourceLines: schemas.map(\.lines))
    }

    /// What `digest(into:)` gives for parts digested apart (`Operation.digest(into:)`, `Schema.digest(into:)`).
    private static func combine(_ parts: UInt64...) -> UInt64 {
        var h = ElementHasher()
        for part in parts { h.mix(part) }
        return h.value
    }

    /// An operation's shape digest and the digest of the rest, from one walk (`Operation.split(shape:rest:)`).
    public static func parts(_ operation: Operation) -> (shape: UInt64, rest: UInt64) {
        var shape = ElementHasher(), rest = ElementHasher()
        operation.split(shape: &shape, rest: &rest)
        return (shape.value, rest.value)
    }

    /// A schema's shape, prose and source-line digests, from one walk (`Schema.split(shape:prose:lines:)`).
    public static func parts(_ schema: Schema) -> (shape: UInt64, prose: UInt64, lines: UInt64) {
        var shape = ElementHasher(), prose = ElementHasher(), lines = ElementHasher()
        schema.split(shape: &shape, prose: &prose, lines: &lines)
        return (shape.value, prose.value, lines.value)
    }

    /// The digest of one element.
    public static func of<E: ElementDigestible>(_ element: E) -> UInt64 {
        var h = ElementHasher()
        element.digest(into: &h)
        return h.value
    }

    private static func all<E: Sendable, T>(_ items: [E], zero: T, _ of: @Sendable (E) -> T) -> [T] {
        let batch = 64
        guard items.count > batch else { return items.map { of($0) } }
        var out = [T](repeating: zero, count: items.count)
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: (items.count + batch - 1) / batch) { b in
                for i in (b * batch)..<min(items.count, (b + 1) * batch) { slots.pointer[i] = of(items[i]) }
            }
        }
        return out
    }
}

/// Results written from several threads, each to its own index.
private struct Slots<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// The running digest an element mixes itself into (`ElementDigestible`): 8 bytes at a time
/// (`WordHash`). Every value mixes a self-delimiting form — a string its length and bytes, an optional
/// a 0 or a 1 and then the value, an array its count and then its elements — so the words of two
/// different elements of one type never spell alike.
public struct ElementHasher {
    public private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    public init() {}

    @inline(__always) public mutating func mix(_ word: UInt64) { WordHash.mix(word, into: &value) }

    public mutating func mix(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            mix(UInt64(bytes.count) | 0x5300_0000_0000_0000)
            WordHash.mix(UnsafeRawBufferPointer(bytes), into: &value)
        }
    }

    @inline(__always) public mutating func mix<T: ElementDigestible>(_ value: T) { value.digest(into: &self) }
}

/// A model type that mixes each of its stored properties into an `ElementHasher`, in a fixed order
/// (`ElementDigestLayouts.swift`).
public protocol ElementDigestible {
    func digest(into h: inout ElementHasher)
}

extension String: ElementDigestible {
    public func digest(into h: inout ElementHasher) { h.mix(self) }
}

extension Int: ElementDigestible {
    public func digest(into h: inout ElementHasher) { h.mix(UInt64(bitPattern: Int64(self))) }
}

extension Bool: ElementDigestible {
    public func digest(into h: inout ElementHasher) { h.mix(self ? 1 : 0) }
}

extension Optional: ElementDigestible where Wrapped: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        if let self { h.mix(1 as UInt64); h.mix(self) } else { h.mix(0 as UInt64) }
    }
}

extension Array: ElementDigestible where Element: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        h.mix(UInt64(count))
        for element in self { h.mix(element) }
    }
}

/// A string enumeration mixes its raw value.
extension ElementDigestible where Self: RawRepresentable, RawValue == String {
    public func digest(into h: inout ElementHasher) { h.mix(rawValue) }
}
