/// Header fields with case-insensitive names, in the order they were added: `headers["content-type"]`
/// and `headers["Content-Type"]` are the same field, as HTTP says. Setting a name replaces every field
/// of that name; `nil` removes them. Reads like the `[String: String]` it replaced (dictionary literals,
/// `for (name, value) in headers`). swift-http-types' `HTTPFields` is the same idea; this type keeps
/// the runtime free of dependencies (convert with `HTTPFields(headers.map { HTTPField(name: .init($0.name)!, value: $0.value) })`).
///
/// For example: `var h: HTTPHeaders = ["Content-Type": "application/json"]; h["content-type"]` is `"application/json"`.
public struct HTTPHeaders: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence, CustomStringConvertible {
    /// One field as sent: its name as written and its value.
    public struct Field: Sendable, Hashable {
        /// The field name as written.
        public var name: String
        /// The field value.
        public var value: String
        /// A field.
        public init(name: String, value: String) { self.name = name; self.value = value }
    }

    /// Every field, in the order added.
    public private(set) var fields: [Field] = []

    /// No fields.
    public init() {}
    /// Fields from a dictionary literal, in its order.
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }
    /// Fields from a dictionary, sorted by name.
    public init(_ dictionary: [String: String]) {
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) { self[name] = value }
    }

    /// The first value of `name` (any case); setting replaces all fields of that name, `nil` removes them.
    public subscript(name: String) -> String? {
        get { fields.first { Self.same($0.name, name) }?.value }
        set {
            guard let newValue else { fields.removeAll { Self.same($0.name, name) }; return }
            if let i = fields.firstIndex(where: { Self.same($0.name, name) }) {
                fields[i].value = newValue
                var j = fields.index(after: i)
                while j < fields.endIndex { if Self.same(fields[j].name, name) { fields.remove(at: j) } else { j += 1 } }
            } else {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    /// Every value of `name` (any case), in order: `Set-Cookie`, `Link`, … may repeat.
    public func values(for name: String) -> [String] { fields.filter { Self.same($0.name, name) }.map(\.value) }

    /// Adds a field, keeping those of the same name.
    public mutating func append(_ name: String, _ value: String) { fields.append(Field(name: name, value: value)) }

    /// Whether there is no field.
    public var isEmpty: Bool { fields.isEmpty }
    /// The number of fields, repeated names counted each time.
    public var count: Int { fields.count }

    public func makeIterator() -> AnyIterator<(name: String, value: String)> {
        var inner = fields.makeIterator()
        return AnyIterator { inner.next().map { ($0.name, $0.value) } }
    }

    public var description: String { fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n") }

    /// Equal when they hold the same fields in the same order, names compared without case.
    public static func == (a: HTTPHeaders, b: HTTPHeaders) -> Bool {
        a.fields.count == b.fields.count && zip(a.fields, b.fields).allSatisfy { same($0.name, $1.name) && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for f in fields { hasher.combine(f.name.lowercased()); hasher.combine(f.value) }
    }

    /// ASCII case-insensitive comparison (header names are ASCII tokens).
    static func same(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { l, r in l == r || (l | 0x20 == r | 0x20 && (l | 0x20) >= 0x61 && (l | 0x20) <= 0x7a) }
    }
}
