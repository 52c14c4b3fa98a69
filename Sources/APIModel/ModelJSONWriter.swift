import DocTree

/// Writes a model element's JSON straight into bytes, with no `Encoder` in between: the bytes
/// `ModelJSONEncoder` (and so `JSONEncoder` with sorted keys and pretty printing) writes for it. Through
/// `Encodable`, writing `api-model.json` was a third of the emit stage's instructions (a node per value,
/// a sort per object); here each type writes its keys in byte order, by hand.
///
/// Every stored property is written (absent optionals left out, as `encodeIfPresent` does): a property
/// added to a model type is added here too; `ModelJSONWriterTests` compares every element of real and
/// filled-in models with `ModelJSONEncoder`'s bytes.
///
/// For example: a `SourceLocation` at `users.md:12` writes `{\n  "file" : "users.md",\n  "line" : 12\n}`
/// at level 0.
protocol ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter)
}

struct ModelJSONWriter {
    var out: [UInt8] = []
    /// The indent level of the container being written.
    private var level: Int
    /// No entry written yet in the current container.
    private var first = true

    init(level: Int) { self.level = level }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        out.append(0x0A)
        level += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        out.append(0x0A)
        level -= 1
        JSONBuild.indent(level, into: &out)
        out.append(bracket)
        first = false
    }

    /// Starts an entry: the separator, the indent and, in an object, `"key" : `.
    private mutating func entry() {
        if !first { out.append(UInt8(ascii: ",")); out.append(0x0A) }
        first = false
        JSONBuild.indent(level, into: &out)
    }

    mutating func key(_ key: StaticString) {
        entry()
        out.append(0x22)
        append(key)
        append("\" : ")
    }

    /// A literal's bytes, with no array made for them.
    private mutating func append(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func value(_ text: String) { JSONBuild.appendQuoted(text, to: &out) }
    mutating func value(_ number: Int) { out.append(contentsOf: String(number).utf8) }
    mutating func value(_ flag: Bool) { append(flag ? "true" : "false") }
    mutating func value<T: ModelJSONWritable>(_ element: T) { element.writeJSON(&self) }

    mutating func value(_ texts: [String]) {
        beginArray()
        for text in texts { entry(); value(text) }
        endArray()
    }

    mutating func value<T: ModelJSONWritable>(_ elements: [T]) {
        beginArray()
        for element in elements { entry(); element.writeJSON(&self) }
        endArray()
    }

    /// `"key" : value`, for each kind of value.
    mutating func field(_ name: StaticString, _ text: String) { key(name); value(text) }
    mutating func field(_ name: StaticString, _ number: Int) { key(name); value(number) }
    mutating func field(_ name: StaticString, _ flag: Bool) { key(name); value(flag) }
    mutating func field(_ name: StaticString, _ texts: [String]) { key(name); value(texts) }
    mutating func field<T: ModelJSONWritable>(_ name: StaticString, _ element: T) { key(name); value(element) }
    mutating func field<T: ModelJSONWritable>(_ name: StaticString, _ elements: [T]) { key(name); value(elements) }
    /// An optional is left out when absent, as `encodeIfPresent` leaves it out.
    mutating func field(_ name: StaticString, _ text: String?) { if let text { field(name, text) } }
    mutating func field(_ name: StaticString, _ texts: [String]?) { if let texts { field(name, texts) } }
    mutating func field<T: ModelJSONWritable>(_ name: StaticString, _ element: T?) { if let element { field(name, element) } }
}

// Each type's keys in the byte order of their names (as sorted keys give them).

extension Resource: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("description", description); w.field("name", name); w.field("provenance", provenance); w.field("title", title)
        w.endObject()
    }
}

extension Operation: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("authorization", authorization); w.field("description", description); w.field("errorCodes", errorCodes)
        w.field("examples", examples); w.field("id", id); w.field("method", method); w.field("parameters", parameters)
        w.field("path", path); w.field("provenance", provenance); w.field("requestBody", requestBody); w.field("resource", resource)
        w.field("responses", responses); w.field("summary", summary); w.field("swiftName", swiftName)
        w.endObject()
    }
}

extension Parameter: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("description", description); w.field("enumValues", enumValues); w.field("example", example)
        w.field("location", location.rawValue); w.field("name", name); w.field("provenance", provenance)
        w.field("required", required); w.field("type", type)
        w.endObject()
    }
}

extension RequestBody: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("contentType", contentType); w.field("documentedName", documentedName); w.field("provenance", provenance)
        w.field("required", required); w.field("type", type)
        w.endObject()
    }
}

extension Response: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("contentType", contentType); w.field("description", description); w.field("documentedName", documentedName)
        w.field("provenance", provenance); w.field("status", status); w.field("type", type)
        w.endObject()
    }
}

extension ErrorCode: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("code", code); w.field("description", description); w.field("name", name); w.field("status", status)
        w.endObject()
    }
}

extension Example: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("kind", kind); w.field("language", language); w.field("provenance", provenance); w.field("text", text)
        w.endObject()
    }
}

extension Schema: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("description", description); w.field("documentedNames", documentedNames); w.field("enumValues", enumValues)
        w.field("fields", fields); w.field("kind", kind.rawValue); w.field("name", name); w.field("provenance", provenance)
        w.field("resource", resource)
        w.endObject()
    }
}

extension Field: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        w.field("description", description); w.field("enumValues", enumValues); w.field("name", name); w.field("nullable", nullable)
        w.field("provenance", provenance); w.field("readOnly", readOnly); w.field("required", required); w.field("type", type)
        w.endObject()
    }
}

extension TypeRef: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        switch self {
        case .primitive(let primitive, let format): w.field("format", format); w.field("kind", primitive.rawValue)
        case .array(let items): w.field("items", items); w.field("kind", "array")
        case .object(let fields): w.field("fields", fields); w.field("kind", "object")
        case .map(let values): w.field("kind", "map"); w.field("values", values)
        case .any: w.field("kind", "any")
        case .ref(let name): w.field("kind", "ref"); w.field("name", name)
        }
        w.endObject()
    }
}

extension SourceLocation: ModelJSONWritable {
    func writeJSON(_ w: inout ModelJSONWriter) {
        w.beginObject()
        if column != 0 { w.field("column", column) }
        w.field("file", file); w.field("line", line); w.field("section", section)
        w.endObject()
    }
}
