import APIModel

/// Maps model types to Swift types.
///
/// For example: `.primitive(.string, "date-time")` → `Date`, `.array(.ref("User"))` → `[User]`,
/// `.map(.any)` → `[String: JSONValue]`.
public enum SwiftTypes {
    /// With a `qualifier` (the models module), named types are written `Module.Name`: server and test
    /// files import Hummingbird, whose names (`Port`, …) would otherwise shadow the API's.
    public static func name(_ type: TypeRef, qualifier: String) -> String {
        switch type {
        case .array(let inner): return "[\(name(inner, qualifier: qualifier))]"
        case .map(let inner): return "[String: \(name(inner, qualifier: qualifier))]"
        case .ref(let n) where !qualifier.isEmpty: return "\(qualifier).\(n)"
        default: return name(type)
        }
    }

    public static func name(_ type: TypeRef) -> String {
        switch type {
        case .primitive(.string, let format):
            switch format?.lowercased() {
            case "uuid": return "UUID"
            case "uri", "url": return "URL"
            case "date-time", "datetime": return "Date"
            case "date": return "CalendarDate"
            case "decimal": return "DecimalString"
            case "binary", "byte": return "Data"
            default: return "String"
            }
        case .primitive(.integer, let format):
            switch format?.lowercased() {
            case "int64": return "Int64"
            case "int32": return "Int32"
            default: return "Int"
            }
        case .primitive(.number, _): return "Double"
        case .primitive(.boolean, _): return "Bool"
        case .array(let inner): return "[\(name(inner))]"
        case .map(let inner): return "[String: \(name(inner))]"
        case .object: return "[String: JSONValue]"
        case .any: return "JSONValue"
        case .ref(let n): return n
        }
    }

    /// Types that can go in a query string or path segment directly.
    public static func isScalar(_ type: TypeRef) -> Bool {
        switch type {
        case .primitive, .ref: return true
        default: return false
        }
    }
}
