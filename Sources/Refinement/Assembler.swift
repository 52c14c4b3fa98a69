import APIModel
import DocTree

/// Refinement, stage 3: assembles the pages' extractions into one `APIDescription` — unique
/// resource names, merged duplicate operations, inline objects and enums hoisted into named,
/// de-duplicated schemas, collision-free Swift names — all in a deterministic order.
///
/// For example: the six operations of seed 000 share one response type `CallAssignmentConfiguration`
/// and one body type `CallAssignmentConfigurationRequest` (with `PatchedCallAssignmentConfigurationRequest`
/// kept as an alias of the same shape).
public struct Assembler: Sendable {
    public var title: String
    public var version: String
    /// Swift names of an earlier generation (`docs2swift.lock`), kept for the same shapes and operations.
    public var lock: NameLock
    /// False: names are chosen afresh and every change against `lock` is reported as accepted.
    public var honourLock: Bool
    /// Also make the live-argument plan (`ArgumentPlan`), on another thread while the model is finished.
    public var planArguments = false
    /// The last run's hoisting decisions (`HoistingRecord`): taken as they are when no operation changed
    /// in anything but prose and source lines.
    public var hoisting: HoistingRecord?

    public init(title: String = "API", version: String = "1.0.0", lock: NameLock = NameLock(), honourLock: Bool = true) {
        self.title = title
        self.version = version
        self.lock = lock
        self.honourLock = honourLock
    }

    /// The model, the names that changed against the lock (with why), and the lock of this generation.
    public struct Assembly: Sendable {
        public var api: APIDescription
        public var renames: [Rename]
        public var lock: NameLock
        /// The live-argument plan of `api`, when `planArguments` asked for it.
        public var argumentPlan: BackgroundJob<ArgumentPlan>?
        /// The operations a router cannot tell apart from an earlier one (`PathTemplate.shadowedRoutes`), by
        /// index in `api.operations`: warned about here, routed by the generated server.
        public var shadowedRoutes: [Int: Int] = [:]
        /// This run's hoisting decisions, for the next run; nil when they are `hoisting`'s (replayed).
        public var hoisting: HoistingRecord?
    }

    public func assemble(_ pages: [PageExtraction], diagnostics: DiagnosticCollector) -> APIDescription {
        assembleNamed(pages, diagnostics: diagnostics).api
    }

    public func assembleNamed(_ pages: [PageExtraction], diagnostics: DiagnosticCollector) -> Assembly {
        let sortedPages = pages.sorted { $0.resource.name < $1.resource.name }
        let resourceNames = ResourceNaming.assign(sortedPages.map(\.resource))
        var resources: [Resource] = []
        var operations: [Operation] = []
        var seenOperations: [String: Int] = [:]
        let identities = Set(pages.flatMap { $0.operations.map { $0.method + " " + $0.path } })
        for page in sortedPages {
            let key = page.resource.name
            var resource = page.resource
            resource.name = resourceNames[key]!
            resources.append(resource)
            for var op in page.operations {
                let identity = op.method + " " + op.path
                if let plain = DocumentedTwice.withoutFormatSuffix(op.path), identities.contains(op.method + " " + plain) {
                    diagnostics.note("\(identity) is \(op.method) \(plain) with a format suffix; read as that operation", at: op.provenance)
                    continue
                }
                if let index = seenOperations[identity] {
                    let first = operations[index]
                    let at = first.provenance.map { "\($0)" } ?? "?"
                    if DocumentedTwice.isListing(first), !DocumentedTwice.isListing(op) {
                        // An index of endpoints (an overview's list of signatures) read before the page documenting one.
                        diagnostics.note("\(identity) is only listed at \(at); documented here", at: op.provenance)
                        op.resource = resource.name
                        Self.orderParameters(&op)
                        operations[index] = op
                    } else if DocumentedTwice.isListing(op) {
                        diagnostics.note("\(identity) is listed again; documented at \(at)", at: op.provenance)
                    } else if DocumentedTwice.identical(first, op) {
                        diagnostics.note("\(identity) is documented identically again; merged with the first (\(at))", at: op.provenance)
                    } else {
                        diagnostics.warning("\(identity) is documented again; keeping the first (\(at))", at: op.provenance)
                    }
                    continue
                }
                seenOperations[identity] = operations.count
                op.resource = resource.name
                Self.orderParameters(&op)
                operations.append(op)
            }
        }
        // Sorted by index, with each operation's key made once: sorting the operations themselves copied
        // every one of them three times.
        let sortKeys = operations.map { ($0.resource, $0.path, SchemaHoister.methodRank($0.method)) }
        let order = sortKeys.indices.sorted { sortKeys[$0] < sortKeys[$1] }
        operations = order.map { operations[$0] }
        // The plan reads what naming and hoisting leave as it is (methods, paths, examples): made on another
        // thread from here, at a lower priority, in the time the hoisting leaves a core idle.
        let planInputs = planArguments ? operations.map(ArgumentPlan.Input.init) : []
        let argumentPlan = planArguments ? BackgroundJob(yielding: true) { ArgumentPlan(inputs: planInputs) } : nil
        // Hoisting and naming (of schemas and of methods), or, when no operation changed in anything but
        // prose and source lines, the last run's decisions (`HoistingRecord`).
        let shapes = HoistingRecord.shapes(operations)
        let lockDigest = HoistingRecord.lock(lock, honourLock: honourLock)
        let last = hoisting?.decisions(shapes: shapes, lock: lockDigest, honourLock: honourLock)
        var methodRenames: [Rename]
        let shadowed: [Int: Int]
        if let last, last.methodNames.count == operations.count {
            for i in operations.indices { operations[i].swiftName = last.methodNames[i] }
            (methodRenames, shadowed) = (last.methodRenames, last.shadowed)
        } else {
            methodRenames = OperationNaming.assign(&operations, lock: lock, honourLock: honourLock)
            shadowed = PathTemplate.shadowedRoutes(operations)
        }
        for (i, f) in shadowed.sorted(by: { $0.key < $1.key }) {
            let (op, first) = (operations[i], operations[f])
            diagnostics.warning("\(op.method) \(op.path) answers the same requests as \(first.method) \(first.path)"
                                + "\(first.provenance.map { " (\($0))" } ?? ""); a generated server routes them to the first",
                                at: op.provenance)
        }
        let schemas: [Schema]
        var record: HoistingRecord
        var replayed = false
        if let last, last.methodNames.count == operations.count, let decided = SchemaHoister.replay(last, &operations) {
            (schemas, record, replayed) = (decided, last, true)
        } else {
            if last != nil {
                // A record that does not fit: the methods are named afresh too.
                methodRenames = OperationNaming.assign(&operations, lock: lock, honourLock: honourLock)
            }
            var hoister = SchemaHoister(lock: lock, honourLock: honourLock)
            schemas = hoister.hoist(&operations)
            record = hoister.record
            (record.shapes, record.lock) = (shapes, lockDigest)
            (record.methodNames, record.methodRenames, record.shadowed) = (operations.map(\.swiftName), methodRenames, shadowed)
        }
        let renames = record.renames + methodRenames
        let newLock = NameLock(types: record.lockEntries, methods: Dictionary(
            operations.map { ($0.method + " " + $0.path, NameLock.MethodEntry(id: $0.id, name: $0.swiftName)) }, uniquingKeysWith: { a, _ in a }))
        if !replayed { record.settledLock = HoistingRecord.lock(newLock, honourLock: true) }
        var api = APIDescription(title: title, version: version, basePath: commonBasePath(operations), resources: resources,
                                 operations: operations, schemas: schemas)
        api.baseURL = sortedPages.lazy.compactMap(\.baseURL).first
        return Assembly(api: api, renames: renames, lock: newLock, argumentPlan: argumentPlan, shadowedRoutes: shadowed,
                        hoisting: replayed ? nil : record)
    }

    /// An operation's parameters in the order its function takes them: path parameters in the
    /// order of the path template (`/integrations/{event_id}/jobs/{id}` → `event_id`, `id`, wherever
    /// each is documented), then query parameters and headers in document order.
    static func orderParameters(_ op: inout Operation) {
        let template = PathTemplate.parameterNames(op.path)
        func key(_ p: Parameter) -> (Parameter.Location, Int) {
            if p.location == .path, let i = template.firstIndex(of: p.name) { return (p.location, i) }
            return (p.location, p.provenance?.line ?? 0)
        }
        let keys = op.parameters.map(key)
        // Most pages document them in this order already: then the operation keeps its array.
        guard zip(keys, keys.dropFirst()).contains(where: { $0.0 > $0.1 }) else { return }
        op.parameters = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { op.parameters[$0] }
    }

    /// The longest literal prefix shared by every path, cut at a `/` (for example `/api`).
    func commonBasePath(_ operations: [Operation]) -> String {
        guard var prefix = operations.first?.path else { return "" }
        for op in operations.dropFirst() {
            while !op.path.hasPrefix(prefix) { prefix.removeLast() }
        }
        if let brace = prefix.firstIndex(of: "{") { prefix = String(prefix[..<brace]) }
        guard let slash = prefix.lastIndex(of: "/") else { return "" }
        return String(prefix[..<slash])
    }
}

/// Unique Swift names for resources: the title in UpperCamelCase, prefixed with its folder when
/// two pages share a title.
///
/// For example: `core/automation/rules.md` and `marketplace/automation/rules.md`, both titled
/// "Rules", become `CoreAutomationRules` and `MarketplaceAutomationRules`.
enum ResourceNaming {
    static func assign(_ resources: [Resource]) -> [String: String] {
        var base: [String: String] = [:]
        var counts: [String: Int] = [:]
        var folders: [String: Set<String>] = [:]
        /// The last two folders of the page's path (`core/automation` of `docs/core/automation/rules.md`), split
        /// as bytes (a `/` is one byte, and a split by `Character` was most of this function's time).
        func folder(_ r: Resource) -> String {
            r.name.utf8.split(separator: UInt8(ascii: "/")).dropLast().suffix(2).map { String(Substring($0)) }.joined(separator: "/")
        }
        for r in resources {
            let n = Naming.typeName(r.title)
            base[r.name] = n
            counts[n.lowercased(), default: 0] += 1
            folders[n.lowercased(), default: []].insert(folder(r))
        }
        var used: Set<String> = []
        var out: [String: String] = [:]
        for r in resources {
            var name = base[r.name]!
            // Pages sharing a title in different folders are told apart by folder; in one folder, by number.
            if counts[name.lowercased()]! > 1, folders[name.lowercased()]!.count > 1 {
                let folders = r.name.split(separator: "/").dropLast().suffix(2).map(String.init)
                name = Naming.typeName(folders.joined(separator: " ") + " " + r.title)
            }
            var candidate = name
            var n = 2
            while used.contains(candidate.lowercased()) { candidate = "\(name)\(n)"; n += 1 }
            used.insert(candidate.lowercased())
            out[r.name] = candidate
        }
        return out
    }
}

/// Unique Swift method names for operations, from the stable id; a name recorded in the lock for
/// the same method, path and id is kept (claimed first).
///
/// For example: `call_assignment_configurations_partial_update` → `callAssignmentConfigurationsPartialUpdate`.
enum OperationNaming {
    static func assign(_ operations: inout [Operation], lock: NameLock = NameLock(), honourLock: Bool = true) -> [Rename] {
        var used: Set<String> = []
        var reasons: [Int: String] = [:]
        for i in operations.indices {
            operations[i].swiftName = ""
            guard let entry = lock.methods[operations[i].method + " " + operations[i].path] else { continue }
            if !honourLock {
                reasons[i] = "chosen afresh (--accept-renames)"
            } else if entry.id != operations[i].id {
                reasons[i] = "the docs renamed the operation (\(entry.id) → \(operations[i].id))"
            } else if used.contains(entry.name.lowercased()) || Naming.keywords.contains(entry.name) {
                reasons[i] = "\(entry.name) is taken by another operation"
            } else {
                used.insert(entry.name.lowercased())
                operations[i].swiftName = entry.name
            }
        }
        for i in operations.indices where operations[i].swiftName.isEmpty {
            let base = Naming.memberName(operations[i].id)
            var name = base
            var n = 2
            while used.contains(name.lowercased()) || Naming.keywords.contains(name) { name = "\(base)\(n)"; n += 1 }
            used.insert(name.lowercased())
            operations[i].swiftName = name
        }
        return operations.indices.compactMap { i in
            guard let entry = lock.methods[operations[i].method + " " + operations[i].path], entry.name != operations[i].swiftName else { return nil }
            return Rename(kind: .method, old: entry.name, new: operations[i].swiftName, reason: reasons[i] ?? "changed")
        }
    }
}
