/// The type of a parameter, field or body in the intermediate model.
///
/// JSON form: `{"kind": "string", "format": "uuid"}`, `{"kind": "array", "items": {...}}`,
/// `{"kind": "object", "fields": [...]}` (inline object), `{"kind": "map", "values": {...}}`
/// (free-form object), `{"kind": "any"}`, `{"kind": "ref", "name": "User"}`.
///
/// For example: the docs' `array of string (uri)s` is `.array(.primitive(.string, format: "uri"))`.
public indirect enum TypeRef: Hashable, Sendable, Codable {
    case primitive(Primitive, format: String?)
    case array(TypeRef)
    case object([Field])
    case map(TypeRef)
    case any
    case ref(String)

    /// JSON primitive kinds.
    public enum Primitive: String, Hashable, Sendable, Codable {
        case string, integer, number, boolean
    }

    public static let string = TypeRef.primitive(.string, format: nil)
    public static let integer = TypeRef.primitive(.integer, format: nil)
    public static let boolean = TypeRef.primitive(.boolean, format: nil)
    public static let number = TypeRef.primitive(.number, format: nil)

    enum CodingKeys: String, CodingKey { case kind, format, items, fields, values, name }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "array": self = .array(try c.decode(TypeRef.self, forKey: .items))
        case "object": self = .object(try c.decode([Field].self, forKey: .fields))
        case "map": self = .map(try c.decode(TypeRef.self, forKey: .values))
        case "any": self = .any
        case "ref": self = .ref(try c.decode(String.self, forKey: .name))
        default:
            guard let p = Primitive(rawValue: kind) else {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown type kind \(kind)")
            }
            self = .primitive(p, format: try c.decodeIfPresent(String.self, forKey: .format))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .primitive(let p, let format):
            try c.encode(p.rawValue, forKey: .kind)
            try c.encodeIfPresent(format, forKey: .format)
        case .array(let items):
            try c.encode("array", forKey: .kind)
            try c.encode(items, forKey: .items)
        case .object(let fields):
            try c.encode("object", forKey: .kind)
            try c.encode(fields, forKey: .fields)
        case .map(let values):
            try c.encode("map", forKey: .kind)
            try c.encode(values, forKey: .values)
        case .any:
            try c.encode("any", forKey: .kind)
        case .ref(let name):
            try c.encode("ref", forKey: .kind)
            try c.encode(name, forKey: .name)
        }
    }

    /// A short human form, as the docs write it: `string (uuid)`, `array of User`.
    public var summary: String {
        switch self {
        case .primitive(let p, let f): return f.map { "\(p.rawValue) (\($0))" } ?? p.rawValue
        case .array(let t): return "array of \(t.summary)"
        case .object: return "object"
        case .map: return "object (free-form)"
        case .any: return "any"
        case .ref(let n): return n
        }
    }
}
