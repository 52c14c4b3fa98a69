import APIModel

/// One generated Swift declaration that a docs change removes, adds or changes, and whether code
/// using the old generation stops compiling (source compatibility, as `swift-api-digester
/// -diagnose-sdk` checks it without `-abi`).
///
/// For example: `SwiftChange(declaration: "User.email", kind: "property", change: "type-changed", breaksSource: true,
/// old: "String", new: "String?", reason: "the property's type changed")`.
public struct SwiftChange: Codable, Hashable, Sendable, Comparable {
    /// Spelled as the digester prints it: `User`, `User.email`, `User.init(name:email:)`, `APIClient.usersList(page:)`.
    public var declaration: String
    /// `type`, `property`, `case`, `initializer` or `method`.
    public var kind: String
    /// `removed`, `added`, `renamed`, `type-changed`, `kind-changed`, `signature-changed`, `return-type-changed`.
    public var change: String
    public var breaksSource: Bool
    public var old: String?
    public var new: String?
    public var reason: String

    public static func < (a: SwiftChange, b: SwiftChange) -> Bool {
        (a.declaration, a.change, a.old ?? "", a.new ?? "") < (b.declaration, b.change, b.old ?? "", b.new ?? "")
    }
}

/// Compares the Swift declarations two models generate (`SwiftSurface`): types by name, their
/// members, `init`s and `APIClient` methods by their arguments. An `init` or method call from the
/// old generation still compiles when the new one only adds defaulted arguments; anything else that
/// changes a signature, a property type, or removes a declaration breaks source.
///
/// For example: a field `nickname` (optional) added to `User` gives `User.nickname added` and
/// `User.init(name:email:) signature-changed` with `breaksSource` false.
struct SwiftSurfaceDiff {
    let old: SwiftSurface
    let new: SwiftSurface
    var changes: [SwiftChange] = []

    init(old: APIDescription, new: APIDescription) {
        self.old = SwiftSurface(old)
        self.new = SwiftSurface(new)
    }

    mutating func run() -> [SwiftChange] {
        diffTypes()
        diffMethods()
        return changes.sorted()
    }

    mutating func add(_ declaration: String, _ change: String, breaks: Bool, old: String? = nil, new: String? = nil, _ reason: String) {
        changes.append(SwiftChange(declaration: declaration, kind: kind(of: declaration), change: change, breaksSource: breaks, old: old, new: new, reason: reason))
    }

    /// `type`, `property`, `case`, `initializer` or `method`, from the spelling and the owning type's kind.
    func kind(of declaration: String) -> String {
        if declaration.hasPrefix("APIClient.") { return "method" }
        if declaration.contains(".init(") { return "initializer" }
        guard let dot = declaration.firstIndex(of: ".") else { return "type" }
        let owner = String(declaration[..<dot])
        return (old.types[owner] ?? new.types[owner])?.kind == .enum ? "case" : "property"
    }

    mutating func diffTypes() {
        let removed = old.types.keys.filter { new.types[$0] == nil }.sorted()
        let added = Set(new.types.keys.filter { old.types[$0] == nil })
        for name in removed {
            let t = old.types[name]!
            // A type renamed: the only added type of the same shape.
            let same = added.filter { new.types[$0]!.shape == t.shape }
            if same.count == 1, let to = same.first {
                add(name, "renamed", breaks: true, old: name, new: to, "the type is generated as \(to) now")
            } else {
                add(name, "removed", breaks: true, "no operation uses this \(t.kind.rawValue) any more")
            }
        }
        for name in added.sorted() { add(name, "added", breaks: false, "new \(new.types[name]!.kind.rawValue)") }
        for name in old.types.keys.sorted() {
            guard var o = old.types[name], var n = new.types[name] else { continue }
            // A struct that became a typealias of another struct (or back) is used the same way: compare
            // what the name stands for, under the old name.
            if o.kind != n.kind, o.kind == .typealias || n.kind == .typealias {
                let ro = o.kind == .typealias ? o.members[""].flatMap { old.types[$0] } : o
                let rn = n.kind == .typealias ? n.members[""].flatMap { new.types[$0] } : n
                if let ro, let rn, ro.kind == rn.kind, ro.kind != .typealias {
                    o = ro.renamed(name)
                    n = rn.renamed(name)
                }
            }
            guard o.kind == n.kind else {
                add(name, "kind-changed", breaks: true, old: o.kind.rawValue, new: n.kind.rawValue, "a \(o.kind.rawValue) became a \(n.kind.rawValue)")
                continue
            }
            switch o.kind {
            case .typealias:
                if o.members[""] != n.members[""] {
                    add(name, "type-changed", breaks: true, old: o.members[""], new: n.members[""], "the documented name names another type now")
                }
            case .enum:
                for c in o.members.keys.sorted() where n.members[c] == nil {
                    add("\(name).\(c)", "removed", breaks: true, old: o.members[c], "the enum case is gone (code naming it stops compiling)")
                }
                for c in n.members.keys.sorted() where o.members[c] == nil {
                    // Generated enums are not frozen for the compiler's purposes only in library-evolution builds;
                    // a package module is, so an exhaustive `switch` without `default` stops compiling.
                    add("\(name).\(c)", "added", breaks: true, new: n.members[c], "new enum case: an exhaustive `switch` without `default` no longer compiles")
                }
            case .struct:
                for p in o.members.keys.sorted() {
                    if let nt = n.members[p] {
                        if nt != o.members[p]! {
                            add("\(name).\(p)", "type-changed", breaks: true, old: o.members[p], new: nt, "the property's type changed")
                        }
                    } else {
                        add("\(name).\(p)", "removed", breaks: true, old: o.members[p], "the property is gone")
                    }
                }
                for p in n.members.keys.sorted() where o.members[p] == nil {
                    add("\(name).\(p)", "added", breaks: false, new: n.members[p], "new property")
                }
                if let oi = o.initializer, let ni = n.initializer { diffFunction(oi, ni) }
            }
        }
    }

    mutating func diffMethods() {
        for name in old.methods.keys.sorted() {
            let o = old.methods[name]!
            guard let n = new.methods[name] else {
                // The same operation under a new method name (the docs renamed its SDK id).
                let op = old.operations[name]
                let candidates = new.operations.filter { $0.value == op && old.methods[$0.key] == nil }.keys.sorted()
                if candidates.count == 1, let to = candidates.first, let m = new.methods[to] {
                    add(o.declaration, "renamed", breaks: true, old: o.declaration, new: m.declaration, "the operation's method is \(to) now")
                } else {
                    let pagingGone = op?.hasSuffix(" all") == true && new.operations.values.contains(String(op!.dropLast(4)))
                    add(o.declaration, "removed", breaks: true, pagingGone ? "the list no longer pages (its documented paging parameters or response changed)" : "the operation is gone")
                }
                continue
            }
            if o.returnType != n.returnType {
                add(o.declaration, "return-type-changed", breaks: true, old: o.returnType, new: n.returnType, "the method returns another type")
            }
            diffFunction(o, n)
        }
        for name in new.methods.keys.sorted() where old.methods[name] == nil {
            add(new.methods[name]!.declaration, "added", breaks: false, "new method")
        }
    }

    /// Old calls still compile when the new arguments are the old ones, in order and with the same
    /// types, plus defaulted ones.
    mutating func diffFunction(_ o: SwiftSurface.Function, _ n: SwiftSurface.Function) {
        guard o.arguments != n.arguments else { return }
        let kept = n.arguments.filter { a in o.arguments.contains { $0.label == a.label } }
        let addedAllDefaulted = n.arguments.allSatisfy { a in o.arguments.contains { $0.label == a.label } || a.defaulted }
        let compatible = kept == o.arguments && addedAllDefaulted
        func text(_ f: SwiftSurface.Function) -> String {
            f.base + "(" + f.arguments.map { "\($0.label): \($0.type)\($0.defaulted ? " = nil" : "")" }.joined(separator: ", ") + ")"
        }
        var reason = compatible ? "only defaulted arguments added; old calls compile" : "old calls no longer compile: "
        if !compatible {
            let gone = o.arguments.filter { a in !n.arguments.contains { $0.label == a.label } }.map(\.label)
            let retyped = o.arguments.filter { a in n.arguments.contains { $0.label == a.label && $0.type != a.type } }.map(\.label)
            let required = n.arguments.filter { a in !a.defaulted && !o.arguments.contains { $0.label == a.label } }.map(\.label)
            var parts: [String] = []
            if !gone.isEmpty { parts.append("argument(s) \(gone.joined(separator: ", ")) removed") }
            if !retyped.isEmpty { parts.append("argument(s) \(retyped.joined(separator: ", ")) retyped") }
            if !required.isEmpty { parts.append("required argument(s) \(required.joined(separator: ", ")) added") }
            if parts.isEmpty { parts.append("arguments reordered or their defaults removed") }
            reason += parts.joined(separator: "; ")
        }
        add(o.declaration, "signature-changed", breaks: !compatible, old: text(o), new: text(n), reason)
    }
}
